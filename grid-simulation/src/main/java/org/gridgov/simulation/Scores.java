package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import org.gridgov.core.Money;
import org.gridgov.scoring.Period;
import org.gridgov.scoring.UnitKind;
import org.gridgov.scoring.indicator.UnitIndicators;
import org.gridgov.scoring.pay.PayStatement;
import org.gridgov.scoring.ranking.Ranking;

/**
 * What the scoring policy made of one period of a run, a calendar month (or the part of one the run
 * covers): the ranking of every kind of unit (grids, communities, streets, lines, and the grid
 * workers: department staff, who have no grid, are not ranked with them, as the policy scores grid
 * work) and the pay of the grid workers for that month: for the part of a month the run covers, the
 * monthly base salary or allowance × the days covered ÷ the days of the month (grid-scoring's
 * {@code pay.period} rule), so that a run from the 15th is not paid two whole months.
 *
 * @param scoringPolicy the scoring policy's id and version
 * @param period the month scored
 * @param pay what the scoring policy pays the grid workers: graded pay from the base salary, else
 *     the allowance, else piece rates; empty when it pays nothing
 * @param streets every street's indicators of the month (the regions CJ/T 292 evaluates): its
 *     counts, rates and durations from the event history, scored or not, in code order
 */
public record Scores(
    String scoringPolicy,
    Period period,
    ImmutableMap<UnitKind, Ranking> rankings,
    java.util.Optional<PayStatement> pay,
    ImmutableList<Street> streets) {

  /** A street's name in the territory and its indicators of the month. */
  public record Street(String name, UnitIndicators indicators) {
    /** The street's code. */
    public String code() {
      return indicators.unit().id();
    }
  }

  public Ranking ranking(UnitKind kind) {
    return rankings.get(kind);
  }

  /** Total pay, fixed and variable parts together; zero when the policy pays nothing. */
  public Money payTotal() {
    return pay.map(PayStatement::total).orElse(Money.ofFen(0));
  }

  static Scores of(
      String policy,
      Period period,
      Map<UnitKind, Ranking> rankings,
      java.util.Optional<PayStatement> pay,
      List<Street> streets) {
    return new Scores(
        policy, period, ImmutableMap.copyOf(rankings), pay, ImmutableList.copyOf(streets));
  }
}
