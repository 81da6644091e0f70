package org.gridgov.scoring.policy;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.people.Role;
import org.gridgov.scoring.indicator.Indicator;

/**
 * A place's scoring policy, as data: indicator windows and thresholds, the score's indicator
 * weights (and, optionally, other weights for workers of given roles), the 12345 three-rate
 * weights, team bundling, pay, points and duties. Load it with {@link ScoringPolicyLoader} (which
 * validates it) or check one built in code with {@link ScoringPolicyLoader#validate}; presets are
 * in {@link ScoringPresets}.
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
    ImmutableMap<String, DutyRule> duties,
    ImmutableMap<Role, ImmutableMap<Indicator, IndicatorWeight>> roleScores) {

  public ScoringPolicy {
    Objects.requireNonNull(indicators, "indicators");
    score = ImmutableMap.copyOf(score);
    threeRates = threeRates == null ? Optional.empty() : threeRates;
    team = team == null ? Optional.empty() : team;
    pay = pay == null ? Optional.empty() : pay;
    points = points == null ? Optional.empty() : points;
    duties = ImmutableMap.copyOf(duties);
    roleScores = roleScores == null ? ImmutableMap.of() : ImmutableMap.copyOf(roleScores);
  }

  /** Every worker scored with {@link #score()}. */
  public ScoringPolicy(
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
    this(
        id,
        version,
        source,
        indicators,
        score,
        threeRates,
        team,
        pay,
        points,
        duties,
        ImmutableMap.of());
  }

  /**
   * The weights a worker holding {@code roles} is scored with: those of the first role in {@link
   * #roleScores()}' order that the worker holds (a supervisor on verification, say), else {@link
   * #score()}, the weights of every other unit.
   */
  public ImmutableMap<Indicator, IndicatorWeight> scoreFor(Set<Role> roles) {
    for (Map.Entry<Role, ImmutableMap<Indicator, IndicatorWeight>> e : roleScores.entrySet()) {
      if (roles.contains(e.getKey())) {
        return e.getValue();
      }
    }
    return score;
  }

  @Override
  public String toString() {
    return "ScoringPolicy[" + id + " v" + version + "]";
  }
}
