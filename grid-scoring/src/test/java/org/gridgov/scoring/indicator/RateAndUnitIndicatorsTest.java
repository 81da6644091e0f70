package org.gridgov.scoring.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.gridgov.scoring.Town.A;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.scoring.UnitRef;
import org.junit.jupiter.api.Test;

/** What a rate and a unit's indicators refuse when built or asked in code. */
class RateAndUnitIndicatorsTest {

  @Test
  void rate_negativeParts_eachNamedAtOnce() {
    assertThatThrownBy(() -> Rate.of(-1, 4))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("rate -1/4");
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo("numerator");
                        assertThat(v.rule()).isEqualTo("input.range");
                        assertThat(v.value()).isEqualTo("-1");
                      });
            });
    assertThatThrownBy(() -> new Rate(new BigDecimal("-0.5"), -2))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactly(
                        tuple("numerator", "input.range"), tuple("denominator", "input.range")));
  }

  @Test
  void unitIndicators_durationsOfIndicatorsThatAreNoDurations_eachNamedByItsId() {
    ImmutableMap<Indicator, Percentiles> durations =
        ImmutableMap.of(
            Indicator.REPORTED,
            Percentiles.NONE,
            Indicator.HANDLING_TIME,
            Percentiles.NONE,
            Indicator.CLOSURE_RATE,
            Percentiles.NONE);

    assertThatThrownBy(
            () -> new UnitIndicators(UnitRef.worker(A), Counts.ZERO, durations, BigDecimal.ONE))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("indicators of worker:w-a");
              assertThat(e.violations())
                  .extracting(Violation::path, Violation::rule)
                  .containsExactly(
                      tuple("durations.reported", "input.range"),
                      tuple("durations.closure-rate", "input.range"));
            });
  }

  @Test
  void percentiles_ofAnIndicatorThatIsNoDuration_refusedNamingIt() {
    UnitIndicators unit =
        new UnitIndicators(UnitRef.worker(A), Counts.ZERO, ImmutableMap.of(), BigDecimal.ONE);

    assertThat(unit.percentiles(Indicator.HANDLING_TIME)).isEqualTo(Percentiles.NONE);
    assertThatThrownBy(() -> unit.percentiles(Indicator.CLOSURE_RATE))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.path()).isEqualTo("indicator");
                          assertThat(v.rule()).isEqualTo("input.range");
                          assertThat(v.message())
                              .isEqualTo("must be a DURATION indicator, is a RATE");
                          assertThat(v.value()).isEqualTo("closure-rate");
                        }));
  }
}
