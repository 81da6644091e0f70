package org.gridgov.scoring.indicator;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.scoring.UnitRef;

/**
 * The indicators of one unit in one period: its raw {@link Counts}, every rate and count by {@link
 * #rate(Indicator)}, and the percentiles and mean of each duration indicator.
 *
 * @param durations the {@link Percentiles} of each duration indicator that has a duration for the
 *     unit; {@link #percentiles(Indicator)} gives {@link Percentiles#NONE} for the others
 *     <p>Construction throws {@link InvalidInputException} naming each key of {@code durations}
 *     that is not a duration indicator, at {@code durations.<indicator id>} ({@link
 *     InputRules#RANGE}).
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
    for (Indicator i : durations.keySet()) {
      if (i.kind() != Indicator.Kind.DURATION) {
        throw notDurations(unit, durations);
      }
    }
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
   * The indicator's value: a count, a rate in [0, 1] (4 decimals), or for a duration the median in
   * seconds (computed whether or not the policy lists the 50th percentile); empty when it does not
   * apply (nothing due, no durations).
   */
  public Optional<BigDecimal> value(Indicator indicator) {
    return switch (indicator.kind()) {
      case COUNT, RATE -> rate(indicator).value();
      case DURATION -> percentiles(indicator).p(50).map(d -> BigDecimal.valueOf(d.toSeconds()));
    };
  }

  /**
   * The percentiles of a duration indicator ({@link Percentiles#NONE} for no duration).
   *
   * @throws InvalidInputException at {@code indicator} ({@link InputRules#RANGE}) when it is not a
   *     duration indicator
   */
  public Percentiles percentiles(Indicator indicator) {
    if (indicator.kind() != Indicator.Kind.DURATION) {
      throw new InvalidInputException(
          "indicators of " + unit,
          Violation.of(
              "indicator",
              InputRules.RANGE,
              "must be a DURATION indicator, is a " + indicator.kind(),
              indicator.id()));
    }
    return durations.getOrDefault(indicator, Percentiles.NONE);
  }

  private static InvalidInputException notDurations(
      UnitRef unit, ImmutableMap<Indicator, Percentiles> durations) {
    List<Violation> violations = new ArrayList<>();
    for (Indicator i : durations.keySet()) {
      if (i.kind() != Indicator.Kind.DURATION) {
        violations.add(
            Violation.of(
                "durations." + i.id(),
                InputRules.RANGE,
                "must be a DURATION indicator, is a " + i.kind(),
                null));
      }
    }
    return new InvalidInputException("indicators of " + unit, violations);
  }
}
