package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gridgov.simulation.ComparisonTest.claimWindow;
import static org.gridgov.simulation.SimulationTest.KAIXUAN;
import static org.gridgov.simulation.SimulationTest.week;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.policy.Presets;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/** Several scenarios on the same seeds: a policy setting swept over its values. */
class SweepTest {
  /** Student's t, two-sided 95 % with 1 degree of freedom (t 0.975, 1), from the table. */
  private static final double T_95_1 = 12.706204736174707;

  private static Scenario window(int hours) {
    return new Scenario(week(), claimWindow(Duration.ofHours(hours)));
  }

  @Test
  void claimWindows_aLongerWindowLeavesMoreClaimed_onTheSameArrivals() {
    Sweep sweep =
        Sweep.run(
            KAIXUAN, List.of(window(2), window(6), window(24)), InMemoryGridStorage::create, 3, 2);

    assertThat(sweep.labels()).containsExactly("kaixuan-2h v1", "kaixuan-6h v1", "kaixuan-24h v1");
    assertThat(sweep.seeds()).hasSize(3).doesNotHaveDuplicates().startsWith(week().seed());
    assertThat(sweep.means("self-claim rate"))
        .extracting(OptionalDouble::getAsDouble)
        .isSorted()
        .doesNotHaveDuplicates();
    assertThat(sweep.means("reported"))
        .as("the same arrivals under every window")
        .containsOnly(sweep.means("reported").get(0));
    Replications.Estimate longest = sweep.against(2, "self-claim rate");
    assertThat(longest.replications()).isEqualTo(3);
    assertThat(longest.low().getAsDouble()).as("beyond chance").isPositive();
  }

  @Test
  void twoScenarios_theValuesAndEstimatesOfAStudyOfTheTwo() {
    Scenario a = window(12);
    Scenario b = new Scenario(week(), Presets.kaixuan());

    Sweep sweep = Sweep.run(KAIXUAN, List.of(a, b), InMemoryGridStorage::create, 3, 2);
    Replications study = Replications.run(KAIXUAN, a, b, InMemoryGridStorage::create, 3, 2);

    assertThat(sweep.seeds()).isEqualTo(study.seeds());
    for (String indicator : Sweep.indicators()) {
      int k = Sweep.indicators().indexOf(indicator);
      for (int i = 0; i < 3; i++) {
        assertThat(sweep.values().get(0).get(i).get(k))
            .as("%s, seed %d", indicator, i)
            .isEqualTo(study.row(i, indicator).a());
        assertThat(sweep.values().get(1).get(i).get(k))
            .as("%s, seed %d", indicator, i)
            .isEqualTo(study.row(i, indicator).b());
      }
      assertThat(sweep.against(1, indicator)).isEqualTo(study.estimate(indicator));
    }
  }

