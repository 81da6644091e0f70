package org.gridgov.scoring.pay;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.gridgov.core.Money;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.scoring.policy.TeamPolicy;

/**
 * Splits a grid's team pool (a bonus earned by the grid as a whole) among the workers serving the
 * grid — its members and the street cadre bound to it — by the policy's pool weights per role, to
 * the fen with {@link Allocation#largestRemainder}. Workers whose roles have no weight get nothing
 * and are left out.
 *
 * <p>The pool is the amount earned for the period it is split for, not a monthly rate: it is split
 * whole whatever the period's length, never prorated like the monthly amounts of {@link GradedPay}
 * and {@link AllowancePay}.
 */
public final class TeamPool {
  private TeamPool() {}

  /**
   * @throws org.gridgov.core.InvalidInputException when the pool is negative ({@link
   *     PayRules#NEGATIVE}) or above {@link Money#MAX_AMOUNT} ({@link PayRules#TOO_LARGE}), or
   *     {@code grid} is not a GRID or no worker whose role has a pool weight serves it ({@link
   *     PayRules#POOL_GRID})
   */
  public static PayStatement split(
      String period, Money pool, AreaCode grid, Roster roster, TeamPolicy team) {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(roster, "roster");
    Objects.requireNonNull(team, "team");
    boolean isGrid = grid.level() == Level.GRID;
    Map<WorkerId, BigDecimal> weights = new TreeMap<>();
    for (Worker worker : isGrid ? roster.inGrid(grid) : List.<Worker>of()) {
      int weight = team.poolWeight(worker);
      if (weight > 0) {
        weights.put(worker.id(), BigDecimal.valueOf(weight));
      }
    }
    new PayRules.Check("team pool " + grid)
        .rule(pool.isNegative(), "pool", PayRules.NEGATIVE, "must not be negative", pool)
        .notTooLarge(pool, "pool")
        .rule(
            !isGrid, "grid", PayRules.POOL_GRID, "must be a GRID code, was a " + grid.level(), grid)
        .rule(
            isGrid && weights.isEmpty(),
            "grid",
            PayRules.POOL_GRID,
            "is served by no worker whose role has a pool weight",
            grid)
        .throwIfAny();
    ImmutableList.Builder<PayLine> lines = ImmutableList.builder();
    Allocation.largestRemainder(pool, weights)
        .forEach(
            (worker, share) ->
                lines.add(
                    PayLine.of(
                        worker,
                        Money.ZERO,
                        share,
                        "grid " + grid + " pool weight " + weights.get(worker))));
    return new PayStatement(period, "team-pool " + grid, lines.build());
  }
}
