package org.gridgov.core.internal;

import java.math.BigDecimal;

/** Numbers as messages show them, and bounds read without arithmetic. Internal. */
public final class Decimals {
  private Decimals() {}

  /**
   * {@code value} as written plainly, or in its short scientific form when that would run past 40
   * digits: the plain form of {@code 1e999999999} is a billion characters.
   */
  public static String shown(BigDecimal value) {
    return Math.abs((long) value.precision() - value.scale()) > 40 || value.scale() > 40
        ? value.toString()
        : value.toPlainString();
  }

  /**
   * Whether {@code value} has at most {@code integerDigits} digits before the point and {@code
   * decimals} after it, trailing zeros aside. Read from precision and scale only, in long (an
   * exponent near {@code Integer.MAX_VALUE} would wrap an int), so that {@code 1e-999999999} costs
   * nothing here.
   */
  public static boolean within(BigDecimal value, int integerDigits, int decimals) {
    if (value.signum() == 0) {
      return true;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return (long) stripped.precision() - stripped.scale() <= integerDigits
        && stripped.scale() <= decimals;
  }
}
