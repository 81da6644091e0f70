package org.gridgov.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.internal.Decimals;

/**
 * An amount of renminbi in whole fen (分, 1/100 yuan), never a floating-point number. Amounts may be
 * negative (a deduction). {@code toString()} gives {@code ¥5.00} or {@code -¥5.00}.
 *
 * <p>The arithmetic is exact: a result beyond a {@code long} of fen (about ±¥92 quadrillion) is
 * refused with an {@link ArithmeticException} naming the operands, such as {@code money out of
 * range: ¥92233720368547758.07 + ¥0.01 is beyond ±¥92233720368547758.07}. Inputs are kept far below
 * that by {@link #MAX_AMOUNT}, so a computation that overflows names the role of its operands where
 * it is caught (a pay line, a statement total).
 */
public record Money(long fen) implements Comparable<Money> {
  public static final Money ZERO = new Money(0);

  /**
   * The largest amount a policy or a pay input may give: ¥100,000,000.00 (10<sup>10</sup> fen) for
   * a salary, a rate, an award, an allowance, a tier amount or a team pool. Policy and pay checks
   * refuse anything larger, naming the field; with graded-pay factors of at most 10, one worker's
   * month stays below 1.1 × 10<sup>11</sup> fen and the pay of 80 million workers still adds up
   * within range.
   */
  public static final Money MAX_AMOUNT = new Money(10_000_000_000L);

  private static final Money MAX = new Money(Long.MAX_VALUE);
  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final BigDecimal QUARTER = new BigDecimal("0.25");
  private static final BigDecimal THREE_QUARTERS = new BigDecimal("0.75");

  public static Money ofFen(long fen) {
    return new Money(fen);
  }

  /**
   * {@code yuan} as money; refuses an amount finer than one fen, such as 5.001, or beyond a {@code
   * long} of fen.
   *
   * @throws NullPointerException naming {@code yuan} when it is null, as every value type here does
   * @throws InvalidInputException about {@code money} at {@code yuan}: {@code input.format} when
   *     the amount is finer than a fen, {@code input.range} when it is out of range
   */
  public static Money ofYuan(BigDecimal yuan) {
    Objects.requireNonNull(yuan, "yuan");
    try {
      return new Money(yuan.movePointRight(2).longValueExact());
    } catch (ArithmeticException e) {
      // a positive scale only shrinks when stripped: no overflow for exponents near the limits
      boolean finerThanFen = yuan.scale() > 2 && yuan.stripTrailingZeros().scale() > 2;
      InvalidInputException refused =
          finerThanFen
              ? Checks.invalid(
                  "money",
                  "yuan",
                  InputRules.FORMAT,
                  "must be a whole number of fen (at most 2 decimals)",
                  Decimals.shown(yuan))
              : Checks.invalid(
                  "money",
                  "yuan",
                  InputRules.RANGE,
                  "must be within ±" + MAX,
                  Decimals.shown(yuan));
      refused.initCause(e);
      throw refused;
    }
  }

  /**
   * {@code yuan} as money, such as {@code "5.00"}; as {@link #ofYuan(BigDecimal)}.
   *
   * @throws NullPointerException naming {@code yuan} when it is null
   * @throws InvalidInputException about {@code money} at {@code yuan}: {@code input.format} when it
   *     is not a number or finer than a fen, {@code input.range} when it is out of range
   */
  public static Money ofYuan(String yuan) {
    Objects.requireNonNull(yuan, "yuan");
    BigDecimal amount;
    try {
      amount = new BigDecimal(yuan);
    } catch (NumberFormatException e) {
      InvalidInputException refused =
          Checks.invalid(
              "money",
              "yuan",
              InputRules.FORMAT,
              "must be a number of yuan such as 5.00",
              "'" + yuan + "'");
      refused.initCause(e);
      throw refused;
    }
    return ofYuan(amount);
  }

  public BigDecimal yuan() {
    return BigDecimal.valueOf(fen, 2);
  }

  /**
   * @throws ArithmeticException naming both amounts when the sum is out of range
   */
  public Money plus(Money other) {
    long sum = fen + other.fen;
    if (((fen ^ sum) & (other.fen ^ sum)) < 0) {
      throw outOfRange(this + " + " + other);
    }
    return new Money(sum);
  }

  /**
   * @throws ArithmeticException naming both amounts when the difference is out of range
   */
  public Money minus(Money other) {
    long difference = fen - other.fen;
    if (((fen ^ other.fen) & (fen ^ difference)) < 0) {
      throw outOfRange(this + " - " + other);
    }
    return new Money(difference);
  }

  /**
   * This amount times {@code factor} (such as a share 0.40), rounded to a fen as told. A negative
   * factor gives the negated product (money may be negative, a deduction); callers that pay by a
   * factor check its sign where they read it. Any factor answers at once, even one such as {@code
   * 1E-999999999}, whose exact product would take BigDecimal minutes to round.
   *
   * @throws ArithmeticException naming the amount and factor when the product is out of range, or
   *     when {@code rounding} is {@link RoundingMode#UNNECESSARY} and the product is not whole fen
   */
  public Money times(BigDecimal factor, RoundingMode rounding) {
    Objects.requireNonNull(factor, "factor");
    Objects.requireNonNull(rounding, "rounding");
    BigDecimal product = BigDecimal.valueOf(fen).multiply(factor);
    if (product.signum() == 0) {
      return ZERO;
    }
    int integerDigits = product.precision() - product.scale();
    if (integerDigits > 19) {
      throw outOfRange(this + " × " + factor);
    }
    if (integerDigits <= 0) {
      // |product| < 1: rounding depends only on its sign and how it compares with one half, so a
      // stand-in of that sign and comparison rounds alike without scaling a huge exponent away
      int half = product.abs().compareTo(HALF);
      BigDecimal standIn = half < 0 ? QUARTER : half == 0 ? HALF : THREE_QUARTERS;
      product = product.signum() < 0 ? standIn.negate() : standIn;
    }
    BigDecimal rounded = product.setScale(0, rounding);
    if (rounded.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
        || rounded.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
      throw outOfRange(this + " × " + factor);
    }
    return new Money(rounded.longValue());
  }

  private static ArithmeticException outOfRange(String operation) {
    return new ArithmeticException("money out of range: " + operation + " is beyond ±" + MAX);
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
