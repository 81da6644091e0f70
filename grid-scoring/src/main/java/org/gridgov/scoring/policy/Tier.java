package org.gridgov.scoring.policy;

import java.math.BigDecimal;
import java.util.Optional;
import org.gridgov.core.Money;

/**
 * One row of a graded-pay table: scores in [{@code min}, {@code max}) — the last tier also holds
 * {@code max} itself — earn the graded part times {@code factor}, or the fixed {@code amount}.
 * Exactly one of factor and amount is set.
 */
public record Tier(
    BigDecimal min, BigDecimal max, Optional<BigDecimal> factor, Optional<Money> amount) {
  /**
   * The largest factor a tier may give: 10, ten times the graded part (Kaixuan's top tier is 1.2).
   * With amounts at most {@link Money#MAX_AMOUNT} a worker's graded pay stays far inside range.
   */
  public static final BigDecimal MAX_FACTOR = BigDecimal.TEN;

  public Tier {
    factor = factor == null ? Optional.empty() : factor;
    amount = amount == null ? Optional.empty() : amount;
  }

  public static Tier factor(String min, String max, String factor) {
    return new Tier(
        new BigDecimal(min),
        new BigDecimal(max),
        Optional.of(new BigDecimal(factor)),
        Optional.empty());
  }

  /** Whether {@code score} falls in this tier ({@code last}: the top tier, closed at max). */
  public boolean holds(BigDecimal score, boolean last) {
    return score.compareTo(min) >= 0
        && (score.compareTo(max) < 0 || (last && score.compareTo(max) == 0));
  }
}
