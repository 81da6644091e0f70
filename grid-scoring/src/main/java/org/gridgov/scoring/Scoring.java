package org.gridgov.scoring;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;
import org.gridgov.scoring.policy.ScoringPolicy;
import org.gridgov.scoring.policy.ScoringPolicyLoader;

/**
 * The entry point: a validated {@link ScoringPolicy}, then a period.
 *
 * <pre>{@code
 * ScoringRun march = Scoring.of(ScoringPresets.kaixuan()).month(YearMonth.of(2024, 3), zone);
 * IndicatorReport indicators = march.indicators(histories, visits, directory);
 * ScoreCard card = march.score(indicators, directory);
 * Ranking grids = card.ranking(UnitKind.GRID);
 * PayStatement pay = march.gradedPay(card, baseSalaries);
 * }</pre>
 */
public final class Scoring {
  private final ScoringPolicy policy;

  private Scoring(ScoringPolicy policy) {
    this.policy = ScoringPolicyLoader.validate(Objects.requireNonNull(policy, "policy"));
  }

  /**
   * @throws org.gridgov.core.InvalidInputException listing every violation of the policy
   */
  public static Scoring of(ScoringPolicy policy) {
    return new Scoring(policy);
  }

  public ScoringPolicy policy() {
    return policy;
  }

  /** The calendar month {@code month} in {@code zone}. */
  public ScoringRun month(YearMonth month, ZoneId zone) {
    return period(Period.month(month, zone));
  }

  public ScoringRun period(Period period) {
    return new ScoringRun(policy, period);
  }
}
