package org.gridgov.scoring;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridgov.core.Directory;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Money;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
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
import org.gridgov.scoring.pay.PayRules;
import org.gridgov.scoring.pay.PayStatement;
import org.gridgov.scoring.pay.PieceRatePay;
import org.gridgov.scoring.pay.TeamPool;
import org.gridgov.scoring.points.Points;
import org.gridgov.scoring.points.PointsStatement;
import org.gridgov.scoring.policy.PayScheme;
import org.gridgov.scoring.policy.ScoringPolicy;
import org.gridgov.scoring.policy.ScoringPolicyLoader;
import org.gridgov.scoring.ranking.MostImproved;
import org.gridgov.scoring.ranking.Ranking;

/**
 * One policy applied to one period. Every method is a pure function of its arguments; a method
 * whose policy part is missing (no pay, no points…) throws {@link IllegalStateException} naming it.
 * A missing argument is refused with a {@link NullPointerException} naming it; a score card or
 * indicator report of another period or zone than the run's is refused ({@link Period#MISMATCH}),
 * so that one month's pay or points are never computed from, nor labelled with, another's; a score
 * card scored under another policy than the run's is refused the same way ({@link
 * #POLICY_MISMATCH}), so that one policy's pay is never computed from another's weights.
 *
 * <p>Monthly pay ({@link #gradedPay}, {@link #allowance}) is paid for the days of the calendar
 * month the period covers: a whole month pays the monthly amounts as they are, part of one month
 * pays them × days ÷ days in the month (half-up to the fen), and a period over more than one month,
 * a quarter included, is refused ({@link PayRules#PERIOD}): score and pay such a stretch month by
 * month. Piece rates and team pools are not monthly and are paid in full for any period.
 */
public record ScoringRun(ScoringPolicy policy, Period period) {
  /**
   * A score card whose {@link ScoreCard#policyId()} is not the run's policy id: paid, or compared
   * for most improved, under a policy it was not scored with. Cards are told apart by id only, so
   * two versions of one policy are not.
   */
  public static final RuleId POLICY_MISMATCH = RuleId.of("scoring.policy-mismatch");

  /**
   * @throws org.gridgov.core.InvalidInputException when the policy is invalid (as {@link
   *     Scoring#of} checks it), so a run built directly is checked too
   */
  public ScoringRun {
    ScoringPolicyLoader.validate(Objects.requireNonNull(policy, "policy"));
    Objects.requireNonNull(period, "period");
  }

  /**
   * A fresh engine for streaming events one by one (see {@link IndicatorEngine}); {@link
   * IndicatorEngine#seed seed} it with the directory, which also gives it the catalogue and the
   * area kinds that timed registration and verification need.
   */
  public IndicatorEngine engine() {
    return new IndicatorEngine(period, policy.indicators());
  }

