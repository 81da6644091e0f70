package org.gridgov.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.core.Refusals.refusal;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void ofYuan_twoDecimals_keepsWholeFen() {
    assertThat(Money.ofYuan(new BigDecimal("5.00")).fen()).isEqualTo(500);
    assertThat(Money.ofYuan("300")).isEqualTo(Money.ofFen(30_000));
    assertThat(Money.ofYuan("0.10")).isEqualTo(Money.ofYuan("0.1"));
  }

  @Test
  void ofYuan_subFenAmount_isRefused() {
    Violation violation = refusal(() -> Money.ofYuan("5.001"), "money", "yuan", InputRules.FORMAT);
    assertThat(violation)
        .hasToString(
            "yuan: must be a whole number of fen (at most 2 decimals), was 5.001 [input.format]");
    assertThat(
            refusal(
                    () -> Money.ofYuan(new BigDecimal("1e-999999999")),
                    "money",
                    "yuan",
                    InputRules.FORMAT)
                .value())
        .isEqualTo("1E-999999999");
  }

  @Test
  void ofYuan_beyondLongRange_isRefused() {
    Violation violation = refusal(() -> Money.ofYuan("1e30"), "money", "yuan", InputRules.RANGE);
    assertThat(violation)
        .hasToString(
            "yuan: must be within ±¥92233720368547758.07, was 1000000000000000000000000000000"
                + " [input.range]");
    refusal(() -> Money.ofYuan("92233720368547758.08"), "money", "yuan", InputRules.RANGE);
    assertThatThrownBy(() -> Money.ofYuan("1e30")).hasCauseInstanceOf(ArithmeticException.class);
  }

  @Test
  void ofYuan_nullTextOrHugeExponent_refusedNamingTheAmount() {
    assertThatThrownBy(() -> Money.ofYuan((String) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("yuan");
    assertThatThrownBy(() -> Money.ofYuan((BigDecimal) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("yuan");
    assertThat(refusal(() -> Money.ofYuan("five"), "money", "yuan", InputRules.FORMAT))
        .hasToString("yuan: must be a number of yuan such as 5.00, was 'five' [input.format]");
    assertThatThrownBy(() -> Money.ofYuan("five")).hasCauseInstanceOf(NumberFormatException.class);
    assertThat(
            refusal(
                    () ->
                        Money.ofYuan(
                            new BigDecimal(java.math.BigInteger.ONE, Integer.MIN_VALUE + 1)),
                    "money",
                    "yuan",
                    InputRules.RANGE)
                .value())
        .startsWith("1E+");
  }

  @Test
  void plusAndMinus_amounts_addInFen() {
    assertThat(Money.ofYuan("5").plus(Money.ofYuan("0.05"))).hasToString("¥5.05");
    assertThat(Money.ofYuan("5").minus(Money.ofYuan("7.5"))).hasToString("-¥2.50");
  }

  @Test
  void plus_overflow_throws() {
    assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE).plus(Money.ofFen(1)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void plusAndMinus_overflow_refusedNamingBothAmounts() {
    assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE).plus(Money.ofFen(1)))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage(
            "money out of range: ¥92233720368547758.07 + ¥0.01 is beyond ±¥92233720368547758.07");
    assertThatThrownBy(() -> Money.ofFen(Long.MIN_VALUE).minus(Money.ofFen(1)))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage(
            "money out of range: -¥92233720368547758.08 - ¥0.01 is beyond ±¥92233720368547758.07");
  }

  @Test
  void times_absurdFactor_refusedNamingAmountAndFactor() {
    assertThatThrownBy(() -> Money.ofYuan("5").times(new BigDecimal("1e30"), RoundingMode.HALF_UP))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("money out of range: ¥5.00 × 1E+30 is beyond ±¥92233720368547758.07");
  }

  @Test
  void times_negativeFactor_negatesLikeADeduction() {
    assertThat(Money.ofYuan("5").times(new BigDecimal("-0.5"), RoundingMode.HALF_UP))
        .hasToString("-¥2.50");
  }

  @Test
  void times_factorWithAHugeExponent_answersAtOnce() {
    BigDecimal tiny = new BigDecimal("1e-999999999");
    BigDecimal huge = new BigDecimal("1e999999999");

    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          assertThat(Money.ofYuan("5").times(tiny, RoundingMode.HALF_UP)).isEqualTo(Money.ZERO);
          assertThat(Money.ofYuan("5").times(tiny, RoundingMode.UP)).isEqualTo(Money.ofFen(1));
          assertThat(Money.ofYuan("-5").times(tiny, RoundingMode.FLOOR)).isEqualTo(Money.ofFen(-1));
          assertThatThrownBy(() -> Money.ofYuan("5").times(tiny, RoundingMode.UNNECESSARY))
              .isInstanceOf(ArithmeticException.class);
          assertThatThrownBy(() -> Money.ofYuan("5").times(huge, RoundingMode.HALF_UP))
              .isInstanceOf(ArithmeticException.class)
              .hasMessageStartingWith("money out of range: ¥5.00 × 1E+999999999");
        });
  }

  @Test
  void times_share_roundsAsTold() {
    Money monthly = Money.ofYuan("333.33");

    assertThat(monthly.times(new BigDecimal("0.4"), RoundingMode.HALF_UP)).hasToString("¥133.33");
    assertThat(Money.ofFen(5).times(new BigDecimal("0.5"), RoundingMode.HALF_UP))
        .isEqualTo(Money.ofFen(3));
    assertThat(Money.ofFen(5).times(new BigDecimal("0.5"), RoundingMode.DOWN))
        .isEqualTo(Money.ofFen(2));
    assertThatThrownBy(() -> Money.ofFen(5).times(new BigDecimal("0.5"), RoundingMode.UNNECESSARY))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void toString_zeroAndYuan_formatsTwoDecimals() {
    assertThat(Money.ZERO).hasToString("¥0.00");
    assertThat(Money.ofYuan("500").yuan()).isEqualByComparingTo("500");
    assertThat(Money.ofFen(Long.MIN_VALUE).toString()).startsWith("-¥");
  }
}
