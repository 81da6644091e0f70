package org.gridgov.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
    assertThatThrownBy(() -> Money.ofYuan("5.001"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole number of fen")
        .hasMessageContaining("5.001");
  }

  @Test
  void ofYuan_beyondLongRange_isRefused() {
    assertThatThrownBy(() -> Money.ofYuan("1e30")).isInstanceOf(IllegalArgumentException.class);
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
  void times_share_roundsAsTold() {
    Money monthly = Money.ofYuan("333.33");

    assertThat(monthly.times(new BigDecimal("0.4"), RoundingMode.HALF_UP)).hasToString("¥133.33");
    assertThat(Money.ofFen(5).times(new BigDecimal("0.5"), RoundingMode.HALF_UP)).isEqualTo(Money.ofFen(3));
    assertThat(Money.ofFen(5).times(new BigDecimal("0.5"), RoundingMode.DOWN)).isEqualTo(Money.ofFen(2));
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
