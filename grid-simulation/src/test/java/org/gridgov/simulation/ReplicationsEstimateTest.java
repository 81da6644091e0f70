package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.gridgov.core.RuleConfigurationException;
import org.junit.jupiter.api.Test;

/**
 * The estimate of one indicator from values given by hand, without running anything: every expected
 * figure was computed apart from this code, by SciPy 1.17 ({@code scipy.stats.ttest_rel(b,
 * a).confidence_interval(confidence)}, the paired Student's t interval, and {@code numpy.std(b - a,
 * ddof=1)}), on the seeds where both values are given.
 */
class ReplicationsEstimateTest {
  private static final OptionalDouble NONE = OptionalDouble.empty();

  private static List<OptionalDouble> values(Double... values) {
    return Arrays.stream(values).map(v -> v == null ? NONE : OptionalDouble.of(v)).toList();
  }

  @Test
  void twoSeeds_oneDegreeOfFreedom_t12706() {
    Replications.Estimate e =
        Replications.estimate("x", values(0.30, 0.35), values(0.40, 0.41), 0.95);

    assertThat(e.replications()).isEqualTo(2);
    assertThat(e.meanA()).hasValueCloseTo(0.325, within(1e-12));
    assertThat(e.meanB()).hasValueCloseTo(0.405, within(1e-12));
    assertThat(e.meanDelta()).as("B − A").hasValueCloseTo(0.08, within(1e-12));
    assertThat(e.deltaSd()).hasValueCloseTo(0.028284271247461926, within(1e-12));
    assertThat(e.low()).hasValueCloseTo(-0.17412409472349405, within(1e-9));
    assertThat(e.high()).hasValueCloseTo(0.3341240947234941, within(1e-9));
    assertThat(e.significant()).isFalse();
  }

  @Test
  void threeOfFiveSeedsWithBothValues_twoDegreesOfFreedom() {
    Replications.Estimate e =
        Replications.estimate(
            "mean satisfaction",
            values(4.1, null, 3.8, 4.4, 4.0),
            values(4.3, 4.2, 4.1, null, 4.6),
            0.95);

    assertThat(e.replications()).isEqualTo(3);
    assertThat(e.meanA())
        .as("over the paired seeds only")
        .hasValueCloseTo(3.9666666666666663, within(1e-12));
    assertThat(e.meanB()).hasValueCloseTo(4.333333333333333, within(1e-12));
    assertThat(e.meanDelta()).hasValueCloseTo(0.36666666666666653, within(1e-12));
    assertThat(e.deltaSd()).hasValueCloseTo(0.20816659994661305, within(1e-12));
    assertThat(e.low()).hasValueCloseTo(-0.15044783458755923, within(1e-9));
    assertThat(e.high()).hasValueCloseTo(0.8837811679208922, within(1e-9));
  }

  @Test
  void tenSeeds_at95And99Percent() {
    List<OptionalDouble> a = values(0.31, 0.28, 0.35, 0.30, 0.33, 0.29, 0.32, 0.34, 0.27, 0.30);
    List<OptionalDouble> b = values(0.36, 0.30, 0.41, 0.33, 0.36, 0.35, 0.33, 0.39, 0.31, 0.35);

    Replications.Estimate at95 = Replications.estimate("self-claim rate", a, b, 0.95);
    Replications.Estimate at99 = Replications.estimate("self-claim rate", a, b, 0.99);

    assertThat(at95.meanDelta()).hasValueCloseTo(0.04, within(1e-12));
    assertThat(at95.deltaSd()).hasValueCloseTo(0.01699673171197595, within(1e-12));
    assertThat(at95.low()).hasValueCloseTo(0.0278412705909074, within(1e-9));
    assertThat(at95.high()).hasValueCloseTo(0.05215872940909259, within(1e-9));
    assertThat(at95.significant()).isTrue();
    assertThat(at99.confidence()).isEqualTo(0.99);
    assertThat(at99.low()).hasValueCloseTo(0.022532658816068574, within(1e-9));
    assertThat(at99.high()).hasValueCloseTo(0.05746734118393142, within(1e-9));
  }

  @Test
  void theSameDifferenceOnEverySeed_noSpread_aPointInterval() {
    Replications.Estimate e =
        Replications.estimate("x", values(1.0, 2.0, 3.0), values(1.5, 2.5, 3.5), 0.95);

    assertThat(e.deltaSd()).hasValue(0);
    assertThat(e.low()).hasValue(0.5);
    assertThat(e.high()).hasValue(0.5);
    assertThat(e.halfWidth()).hasValue(0);
    assertThat(e.significant()).as("a change on every seed alike is no seed's luck").isTrue();
  }

  @Test
  void oneOrNoSeedWithBothValues_meansWithoutAnIntervalOrNothing() {
    Replications.Estimate one =
        Replications.estimate("x", values(1.0, null), values(3.0, 4.0), 0.95);
    Replications.Estimate none =
        Replications.estimate("x", values(null, 2.0), values(3.0, null), 0.95);

    assertThat(one.replications()).isEqualTo(1);
    assertThat(one.meanDelta()).hasValue(2.0);
    assertThat(List.of(one.deltaSd(), one.low(), one.high(), one.halfWidth()))
        .allMatch(OptionalDouble::isEmpty);
    assertThat(one.significant()).isFalse();
    assertThat(none.replications()).isZero();
    assertThat(List.of(none.meanA(), none.meanB(), none.meanDelta(), none.low()))
        .allMatch(OptionalDouble::isEmpty);
  }

  @Test
  void record_aConfidenceOutsideZeroToOneOrAnIntervalNotAroundItsMean_refusedNamingTheField() {
    OptionalDouble one = OptionalDouble.of(1);
    OptionalDouble two = OptionalDouble.of(2);
    OptionalDouble three = OptionalDouble.of(3);

    for (double confidence : new double[] {0, 1, 95, -0.5, Double.NaN}) {
      assertThatThrownBy(
              () -> new Replications.Estimate("x", 1, confidence, one, one, one, NONE, NONE, NONE))
          .isInstanceOf(RuleConfigurationException.class)
          .hasMessage(
              "[simulation.replications] confidence must be strictly between 0 and 1, was "
                  + confidence);
    }
    assertThatThrownBy(
            () -> new Replications.Estimate("x", 2, 0.95, one, one, two, one, three, one))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.replications] low must be at most meanDelta and high at least it,"
                + " was 3.0, 2.0 and 1.0");
    assertThatThrownBy(() -> new Replications.Estimate("x", 2, 0.95, one, one, two, one, one, one))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith("[simulation.replications] low must be at most meanDelta");
    assertThatThrownBy(
            () ->
                new Replications.Estimate(
                    "x", 2, 0.95, one, one, two, OptionalDouble.of(-1), one, three))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.replications] deltaSd must be at least 0, was -1.0");
  }
}
