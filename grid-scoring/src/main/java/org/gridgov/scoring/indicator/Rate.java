package org.gridgov.scoring.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;

/**
 * A ratio kept as its parts, so that "2 of 3" stays exact: {@link #value()} is empty when the
 * denominator is zero (the indicator does not apply), else numerator ÷ denominator to 4 decimals,
 * half-even. The numerator is a decimal only because the reply index credits late replies in part.
 *
 * <p>Construction throws {@link InvalidInputException} naming {@code numerator} and {@code
 * denominator}, each that is negative ({@link InputRules#RANGE}).
 */
public record Rate(BigDecimal numerator, long denominator) {
  public static final int SCALE = 4;

  public Rate {
    Objects.requireNonNull(numerator, "numerator");
    if (denominator < 0 || numerator.signum() < 0) {
      throw negative(numerator, denominator);
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
        ? Optional.of(
            numerator.divide(BigDecimal.valueOf(denominator), SCALE, RoundingMode.HALF_EVEN))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return numerator.toPlainString()
        + "/"
        + denominator
        + value().map(v -> " (" + v.toPlainString() + ")").orElse(" (n/a)");
  }

  private static InvalidInputException negative(BigDecimal numerator, long denominator) {
    List<Violation> violations = new ArrayList<>(2);
    if (numerator.signum() < 0) {
      violations.add(
          Violation.of("numerator", InputRules.RANGE, "must not be negative", numerator));
    }
    if (denominator < 0) {
      violations.add(
          Violation.of("denominator", InputRules.RANGE, "must not be negative", denominator));
    }
    return new InvalidInputException("rate " + numerator + "/" + denominator, violations);
  }
}
