package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gridgov.simulation.SimulationTest.KAIXUAN;
import static org.gridgov.simulation.SimulationTest.week;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 12-hour against a 24-hour claim window on three seeds: the paired differences and their
 * Student's t interval, checked against the replications' own results and the t table.
 */
class ReplicationsTest {
  /** Student's t, two-sided 95 % with 2 degrees of freedom (t 0.975, 2), from the table. */
  private static final double T_95_2 = 4.302652729911275;
  /** Student's t, two-sided 50 % with 2 degrees of freedom (t 0.75, 2). */
  private static final double T_50_2 = 0.816496580927726;
  private static final PolicySet TWELVE = ComparisonTest.claimWindow(Duration.ofHours(12));

  private static Replications study;

  @BeforeAll
  static void runStudy() {
    study = Replications.run(KAIXUAN, week(), TWELVE, Presets.kaixuan(),
        InMemoryGridStorage::create, 3, 1);
  }

  private static double[] deltas(ToDoubleFunction<SimulationResult> indicator) {
    return study.comparisons().stream()
        .mapToDouble(c -> indicator.applyAsDouble(c.b()) - indicator.applyAsDouble(c.a()))
        .toArray();
  }

  @Test
  void run_firstReplicationIsTheSingleComparison_theOthersOnSeedsOfTheirOwn() {
    Comparison single = Comparison.run(KAIXUAN, week(), TWELVE, Presets.kaixuan(),
        InMemoryGridStorage::create);

    assertThat(study.seeds()).hasSize(3).doesNotHaveDuplicates().first()
        .isEqualTo(week().seed());
    assertThat(study.comparisons()).hasSize(3).first().isEqualTo(single);
    assertThat(study.comparisons().get(1).a().reported())
        .as("another seed, other arrivals").isNotEqualTo(single.a().reported());
    assertThat(study.comparisons()).allSatisfy(c ->
        assertThat(c.a().reported()).as("A and B share a seed's arrivals")
            .isEqualTo(c.b().reported()));
  }

  @Test
  void estimates_pairedMeanSpreadAndStudentInterval() {
    double[] d = deltas(SimulationResult::selfClaimRate);
    double mean = (d[0] + d[1] + d[2]) / 3;
    double sd = Math.sqrt((Math.pow(d[0] - mean, 2) + Math.pow(d[1] - mean, 2)
        + Math.pow(d[2] - mean, 2)) / 2);
    double meanA = study.comparisons().stream().mapToDouble(c -> c.a().selfClaimRate())
        .average().orElseThrow();

    Replications.Estimate selfClaim = study.estimate("self-claim rate");

    assertThat(java.util.Arrays.stream(d).boxed().toList())
        .as("a longer window: more self-claimed on every seed").allMatch(x -> x > 0);
    assertThat(selfClaim.replications()).isEqualTo(3);
    assertThat(selfClaim.confidence()).isEqualTo(0.95);
    assertThat(selfClaim.meanA()).isCloseTo(meanA, within(1e-12));
    assertThat(selfClaim.meanDelta()).isCloseTo(mean, within(1e-12));
    assertThat(selfClaim.meanB() - selfClaim.meanA()).isCloseTo(mean, within(1e-12));
    assertThat(selfClaim.deltaSd()).isCloseTo(sd, within(1e-12));
    assertThat(selfClaim.halfWidth()).isCloseTo(T_95_2 * sd / Math.sqrt(3), within(1e-9));
    assertThat(selfClaim.low()).isCloseTo(mean - T_95_2 * sd / Math.sqrt(3), within(1e-9));
    assertThat(selfClaim.significant()).isEqualTo(selfClaim.low() > 0);

    Replications.Estimate half = study.estimates(0.5).stream()
        .filter(e -> e.indicator().equals("self-claim rate")).findFirst().orElseThrow();
    assertThat(half.halfWidth()).isCloseTo(T_50_2 * sd / Math.sqrt(3), within(1e-9));
  }

  @Test
  void estimates_whatThePolicyDoesNotDecide_noDifferenceAndNoSpread() {
    Replications.Estimate reported = study.estimate("reported");

    assertThat(reported.meanDelta()).isZero();
    assertThat(reported.deltaSd()).isZero();
    assertThat(reported.low()).isZero();
    assertThat(reported.high()).isZero();
    assertThat(reported.significant()).isFalse();
    assertThat(reported.meanA()).isCloseTo(study.comparisons().stream()
        .mapToDouble(c -> c.a().reported()).average().orElseThrow(), within(1e-9));
    assertThat(study.estimates()).extracting(Replications.Estimate::indicator)
        .containsExactlyElementsOf(study.comparisons().get(0).rows().stream()
            .map(Comparison.Row::indicator).toList());
  }

