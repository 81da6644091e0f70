package org.gridgov.core.policy;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** A target range of shares, both ends inclusive, such as Dongcheng's 0.80–0.85. */
public record ShareRange(@NotNull @Share BigDecimal min, @NotNull @Share BigDecimal max) {
  public boolean contains(BigDecimal share) {
    return share.compareTo(min) >= 0 && share.compareTo(max) <= 0;
  }
}
