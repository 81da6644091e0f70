package org.gridgov.scoring.points;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.scoring.Period;
import org.gridgov.scoring.duty.CheckRecord;
import org.gridgov.scoring.duty.DutyCheck;
import org.gridgov.scoring.indicator.Counter;
import org.gridgov.scoring.indicator.IndicatorReport;
import org.gridgov.scoring.indicator.UnitIndicators;
import org.gridgov.scoring.policy.DutyRule;
import org.gridgov.scoring.policy.PointsPolicy;

/**
 * Points (L community, seed 002): static = visits × the {@code visit} points + Σ check records the
 * worker filed for the period × their duty's points, a record belonging to the period that holds
 * its duty's slot ({@link DutyRule#slotOf}: a weekly inspection filed on a Wednesday counts where
 * its week's Monday lies, as {@link org.gridgov.scoring.duty.DutyCheck} counts it); dynamic = Σ
 * counter × points over the policy's dynamic counters (effective reports, feedbacks on time, …) of
 * the worker's indicators; stars by the total.
 *
 * <p>With a validated policy (at most {@link PointsPolicy#MAX_POINTS} per unit of work) the sums
 * stay inside a {@code long} for any plausible count; a policy built in code past that maximum is
 * refused where a worker's points overflow ({@link PointsRules#OVERFLOW}, naming the worker).
 */
public final class Points {
  private Points() {}

  /**
   * @param duties the scoring policy's duties, which say the period a check record belongs to; a
   *     record of a duty not among them (possible only with a policy built in code) belongs to the
   *     period holding its date
   * @throws InvalidInputException when a check record is null ({@link DutyCheck#INPUT}) or filed by
   *     a unit at another level than its duty's ({@link DutyCheck#UNIT_LEVEL}), each named
   */
  public static ImmutableList<PointsStatement> compute(
      PointsPolicy policy,
      Map<String, DutyRule> duties,
      Period period,
      IndicatorReport report,
      Iterable<CheckRecord> checks,
      Iterable<Worker> workers) {
    Map<WorkerId, Long> fromChecks = new HashMap<>();
    List<Violation> violations = new ArrayList<>();
    int i = 0;
    for (CheckRecord c : checks) {
      String path = "checks[" + i++ + "]";
      if (c == null) {
        violations.add(Violation.of(path, DutyCheck.INPUT, "must not be null", null));
        continue;
      }
      Long points = policy.staticPoints().get(c.duty());
      DutyRule duty = duties.get(c.duty());
      Optional<Violation> misfiled =
          duty == null ? Optional.empty() : DutyCheck.misfiled(path, c, duty);
      if (misfiled.isPresent()) {
        violations.add(misfiled.get());
        continue;
      }
      if (points != null && period.contains(duty == null ? c.date() : duty.slotOf(c.date()))) {
        fromChecks.merge(
            c.by(), points, (x, y) -> exact(period, c.by(), () -> Math.addExact(x, y)));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("points " + period.label(), violations);
    }
    ImmutableList.Builder<PointsStatement> result = ImmutableList.builder();
    for (Worker worker : workers) {
      UnitIndicators u = report.worker(worker.id());
      long fixed =
          exact(
              period,
              worker.id(),
              () ->
                  Math.addExact(
                      fromChecks.getOrDefault(worker.id(), 0L),
                      Math.multiplyExact(
                          u.count(Counter.VISITS),
                          policy.staticPoints().getOrDefault(PointsPolicy.VISIT, 0L))));
      long dynamic = 0;
      for (Map.Entry<Counter, Long> e : policy.dynamicPoints().entrySet()) {
        long before = dynamic;
        dynamic =
            exact(
                period,
                worker.id(),
                () -> Math.addExact(before, Math.multiplyExact(u.count(e.getKey()), e.getValue())));
      }
      long dynamicPoints = dynamic;
      long total = exact(period, worker.id(), () -> Math.addExact(fixed, dynamicPoints));
      result.add(new PointsStatement(worker.id(), fixed, dynamic, total, policy.starsFor(total)));
    }
    return result.build();
  }

  /** {@code sum}, or {@link PointsRules#OVERFLOW} naming the worker when it overflows. */
  private static long exact(Period period, WorkerId worker, LongSupplier sum) {
    try {
      return sum.getAsLong();
    } catch (ArithmeticException e) {
      throw new InvalidInputException(
          "points " + period.label(),
          Violation.of(
              "workers." + worker,
              PointsRules.OVERFLOW,
              "points of worker " + worker + " overflow a long",
              null));
    }
  }
}
