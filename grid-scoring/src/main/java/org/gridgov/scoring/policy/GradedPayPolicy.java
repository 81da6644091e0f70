package org.gridgov.scoring.policy;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.util.Objects;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;

/**
 * Graded pay (级差薪酬, Kaixuan): {@code share} of the base salary (40 % there) depends on the monthly
 * score through the {@code tiers}, ordered by score, covering 0–100 without gaps or overlaps.
 */
public record GradedPayPolicy(BigDecimal share, ImmutableList<Tier> tiers) {
  public GradedPayPolicy {
    Objects.requireNonNull(share, "share");
    tiers = ImmutableList.copyOf(tiers);
  }

  /**
   * The index of the tier holding {@code score} (0–100).
   *
   * @throws InvalidInputException at {@code score} ({@link ScoringRules#TIER_GAP}) when no tier
   *     holds it: a score outside 0–100, or one in a gap of tiers built in code unchecked
   */
  public int tierOf(BigDecimal score) {
    for (int i = 0; i < tiers.size(); i++) {
      if (tiers.get(i).holds(score, i == tiers.size() - 1)) {
        return i;
      }
    }
    throw new InvalidInputException(
        "graded pay tiers",
        Violation.of(
            "score", ScoringRules.TIER_GAP, "is held by no pay tier", score.toPlainString()));
  }
}