  /**
   * The indicators of every unit from whole histories and visit records.
   *
   * @throws InvalidInputException naming every visit record that is null or of a worker not on the
   *     roster or a grid not in the territory ({@link IndicatorEngine#VISIT}), before anything is
   *     counted: a mistyped id would otherwise rank a unit that does not exist; or naming a null
   *     history {@code histories[i]}, or an event {@code histories[i][j]} that is null or does not
   *     follow from those before it (repeated, out of order, another incident's; {@link
   *     IndicatorEngine#HISTORY}), found as the histories are read once (they may be a single-use
   *     stream): the run's engine has counted part of them, and is dropped with its counts
   */
  public IndicatorReport indicators(
      Iterable<? extends List<? extends IncidentEvent>> histories,
      Iterable<VisitRecord> visits,
      Directory directory) {
    Objects.requireNonNull(histories, "histories");
    Objects.requireNonNull(visits, "visits");
    Objects.requireNonNull(directory, "directory");
    List<VisitRecord> known = new ArrayList<>();
    List<Violation> violations = new ArrayList<>();
    int i = 0;
    for (VisitRecord visit : visits) {
      String path = "visits[" + i++ + "]";
      if (visit == null) {
        violations.add(Violation.of(path, IndicatorEngine.VISIT, "must not be null", null));
      } else if (directory.roster().find(visit.worker()).isEmpty()) {
        violations.add(
            Violation.of(
                path + ".worker",
                IndicatorEngine.VISIT,
                "is not a worker on the roster",
                visit.worker()));
      } else if (!directory.territory().contains(visit.grid())) {
        violations.add(
            Violation.of(
                path + ".grid",
                IndicatorEngine.VISIT,
                "is not a grid of the territory",
                visit.grid()));
      } else {
        known.add(visit);
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("visits " + period.label(), violations);
    }
    return engine().seed(directory).acceptAll(histories).acceptVisits(known).finish();
  }

  /**
   * @throws InvalidInputException when {@code report} is of another period ({@link
   *     Period#MISMATCH})
   */
  public ScoreCard score(IndicatorReport report, Directory directory) {
    samePeriod("report", Objects.requireNonNull(report, "report").period());
    return Scorer.score(policy, report, Objects.requireNonNull(directory, "directory"));
  }

  public ScoreCard score(
      Iterable<? extends List<? extends IncidentEvent>> histories,
      Iterable<VisitRecord> visits,
      Directory directory) {
    return score(indicators(histories, visits, directory), directory);
  }

  /**
   * Most improved of {@code kind}: this card against the previous period's.
   *
   * @throws InvalidInputException when {@code current} is not of this period or {@code previous}
   *     not of {@link Period#previous()} ({@link Period#MISMATCH}), as when the two are swapped; or
   *     when either was scored under another policy than the run's ({@link #POLICY_MISMATCH}):
   *     scores weighed two ways do not measure an improvement
   */
  public MostImproved mostImproved(UnitKind kind, ScoreCard current, ScoreCard previous) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(previous, "previous");
    List<Violation> violations = new ArrayList<>();
    checkCard(violations, "current", current, "the run's period ", period);
    checkCard(violations, "previous", previous, "the period before the run's, ", period.previous());
    if (!violations.isEmpty()) {
      throw new InvalidInputException("most improved " + period.label(), violations);
    }
    return MostImproved.of(period.label(), kind, current.values(kind), previous.values(kind));
  }

  /**
   * Graded pay of the monthly {@code baseSalaries}, prorated to the days of the month the period
   * covers when it is not a whole month ({@link GradedPay}).
   *
   * @throws InvalidInputException when {@code card} is of another period ({@link Period#MISMATCH})
   *     or was scored under another policy ({@link #POLICY_MISMATCH}), or when the run's period is
   *     over more than one calendar month ({@link PayRules#PERIOD})
   */
  public PayStatement gradedPay(ScoreCard card, Map<WorkerId, Money> baseSalaries) {
    ownCard("card", card);
    Objects.requireNonNull(baseSalaries, "baseSalaries");
    return GradedPay.compute(
        pay().graded().orElseThrow(() -> missing("pay.graded")), card, baseSalaries);
  }

  public PayStatement pieceRates(IndicatorReport report, List<MajorEventAward> awards) {
    samePeriod("report", Objects.requireNonNull(report, "report").period());
    Objects.requireNonNull(awards, "awards");
    return PieceRatePay.compute(
        pay().pieceRates().orElseThrow(() -> missing("pay.pieceRates")), report, awards);
  }

  /**
   * The policy's monthly allowance, prorated to the days of the month the period covers when it is
   * not a whole month ({@link AllowancePay}).
   *
   * @throws InvalidInputException when {@code card} is of another period ({@link Period#MISMATCH})
   *     or was scored under another policy ({@link #POLICY_MISMATCH}), or when the run's period is
   *     over more than one calendar month ({@link PayRules#PERIOD})
   */
  public PayStatement allowance(ScoreCard card, Collection<WorkerId> workers) {
    ownCard("card", card);
    Objects.requireNonNull(workers, "workers");
    return AllowancePay.compute(
        pay().allowance().orElseThrow(() -> missing("pay.allowance")), card, workers);
  }

