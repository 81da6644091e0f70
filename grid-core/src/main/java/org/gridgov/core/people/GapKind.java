package org.gridgov.core.people;

import org.gridgov.core.RuleId;

/** What is wrong with a grid's staffing; a {@link StaffingReport} orders gaps of a grid by kind. */
public enum GapKind {
  /** Fewer workers holding a role than the template's minimum (none at all: a missing role). */
  BELOW_MINIMUM("staffing.below-minimum"),
  /** A worker serves a grid outside their unit, where the template requires grids within it. */
  OUTSIDE_UNIT("staffing.outside-unit"),
  /** A worker serves a grid the territory does not have. */
  UNKNOWN_GRID("staffing.unknown-grid");

  @SuppressWarnings("ImmutableEnumChecker") // a record of a string
  private final RuleId ruleId;

  GapKind(String ruleId) {
    this.ruleId = RuleId.of(ruleId);
  }

  public RuleId ruleId() {
    return ruleId;
  }
}
