package org.gridgov.core.internal;

import java.math.BigDecimal;

/** Numbers as messages show them. Internal. */
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
}
