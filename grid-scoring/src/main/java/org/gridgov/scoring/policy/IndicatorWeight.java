package org.gridgov.scoring.policy;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * How one indicator enters a score.
 *
 * @param weight its share of the score (the weights of a score add up to 1)
 * @param zeroBelow a rate below this scores 0 (Lianyungang's rule), empty for none
 * @param target for a count: the count that earns full marks in one worker's month (visits a month,
 *     …); an area or a line is held to it times its workers
 */
public record IndicatorWeight(
    BigDecimal weight, Optional<BigDecimal> zeroBelow, Optional<BigDecimal> target) {
  public IndicatorWeight {
    Objects.requireNonNull(weight, "weight");
    zeroBelow = zeroBelow == null ? Optional.empty() : zeroBelow;
    target = target == null ? Optional.empty() : target;
  }

  public static IndicatorWeight of(String weight) {
    return new IndicatorWeight(new BigDecimal(weight), Optional.empty(), Optional.empty());
  }
}