  @Test
  void run_oneOrFourThreads_identicalStudies() {
    Replications parallel = Replications.run(KAIXUAN, week(), TWELVE, Presets.kaixuan(),
        InMemoryGridStorage::create, 3, 4);

    assertThat(parallel).isEqualTo(study);
  }

  @Test
  void extend_aComparisonAlreadyRun_theSameStudyAsRunningItAll() {
    Comparison first = Comparison.run(KAIXUAN, week(), TWELVE, Presets.kaixuan(),
        InMemoryGridStorage::create);

    Replications extended = Replications.extend(first, KAIXUAN, week(), TWELVE,
        Presets.kaixuan(), InMemoryGridStorage::create, 3, 2);

    assertThat(extended).isEqualTo(study);
  }

  @Test
  void extend_aComparisonOfOtherPoliciesOrAnotherSeed_refused() {
    Comparison first = study.comparisons().get(0);
    Comparison swapped = new Comparison(first.b(), first.a());

    assertThatThrownBy(() -> Replications.extend(swapped, KAIXUAN, week(), TWELVE,
        Presets.kaixuan(), InMemoryGridStorage::create, 3, 1))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.replications] first must compare kaixuan-12h v1 and kaixuan v1"
            + " on seed " + week().seed() + ", was kaixuan v1 and kaixuan-12h v1 on seeds "
            + week().seed() + " and " + week().seed());
    assertThatThrownBy(() -> Replications.extend(first, KAIXUAN, week().withSeed(7), TWELVE,
        Presets.kaixuan(), InMemoryGridStorage::create, 3, 1))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("on seed 7, was kaixuan-12h v1 and kaixuan v1 on seeds "
            + week().seed());
    assertThatThrownBy(() -> Replications.extend(null, KAIXUAN, week(), TWELVE,
        Presets.kaixuan(), InMemoryGridStorage::create, 3, 1))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.replications] first must not be null");
  }

  @Test
  void run_badArguments_refusedNamingTheFieldBeforeAnyRun() {
    assertThatThrownBy(() -> Replications.run(KAIXUAN, week(), TWELVE, Presets.kaixuan(),
        InMemoryGridStorage::create, 1, 1))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.replications] replications must be between 2 and 100, was 1");
    assertThatThrownBy(() -> Replications.run(KAIXUAN, week(), TWELVE, Presets.kaixuan(),
        InMemoryGridStorage::create, 101, 1))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("replications must be between 2 and 100, was 101");
    assertThatThrownBy(() -> Replications.run(KAIXUAN, week(), TWELVE, Presets.kaixuan(),
        InMemoryGridStorage::create, 2, 0))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.replications] threads must be at least 1, was 0");
    assertThatThrownBy(() -> Replications.run(KAIXUAN, week(), null, Presets.kaixuan(),
        InMemoryGridStorage::create, 2, 1))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.replications] a must not be null");
    assertThatThrownBy(() -> Replications.run(KAIXUAN, week(), TWELVE, Presets.kaixuan(),
        null, 2, 1))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.replications] storage must not be null");
  }

  @Test
  void estimates_confidenceOutsideZeroToOneOrUnknownIndicator_refused() {
    for (double bad : List.of(0.0, 1.0, -0.5, Double.NaN)) {
      assertThatThrownBy(() -> study.estimates(bad))
          .isInstanceOf(RuleConfigurationException.class)
          .hasMessage("[simulation.replications] confidence must be strictly between 0 and 1,"
              + " was " + bad);
    }
    assertThatThrownBy(() -> study.estimate("happiness"))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith("[simulation.replications] indicator must be one of [reported,")
        .hasMessageEndingWith("], was happiness");
  }

  @Test
  void record_oneComparisonOrOnePerSeedMissing_refused() {
    Comparison one = study.comparisons().get(0);

    assertThatThrownBy(() -> new Replications(ImmutableList.of(1L), ImmutableList.of(one)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.replications] comparisons must be at least 2, was 1");
    assertThatThrownBy(() -> new Replications(ImmutableList.of(1L, 2L, 3L),
        ImmutableList.of(one, one)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.replications] comparisons must be one per seed: 2 for 3 seeds");
  }
}
