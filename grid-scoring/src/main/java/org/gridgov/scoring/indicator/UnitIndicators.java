package org.gridgov.scoring.indicator;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.scoring.UnitRef;

/**
 * The indicators of one unit in one period: its raw {@link Counts}, every rate and count by
 * {@link #rate(Indicator)}, and the percentiles and mean of each duration indicator.
 *
 * @param durations the {@link Percentiles} of each duration indicator that has a duration for the
 *     unit; {@link #percentiles(Indicator)} gives {@link Percentiles#NONE} for the others
 */
public record UnitIndicators(
    UnitRef unit,
    Counts counts,
    ImmutableMap<Indicator, Percentiles> durations,
    BigDecimal lateReplyCredit) {

  public UnitIndicators {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(durations, "durations");
    Objects.requireNonNull(lateReplyCredit, "lateReplyCredit");
    durations.keySet().forEach(i -> {
      if (i.kind() != Indicator.Kind.DURATION) {
        throw new IllegalArgumentException(i + " is not a duration indicator");
      }
    });
  }

  /** A unit with nothing counted. */
  static UnitIndicators empty(UnitRef unit, BigDecimal lateReplyCredit) {
    return new UnitIndicators(unit, Counts.ZERO, ImmutableMap.of(), lateReplyCredit);
  }

  /** {@link Indicator#RESPONSE_TIME}'s percentiles. */
  public Percentiles responseTime() {
    return percentiles(Indicator.RESPONSE_TIME);
  }

  /** {@link Indicator#HANDLING_TIME}'s percentiles. */
  public Percentiles handlingTime() {
    return percentiles(Indicator.HANDLING_TIME);
  }

  /** {@link Indicator#REGISTRATION_TIME}'s percentiles. */
  public Percentiles registrationTime() {
    return percentiles(Indicator.REGISTRATION_TIME);
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

  /** The percentiles of a duration indicator ({@link Percentiles#NONE} for no duration). */
  public Percentiles percentiles(Indicator indicator) {
    if (indicator.kind() != Indicator.Kind.DURATION) {
      throw new IllegalArgumentException(indicator + " is not a duration indicator");
    }
    return durations.getOrDefault(indicator, Percentiles.NONE);
  }
}
