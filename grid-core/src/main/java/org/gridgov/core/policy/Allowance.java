package org.gridgov.core.policy;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.gridgov.core.Money;

/** A monthly allowance split into a basic part and a part paid by assessment (Yangling). */
public record Allowance(
    @NotNull Money monthly,
    @NotNull @Share BigDecimal basicShare,
    @NotNull @Share BigDecimal assessedShare) {

  /** The basic part, rounded half-up to a fen. */
  public Money basic() {
    return monthly.times(basicShare, RoundingMode.HALF_UP);
  }

  /** The assessed part at full score: the monthly amount less the basic part. */
  public Money assessed() {
    return monthly.minus(basic());
  }
}
