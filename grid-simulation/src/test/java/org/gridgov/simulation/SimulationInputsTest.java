package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.gridgov.simulation.SimulationTest.KAIXUAN;
import static org.gridgov.simulation.SimulationTest.week;

import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.Violation;
import org.gridgov.core.line.LineId;
import org.gridgov.core.line.Lines;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.territory.Level;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/** What a run refuses before it starts, each naming the field and the rule. */
class SimulationInputsTest {

  @Test
  void withOverload_null_refusedNamingTheField() {
    assertThatThrownBy(() -> SimulationConfig.defaults().withOverload(null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.config] overload must not be null");
  }

  @Test
  void staffing_nullRoleLines_refusedAtConstruction() {
    assertThatThrownBy(() -> new Staffing(2, 5, "dongcheng", null, 4, 6, ImmutableMap.of()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.staffing] roleLines must not be null");
  }

  @Test
  void staffing_unknownTemplate_refusedAtConstructionListingTheKnownOnes() {
    // before the fix: accepted here, refused only when a run built the district, as a bare
    // IllegalArgumentException "simulation.staffing: template nope is not one of [...]"
    String refusal =
        "[simulation.staffing] template must be one of [kaixuan, dongcheng,"
            + " yangling], was 'nope'";
    Staffing dongcheng = Staffing.dongcheng();
    assertThatThrownBy(() -> dongcheng.withTemplate("nope"))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(refusal)
        .satisfies(e -> assertRule(e, "simulation.staffing", "template"));
    assertThatThrownBy(
            () -> new Staffing(2, 5, "nope", dongcheng.roleLines(), 4, 6, ImmutableMap.of()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(refusal)
        .satisfies(e -> assertRule(e, "simulation.staffing", "template"));
    assertThat(dongcheng.template()).isEqualTo("dongcheng");
    assertThat(dongcheng.withTemplate("yangling").template()).isEqualTo("yangling");
  }

  @Test
  void staffing_departmentLevels_onlyStreetOrDistrictForALineADepartmentStaffs() {
    Staffing dongcheng = Staffing.dongcheng();
    assertThatThrownBy(
            () -> dongcheng.withDepartmentLevels(Map.of(LineId.of("utilities"), Level.COMMUNITY)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.staffing] departmentLevels.utilities must be STREET or DISTRICT,"
                + " was COMMUNITY")
        .satisfies(e -> assertRule(e, "simulation.staffing", "departmentLevels.utilities"));
    assertThatThrownBy(
            () -> dongcheng.withDepartmentLevels(Map.of(LineId.of("parks"), Level.STREET)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining(
            "departmentLevels.parks is not a line of the catalogue, expected"
                + " one of [civil-affairs, construction");
    assertThatThrownBy(
            () -> dongcheng.withDepartmentLevels(Map.of(LineId.of("community"), Level.STREET)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("departmentLevels.community works at the COMMUNITY");
    assertThatThrownBy(() -> dongcheng.withDepartmentLevels(null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.staffing] departmentLevels must not be null");
    assertThat(
            dongcheng
                .withDepartmentLevels(Map.of(LineId.of("housing"), Level.STREET))
                .departmentLevel(Lines.standard().find(LineId.of("housing")).orElseThrow()))
        .isEqualTo(Level.STREET);
  }

  @Test
  void overload_lineNotInTheStandardCatalogue_refusedAtConstruction() {
    // before the fix: accepted here, refused only when a run (after building its district) met
    // an IllegalArgumentException "simulation.overload: no category has the default line nope"
    assertThatThrownBy(() -> new Overload(LineId.of("nope"), 0.5, 8))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith("[simulation.overload] line must be one of the standard lines [")
        .hasMessageContaining("urban-management")
        .hasMessageEndingWith("], was 'nope'")
        .satisfies(e -> assertRule(e, "simulation.overload", "line"));
    assertThat(new Overload(LineId.of("sanitation"), 0.5, 8).line())
        .isEqualTo(LineId.of("sanitation"));
  }

  static void assertRule(Throwable e, String rule, String field) {
    RuleConfigurationException refused = (RuleConfigurationException) e;
    assertThat(refused.ruleId().value()).isEqualTo(rule);
    assertThat(refused.field()).isEqualTo(field);
  }

  @Test
  void arrivals_nullParts_refusedNamingTheField() {
    Arrivals d = Arrivals.defaults();
    assertThatThrownBy(() -> new Arrivals(0.3, null, d.weekly(), d.categories(), d.sources()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.arrivals] hourly must not be null");
    assertThatThrownBy(() -> new Arrivals(0.3, d.hourly(), d.weekly(), null, d.sources()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.arrivals] categories must not be null");
    assertThatThrownBy(() -> d.withCategories(null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.arrivals] categories must not be null");
    assertThatThrownBy(() -> d.withMonthly(null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.arrivals] monthly must not be null");
  }

  @Test
  void run_aPolicyNamingACategoryNoStandardOneHas_refusedBeforeAnythingIsStored() {
    PolicySet typo =
        org.gridgov.core.policy.PolicyLoader.fromYaml(
            new java.io.StringReader(
                """
        id: typo
        version: 1
        effectiveFrom: 2024-01-01
        zone: Asia/Shanghai
        source: test
        dispatch:
          claimWindow: 24h
          replyWithin: 72h
          supervisionAfter: 24h
          categoryDeadlines: { E0499: 12h }
        returns: { bounceLimit: 2 }
        verification: { maxReworks: 3 }
        escalation: { mode: HARD, quota: { GRID: 0.1 } }
        """),
            "typo.yaml");
    InMemoryGridStorage storage = InMemoryGridStorage.create();

    assertThatThrownBy(() -> Simulation.run(KAIXUAN, week(), typo, storage))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactly(
                        tuple("dispatch.categoryDeadlines.E0499", "policy.unknown-category")))
        .hasMessageContaining("policy typo v1 on a simulated district");
    assertThat(storage.incidents().count()).isZero();
    assertThat(storage.directory().revision()).isZero();
  }

  /** Dongcheng's preset, its quota months and working time counted in {@code zone}. */
  private static PolicySet dongchengIn(java.time.ZoneId zone) {
    PolicySet p = Presets.dongcheng();
    return org.gridgov.core.policy.PolicyLoader.validate(
        new PolicySet(
            p.id(),
            p.version(),
            p.effectiveFrom(),
            zone,
            p.source(),
            p.dispatch(),
            p.returns(),
            p.verification(),
            p.escalation(),
            p.targets(),
            p.pay(),
            p.callback(),
            p.extension(),
            p.suspension()));
  }

  private static final String UTC_REFUSED =
      "zone: must be the simulation's zone Asia/Shanghai,"
          + " whose days the district lives by (the policy counts its quota months and working time"
          + " in its own), was UTC [simulation.run]";

  @Test
  void run_aPolicyInUtcOnTheDefaultDongchengConfig_refusedNamingTheFieldAndBothZones() {
    // before the fix: accepted, the quota months and working-time limits counted in UTC while
    // the district's days, arrivals and scoring months were Asia/Shanghai's
    PolicySet utc = dongchengIn(java.time.ZoneId.of("UTC"));
    SimulationConfig config = SimulationConfig.defaults();
    InMemoryGridStorage storage = InMemoryGridStorage.create();

    assertThat(config.zone()).isEqualTo(java.time.ZoneId.of("Asia/Shanghai"));
    assertThatThrownBy(
            () ->
                Simulation.run(
                    org.gridgov.core.territory.Divisions.dongcheng(), config, utc, storage))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::toString)
                    .containsExactly(UTC_REFUSED))
        .hasMessageStartingWith("invalid policy dongcheng v1 on a simulated district");
    assertThat(storage.incidents().count()).isZero();
    assertThat(storage.directory().revision()).isZero();
    assertThatThrownBy(() -> Simulation.checkReferences(utc, config))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::toString)
                    .containsExactly(UTC_REFUSED));
  }

  @Test
  void checkReferences_aZoneOfTheSameRulesOrTheConfigsOwn_accepted() {
    SimulationConfig config = SimulationConfig.defaults();

    // Asia/Chongqing is another name of Asia/Shanghai's rules: the same months and working time
    Simulation.checkReferences(dongchengIn(java.time.ZoneId.of("Asia/Chongqing")), config);
    Simulation.checkReferences(dongchengIn(config.zone()), config);
    for (PolicySet preset : List.of(Presets.kaixuan(), Presets.dongcheng(), Presets.yangling())) {
      Simulation.checkReferences(preset, config);
    }
  }

  @Test
  void run_thePolicyInTheConfigsZone_runs() {
    SimulationResult result =
        Simulation.run(KAIXUAN, week(), dongchengIn(week().zone()), InMemoryGridStorage.create());

    assertThat(result.reported()).isPositive();
  }

  @Test
  void comparisonReplicationsAndSweep_aPolicyInAnotherZone_refusedBeforeAnyRun() {
    // before the fix: every run made, the UTC policy's among them
    PolicySet utc = dongchengIn(java.time.ZoneId.of("UTC"));
    java.util.concurrent.atomic.AtomicInteger stores =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.Supplier<GridStorage> storage =
        () -> {
          stores.incrementAndGet();
          return InMemoryGridStorage.create();
        };

    assertThatThrownBy(() -> Comparison.run(KAIXUAN, week(), Presets.dongcheng(), utc, storage))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(UTC_REFUSED);
    assertThatThrownBy(
            () -> Replications.run(KAIXUAN, week(), Presets.dongcheng(), utc, storage, 2, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(UTC_REFUSED);
    assertThatThrownBy(
            () ->
                Sweep.run(
                    KAIXUAN,
                    List.of(new Scenario(week(), Presets.dongcheng()), new Scenario(week(), utc)),
                    storage,
                    1,
                    1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(UTC_REFUSED);
    // the first policy too, not only when its own run starts
    assertThatThrownBy(() -> Comparison.run(KAIXUAN, week(), utc, Presets.dongcheng(), storage))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(UTC_REFUSED);
    assertThatThrownBy(
            () -> Replications.run(KAIXUAN, week(), utc, Presets.dongcheng(), storage, 2, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(UTC_REFUSED);
    assertThat(stores).as("stores taken for a run").hasValue(0);
  }

  @Test
  void aScoringPolicyWeighingARoleNoTemplateHas_refusedNamingTheRole() {
    org.gridgov.scoring.policy.ScoringPolicy kaixuan =
        org.gridgov.scoring.policy.ScoringPresets.kaixuan();
    org.gridgov.scoring.policy.ScoringPolicy typo =
        new org.gridgov.scoring.policy.ScoringPolicy(
            "typo",
            1,
            "test",
            kaixuan.indicators(),
            kaixuan.score(),
            kaixuan.threeRates(),
            kaixuan.team(),
            kaixuan.pay(),
            kaixuan.points(),
            kaixuan.duties(),
            com.google.common.collect.ImmutableMap.of(
                org.gridgov.core.people.Role.of("grid-manger"), kaixuan.score()));

    assertThatThrownBy(() -> week().withScoring(typo))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.config] scoring names roles of no staffing template, whose"
                + " weights would never apply (scoring policy typo): [grid-manger]");
    assertThat(week().withScoring(kaixuan).scoring()).isEqualTo(kaixuan);
  }

  @Test
  void everyExamplePolicy_namesOnlyWhatASimulatedDistrictHasInItsZone() throws Exception {
    List<java.nio.file.Path> policies;
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("examples"))) {
      policies =
          files
              .filter(
                  f ->
                      f.getFileName().toString().startsWith("kaixuan-")
                          && !f.getFileName().toString().contains("scoring"))
              .toList();
    }

    assertThat(policies).hasSizeGreaterThanOrEqualTo(7);
    for (java.nio.file.Path file : policies) {
      Simulation.checkReferences(
          org.gridgov.core.policy.PolicyLoader.fromPath(file), SimulationConfig.defaults());
    }
  }

  @Test
  void arrivals_aSourcesHoursOfOtherThan24WeightsOrForASourceWithoutWeight_refusedByField() {
    Arrivals d = Arrivals.defaults();
    assertThatThrownBy(
            () ->
                d.withSourceHourly(
                    Map.of(
                        org.gridgov.core.incident.Source.PATROL,
                        java.util.Collections.nCopies(23, 1.0))))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.arrivals] sourceHourly.PATROL must hold 24 weights, was 23");
    Arrivals same = d.withSourceHourly(Map.of()).withCategories(d.categories());
    assertThatThrownBy(
            () ->
                new Arrivals(
                    0.3,
                    d.hourly(),
                    d.weekly(),
                    d.categories(),
                    com.google.common.collect.ImmutableMap.of(
                        org.gridgov.core.incident.Source.PATROL, 1.0),
                    d.monthly(),
                    com.google.common.collect.ImmutableMap.of(
                        org.gridgov.core.incident.Source.CAMERA,
                        com.google.common.collect.ImmutableList.copyOf(
                            java.util.Collections.nCopies(24, 1.0)))))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.arrivals] sourceHourly.CAMERA names a source that sources gives"
                + " no weight, expected one of [PATROL]");
    assertThat(same).isEqualTo(d);
    assertThatThrownBy(() -> d.withSourceHourly(null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.arrivals] sourceHourly must not be null");
  }

  @Test
  void arrivals_aClassesHoursOfOtherThan24WeightsForAnUnweightedClassOrBesideSources_refused() {
    Arrivals d = Arrivals.defaults();
    List<Double> day = java.util.Collections.nCopies(24, 1.0);
    assertThatThrownBy(
            () -> d.withCategoryHourly(Map.of("E04", java.util.Collections.nCopies(23, 1.0))))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.arrivals] categoryHourly.E04 must hold 24 weights, was 23");
    assertThatThrownBy(() -> d.withCategoryHourly(Map.of("E09", day)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith(
            "[simulation.arrivals] categoryHourly.E09 names a class that"
                + " categories gives no weight, expected one of [E04, E01");
    assertThatThrownBy(
            () -> d.withCategoryHourly(Map.of("E04", java.util.Collections.nCopies(24, 0.0))))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.arrivals] categoryHourly.E04 must be non-negative with a"
                + " positive, finite sum");
    assertThatThrownBy(
            () ->
                d.withSourceHourly(Map.of(org.gridgov.core.incident.Source.PATROL, day))
                    .withCategoryHourly(Map.of("E04", day)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.arrivals] categoryHourly must be empty when sourceHourly is not:"
                + " a problem's hour follows its source or its class, not both");
    assertThatThrownBy(() -> d.withCategoryHourly(null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.arrivals] categoryHourly must not be null");
    assertThat(d.withCategoryHourly(Map.of("E04", day)).categoryHourly()).containsOnlyKeys("E04");
  }

  @Test
  void behaviour_hoursForALineNoDepartmentWorksFor_refusedNamingTheLine() {
    Behaviour d = Behaviour.defaults();
    assertThatThrownBy(
            () ->
                d.withLineHours(
                    Map.of(org.gridgov.core.line.LineId.of("community"), Schedule.ALWAYS)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith(
            "[simulation.behaviour] lineHours.community is not a line"
                + " department staff work for, expected one of [civil-affairs, construction,");
    assertThatThrownBy(
            () ->
                d.withLineHours(Map.of(org.gridgov.core.line.LineId.of("bakery"), Schedule.ALWAYS)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("lineHours.bakery");
    Map<org.gridgov.core.line.LineId, Schedule> withNull = new java.util.HashMap<>();
    withNull.put(org.gridgov.core.line.LineId.of("utilities"), null);
    assertThatThrownBy(() -> d.withLineHours(withNull))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.behaviour] lineHours must not hold null keys or values");
    Behaviour shifts =
        d.withLineHours(Map.of(org.gridgov.core.line.LineId.of("utilities"), Schedule.ALWAYS));
    assertThat(shifts.departmentSchedule(org.gridgov.core.line.LineId.of("utilities")))
        .isEqualTo(Schedule.ALWAYS);
    assertThat(shifts.withWorkerRestDays(1).lineHours())
        .as("kept by the other withers")
        .isEqualTo(shifts.lineHours());
    assertThat(d.withLineHours(Map.of())).isEqualTo(d);
  }

  @Test
  void arrivals_aDatesWeightNegativeAboveTenOrNull_refusedNamingTheDate() {
    Arrivals d = Arrivals.defaults();
    java.time.LocalDate day = java.time.LocalDate.of(2024, 10, 1);
    assertThatThrownBy(() -> d.withDates(Map.of(day, -0.5)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.arrivals] dates.2024-10-01 must be a weight from 0 to 10.0 (1 is"
                + " an ordinary day), was -0.5");
    assertThatThrownBy(() -> d.withDates(Map.of(day, Double.NaN)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("dates.2024-10-01");
    assertThatThrownBy(() -> d.withDates(Map.of(day, 10.5)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("was 10.5");
    Map<java.time.LocalDate, Double> withNull = new java.util.HashMap<>();
    withNull.put(null, 1.0);
    assertThatThrownBy(() -> d.withDates(withNull))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.arrivals] dates must not hold null keys or values");
    assertThat(d.withDates(Map.of(day, 0.0)).dates()).containsEntry(day, 0.0);
    assertThat(d.withDates(Map.of()).withCategories(d.categories())).isEqualTo(d);
  }

  @Test
  void arrivals_aYearOfOtherThanTwelvePositiveWeights_refusedNamingTheField() {
    Arrivals d = Arrivals.defaults();
    assertThatThrownBy(() -> d.withMonthly(java.util.Collections.nCopies(11, 1.0)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.arrivals] monthly must hold 12 weights, January first, was 11");
    List<Double> negative = new java.util.ArrayList<>(Arrivals.FLAT_YEAR);
    negative.set(6, -1.0);
    assertThatThrownBy(() -> d.withMonthly(negative))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.arrivals] monthly must be non-negative with a positive, finite" + " sum");
    assertThatThrownBy(() -> d.withMonthly(java.util.Collections.nCopies(12, 0.0)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("monthly");
    List<Double> withNull = new java.util.ArrayList<>(Arrivals.FLAT_YEAR);
    withNull.set(0, null);
    assertThatThrownBy(() -> d.withMonthly(withNull))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.arrivals] monthly must not hold null elements");
    // List.of(...).contains(null) throws: a list the JDK's factories made is checked all the same
    assertThat(
            d.withMonthly(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0))
                .monthly())
        .endsWith(1.0, 2.0);
  }

  /** Each bound of the arrivals: the value on it accepted, the one past it refused by field. */
  @Test
  void arrivals_eachRateAndWeightBeyondItsBound_refusedNamingTheField() {
    Arrivals d = Arrivals.defaults();
    List<Double> day = java.util.Collections.nCopies(24, 1.0);
    List<Double> noDay = java.util.Collections.nCopies(24, 0.0);
    List<Double> infinite = new java.util.ArrayList<>(day);
    infinite.set(5, Double.POSITIVE_INFINITY);
    List<Double> overflowing = java.util.Collections.nCopies(24, Double.MAX_VALUE);
    assertThat(d.withRate(Arrivals.MAX_PER_GRID_PER_DAY).perGridPerDay()).isEqualTo(100);
    assertThat(
            d.withDates(
                    Map.of(
                        LocalDate.of(2024, 10, 1),
                        0.0,
                        LocalDate.of(2024, 2, 10),
                        Arrivals.MAX_DATE_WEIGHT))
                .dates())
        .hasSize(2);
    Map<org.gridgov.core.incident.Source, List<Double>> nullSource = new java.util.HashMap<>();
    nullSource.put(null, day);
    assertThatThrownBy(() -> d.toBuilder().sourceHourly(nullSource))
        .satisfies(e -> assertRule(e, "simulation.arrivals", "sourceHourly"));
    List<Map.Entry<String, Runnable>> refused = new java.util.ArrayList<>();
    refused.add(Map.entry("perGridPerDay", () -> d.withRate(0)));
    refused.add(Map.entry("perGridPerDay", () -> d.withRate(Double.POSITIVE_INFINITY)));
    refused.add(Map.entry("perGridPerDay", () -> d.withRate(100.001)));
    refused.add(Map.entry("hourly", () -> d.toBuilder().hourly(day.subList(0, 23)).build()));
    refused.add(Map.entry("hourly", () -> d.toBuilder().hourly(noDay).build()));
    refused.add(Map.entry("hourly", () -> d.toBuilder().hourly(infinite).build()));
    refused.add(Map.entry("hourly", () -> d.toBuilder().hourly(overflowing).build()));
    refused.add(Map.entry("weekly", () -> d.toBuilder().weekly(day.subList(0, 8)).build()));
    refused.add(Map.entry("weekly", () -> d.toBuilder().weekly(noDay.subList(0, 7)).build()));
    refused.add(Map.entry("categories", () -> d.withCategories(Map.of("E04", 0.0))));
    refused.add(Map.entry("categories", () -> d.withCategories(Map.of("X04", 1.0))));
    refused.add(
        Map.entry(
            "sources",
            () ->
                d.toBuilder()
                    .sources(Map.of(org.gridgov.core.incident.Source.PATROL, 0.0))
                    .build()));
    refused.add(
        Map.entry(
            "sourceHourly.PATROL",
            () -> d.withSourceHourly(Map.of(org.gridgov.core.incident.Source.PATROL, noDay))));
    refused.add(Map.entry("categoryHourly.E04", () -> d.withCategoryHourly(Map.of("E04", noDay))));
    for (Map.Entry<String, Runnable> each : refused) {
      assertThatThrownBy(each.getValue()::run)
          .as(each.getKey())
          .satisfies(e -> assertRule(e, "simulation.arrivals", each.getKey()));
    }
  }

  /** The bounds of visits and of an overload: on each accepted, past it refused by field. */
  @Test
  void visitingAndOverload_beyondTheirBounds_refusedNamingTheField() {
    assertThat(new Visiting(Visiting.MAX_PER_WORKING_DAY, 2).spread()).isEqualTo(2);
    assertThat(new Visiting(0, 0).perWorkingDay()).isZero();
    assertThat(
            new Visiting(1, 0.5)
                .withPerRole(
                    Map.of(
                        org.gridgov.core.people.Role.POLICE_OFFICER, Visiting.MAX_PER_WORKING_DAY))
                .perRole())
        .hasSize(1);
    assertThat(new Overload(LineId.of("sanitation"), 0.999, 9999).workers()).isEqualTo(9999);
    List<Map.Entry<String, Runnable>> refused =
        List.of(
            Map.entry("perWorkingDay", () -> new Visiting(-0.001, 0.5)),
            Map.entry("perWorkingDay", () -> new Visiting(50.001, 0.5)),
            Map.entry("spread", () -> new Visiting(2, -0.001)),
            Map.entry("spread", () -> new Visiting(2, 2.001)),
            Map.entry(
                "perRole.police-officer",
                () ->
                    new Visiting(2, 0.5)
                        .withPerRole(Map.of(org.gridgov.core.people.Role.POLICE_OFFICER, 50.001))),
            Map.entry(
                "perRole.police-officer",
                () ->
                    new Visiting(2, 0.5)
                        .withPerRole(Map.of(org.gridgov.core.people.Role.POLICE_OFFICER, -1.0))));
    for (Map.Entry<String, Runnable> each : refused) {
      assertThatThrownBy(each.getValue()::run)
          .as(each.getKey())
          .satisfies(e -> assertRule(e, "simulation.visiting", each.getKey()));
    }
    List<Map.Entry<String, Runnable>> overloads =
        List.of(
            Map.entry("share", () -> new Overload(LineId.of("sanitation"), 0, 8)),
            Map.entry("share", () -> new Overload(LineId.of("sanitation"), 1, 8)),
            Map.entry("workers", () -> new Overload(LineId.of("sanitation"), 0.5, 0)),
            Map.entry("workers", () -> new Overload(LineId.of("sanitation"), 0.5, 10_000)));
    for (Map.Entry<String, Runnable> each : overloads) {
      assertThatThrownBy(each.getValue()::run)
          .as(each.getKey())
          .satisfies(e -> assertRule(e, "simulation.overload", each.getKey()));
    }
  }

  @Test
  void arrivalsBuilder_changesWhatItSets_keepsTheRest_checksOnBuild() {
    Arrivals d = Arrivals.defaults();
    List<Double> quietWeekend = List.of(1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.5);
    List<Double> flatDay = java.util.Collections.nCopies(24, 1.0);

    Arrivals changed =
        d.toBuilder()
            .perGridPerDay(2.6)
            .weekly(quietWeekend)
            .hourly(flatDay)
            .sources(Map.of(org.gridgov.core.incident.Source.PATROL, 1.0))
            .dates(Map.of(LocalDate.of(2024, 10, 1), 0.6))
            .build();

    assertThat(changed.perGridPerDay()).isEqualTo(2.6);
    assertThat(changed.weekly()).containsExactlyElementsOf(quietWeekend);
    assertThat(changed.hourly()).containsExactlyElementsOf(flatDay);
    assertThat(changed.sources()).containsOnlyKeys(org.gridgov.core.incident.Source.PATROL);
    assertThat(changed.dates()).containsEntry(LocalDate.of(2024, 10, 1), 0.6);
    assertThat(
            changed.toBuilder()
                .perGridPerDay(d.perGridPerDay())
                .weekly(d.weekly())
                .hourly(d.hourly())
                .sources(d.sources())
                .dates(Map.of())
                .build())
        .as("every other field kept")
        .isEqualTo(d);
    assertThat(Arrivals.builder().build()).isEqualTo(d);

    assertThatThrownBy(() -> d.toBuilder().weekly(List.of(1.0, 1.0)).build())
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.arrivals] weekly must hold 7 weights, was 2");
    assertThatThrownBy(() -> d.toBuilder().hourly(null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.arrivals] hourly must not be null");
    List<Double> gap = new java.util.ArrayList<>(flatDay);
    gap.set(3, null);
    assertThatThrownBy(() -> d.toBuilder().categoryHourly(Map.of("E04", gap)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.arrivals] categoryHourly.E04 must not hold null elements");
    assertThatThrownBy(
            () ->
                d.toBuilder()
                    .sources(
                        java.util.Collections.singletonMap(
                            org.gridgov.core.incident.Source.APP, null)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.arrivals] sources must not hold null keys or values");
  }

  @Test
  void run_nullArguments_refusedNamingTheArgument() {
    assertThatThrownBy(
            () -> Simulation.run(null, week(), Presets.kaixuan(), InMemoryGridStorage.create()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("territory");
    assertThatThrownBy(
            () -> Simulation.run(KAIXUAN, null, Presets.kaixuan(), InMemoryGridStorage.create()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("config");
    assertThatThrownBy(() -> Simulation.run(KAIXUAN, week(), null, InMemoryGridStorage.create()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("policy");
  }

  @Test
  void overload_everyCategoryInTheOverloadedLine_refusedNamingTheField() {
    SimulationConfig config =
        week()
            .withArrivals(Arrivals.defaults().withCategories(Map.of("E02", 1.0)))
            .withOverload(Overload.baoshan(8));
    assertThatThrownBy(
            () -> Simulation.run(KAIXUAN, config, Presets.kaixuan(), InMemoryGridStorage.create()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("categories");
  }

  @Test
  void overload_ofACommunityLine_isRefusedInsteadOfDroppingItsWorkers() {
    // before the fix: runs, the 8 workers are never placed (same roster size as without the
    // overload) and the line's 205 cases in 3 days are never closed (solveRate 0.0)
    SimulationConfig config =
        week()
            .withPeriod(java.time.LocalDate.of(2024, 3, 4), 3)
            .withOverload(new Overload(LineId.of("community"), 0.5, 8));
    assertThatThrownBy(
            () -> Simulation.run(KAIXUAN, config, Presets.kaixuan(), InMemoryGridStorage.create()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining(
            "[simulation.run] overload line community works at no street or" + " district");
  }

  @Test
  void run_nullStorageOrProgress_refusedNamingTheArgument() {
    // before the fix: a NullPointerException "storage" from the governance builder, and a bare
    // one ("because progress is null") in the first step, after the district was built
    assertThatThrownBy(() -> Simulation.run(KAIXUAN, week(), Presets.kaixuan(), null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.run] storage must not be null");
    assertThatThrownBy(
            () ->
                Simulation.run(
                    KAIXUAN, week(), Presets.kaixuan(), InMemoryGridStorage.create(), null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.run] progress must not be null");
  }

  @Test
  void run_onAStoreThatHoldsIncidents_refusedBeforeAnythingIsStored() {
    // before the fix: the directory was saved over the store's as a new revision, then the first
    // report failed with "IllegalStateException: the simulation's step at ... failed" (its id
    // was the stored run's first)
    GridStorage storage = InMemoryGridStorage.create();
    SimulationConfig day = week().withPeriod(LocalDate.of(2024, 3, 4), 1);
    Simulation.run(KAIXUAN, day, Presets.kaixuan(), storage);
    long incidents = storage.incidents().count();
    long revision = storage.directory().revision();

    assertThatThrownBy(() -> Simulation.run(KAIXUAN, day, Presets.kaixuan(), storage))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.run] storage must be empty, holds "
                + incidents
                + " incidents and directory revision "
                + revision);
    assertThat(storage.incidents().count()).isEqualTo(incidents);
    assertThat(storage.directory().revision()).isEqualTo(revision);
  }

  @Test
  void comparison_nullPolicyOrStorage_refusedNamingWhich() {
    // before the fix: "[simulation.run] policy must not be null" for either policy (run a
    // first when b was missing), and a bare NullPointerException for a null supplier
    SimulationConfig day = week().withPeriod(LocalDate.of(2024, 3, 4), 1);
    assertThatThrownBy(
            () ->
                Comparison.run(KAIXUAN, day, Presets.kaixuan(), null, InMemoryGridStorage::create))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.comparison] b must not be null");
    assertThatThrownBy(
            () ->
                Comparison.run(KAIXUAN, day, null, Presets.kaixuan(), InMemoryGridStorage::create))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.comparison] a must not be null");
    assertThatThrownBy(
            () -> Comparison.run(KAIXUAN, day, Presets.kaixuan(), Presets.dongcheng(), null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.comparison] storage must not be null");
    assertThatThrownBy(() -> new Comparison(null, null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.comparison] a must not be null");
  }

  @Test
  void result_closureRateUntilNull_andBusiestLineOfNoCase_namedNotBareExceptions() {
    // before the fix: a bare NullPointerException from LocalDate.isAfter, and
    // "NoSuchElementException: No value present" for a run that registered nothing
    Behaviour d = Behaviour.defaults();
    Behaviour refuseAll = d.toBuilder().rejectShare(1.0).build();
    SimulationResult none =
        Simulation.run(
            KAIXUAN,
            week().withPeriod(LocalDate.of(2024, 3, 4), 1).withBehaviour(refuseAll),
            Presets.kaixuan(),
            InMemoryGridStorage.create());
    assertThat(none.registered()).isZero();

    assertThatThrownBy(() -> none.closureRateOfReportsUntil(null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.result] lastDay must not be null");
    assertThatThrownBy(none::busiestLine)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "[simulation.result] busiestLine: no case was registered, so no line has a" + " share");
  }

  @Test
  void config_startTickAndBaseSalary_theirBoundsAcceptedAndOnePastRefusedNamingTheField() {
    SimulationConfig config = SimulationConfig.defaults();
    assertThat(config.withPeriod(LocalDate.of(1971, 1, 1), 1).start())
        .isEqualTo(SimulationConfig.FIRST_START);
    assertThat(config.withPeriod(LocalDate.of(2200, 12, 31), 1).start())
        .isEqualTo(SimulationConfig.LAST_START);
    for (LocalDate outside : List.of(LocalDate.of(1970, 12, 31), LocalDate.of(2201, 1, 1))) {
      assertThatThrownBy(() -> config.withPeriod(outside, 1))
          .isInstanceOf(RuleConfigurationException.class)
          .hasMessage(
              "[simulation.config] start must be between 1971-01-01 and 2200-12-31, was "
                  + outside);
    }
    assertThat(config.withTick(java.time.Duration.ofMinutes(1)).tick()).hasToString("PT1M");
    assertThat(config.withTick(java.time.Duration.ofDays(1)).tick()).hasToString("PT24H");
    for (java.time.Duration tick :
        List.of(java.time.Duration.ofSeconds(59), java.time.Duration.ofDays(1).plusSeconds(1))) {
      assertThatThrownBy(() -> config.withTick(tick))
          .isInstanceOf(RuleConfigurationException.class)
          .hasMessage("[simulation.config] tick must be between PT1M and PT24H, was " + tick);
    }
    assertThat(config.withBaseSalary(org.gridgov.core.Money.ofFen(1)).baseSalary().fen())
        .isEqualTo(1);
    assertThatThrownBy(() -> config.withBaseSalary(org.gridgov.core.Money.ofFen(0)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith("[simulation.config] baseSalary must be positive, was ");
  }

  @Test
  void aScoringPolicysTeamNamingARoleNoTemplateHas_refusedNamingTheRole() {
    org.gridgov.scoring.policy.ScoringPolicy kaixuan =
        org.gridgov.scoring.policy.ScoringPresets.kaixuan();
    org.gridgov.scoring.policy.TeamPolicy team = kaixuan.team().orElseThrow();
    org.gridgov.core.people.Role typo = org.gridgov.core.people.Role.of("instructer");
    org.gridgov.scoring.policy.ScoringPolicy splitTypo =
        new org.gridgov.scoring.policy.ScoringPolicy(
            "split-typo",
            1,
            "test",
            kaixuan.indicators(),
            kaixuan.score(),
            kaixuan.threeRates(),
            java.util.Optional.of(
                new org.gridgov.scoring.policy.TeamPolicy(
                    team.split(), ImmutableMap.of(typo, team.split()), team.poolWeights())),
            kaixuan.pay(),
            kaixuan.points(),
            kaixuan.duties(),
            kaixuan.roleScores());
    org.gridgov.scoring.policy.ScoringPolicy poolTypo =
        new org.gridgov.scoring.policy.ScoringPolicy(
            "pool-typo",
            1,
            "test",
            kaixuan.indicators(),
            kaixuan.score(),
            kaixuan.threeRates(),
            java.util.Optional.of(
                new org.gridgov.scoring.policy.TeamPolicy(
                    team.split(), team.roles(), ImmutableMap.of(typo, 2))),
            kaixuan.pay(),
            kaixuan.points(),
            kaixuan.duties(),
            kaixuan.roleScores());

    assertThatThrownBy(() -> week().withScoring(splitTypo))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.config] scoring names roles of no staffing template, whose"
                + " weights would never apply (scoring policy split-typo): [instructer]");
    assertThatThrownBy(() -> week().withScoring(poolTypo))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageEndingWith("(scoring policy pool-typo): [instructer]");
  }
}
