package org.gridgov.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of renminbi in whole fen (分, 1/100 yuan), never a floating-point number. Amounts may
 * be negative (a deduction). {@code toString()} gives {@code ¥5.00} or {@code -¥5.00}.
 */
public record Money(long fen) implements Comparable<Money> {
  public static final Money ZERO = new Money(0);

  public static Money ofFen(long fen) {
    return new Money(fen);
  }

  /** {@code yuan} as money; refuses an amount finer than one fen, such as 5.001. */
  public static Money ofYuan(BigDecimal yuan) {
    Objects.requireNonNull(yuan, "yuan");
    BigDecimal fen = yuan.movePointRight(2);
    try {
      return new Money(fen.longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "money must be a whole number of fen (at most 2 decimals) within range, was "
              + yuan.toPlainString(),
          e);
    }
  }

  public static Money ofYuan(String yuan) {
    return ofYuan(new BigDecimal(yuan));
  }

  public BigDecimal yuan() {
    return BigDecimal.valueOf(fen, 2);
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(fen, other.fen));
  }

  public Money minus(Money other) {
    return new Money(Math.subtractExact(fen, other.fen));
  }

  /** This amount times {@code factor} (such as a share 0.40), rounded to a fen as told. */
  public Money times(BigDecimal factor, RoundingMode rounding) {
    Objects.requireNonNull(factor, "factor");
    Objects.requireNonNull(rounding, "rounding");
    BigDecimal product = BigDecimal.valueOf(fen).multiply(factor).setScale(0, rounding);
    return new Money(product.longValueExact());
  }

  public boolean isNegative() {
    return fen < 0;
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(fen, other.fen);
  }

  @Override
  public String toString() {
    BigDecimal abs = BigDecimal.valueOf(fen, 2).abs();
    return (fen < 0 ? "-¥" : "¥") + abs.toPlainString();
  }
}
