package org.gridgov.scoring.points;

import org.gridgov.core.RuleId;

/** The rule ids of points inputs: ledger entries and the points a policy gives. */
public final class PointsRules {
  /** A ledger entry's points outside 1 to {@link LedgerEntry#MAX_POINTS}. */
  public static final RuleId RANGE = RuleId.of("points.range");

  /**
   * A worker's points beyond a {@code long}: reached only with a points policy built in code
   * without the policy checks (points per unit above {@link
   * org.gridgov.scoring.policy.PointsPolicy#MAX_POINTS}).
   */
  public static final RuleId OVERFLOW = RuleId.of("points.overflow");

  private PointsRules() {}
}
