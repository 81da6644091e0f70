package org.gridgov.scoring.policy;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The weights of Beijing's 12345 three rates (三率) in their composite. The weights are [unconfirmed]
 * in every source seen: policy data, never constants; they add up to 1.
 */
public record ThreeRateWeights(
    BigDecimal response, BigDecimal resolution, BigDecimal satisfaction) {
  public ThreeRateWeights {
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(satisfaction, "satisfaction");
  }
}