  @Test
  void means_ofTheSeedsWhereTheRunHasTheIndicator_notA0ForTheOthers() {
    SimulationConfig config = ReplicationsTest.quiet(2, 0.2);
    Scenario a = new Scenario(config, claimWindow(Duration.ofHours(12)));
    Scenario b = new Scenario(config, Presets.kaixuan());

    Sweep sweep = Sweep.run(KAIXUAN, List.of(a, b), InMemoryGridStorage::create, 5, 2);

    List<Double> rated = new ArrayList<>(); // B's mean satisfaction on the seeds it rated a case
    int paired = 0;
    int ratedA = 0;
    for (long seed : sweep.seeds()) {
      SimulationResult runA =
          Simulation.run(KAIXUAN, config.withSeed(seed), a.policy(), InMemoryGridStorage.create());
      SimulationResult runB =
          Simulation.run(KAIXUAN, config.withSeed(seed), b.policy(), InMemoryGridStorage.create());
      ratedA += runA.rated() > 0 ? 1 : 0;
      if (runB.rated() > 0) {
        rated.add((double) runB.satisfactionSum() / runB.rated());
        paired += runA.rated() > 0 ? 1 : 0;
      }
    }
    assertThat(rated).as("B rated a case on some seeds, not all").hasSizeBetween(2, 4);
    // before the fix: the mean over 5 seeds, the others' missing satisfaction taken as 0
    assertThat(sweep.means("mean satisfaction").get(1))
        .hasValueCloseTo(
            rated.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), within(1e-12));
    assertThat(sweep.seedsWith("mean satisfaction")).containsExactly(ratedA, rated.size());
    assertThat(sweep.seedsWith("reported")).containsExactly(5, 5);
    assertThat(sweep.against(1, "mean satisfaction").replications()).isEqualTo(paired);
  }

  @Test
  void oneThreadOrTwo_theSameSweep() {
    List<Scenario> scenarios = List.of(window(6), window(24));

    assertThat(Sweep.run(KAIXUAN, scenarios, InMemoryGridStorage::create, 2, 1))
        .isEqualTo(Sweep.run(KAIXUAN, scenarios, InMemoryGridStorage::create, 2, 2));
  }

  @Test
  void scenariosOfOnePolicy_labelledByWhatTellsThemApart() {
    Scenario plain = new Scenario(week(), Presets.kaixuan());
    Scenario staffed =
        new Scenario(
            week().withStaffing(week().staffing().withDepartments(8, 12)).withSetup("more-staff"),
            Presets.kaixuan());

    Sweep sweep = Sweep.run(KAIXUAN, List.of(plain, staffed), InMemoryGridStorage::create, 1, 2);

    assertThat(sweep.labels())
        .containsExactly("kaixuan v1, setup default", "kaixuan v1, setup more-staff");
    // the same policy on another district, told apart only in code: refused before any run
    Scenario unnamed =
        new Scenario(
            week().withStaffing(week().staffing().withDepartments(8, 12)), Presets.kaixuan());
    assertThatThrownBy(
            () -> Sweep.run(KAIXUAN, List.of(plain, unnamed), InMemoryGridStorage::create, 1, 2))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.sweep] scenarios[1] is labelled 'kaixuan v1' as scenarios[0] is:"
                + " give each a policy id or version, a scoring policy or a setup name of its own"
                + " (SimulationConfig.withSetup)");
    // one seed: means, but no spread to estimate a difference from
    assertThat(sweep.means("closed")).hasSize(2);
    assertThatThrownBy(() -> sweep.against(1, "closed"))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("seeds must be at least 2");
  }

  @Test
  void badArguments_refusedNamingThemBeforeAnyRun() {
    Scenario a = window(6);
    Scenario b = window(24);
    List<Scenario> many = new ArrayList<>(Collections.nCopies(21, a));

    assertThatThrownBy(() -> Sweep.run(KAIXUAN, List.of(a), InMemoryGridStorage::create, 2, 2))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.sweep] scenarios must be 2 to 20 scenarios, was 1");
    assertThatThrownBy(() -> Sweep.run(KAIXUAN, many, InMemoryGridStorage::create, 2, 2))
        .hasMessageContaining("was 21");
    assertThatThrownBy(
            () ->
                Sweep.run(
                    KAIXUAN,
                    List.of(a, new Scenario(week().withSeed(7), Presets.kaixuan())),
                    InMemoryGridStorage::create,
                    2,
                    2))
        .hasMessageStartingWith("[simulation.sweep] b must run on a's seed and days");
    assertThatThrownBy(() -> Sweep.run(KAIXUAN, List.of(a, b), InMemoryGridStorage::create, 0, 2))
        .hasMessageContaining("seeds");
    assertThatThrownBy(() -> Sweep.run(KAIXUAN, List.of(a, b), InMemoryGridStorage::create, 2, 0))
        .hasMessageContaining("threads");
    assertThatThrownBy(() -> Sweep.run(null, List.of(a, b), InMemoryGridStorage::create, 2, 2))
        .hasMessageContaining("divisions");
    assertThatThrownBy(
            () ->
                Sweep.run(
                    KAIXUAN, java.util.Arrays.asList(a, null), InMemoryGridStorage::create, 2, 2))
        .hasMessageContaining("scenarios");
  }

  @Test
  void unknownIndicatorOrScenario_refusedNamingTheChoices() {
    Sweep sweep =
        Sweep.run(KAIXUAN, List.of(window(6), window(24)), InMemoryGridStorage::create, 2, 2);

    assertThatThrownBy(() -> sweep.means("happiness"))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("indicator must be one of [reported, closed,");
    assertThatThrownBy(() -> sweep.against(0, "closed"))
        .as("the baseline against itself")
        .hasMessageContaining("scenario");
    assertThatThrownBy(() -> sweep.against(2, "closed")).hasMessageContaining("scenario");
  }

  @Test
  void extend_aFirstRunAlreadyRun_theSameSweepAsRunningItAll() {
    List<Scenario> scenarios = List.of(window(6), window(24));
    SimulationResult first =
        Simulation.run(
            KAIXUAN, window(6).config(), window(6).policy(), InMemoryGridStorage.create());
    List<Integer> finished = new java.util.concurrent.CopyOnWriteArrayList<>();

    Sweep extended =
        Sweep.extend(first, KAIXUAN, scenarios, InMemoryGridStorage::create, 2, 2, finished::add);

    assertThat(extended)
        .isEqualTo(Sweep.run(KAIXUAN, scenarios, InMemoryGridStorage::create, 2, 2));
    assertThat(finished).hasSize(4);
    // a first run of another scenario or seed is refused before any run
    SimulationResult other =
        Simulation.run(
            KAIXUAN, window(24).config(), window(24).policy(), InMemoryGridStorage.create());
    assertThatThrownBy(
            () ->
                Sweep.extend(other, KAIXUAN, scenarios, InMemoryGridStorage::create, 2, 2, n -> {}))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.sweep] first must be the first scenario's run, kaixuan-6h v1"
                + " with setup '', scored by kaixuan v1, on seed 42, was kaixuan-24h v1 with setup '',"
                + " scored by kaixuan v1, on seed 42");
    // nor one over another period (before the fix it was taken, and reports differed by policy)
    SimulationResult shorter =
        Simulation.run(
            KAIXUAN,
            window(6).config().withPeriod(window(6).config().start(), 3),
            window(6).policy(),
            InMemoryGridStorage.create());
    assertThatThrownBy(
            () ->
                Sweep.extend(
                    shorter, KAIXUAN, scenarios, InMemoryGridStorage::create, 2, 2, n -> {}))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith(
            "[simulation.sweep] first must be run with the first scenario's" + " settings");
  }

  @Test
  void constructor_labelsSeedsOrValuesNotOfOneSweep_refusedNamingTheField() {
    ImmutableList<OptionalDouble> row =
        ImmutableList.copyOf(Collections.nCopies(Sweep.indicators().size(), OptionalDouble.of(1)));
    ImmutableList<ImmutableList<OptionalDouble>> oneSeed = ImmutableList.of(row);
    ImmutableList<Long> seeds = ImmutableList.of(7L);
    List<String> twentyOne = new ArrayList<>();
    for (int s = 0; s < 21; s++) {
      twentyOne.add("s" + s);
    }

    assertThat(
            new Sweep(ImmutableList.of("a", "b"), seeds, ImmutableList.of(oneSeed, oneSeed))
                .labels())
        .hasSize(2);
    assertThatThrownBy(() -> new Sweep(ImmutableList.of("a"), seeds, ImmutableList.of(oneSeed)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.sweep] labels must be 2 to 20 scenarios, was 1");
    assertThatThrownBy(
            () ->
                new Sweep(
                    ImmutableList.copyOf(twentyOne),
                    seeds,
                    ImmutableList.copyOf(Collections.nCopies(21, oneSeed))))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.sweep] labels must be 2 to 20 scenarios, was 21");
    assertThatThrownBy(
            () -> new Sweep(ImmutableList.of("a", "a"), seeds, ImmutableList.of(oneSeed, oneSeed)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.sweep] labels must be distinct, was [a, a]");
    assertThatThrownBy(
            () ->
                new Sweep(
                    ImmutableList.of("a", "b"),
                    ImmutableList.of(),
                    ImmutableList.of(ImmutableList.of(), ImmutableList.of())))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith("[simulation.sweep] seeds must be between 1 and ");
    assertThatThrownBy(
            () -> new Sweep(ImmutableList.of("a", "b"), seeds, ImmutableList.of(oneSeed)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.sweep] values must be one list per scenario: 1 for 2");
    assertThatThrownBy(
            () ->
                new Sweep(
                    ImmutableList.of("a", "b"),
                    seeds,
                    ImmutableList.of(oneSeed, ImmutableList.of(row.subList(1, row.size())))))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.sweep] values[1] must be one list of "
                + Sweep.indicators().size()
                + " indicators per seed");
    assertThatThrownBy(
            () ->
                new Sweep(
                    ImmutableList.of("a", "b"),
                    seeds,
                    ImmutableList.of(oneSeed, ImmutableList.of(row, row))))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith("[simulation.sweep] values[1] must be one list of ");
  }

  @Test
  void run_twentyScenariosAtMost_refusedBeyondBeforeAnyRun() {
    SimulationConfig day =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 3, 4), 1)
            .withArrivals(Arrivals.defaults().withRate(0.05));
    List<Scenario> scenarios = new ArrayList<>();
    for (int s = 0; s < 21; s++) {
      scenarios.add(new Scenario(day.withSetup("s" + s), Presets.kaixuan()));
    }
    AtomicInteger stores = new AtomicInteger();

    assertThatThrownBy(
            () ->
                Sweep.run(
                    KAIXUAN,
                    scenarios,
                    () -> {
                      stores.incrementAndGet();
                      return InMemoryGridStorage.create();
                    },
                    1,
                    2))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.sweep] scenarios must be 2 to 20 scenarios, was 21");
    assertThat(stores).hasValue(0);
    assertThat(
            Sweep.run(
                    KAIXUAN,
                    scenarios.subList(0, Sweep.MAX_SCENARIOS),
                    InMemoryGridStorage::create,
                    1,
                    2)
                .labels())
        .hasSize(20);
  }

  @Test
  void extend_aFirstRunOnAnotherTerritoryOrNoScenarios_refused() {
    SimulationConfig day =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 3, 4), 1)
            .withArrivals(Arrivals.defaults().withRate(0.05));
    SimulationResult first =
        Simulation.run(KAIXUAN, day, Presets.kaixuan(), InMemoryGridStorage.create());
    org.gridgov.core.territory.Territory other =
        org.gridgov.core.territory.Divisions.shangcheng()
            .restrictedTo(org.gridgov.core.territory.AreaCode.parse("330102001"));
    List<Scenario> scenarios =
        List.of(new Scenario(day, Presets.kaixuan()), new Scenario(day, Presets.dongcheng()));

    assertThatThrownBy(
            () ->
                Sweep.extend(
                    first, other, scenarios, InMemoryGridStorage::create, 1, 1, finished -> {}))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.sweep] first must be run on the territory given, was another's");
    assertThatThrownBy(
            () ->
                Sweep.extend(
                    first, KAIXUAN, List.of(), InMemoryGridStorage::create, 1, 1, finished -> {}))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.sweep] scenarios must not be empty");
  }

  @Test
  void labels_onePolicyOnSeveralSetups_eachNamedByItsSetup() {
    SimulationConfig day = SimulationConfig.defaults();

    assertThat(
            Sweep.labels(
                List.of(
                    new Scenario(day, Presets.kaixuan()),
                    new Scenario(day.withSetup("more-staff"), Presets.kaixuan()))))
        .containsExactly("kaixuan v1, setup default", "kaixuan v1, setup more-staff");
    assertThat(
            Sweep.labels(
                List.of(
                    new Scenario(day, Presets.kaixuan()), new Scenario(day, Presets.dongcheng()))))
        .as("one setup: not named")
        .containsExactly("kaixuan v1", "dongcheng v1");
  }

  @Test
  void labels_onePolicyUnderTwoScoringPolicies_eachNamedByItsScoring() {
    SimulationConfig day = SimulationConfig.defaults();

    assertThat(
            Sweep.labels(
                List.of(
                    new Scenario(day, Presets.kaixuan()),
                    new Scenario(
                        day.withScoring(ComparisonTest.gradedShare("0.20")), Presets.kaixuan()))))
        .containsExactly(
            "kaixuan v1, scored by kaixuan v1", "kaixuan v1, scored by kaixuan-graded-0.20 v1");
  }

  @Test
  void against_twoSeeds_theFewestWithAnInterval() {
    int k = Sweep.indicators().indexOf("reported");
    Sweep sweep =
        new Sweep(
            ImmutableList.of("a", "b"),
            ImmutableList.of(1L, 2L),
            ImmutableList.of(
                ImmutableList.of(reported(k, 10), reported(k, 12)),
                ImmutableList.of(reported(k, 13), reported(k, 17))));

    Replications.Estimate b = sweep.against(1, "reported");

    // differences 3 and 5: mean 4, sample sd √2, half-width t(0.975, 1) × √2 / √2
    assertThat(b.replications()).isEqualTo(2);
    assertThat(b.meanDelta()).hasValueCloseTo(4.0, within(1e-12));
    assertThat(b.deltaSd()).hasValueCloseTo(Math.sqrt(2), within(1e-12));
    assertThat(b.low()).hasValueCloseTo(4 - T_95_1, within(1e-9));
    assertThat(b.high()).hasValueCloseTo(4 + T_95_1, within(1e-9));
  }

  /** A seed's indicators: {@code reported} at index {@code k}, 1 for every other. */
  private static ImmutableList<OptionalDouble> reported(int k, double reported) {
    List<OptionalDouble> row =
        new ArrayList<>(Collections.nCopies(Sweep.indicators().size(), OptionalDouble.of(1)));
    row.set(k, OptionalDouble.of(reported));
    return ImmutableList.copyOf(row);
  }

  @Test
  void run_aRunFailingWithACheckedException_namedByItsScenarioAndSeed() {
    IOException gone = new IOException("disk gone");

    assertThatThrownBy(
            () ->
                Sweep.run(
                    KAIXUAN,
                    List.of(window(12), window(24)),
                    ReplicationsTest.failingStore(gone),
                    1,
                    1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("scenario 1 (kaixuan-12h v1) on seed " + week().seed() + " failed")
        .hasCause(gone);
  }
}
