package org.gridgov.scoring.policy;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Graded pay (级差薪酬, Kaixuan): {@code share} of the base salary (40 % there) depends on the
 * monthly score through the {@code tiers}, ordered by score, covering 0–100 without gaps or
 * overlaps.
 */
public record GradedPayPolicy(BigDecimal share, ImmutableList<Tier> tiers) {
  public GradedPayPolicy {
    Objects.requireNonNull(share, "share");
    tiers = ImmutableList.copyOf(tiers);
  }

  /** The index of the tier holding {@code score} (0–100). */
  public int tierOf(BigDecimal score) {
    for (int i = 0; i < tiers.size(); i++) {
      if (tiers.get(i).holds(score, i == tiers.size() - 1)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no pay tier holds the score " + score.toPlainString());
  }
}