  public PayStatement teamPool(Money pool, AreaCode grid, Directory directory) {
    Objects.requireNonNull(directory, "directory");
    return TeamPool.split(
        period.label(),
        pool,
        grid,
        directory.roster(),
        policy.team().orElseThrow(() -> missing("team")));
  }

  public ImmutableList<PointsStatement> points(
      IndicatorReport report, Iterable<CheckRecord> checks, Directory directory) {
    samePeriod("report", Objects.requireNonNull(report, "report").period());
    Objects.requireNonNull(checks, "checks");
    Objects.requireNonNull(directory, "directory");
    return Points.compute(
        policy.points().orElseThrow(() -> missing("points")),
        policy.duties(),
        period,
        report,
        checks,
        directory.roster().workers());
  }

  /**
   * The period's ranking of workers by their total points, as L community ranks its grid workers
   * (seed 002: 按照积分进行排名, 评选"最美网格员"): standard competition ranking ("1224"), ties in id order, as a
   * score card's {@link ScoreCard#ranking}. A score card ranks by the policy's weighted score
   * instead, which is not the points' order.
   *
   * @throws InvalidInputException naming each {@code points[i]} that is null or a second statement
   *     of one worker ({@link Ranking#INPUT}); nothing is ranked then
   */
  public Ranking pointsRanking(Collection<PointsStatement> points) {
    Objects.requireNonNull(points, "points");
    List<Violation> violations = new ArrayList<>();
    Map<UnitRef, BigDecimal> totals = new HashMap<>();
    int i = 0;
    for (PointsStatement p : points) {
      String path = "points[" + i++ + "]";
      if (p == null) {
        violations.add(Violation.of(path, Ranking.INPUT, "must not be null", null));
      } else if (totals.put(UnitRef.worker(p.worker()), BigDecimal.valueOf(p.total())) != null) {
        violations.add(
            Violation.of(path + ".worker", Ranking.INPUT, "has a statement already", p.worker()));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("points ranking " + period.label(), violations);
    }
    return Ranking.of(period.label(), UnitKind.WORKER, totals);
  }

  /** Compliance with every duty of the policy by the units inside {@code scope}. */
  public DutyReport duties(Iterable<CheckRecord> checks, Directory directory, AreaCode scope) {
    Objects.requireNonNull(directory, "directory");
    return DutyCheck.check(period, policy.duties(), directory.territory(), scope, checks);
  }

  /** Refuses an input of another period than the run's ({@link Period#MISMATCH}). */
  private void samePeriod(String field, Period other) {
    if (!other.equals(period)) {
      throw new InvalidInputException(
          field + " " + other.label(), mismatch(field, "the run's period " + period, other));
    }
  }

  /**
   * Refuses a card of another period or policy than the run's, naming both at once ({@link
   * Period#MISMATCH}, {@link #POLICY_MISMATCH}).
   */
  private void ownCard(String field, ScoreCard card) {
    Objects.requireNonNull(card, field);
    List<Violation> violations = new ArrayList<>();
    checkCard(violations, field, card, "the run's period ", period);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(field + " " + card.period().label(), violations);
    }
  }

  /**
   * Adds to {@code violations} what is wrong with {@code card} as input {@code field}: a period
   * other than {@code expected} (described as {@code expectedName} and the period), a policy other
   * than the run's.
   */
  private void checkCard(
      List<Violation> violations,
      String field,
      ScoreCard card,
      String expectedName,
      Period expected) {
    if (!card.period().equals(expected)) {
      violations.add(mismatch(field, expectedName + expected, card.period()));
    }
    if (!card.policyId().equals(policy.id())) {
      violations.add(
          Violation.of(
              field + ".policyId",
              POLICY_MISMATCH,
              "must be the run's policy " + policy.id(),
              card.policyId()));
    }
  }

  private static Violation mismatch(String field, String expected, Period was) {
    return Violation.of(field + ".period", Period.MISMATCH, "must be " + expected, was);
  }

  private PayScheme pay() {
    return policy.pay().orElseThrow(() -> missing("pay"));
  }

  private IllegalStateException missing(String part) {
    return new IllegalStateException("scoring policy " + policy.id() + " has no " + part);
  }
}
