package org.gridgov.scoring.indicator;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.scoring.UnitRef;

/**
 * The indicators of one unit in one period: its raw {@link Counts}, every rate and count by
 * {@link #rate(Indicator)}, and the response and handling time percentiles.
 */
public record UnitIndicators(
    UnitRef unit,
    Counts counts,
    Percentiles responseTime,
    Percentiles handlingTime,
    BigDecimal lateReplyCredit) {

  public UnitIndicators {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(responseTime, "responseTime");
    Objects.requireNonNull(handlingTime, "handlingTime");
    Objects.requireNonNull(lateReplyCredit, "lateReplyCredit");
  }

  /** A unit with nothing counted. */
  static UnitIndicators empty(UnitRef unit, BigDecimal lateReplyCredit) {
    return new UnitIndicators(unit, Counts.ZERO, Percentiles.NONE, Percentiles.NONE, lateReplyCredit);
  }

  public long count(Counter counter) {
    return counts.get(counter);
  }

  /** A rate or count indicator as a {@link Rate} (a count {@code n} is {@code n/1}). */
  public Rate rate(Indicator indicator) {
    return indicator.compute(counts, lateReplyCredit);
  }

  /**
   * The indicator's value: a count, a rate in [0, 1] (4 decimals), or for a duration the median
   * in seconds (computed whether or not the policy lists the 50th percentile); empty when it does
   * not apply (nothing due, no durations).
   */
  public Optional<BigDecimal> value(Indicator indicator) {
    return switch (indicator.kind()) {
      case COUNT, RATE -> rate(indicator).value();
      case DURATION -> percentiles(indicator).p(50).map(d -> BigDecimal.valueOf(d.getSeconds()));
    };
  }

  /** The percentiles of {@link Indicator#RESPONSE_TIME} or {@link Indicator#HANDLING_TIME}. */
  public Percentiles percentiles(Indicator indicator) {
    return switch (indicator) {
      case RESPONSE_TIME -> responseTime;
      case HANDLING_TIME -> handlingTime;
      default -> throw new IllegalArgumentException(indicator + " is not a duration indicator");
    };
  }
}
