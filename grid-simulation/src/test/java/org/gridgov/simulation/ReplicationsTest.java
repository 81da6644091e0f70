package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gridgov.simulation.SimulationTest.KAIXUAN;
import static org.gridgov.simulation.SimulationTest.week;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.spi.GridStorage;
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
    study =
        Replications.run(
            KAIXUAN, week(), TWELVE, Presets.kaixuan(), InMemoryGridStorage::create, 3, 1);
  }

  /** Kaixuan street for {@code days} days from 4 March 2024, {@code rate} cases per grid a day. */
  static SimulationConfig quiet(int days, double rate) {
    return SimulationConfig.defaults()
        .withPeriod(LocalDate.of(2024, 3, 4), days)
        .withArrivals(Arrivals.defaults().withRate(rate));
  }

  /** Each of {@code study}'s seeds run again whole: {@code {A, B}}, the 12 h and 24 h window. */
  private static List<SimulationResult[]> runsOf(Replications study, SimulationConfig config) {
    List<SimulationResult[]> runs = new ArrayList<>();
    for (long seed : study.seeds()) {
      runs.add(
          new SimulationResult[] {
            Simulation.run(KAIXUAN, config.withSeed(seed), TWELVE, InMemoryGridStorage.create()),
            Simulation.run(
                KAIXUAN, config.withSeed(seed), Presets.kaixuan(), InMemoryGridStorage.create())
          });
    }
    return runs;
  }

  private static double satisfaction(SimulationResult run) {
    return (double) run.satisfactionSum() / run.rated();
  }

  private static double[] deltas(String indicator) {
    return IntStream.range(0, study.seeds().size())
        .mapToDouble(i -> study.row(i, indicator).delta().getAsDouble())
        .toArray();
  }

  @Test
  void run_firstReplicationIsTheSingleComparison_theOthersOnSeedsOfTheirOwn() {
    Comparison single =
        Comparison.run(KAIXUAN, week(), TWELVE, Presets.kaixuan(), InMemoryGridStorage::create);

    assertThat(study.seeds()).hasSize(3).doesNotHaveDuplicates().first().isEqualTo(week().seed());
    assertThat(study.first()).isEqualTo(single);
    assertThat(study.rows()).hasSize(3).first().isEqualTo(single.rows());
    assertThat(study.row(1, "reported").a().getAsDouble())
        .as("another seed, other arrivals")
        .isNotEqualTo((double) single.a().reported());
    assertThat(study.rows())
        .allSatisfy(
            rows ->
                assertThat(rows.get(0).delta()).as("A and B share a seed's arrivals").hasValue(0));
  }

  @Test
  void rows_ofAReplicationKeptOnlyAsRows_areWhatRunningItsSeedAgainGives() {
    Comparison again =
        Comparison.run(
            KAIXUAN,
            week().withSeed(study.seeds().get(2)),
            TWELVE,
            Presets.kaixuan(),
            InMemoryGridStorage::create);

    assertThat(study.rows().get(2)).isEqualTo(again.rows());
    assertThat(study.row(2, "self-claim rate").b()).hasValue(again.b().selfClaimRate());
  }

  @Test
  void estimates_pairedMeanSpreadAndStudentInterval() {
    double[] d = deltas("self-claim rate");
    double mean = (d[0] + d[1] + d[2]) / 3;
    double sd =
        Math.sqrt(
            (Math.pow(d[0] - mean, 2) + Math.pow(d[1] - mean, 2) + Math.pow(d[2] - mean, 2)) / 2);
    double meanA =
        IntStream.range(0, 3)
            .mapToDouble(i -> study.row(i, "self-claim rate").a().getAsDouble())
            .average()
            .orElseThrow();

    Replications.Estimate selfClaim = study.estimate("self-claim rate");

    assertThat(java.util.Arrays.stream(d).boxed().toList())
        .as("a longer window: more self-claimed on every seed")
        .allMatch(x -> x > 0);
    assertThat(selfClaim.replications()).isEqualTo(3);
    assertThat(selfClaim.confidence()).isEqualTo(0.95);
    assertThat(selfClaim.meanA()).hasValueCloseTo(meanA, within(1e-12));
    assertThat(selfClaim.meanDelta()).hasValueCloseTo(mean, within(1e-12));
    assertThat(selfClaim.meanB().getAsDouble() - selfClaim.meanA().getAsDouble())
        .isCloseTo(mean, within(1e-12));
    assertThat(selfClaim.deltaSd()).hasValueCloseTo(sd, within(1e-12));
    assertThat(selfClaim.halfWidth()).hasValueCloseTo(T_95_2 * sd / Math.sqrt(3), within(1e-9));
    assertThat(selfClaim.low()).hasValueCloseTo(mean - T_95_2 * sd / Math.sqrt(3), within(1e-9));
    assertThat(selfClaim.significant()).isEqualTo(selfClaim.low().getAsDouble() > 0);
    assertThat(selfClaim.low().getAsDouble())
        .as("the README's example: B − A, the 24-hour window claims more, beyond chance")
        .isPositive();

    Replications.Estimate half =
        study.estimates(0.5).stream()
            .filter(e -> e.indicator().equals("self-claim rate"))
            .findFirst()
            .orElseThrow();
    assertThat(half.halfWidth()).hasValueCloseTo(T_50_2 * sd / Math.sqrt(3), within(1e-9));
  }

  @Test
  void estimates_whatThePolicyDoesNotDecide_noDifferenceAndNoSpread() {
    Replications.Estimate reported = study.estimate("reported");

    assertThat(reported.meanDelta()).hasValue(0);
    assertThat(reported.deltaSd()).hasValue(0);
    assertThat(reported.low()).hasValue(0);
    assertThat(reported.high()).hasValue(0);
    assertThat(reported.significant()).isFalse();
    assertThat(reported.meanA())
        .hasValueCloseTo(
            IntStream.range(0, 3)
                .mapToDouble(i -> study.row(i, "reported").a().getAsDouble())
                .average()
                .orElseThrow(),
            within(1e-9));
    assertThat(study.estimates())
        .extracting(Replications.Estimate::indicator)
        .containsExactlyElementsOf(
            study.first().rows().stream().map(Comparison.Row::indicator).toList());
  }

  @Test
  void estimates_aSeedWhereOneRunRatedNothing_leftOutOfThatIndicatorsPairs() {
    SimulationConfig config = quiet(2, 0.2);
    Replications quiet =
        Replications.run(
            KAIXUAN, config, TWELVE, Presets.kaixuan(), InMemoryGridStorage::create, 5, 2);
    List<SimulationResult[]> runs = runsOf(quiet, config);
    List<double[]> pairs = new ArrayList<>(); // mean satisfaction {A, B} where both rated a case
    for (SimulationResult[] run : runs) {
      if (run[0].rated() > 0 && run[1].rated() > 0) {
        pairs.add(new double[] {satisfaction(run[0]), satisfaction(run[1])});
      }
    }
    assertThat(runs)
        .as("a seed where A has a satisfaction and B none")
        .anyMatch(run -> run[0].rated() > 0 && run[1].rated() == 0);
    assertThat(pairs).hasSize(3);
    double meanA = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
    double meanB = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
    double sd =
        Math.sqrt(
            pairs.stream().mapToDouble(p -> Math.pow(p[1] - p[0] - (meanB - meanA), 2)).sum() / 2);

    // before the fix: over 5 seeds, B's missing satisfaction counted as a satisfaction of 0
    Replications.Estimate satisfaction = quiet.estimate("mean satisfaction");

    assertThat(satisfaction.replications()).isEqualTo(3);
    assertThat(satisfaction.meanA()).hasValueCloseTo(meanA, within(1e-12));
    assertThat(satisfaction.meanB()).hasValueCloseTo(meanB, within(1e-12));
    assertThat(satisfaction.meanDelta()).hasValueCloseTo(meanB - meanA, within(1e-12));
    assertThat(satisfaction.deltaSd()).hasValueCloseTo(sd, within(1e-12));
    assertThat(satisfaction.halfWidth())
        .as("t with 2 degrees of freedom, not 4")
        .hasValueCloseTo(T_95_2 * sd / Math.sqrt(3), within(1e-9));
    assertThat(quiet.estimate("reported").replications())
        .as("a count is never undefined")
        .isEqualTo(5);
    assertThat(quiet.rows())
        .as("a run without a satisfaction has none in its row")
        .anySatisfy(
            rows ->
                assertThat(rows.get(Comparison.indicators().indexOf("mean satisfaction")).b())
                    .isEmpty());
  }

  @Test
  void estimates_fewerThanTwoSeedsWithTheIndicator_noInterval() {
    SimulationConfig config = quiet(1, 0.05);
    Replications quiet =
        Replications.run(
            KAIXUAN, config, TWELVE, Presets.kaixuan(), InMemoryGridStorage::create, 3, 2);
    List<SimulationResult[]> runs = runsOf(quiet, config);
    List<SimulationResult[]> closing =
        runs.stream().filter(run -> run[0].closed() > 0 && run[1].closed() > 0).toList();
    assertThat(closing).as("one seed of three closes a case under both").hasSize(1);
    assertThat(runs).as("nothing rated").allMatch(run -> run[0].rated() + run[1].rated() == 0);
    SimulationResult[] only = closing.get(0);

    Replications.Estimate onTime = quiet.estimate("closed on time");
    Replications.Estimate satisfaction = quiet.estimate("mean satisfaction");

    assertThat(onTime.replications()).isEqualTo(1);
    assertThat(onTime.meanA()).hasValue((double) only[0].closedOnTime() / only[0].closed());
    assertThat(onTime.meanB()).hasValue((double) only[1].closedOnTime() / only[1].closed());
    assertThat(onTime.meanDelta()).isPresent();
    assertThat(List.of(onTime.deltaSd(), onTime.low(), onTime.high(), onTime.halfWidth()))
        .as("one difference has no spread")
        .allMatch(OptionalDouble::isEmpty);
    assertThat(onTime.significant()).isFalse();
    assertThat(satisfaction.replications()).isZero();
    assertThat(
            List.of(
                satisfaction.meanA(),
                satisfaction.meanB(),
                satisfaction.meanDelta(),
                satisfaction.deltaSd(),
                satisfaction.low(),
                satisfaction.high()))
        .allMatch(OptionalDouble::isEmpty);
    assertThat(satisfaction.significant()).isFalse();
  }

  @Test
  void run_oneOrFourThreads_identicalStudies() {
    Replications parallel =
        Replications.run(
            KAIXUAN, week(), TWELVE, Presets.kaixuan(), InMemoryGridStorage::create, 3, 4);

    assertThat(parallel).isEqualTo(study);
  }

  @Test
  void extend_aComparisonAlreadyRun_theSameStudyAsRunningItAll() {
    Comparison first =
        Comparison.run(KAIXUAN, week(), TWELVE, Presets.kaixuan(), InMemoryGridStorage::create);

    Replications extended =
        Replications.extend(
            first, KAIXUAN, week(), TWELVE, Presets.kaixuan(), InMemoryGridStorage::create, 3, 2);

    assertThat(extended).isEqualTo(study);
  }

  @Test
  void extend_aComparisonOfOtherPoliciesOrAnotherSeed_refused() {
    Comparison first = study.first();
    Comparison swapped = new Comparison(first.b(), first.a());

    assertThatThrownBy(
            () ->
                Replications.extend(
                    swapped,
                    KAIXUAN,
                    week(),
                    TWELVE,
                    Presets.kaixuan(),
                    InMemoryGridStorage::create,
                    3,
                    1))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.replications] first must compare kaixuan-12h v1 and kaixuan v1"
                + " on seed "
                + week().seed()
                + ", was kaixuan v1 and kaixuan-12h v1 on seeds "
                + week().seed()
                + " and "
                + week().seed());
    assertThatThrownBy(
            () ->
                Replications.extend(
                    first,
                    KAIXUAN,
                    week().withSeed(7),
                    TWELVE,
                    Presets.kaixuan(),
                    InMemoryGridStorage::create,
                    3,
                    1))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining(
            "on seed 7, was kaixuan-12h v1 and kaixuan v1 on seeds " + week().seed());
    assertThatThrownBy(
            () ->
                Replications.extend(
                    null,
                    KAIXUAN,
                    week(),
                    TWELVE,
                    Presets.kaixuan(),
                    InMemoryGridStorage::create,
                    3,
                    1))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.replications] first must not be null");
  }

  @Test
  void extend_aComparisonOverAnotherPeriodOrTerritory_refused() {
    // before the fix both were taken into the study: its first seed another study's pair
    Comparison shorter =
        Comparison.run(
            KAIXUAN,
            week().withPeriod(week().start(), 3),
            TWELVE,
            Presets.kaixuan(),
            InMemoryGridStorage::create);
    assertThatThrownBy(
            () ->
                Replications.extend(
                    shorter,
                    KAIXUAN,
                    week(),
                    TWELVE,
                    Presets.kaixuan(),
                    InMemoryGridStorage::create,
                    2,
                    1))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith(
            "[simulation.replications] first must be run with the scenarios'" + " settings");
    org.gridgov.core.territory.Territory qingbo =
        org.gridgov.core.territory.Divisions.shangcheng()
            .restrictedTo(org.gridgov.core.territory.AreaCode.parse("330102001"));
    Comparison elsewhere =
        Comparison.run(qingbo, week(), TWELVE, Presets.kaixuan(), InMemoryGridStorage::create);
    assertThatThrownBy(
            () ->
                Replications.extend(
                    elsewhere,
                    KAIXUAN,
                    week(),
                    TWELVE,
                    Presets.kaixuan(),
                    InMemoryGridStorage::create,
                    2,
                    1))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.replications] first must be run on the territory given, was"
                + " another's");
  }

  @Test
  void run_badArguments_refusedNamingTheFieldBeforeAnyRun() {
    assertThatThrownBy(
            () ->
                Replications.run(
                    KAIXUAN, week(), TWELVE, Presets.kaixuan(), InMemoryGridStorage::create, 1, 1))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.replications] replications must be between 2 and 1000, was 1");
    assertThatThrownBy(
            () ->
                Replications.run(
                    KAIXUAN,
                    week(),
                    TWELVE,
                    Presets.kaixuan(),
                    InMemoryGridStorage::create,
                    1001,
                    1))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("replications must be between 2 and 1000, was 1001");
    assertThatThrownBy(
            () ->
                Replications.run(
                    KAIXUAN, week(), TWELVE, Presets.kaixuan(), InMemoryGridStorage::create, 2, 0))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.replications] threads must be at least 1, was 0");
    assertThatThrownBy(
            () ->
                Replications.run(
                    KAIXUAN, week(), null, Presets.kaixuan(), InMemoryGridStorage::create, 2, 1))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.replications] a must not be null");
    assertThatThrownBy(
            () -> Replications.run(KAIXUAN, week(), TWELVE, Presets.kaixuan(), null, 2, 1))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.replications] storage must not be null");
  }

  @Test
  void estimates_confidenceOutsideZeroToOneOrUnknownIndicator_refused() {
    for (double bad : List.of(0.0, 1.0, -0.5, Double.NaN)) {
      assertThatThrownBy(() -> study.estimates(bad))
          .isInstanceOf(RuleConfigurationException.class)
          .hasMessage(
              "[simulation.replications] confidence must be strictly between 0 and 1,"
                  + " was "
                  + bad);
    }
    assertThatThrownBy(() -> study.estimate("happiness"))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith("[simulation.replications] indicator must be one of [reported,")
        .hasMessageEndingWith("], was happiness");
    assertThatThrownBy(() -> study.row(1, "happiness"))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageEndingWith("], was happiness");
    assertThatThrownBy(() -> study.row(3, "reported"))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.replications] replication must be between 0 and 2, was 3");
  }

  @Test
  void record_tooFewOrMismatchedParts_refused() {
    Comparison first = study.first();
    ImmutableList<Long> seeds = study.seeds();
    ImmutableList<Comparison.Row> rows0 = study.rows().get(0);
    ImmutableList<Comparison.Row> rows1 = study.rows().get(1);

    assertThatThrownBy(
            () -> new Replications(ImmutableList.of(seeds.get(0)), first, ImmutableList.of(rows0)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.replications] rows must be at least 2 lists, was 1");
    assertThatThrownBy(() -> new Replications(seeds, first, ImmutableList.of(rows0, rows1)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.replications] rows must be one list per seed: 2 for 3 seeds");
    assertThatThrownBy(
            () ->
                new Replications(
                    ImmutableList.of(seeds.get(1), seeds.get(0)),
                    first,
                    ImmutableList.of(rows0, rows1)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.replications] first must be on the first seed, "
                + seeds.get(1)
                + ", was on "
                + seeds.get(0)
                + " and "
                + seeds.get(0));
    assertThatThrownBy(
            () -> new Replications(seeds.subList(0, 2), first, ImmutableList.of(rows1, rows0)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.replications] rows[0] must be first's rows");
    assertThatThrownBy(
            () ->
                new Replications(
                    seeds.subList(0, 2),
                    first,
                    ImmutableList.of(rows0, rows1.subList(1, rows1.size()))))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith(
            "[simulation.replications] rows[1] must be the indicators" + " [reported, closed,");
    // before the fix a seed given twice was taken, its run counted twice, the interval too narrow
    assertThatThrownBy(
            () ->
                new Replications(
                    ImmutableList.of(seeds.get(0), seeds.get(0)),
                    first,
                    ImmutableList.of(rows0, rows0)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.replications] seeds must be distinct, was ["
                + seeds.get(0)
                + ", "
                + seeds.get(0)
                + "]");
    assertThat(
            new Replications(seeds.subList(0, 2), first, ImmutableList.of(rows0, rows1))
                .estimates())
        .hasSize(rows0.size());
  }

  @Test
  void estimate_meansOrIntervalNotAsItsReplicationsSay_refusedNamingTheField() {
    OptionalDouble none = OptionalDouble.empty();
    OptionalDouble one = OptionalDouble.of(1);

    assertThatThrownBy(
            () ->
                new Replications.Estimate("closed on time", 1, 0.95, one, one, one, one, one, one))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.replications] deltaSd must be empty over 1 replications, was"
                + " OptionalDouble[1.0]");
    assertThatThrownBy(
            () ->
                new Replications.Estimate(
                    "closed on time", 0, 0.95, one, none, none, none, none, none))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.replications] meanA must be empty over 0 replications, was"
                + " OptionalDouble[1.0]");
    assertThatThrownBy(
            () ->
                new Replications.Estimate("closed on time", 2, 0.95, one, one, one, one, none, one))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.replications] low must be given over 2 replications, was"
                + " OptionalDouble.empty");
    assertThatThrownBy(
            () ->
                new Replications.Estimate(
                    "closed on time", -1, 0.95, none, none, none, none, none, none))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("replications must be at least 0, was -1");
    assertThat(
            new Replications.Estimate("closed on time", 1, 0.95, one, one, one, none, none, none)
                .halfWidth())
        .isEmpty();
    // each part on its own: the mean of B, of the change, and the interval's top
    assertThatThrownBy(
            () ->
                new Replications.Estimate(
                    "closed on time", 1, 0.95, one, none, one, none, none, none))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.replications] meanB must be given over 1 replications, was"
                + " OptionalDouble.empty");
    assertThatThrownBy(
            () ->
                new Replications.Estimate(
                    "closed on time", 1, 0.95, one, one, none, none, none, none))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith("[simulation.replications] meanDelta must be given over 1");
    assertThatThrownBy(
            () ->
                new Replications.Estimate("closed on time", 2, 0.95, one, one, one, one, one, none))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith("[simulation.replications] high must be given over 2");
  }

  @Test
  void extend_replicationsOutOfRange_refusedBeforeAnyRun() {
    SimulationConfig day =
        SimulationConfig.defaults()
            .withPeriod(java.time.LocalDate.of(2024, 3, 4), 1)
            .withArrivals(Arrivals.defaults().withRate(0.05));
    Comparison first =
        Comparison.run(
            KAIXUAN, day, Presets.kaixuan(), Presets.dongcheng(), InMemoryGridStorage::create);
    java.util.concurrent.atomic.AtomicInteger stores =
        new java.util.concurrent.atomic.AtomicInteger();

    for (int replications : new int[] {1, Replications.MAX_REPLICATIONS + 1}) {
      assertThatThrownBy(
              () ->
                  Replications.extend(
                      first,
                      KAIXUAN,
                      day,
                      Presets.kaixuan(),
                      Presets.dongcheng(),
                      () -> {
                        stores.incrementAndGet();
                        return InMemoryGridStorage.create();
                      },
                      replications,
                      1,
                      finished -> {}))
          .isInstanceOf(RuleConfigurationException.class)
          .hasMessage(
              "[simulation.replications] replications must be between 2 and "
                  + Replications.MAX_REPLICATIONS
                  + ", was "
                  + replications);
    }
    assertThat(stores).hasValue(0);
  }

  @Test
  void run_twoScoringPolicies_onlyThePayDiffers_onEverySeed() {
    Scenario forty = new Scenario(week(), Presets.kaixuan());
    Scenario twenty =
        new Scenario(week().withScoring(ComparisonTest.gradedShare("0.20")), Presets.kaixuan());

    Replications pay = Replications.run(KAIXUAN, forty, twenty, InMemoryGridStorage::create, 2, 2);

    assertThat(pay.seeds()).isEqualTo(study.seeds().subList(0, 2));
    assertThat(pay.estimates())
        .filteredOn(e -> !e.indicator().startsWith("pay "))
        .allSatisfy(e -> assertThat(e.meanDelta()).as(e.indicator()).hasValue(0));
    for (int i = 0; i < 2; i++) {
      Comparison.Row spread = pay.row(i, "pay spread p90 − p10 (yuan)");
      assertThat(spread.b().getAsDouble())
          .as("seed %d", i)
          .isCloseTo(spread.a().getAsDouble() / 2, within(0.02));
    }
    assertThat(pay.row(1, "self-claim rate").a())
        .as("the other scenario's second seed: the same runs as the study's A")
        .isEqualTo(study.row(1, "self-claim rate").b());
  }

  @Test
  void extend_aFirstComparisonScoredByAnotherPolicy_refused() {
    Scenario forty = new Scenario(week(), Presets.kaixuan());
    Scenario twenty =
        new Scenario(week().withScoring(ComparisonTest.gradedShare("0.20")), Presets.kaixuan());
    Comparison sameScoring = Comparison.run(KAIXUAN, forty, forty, InMemoryGridStorage::create);

    assertThatThrownBy(
            () ->
                Replications.extend(
                    sameScoring,
                    KAIXUAN,
                    forty,
                    twenty,
                    InMemoryGridStorage::create,
                    2,
                    1,
                    finished -> {}))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.replications] first must be scored by kaixuan v1 and"
                + " kaixuan-graded-0.20 v1");
    assertThatThrownBy(
            () ->
                Replications.run(
                    KAIXUAN,
                    forty,
                    new Scenario(week().withSeed(3), Presets.kaixuan()),
                    InMemoryGridStorage::create,
                    2,
                    1))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith("[simulation.replications] b must run on a's seed and days");
  }

  @Test
  void extend_aFirstComparisonOfOtherSetups_refused() {
    Scenario plain = new Scenario(week(), Presets.kaixuan());
    Scenario named = new Scenario(week().withSetup("more-staff"), Presets.kaixuan());
    Comparison plainTwice = Comparison.run(KAIXUAN, plain, plain, InMemoryGridStorage::create);

    assertThatThrownBy(
            () ->
                Replications.extend(
                    plainTwice,
                    KAIXUAN,
                    plain,
                    named,
                    InMemoryGridStorage::create,
                    2,
                    1,
                    finished -> {}))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.replications] first must be run with setups '' and"
                + " 'more-staff', was '' and ''");
  }

  @Test
  void run_aRunFailingWithACheckedException_namedByItsReplicationSeedAndSide() {
    IOException gone = new IOException("disk gone");

    assertThatThrownBy(
            () ->
                Replications.run(
                    KAIXUAN, week(), TWELVE, Presets.kaixuan(), failingStore(gone), 2, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("replication 1 (seed " + week().seed() + ") of A, kaixuan-12h v1 failed")
        .hasCause(gone);
  }

  /**
   * A store supplier that fails with {@code failure}, checked or not, where the compiler expects
   * none: a checked failure reaches a set of runs only so.
   */
  static Supplier<GridStorage> failingStore(Exception failure) {
    return () -> {
      throw ReplicationsTest.<RuntimeException>sneaky(failure);
    };
  }

  @SuppressWarnings("unchecked")
  private static <E extends Exception> E sneaky(Exception failure) throws E {
    throw (E) failure;
  }
}
