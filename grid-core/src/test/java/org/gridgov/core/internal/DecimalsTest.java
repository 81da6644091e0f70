package org.gridgov.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** How numbers are shown in messages: plainly up to 40 digits either side of the point. */
class DecimalsTest {

  @Test
  void shown_upTo40DigitsBeforeOrAfterThePoint_plain() {
    assertThat(Decimals.shown(new BigDecimal("1E+39"))).isEqualTo("1" + "0".repeat(39));
    assertThat(Decimals.shown(new BigDecimal("1E-40"))).isEqualTo("0." + "0".repeat(39) + "1");
    assertThat(Decimals.shown(new BigDecimal("1.234567890E-26")))
        .isEqualTo("0." + "0".repeat(25) + "1234567890");
    assertThat(Decimals.shown(new BigDecimal("-12.50"))).isEqualTo("-12.50");
  }

  @Test
  void shown_longerThanThat_scientific() {
    assertThat(Decimals.shown(new BigDecimal("1E+40"))).isEqualTo("1E+40");
    assertThat(Decimals.shown(new BigDecimal("1E-41"))).isEqualTo("1E-41");
    assertThat(Decimals.shown(new BigDecimal("1E+999999999"))).isEqualTo("1E+999999999");
  }
}
