package org.gridgov.scoring.policy;

import com.google.common.collect.ImmutableMap;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.scoring.indicator.Indicator;

/**
 * A place's scoring policy, as data: indicator windows and thresholds, the score's indicator
 * weights, the 12345 three-rate weights, team bundling, pay, points and duties. Load it with
 * {@link ScoringPolicyLoader} (which validates it) or check one built in code with {@link
 * ScoringPolicyLoader#validate}; presets are in {@link ScoringPresets}.
 */
public record ScoringPolicy(
    String id,
    int version,
    String source,
    IndicatorSettings indicators,
    ImmutableMap<Indicator, IndicatorWeight> score,
    Optional<ThreeRateWeights> threeRates,
    Optional<TeamPolicy> team,
    Optional<PayScheme> pay,
    Optional<PointsPolicy> points,
    ImmutableMap<String, DutyRule> duties) {

  public ScoringPolicy {
    Objects.requireNonNull(indicators, "indicators");
    score = ImmutableMap.copyOf(score);
    threeRates = threeRates == null ? Optional.empty() : threeRates;
    team = team == null ? Optional.empty() : team;
    pay = pay == null ? Optional.empty() : pay;
    points = points == null ? Optional.empty() : points;
    duties = ImmutableMap.copyOf(duties);
  }

  @Override
  public String toString() {
    return "ScoringPolicy[" + id + " v" + version + "]";
  }
}
