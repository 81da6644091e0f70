package org.gridgov.scoring.points;

import com.google.common.collect.ImmutableList;
import java.util.HashMap;
import java.util.Map;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.scoring.Period;
import org.gridgov.scoring.duty.CheckRecord;
import org.gridgov.scoring.indicator.Counter;
import org.gridgov.scoring.indicator.IndicatorReport;
import org.gridgov.scoring.indicator.UnitIndicators;
import org.gridgov.scoring.policy.PointsPolicy;

/**
 * Points (L community, seed 002): static = visits × the {@code visit} points + Σ check records the
 * worker filed in the period × their duty's points; dynamic = Σ counter × points over the policy's
 * dynamic counters (effective reports, feedbacks on time, …) of the worker's indicators; stars by
 * the total.
 */
public final class Points {
  private Points() {}

  public static ImmutableList<PointsStatement> compute(PointsPolicy policy, Period period,
      IndicatorReport report, Iterable<CheckRecord> checks, Iterable<Worker> workers) {
    Map<WorkerId, Long> fromChecks = new HashMap<>();
    for (CheckRecord c : checks) {
      Long points = policy.staticPoints().get(c.duty());
      if (points != null && period.contains(c.date())) {
        fromChecks.merge(c.by(), points, Long::sum);
      }
    }
    ImmutableList.Builder<PointsStatement> result = ImmutableList.builder();
    for (Worker worker : workers) {
      UnitIndicators u = report.worker(worker.id());
      long fixed = Math.addExact(fromChecks.getOrDefault(worker.id(), 0L),
          Math.multiplyExact(u.count(Counter.VISITS), policy.staticPoints().getOrDefault(PointsPolicy.VISIT, 0L)));
      long dynamic = 0;
      for (Map.Entry<Counter, Long> e : policy.dynamicPoints().entrySet()) {
        dynamic = Math.addExact(dynamic, Math.multiplyExact(u.count(e.getKey()), e.getValue()));
      }
      long total = Math.addExact(fixed, dynamic);
      result.add(new PointsStatement(worker.id(), fixed, dynamic, total, policy.starsFor(total)));
    }
    return result.build();
  }
}
