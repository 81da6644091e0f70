package org.gridgov.scoring;

import com.google.common.collect.ImmutableList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridgov.core.Directory;
import org.gridgov.core.Money;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.scoring.duty.CheckRecord;
import org.gridgov.scoring.duty.DutyCheck;
import org.gridgov.scoring.duty.DutyReport;
import org.gridgov.scoring.indicator.IndicatorEngine;
import org.gridgov.scoring.indicator.IndicatorReport;
import org.gridgov.scoring.indicator.VisitRecord;
import org.gridgov.scoring.pay.AllowancePay;
import org.gridgov.scoring.pay.GradedPay;
import org.gridgov.scoring.pay.MajorEventAward;
import org.gridgov.scoring.pay.PayStatement;
import org.gridgov.scoring.pay.PieceRatePay;
import org.gridgov.scoring.pay.TeamPool;
import org.gridgov.scoring.points.Points;
import org.gridgov.scoring.points.PointsStatement;
import org.gridgov.scoring.policy.PayScheme;
import org.gridgov.scoring.policy.ScoringPolicy;
import org.gridgov.scoring.policy.ScoringPolicyLoader;
import org.gridgov.scoring.ranking.MostImproved;

/**
 * One policy applied to one period. Every method is a pure function of its arguments; a method
 * whose policy part is missing (no pay, no points…) throws {@link IllegalStateException} naming it.
 */
public record ScoringRun(ScoringPolicy policy, Period period) {

  /**
   * @throws org.gridgov.core.InvalidInputException when the policy is invalid (as {@link
   *     Scoring#of} checks it), so a run built directly is checked too
   */
  public ScoringRun {
    ScoringPolicyLoader.validate(Objects.requireNonNull(policy, "policy"));
    Objects.requireNonNull(period, "period");
  }

  /** A fresh engine for streaming events one by one (see {@link IndicatorEngine}). */
  public IndicatorEngine engine() {
    return new IndicatorEngine(period, policy.indicators());
  }

  /** The indicators of every unit from whole histories and visit records. */
  public IndicatorReport indicators(Iterable<? extends List<? extends IncidentEvent>> histories,
      Iterable<VisitRecord> visits, Directory directory) {
    return engine().seed(directory).acceptAll(histories).acceptVisits(visits).finish();
  }

  public ScoreCard score(IndicatorReport report, Directory directory) {
    return Scorer.score(policy, report, directory);
  }

  public ScoreCard score(Iterable<? extends List<? extends IncidentEvent>> histories,
      Iterable<VisitRecord> visits, Directory directory) {
    return score(indicators(histories, visits, directory), directory);
  }

  /** Most improved of {@code kind}: this card against the previous period's. */
  public MostImproved mostImproved(UnitKind kind, ScoreCard current, ScoreCard previous) {
    return MostImproved.of(period.label(), kind, current.values(kind), previous.values(kind));
  }

  public PayStatement gradedPay(ScoreCard card, Map<WorkerId, Money> baseSalaries) {
    return GradedPay.compute(pay().graded().orElseThrow(() -> missing("pay.graded")), card, baseSalaries);
  }

  public PayStatement pieceRates(IndicatorReport report, List<MajorEventAward> awards) {
    return PieceRatePay.compute(pay().pieceRates().orElseThrow(() -> missing("pay.pieceRates")), report, awards);
  }

  public PayStatement allowance(ScoreCard card, Collection<WorkerId> workers) {
    return AllowancePay.compute(pay().allowance().orElseThrow(() -> missing("pay.allowance")), card, workers);
  }

  public PayStatement teamPool(Money pool, AreaCode grid, Directory directory) {
    return TeamPool.split(period.label(), pool, grid, directory.roster(),
        policy.team().orElseThrow(() -> missing("team")));
  }

  public ImmutableList<PointsStatement> points(IndicatorReport report, Iterable<CheckRecord> checks,
      Directory directory) {
    return Points.compute(policy.points().orElseThrow(() -> missing("points")), policy.duties(),
        period, report, checks, directory.roster().workers());
  }

  /** Compliance with every duty of the policy by the units inside {@code scope}. */
  public DutyReport duties(Iterable<CheckRecord> checks, Directory directory, AreaCode scope) {
    return DutyCheck.check(period, policy.duties(), directory.territory(), scope, checks);
  }

  private PayScheme pay() {
    return policy.pay().orElseThrow(() -> missing("pay"));
  }

  private IllegalStateException missing(String part) {
    return new IllegalStateException("scoring policy " + policy.id() + " has no " + part);
  }
}
