package org.gridgov.scoring.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A ratio kept as its parts, so that "2 of 3" stays exact: {@link #value()} is empty when the
 * denominator is zero (the indicator does not apply), else numerator ÷ denominator to 4 decimals,
 * half-even. The numerator is a decimal only because the reply index credits late replies in part.
 */
public record Rate(BigDecimal numerator, long denominator) {
  public static final int SCALE = 4;

  public Rate {
    Objects.requireNonNull(numerator, "numerator");
    if (denominator < 0 || numerator.signum() < 0) {
      throw new IllegalArgumentException("a rate's parts must not be negative: " + numerator
          + "/" + denominator);
    }
    numerator = numerator.signum() == 0 ? BigDecimal.ZERO : numerator.stripTrailingZeros();
  }

  public static Rate of(long numerator, long denominator) {
    return new Rate(BigDecimal.valueOf(numerator), denominator);
  }

  public boolean applies() {
    return denominator > 0;
  }

  /** numerator ÷ denominator to {@value #SCALE} decimals, or empty when nothing was due. */
  public Optional<BigDecimal> value() {
    return applies()
        ? Optional.of(numerator.divide(BigDecimal.valueOf(denominator), SCALE, RoundingMode.HALF_EVEN))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return numerator.toPlainString() + "/" + denominator
        + value().map(v -> " (" + v.toPlainString() + ")").orElse(" (n/a)");
  }
}
