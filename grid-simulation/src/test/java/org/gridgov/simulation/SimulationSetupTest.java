package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Money;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.Violation;
import org.gridgov.core.incident.Source;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Role;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Setup files: each field laid over the base, and every kind of bad file refused by path. */
class SimulationSetupTest {
  private static final SimulationConfig BASE = SimulationConfig.defaults();

  @TempDir Path dir;

  private static SimulationConfig yaml(String text) {
    return SimulationSetup.fromYaml(new StringReader(text), "test.yaml", BASE);
  }

  private static List<Violation> violations(String text) {
    try {
      yaml(text);
    } catch (InvalidInputException e) {
      assertThat(e.subject()).isEqualTo("simulation setup test.yaml");
      return e.violations();
    }
    throw new AssertionError("accepted: " + text);
  }

  @Test
  void oneField_changesItAndKeepsEveryOtherValueOfTheBase() {
    SimulationConfig config =
        yaml(
            """
        behaviour:
          claimShare: 0.7
        """);

    assertThat(config.behaviour().claimShare()).isEqualTo(0.7);
    assertThat(config.behaviour())
        .usingRecursiveComparison()
        .ignoringFields("claimShare")
        .isEqualTo(BASE.behaviour());
    assertThat(config)
        .usingRecursiveComparison()
        .ignoringFields("behaviour", "setup")
        .isEqualTo(BASE);
  }

  @Test
  void emptySections_leaveTheBaseAsItIsButNamedAsTheFile() {
    assertThat(yaml("staffing: {}\nbehaviour: {}\nvisiting: {}\n"))
        .isEqualTo(BASE.withSetup("test"));
  }

  @Test
  void name_givenOrTheFilesNameWithoutExtension() {
    assertThat(yaml("name: more-staff\ntick: 5m").setup()).isEqualTo("more-staff");
    assertThat(
            SimulationSetup.fromYaml(
                    new StringReader("tick: 5m"), "studies/more staff.v2.yml", BASE)
                .setup())
        .isEqualTo("more-staff.v2");
    // nothing of the file's name can name a setup
    assertThat(SimulationSetup.fromYaml(new StringReader("tick: 5m"), "/tmp/宝山.yaml", BASE).setup())
        .isEqualTo("setup");
    // a dot file has no extension (its leading dot is no separator): its name less that dot
    assertThat(
            SimulationSetup.fromYaml(new StringReader("tick: 5m"), "studies/.baseline", BASE)
                .setup())
        .isEqualTo("baseline");
    assertThat(violations("name: more staff"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("name");
              assertThat(v.rule()).isEqualTo("simulation.config");
              assertThat(v.message()).contains("1 to 64 letters");
            });
    assertThat(violations("name: 3"))
        .singleElement()
        .satisfies(v -> assertThat(v.rule()).isEqualTo("simulation.setup.type"));
    // the config's own check, for a name given in code
    assertThatThrownBy(() -> BASE.withSetup("more staff"))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.config] setup must be empty or 1 to 64 letters, digits, '.', '-'"
                + " and '_' starting with a letter or digit, was 'more staff'");
    assertThatThrownBy(() -> BASE.withSetup(null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("setup");
  }

  @Test
  void everySection_readsItsFieldsInTheirOwnUnits() {
    SimulationConfig config =
        yaml(
            """
        staffing:
          maxGrids: 4
          template: kaixuan
          roleLines:
            grid-manager: [community, market-regulation]
            assistant: []
          perStreetLine: 6
          perDistrictLine: 9
        arrivals:
          perGridPerDay: 2.6
          weekly: [1, 1, 1, 1, 1, 0.5, 0.5]
          monthly: [1, 1, 1, 1, 1.2, 1.4, 1.6, 1.6, 1.2, 1, 0.9, 0.9]
          categories: {E04: 3, P01: 1.5}
          sources: {PATROL: 1, HOTLINE_12345: 3}
        behaviour:
          gridWork: 90m
          departmentWork: PT4H30M
          archiveAfter: 2d
          absenceDays: 3
        overload:
          workers: 5
        visiting:
          perWorkingDay: 0
          spread: 0
        tick: 5m
        baseSalary: 5500.50
        """);

    Staffing staffing = config.staffing();
    assertThat(staffing.minGrids()).isEqualTo(BASE.staffing().minGrids());
    assertThat(staffing.maxGrids()).isEqualTo(4);
    assertThat(staffing.template()).isEqualTo("kaixuan");
    // a map replaces the base's whole: roles left out act for no line
    assertThat(staffing.roleLines())
        .isEqualTo(
            ImmutableMap.of(
                Role.GRID_MANAGER,
                    ImmutableSet.of(LineId.of("community"), LineId.of("market-regulation")),
                Role.ASSISTANT, ImmutableSet.of()));
    assertThat(staffing.perStreetLine()).isEqualTo(6);
    assertThat(staffing.perDistrictLine()).isEqualTo(9);
    Arrivals arrivals = config.arrivals();
    assertThat(arrivals.perGridPerDay()).isEqualTo(2.6);
    assertThat(arrivals.hourly()).isEqualTo(BASE.arrivals().hourly());
    assertThat(arrivals.weekly()).containsExactly(1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.5);
    assertThat(arrivals.monthly())
        .containsExactly(1.0, 1.0, 1.0, 1.0, 1.2, 1.4, 1.6, 1.6, 1.2, 1.0, 0.9, 0.9);
    assertThat(arrivals.categories()).isEqualTo(ImmutableMap.of("E04", 3.0, "P01", 1.5));
    assertThat(arrivals.sources())
        .isEqualTo(ImmutableMap.of(Source.PATROL, 1.0, Source.HOTLINE_12345, 3.0));
    assertThat(config.behaviour().gridWork()).isEqualTo(Duration.ofMinutes(90));
    assertThat(config.behaviour().departmentWork()).isEqualTo(Duration.ofMinutes(270));
    assertThat(config.behaviour().archiveAfter()).isEqualTo(Duration.ofDays(2));
    assertThat(config.behaviour().absenceDays()).isEqualTo(3.0);
    // the base has no overloaded department: Baoshan's line and share, the file's workers
    assertThat(config.overload()).contains(new Overload(LineId.of("urban-management"), 0.8, 5));
    assertThat(config.visiting()).isEqualTo(Visiting.none());
    assertThat(config.tick()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.baseSalary()).isEqualTo(Money.ofYuan("5500.50"));
    assertThat(config.seed()).isEqualTo(BASE.seed());
    assertThat(config.start()).isEqualTo(BASE.start());
  }

  @Test
  void overloadOverAnOverloadedBase_keepsWhatTheFileLeavesOut() {
    SimulationConfig base = BASE.withOverload(new Overload(LineId.of("sanitation"), 0.5, 7));

    SimulationConfig config =
        SimulationSetup.fromYaml(new StringReader("overload: {share: 0.6}"), "test.yaml", base);

    assertThat(config.overload()).contains(new Overload(LineId.of("sanitation"), 0.6, 7));
  }

  @Test
  void shippedBaoshanExample_isBaoshansOverloadAtEveryHotlineRequest() {
    SimulationConfig config =
        SimulationSetup.fromPath(Path.of("examples/setup-baoshan.yaml"), BASE);

    assertThat(config)
        .isEqualTo(
            BASE.withArrivals(BASE.arrivals().withRate(6.2))
                .withOverload(Overload.baoshan(8))
                .withSetup("setup-baoshan"));
  }

  @Test
  void shippedReportToStreetExample_movesTwoDepartmentsToTheStreetsAndGivesGridManagersTwoLines() {
    SimulationConfig config =
        SimulationSetup.fromPath(Path.of("examples/setup-report-to-street.yaml"), BASE);

    Staffing staffing = config.staffing();
    assertThat(staffing.departmentLevels())
        .containsExactly(
            entry(LineId.of("utilities"), Level.STREET), entry(LineId.of("housing"), Level.STREET));
    assertThat(staffing.roleLines().get(Role.GRID_MANAGER))
        .contains(LineId.of("market-regulation"), LineId.of("environment"));
    Map<Role, ImmutableSet<LineId>> others = new java.util.HashMap<>(staffing.roleLines());
    Map<Role, ImmutableSet<LineId>> defaults = new java.util.HashMap<>(BASE.staffing().roleLines());
    others.remove(Role.GRID_MANAGER);
    defaults.remove(Role.GRID_MANAGER);
    assertThat(others).as("every other role keeps its default lines").isEqualTo(defaults);
    assertThat(config.withSetup("").withStaffing(BASE.staffing())).isEqualTo(BASE);
  }

  @Test
  void departmentLevels_unknownLinesAndLevelsAndLinesNoDepartmentStaffs_refusedByPath() {
    assertThat(violations("staffing: {departmentLevels: {parks: STREET, utilities: GRID}}"))
        .extracting(Violation::path, Violation::rule)
        .containsExactlyInAnyOrder(
            tuple("staffing.departmentLevels.parks", "simulation.setup.unknown-value"),
            tuple("staffing.departmentLevels.utilities", "simulation.setup.unknown-value"));
    assertThat(violations("staffing: {departmentLevels: {utilities: GRID}}"))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("[STREET, DISTRICT]"));
    assertThat(violations("staffing: {departmentLevels: [utilities]}"))
        .singleElement()
        .satisfies(v -> assertThat(v.rule()).isEqualTo("simulation.setup.type"));
    assertThat(violations("staffing: {departmentLevels: {community: STREET}}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("staffing.departmentLevels.community");
              assertThat(v.rule()).isEqualTo("simulation.staffing");
              assertThat(v.message()).contains("works at the COMMUNITY");
            });
  }

  @Test
  void json_readsTheSameAsYaml() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("setup.json"),
            "{\"behaviour\": {\"claimShare\": 0.7, \"gridWork\": \"90m\"}, \"tick\": \"5m\"}");

    assertThat(SimulationSetup.fromPath(file, BASE))
        .isEqualTo(
            yaml(
                """
        name: setup
        behaviour: {claimShare: 0.7, gridWork: 90m}
        tick: 5m
        """));
  }

  @Test
  void fromJson_readsJsonText_namedAsItsSource() {
    SimulationConfig config =
        SimulationSetup.fromJson(
            new StringReader("{\"behaviour\": {\"claimShare\": 0.7}, \"tick\": \"5m\"}"),
            "studies/claims.json",
            BASE);

    assertThat(config.behaviour().claimShare()).isEqualTo(0.7);
    assertThat(config.tick()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.setup()).isEqualTo("claims");
    assertThatThrownBy(
            () ->
                SimulationSetup.fromJson(
                    new StringReader("{\"behaviour\": {\"claimShare\": 1.5}}"),
                    "claims.json",
                    BASE))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("simulation setup claims.json");
              assertThat(e.violations())
                  .extracting(Violation::path, Violation::rule)
                  .containsExactly(tuple("behaviour.claimShare", "simulation.behaviour"));
            });
  }

  @Test
  void unknownFieldsAndWrongTypes_everyOneListedByPath() {
    List<Violation> violations =
        violations(
            """
        behavior:
          claimShare: 0.7
        behaviour:
          claimshare: 0.7
          gridWork: 2
          rejectShare: "two percent"
        staffing:
          perStreetLine: 4.5
        arrivals:
          hourly: {morning: 2}
          categories: [E04]
        visiting: 3
        """);

    assertThat(violations)
        .extracting(Violation::path, Violation::rule)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("behavior", "simulation.setup.unknown-field"),
            org.assertj.core.groups.Tuple.tuple(
                "behaviour.claimshare", "simulation.setup.unknown-field"),
            org.assertj.core.groups.Tuple.tuple("behaviour.gridWork", "simulation.setup.type"),
            org.assertj.core.groups.Tuple.tuple("behaviour.rejectShare", "simulation.setup.type"),
            org.assertj.core.groups.Tuple.tuple("staffing.perStreetLine", "simulation.setup.type"),
            org.assertj.core.groups.Tuple.tuple("arrivals.hourly", "simulation.setup.type"),
            org.assertj.core.groups.Tuple.tuple("arrivals.categories", "simulation.setup.type"),
            org.assertj.core.groups.Tuple.tuple("visiting", "simulation.setup.type"));
    assertThat(violations)
        .filteredOn(v -> v.path().equals("behavior"))
        .singleElement()
        .extracting(Violation::message)
        .asString()
        .contains("expected one of [name, extends, staffing,");
  }

  @Test
  void unknownRolesLinesSourcesAndDurations_refusedNamingTheChoices() {
    List<Violation> violations =
        violations(
            """
        staffing:
          roleLines:
            grid-manager: [community, parks]
            lifeguard: [community]
        arrivals:
          sources: {PATROL: 1, PIGEON: 2}
        behaviour:
          claimDelay: soon
        overload:
          line: parks
          workers: 3
        """);

    assertThat(violations)
        .extracting(Violation::path)
        .containsExactlyInAnyOrder(
            "staffing.roleLines.grid-manager[1]",
            "staffing.roleLines.lifeguard",
            "arrivals.sources.PIGEON",
            "behaviour.claimDelay",
            "overload.line");
    assertThat(violations)
        .allSatisfy(v -> assertThat(v.rule()).isEqualTo("simulation.setup.unknown-value"));
    assertThat(violations)
        .filteredOn(v -> v.path().equals("overload.line"))
        .singleElement()
        .extracting(Violation::message)
        .asString()
        .contains("urban-management");

    // a role no template has: its lines would staff nobody; another template's role is fine
    assertThat(
            violations(
                """
        staffing:
          roleLines:
            lifeguard: [community]
        """))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("staffing.roleLines.lifeguard");
              assertThat(v.message())
                  .contains("not a role of any staffing template")
                  .contains("full-time-grid-worker");
            });
    assertThat(
            yaml("staffing: {roleLines: {full-time-grid-worker: [community]}}")
                .staffing()
                .roleLines())
        .containsOnlyKeys(Role.FULL_TIME_GRID_WORKER);
  }

  /**
   * A value its own type refuses (a role id that is no token) is one violation at its path under
   * that type's rule, its message one line: not the type's whole multi-line refusal pasted in.
   */
  @Test
  void aRoleIdItsTypeRefuses_atItsPathUnderTheTypesRule_oneLine() {
    assertThat(violations("staffing: {roleLines: {'grid manager': [community]}}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("staffing.roleLines.grid manager");
              assertThat(v.rule()).isEqualTo("input.format");
              assertThat(v.message())
                  .startsWith("must be lower case letters, digits")
                  .doesNotContain("\n")
                  .doesNotContain("invalid");
            });
  }

  @Test
  void valuesTheirRecordsRefuse_namedByPathWithTheRecordsRule() {
    assertThat(violations("behaviour: {claimShare: 1.5}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("behaviour.claimShare");
              assertThat(v.rule()).isEqualTo("simulation.behaviour");
              assertThat(v.message()).contains("1.5");
            });
    assertThat(violations("behaviour: {centreHours: '17:30-08:30'}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("behaviour.centreHours");
              assertThat(v.rule()).isEqualTo("simulation.setup.unknown-value");
              assertThat(v.message()).contains("08:30-17:30").contains("00:00-24:00");
            });
    assertThat(yaml("behaviour: {centreHours: 08:30-17:30}").behaviour().centreHours())
        .isEqualTo(
            Schedule.daily(
                org.gridgov.core.policy.WorkingTime.Period.parse("08:30-17:30").orElseThrow()));
    assertThat(SimulationSetup.toYaml(SimulationConfig.defaults()))
        .as("written as the reader takes it")
        .contains("centreHours: 00:00-24:00");
    assertThat(violations("behaviour: {resumeAfter: PT-2H}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("behaviour.resumeAfter");
              assertThat(v.rule()).isEqualTo("simulation.behaviour");
              assertThat(v.message()).contains("0 (never)");
            });
    assertThat(violations("arrivals: {hourly: [1, 2, 3]}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("arrivals.hourly");
              assertThat(v.rule()).isEqualTo("simulation.arrivals");
              assertThat(v.message()).contains("24 weights, was 3");
            });
    assertThat(violations("arrivals: {sourceHourly: {PATROL: [1, 2], DRONE: [1]}}"))
        .extracting(Violation::path, Violation::rule)
        .containsExactlyInAnyOrder(
            tuple("arrivals.sourceHourly.DRONE", "simulation.setup.unknown-value"));
    assertThat(violations("arrivals: {sourceHourly: {PATROL: [1, 2]}}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("arrivals.sourceHourly.PATROL");
              assertThat(v.message()).contains("24 weights, was 2");
            });
    assertThat(
            violations(
                "behaviour: {lineHours: {bakery: 08:00-12:00, community: 08:00-12:00,"
                    + " utilities: 25:00-26:00}}"))
        .extracting(Violation::path)
        .containsExactlyInAnyOrder("behaviour.lineHours.bakery", "behaviour.lineHours.utilities");
    assertThat(violations("behaviour: {lineHours: {community: 08:00-12:00}}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("behaviour.lineHours.community");
              assertThat(v.rule()).isEqualTo("simulation.behaviour");
            });
    assertThat(violations("arrivals: {categoryHourly: {E04: [1, 2]}}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("arrivals.categoryHourly.E04");
              assertThat(v.message()).contains("24 weights, was 2");
            });
    assertThat(violations("arrivals: {categoryHourly: [1, 2]}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("arrivals.categoryHourly");
              assertThat(v.message()).contains("a map from category classes to 24 hourly weights");
            });
    assertThat(violations("arrivals: {dates: {2024-13-01: 0.5, 2024-10-01: -1, 2024-10-02: 11}}"))
        .extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("arrivals.dates.2024-13-01", "simulation.setup.type"));
    assertThat(violations("arrivals: {dates: {2024-10-01: 0.5, 2024-10-02: 11}}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("arrivals.dates.2024-10-02");
              assertThat(v.rule()).isEqualTo("simulation.arrivals");
              assertThat(v.message()).contains("from 0 to 10", "was 11.0");
            });
    assertThat(violations("arrivals: {monthly: [1, 2]}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("arrivals.monthly");
              assertThat(v.rule()).isEqualTo("simulation.arrivals");
              assertThat(v.message()).contains("12 weights, January first, was 2");
            });
    assertThat(violations("staffing: {minGrids: 6}"))
        .singleElement()
        .satisfies(v -> assertThat(v.path()).isEqualTo("staffing.maxGrids"));
    assertThat(violations("staffing: {template: seven-plus-x}"))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("kaixuan"));
    assertThat(violations("overload: {share: 0.8}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("overload.workers");
              assertThat(v.rule()).isEqualTo("simulation.setup.required");
            });
    assertThat(violations("tick: 10s"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("tick");
              assertThat(v.rule()).isEqualTo("simulation.config");
            });
    assertThat(violations("baseSalary: -1"))
        .singleElement()
        .satisfies(v -> assertThat(v.path()).isEqualTo("baseSalary"));
    assertThat(violations("baseSalary: 1.234"))
        .singleElement()
        .satisfies(v -> assertThat(v.path()).isEqualTo("baseSalary"));
    // a bad section does not hide another's
    assertThat(violations("behaviour: {claimShare: 2}\nvisiting: {spread: 9}"))
        .extracting(Violation::path)
        .containsExactly("behaviour.claimShare", "visiting.spread");
  }

  @Test
  void aKeyGivenTwice_listedWithTheFilesOtherViolations() {
    // before the fix: Jackson's "Duplicate field 'spread'" alone, at test.yaml:3
    assertThat(
            violations(
                "behaviour: {claimShare: 2}\nvisiting:\n  spread: 0.5\n  spread: 9\n"
                    + "tick: 10s\n"))
        .extracting(Violation::path, Violation::rule)
        .containsExactly(
            tuple("visiting.spread", "simulation.setup.syntax"),
            tuple("behaviour.claimShare", "simulation.behaviour"),
            tuple("visiting.spread", "simulation.visiting"),
            tuple("tick", "simulation.config"));
    assertThat(violations("tick: 5m\nextends: none.yaml\ntick: 10m\n"))
        .extracting(Violation::path, Violation::rule)
        .containsExactly(
            tuple("tick", "simulation.setup.syntax"), tuple("extends", "simulation.setup.extends"));
  }

  @Test
  void notASetup_refusedAsSyntax() throws Exception {
    assertThat(violations(""))
        .singleElement()
        .satisfies(v -> assertThat(v.rule()).isEqualTo("simulation.setup.syntax"));
    assertThat(violations("- staffing"))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("must be an object"));
    assertThat(violations("behaviour: {claimShare: 0.5\n"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.rule()).isEqualTo("simulation.setup.syntax");
              assertThat(v.path()).startsWith("test.yaml:");
            });
    assertThat(violations("tick: 5m\ntick: 10m\n"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("tick");
              assertThat(v.rule()).isEqualTo("simulation.setup.syntax");
              assertThat(v.message()).isEqualTo("is given more than once (again on line 2)");
            });
    // not-a-number and infinity are not numbers a setup takes; nor is an amount beyond any salary
    assertThat(violations("behaviour: {claimShare: .nan}"))
        .singleElement()
        .satisfies(v -> assertThat(v.rule()).isEqualTo("simulation.setup.syntax"));
    assertThat(violations("arrivals: {perGridPerDay: 1e400}"))
        .singleElement()
        .satisfies(v -> assertThat(v.path()).isEqualTo("arrivals.perGridPerDay"));
    assertThat(violations("baseSalary: 1e40"))
        .singleElement()
        .satisfies(v -> assertThat(v.path()).isEqualTo("baseSalary"));
    Path text = Files.writeString(dir.resolve("setup.txt"), "tick: 5m");
    assertThatThrownBy(() -> SimulationSetup.fromPath(text, BASE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(".yaml, .yml or .json");
    Path latin1 =
        Files.write(
            dir.resolve("setup.yaml"),
            "# caf\u00e9\ntick: 5m\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> SimulationSetup.fromPath(latin1, BASE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void readmesExample_loadsAndChangesWhatItSays() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int section = readme.indexOf("### Setup files");
    int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
    String example = readme.substring(start, readme.indexOf("```", start));

    SimulationConfig config = yaml(example);

    assertThat(config.staffing().perStreetLine()).isEqualTo(6);
    assertThat(config.staffing().roleLines()).containsOnlyKeys(Role.GRID_MANAGER);
    assertThat(config.staffing().departmentLevels())
        .containsExactly(entry(LineId.of("utilities"), Level.STREET));
    assertThat(config.arrivals().sources())
        .containsOnlyKeys(Source.PATROL, Source.HOTLINE_12345, Source.RESIDENT);
    assertThat(config.behaviour().gridWork()).isEqualTo(Duration.ofMinutes(90));
    assertThat(config.overload()).contains(Overload.baoshan(8));
    assertThat(config.visiting())
        .isEqualTo(
            new Visiting(
                3, 0.5, ImmutableMap.of(Role.POLICE_OFFICER, 0.5, Role.JUDICIAL_WORKER, 0.0)));
  }

  @Test
  void toYaml_readsBackAsTheSameSetup() {
    SimulationConfig changed =
        yaml(
            """
        name: round-trip
        staffing:
          roleLines:
            grid-manager: [community, market-regulation]
          perStreetLine: 7
          departmentLevels: {utilities: STREET, market-regulation: DISTRICT}
        arrivals:
          perGridPerDay: 0.35
          sources: {PATROL: 1, CAMERA: 0.25}
          monthly: [1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1]
          sourceHourly:
            PATROL: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
          dates: {2024-10-01: 0.6, 2024-02-24: 1.5}
        behaviour:
          claimShare: 0.65
          gridWork: 95m
          centreHours:
            hours: [08:30-12:00, 13:30-17:30]
            workdays: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]
            holidays: [2024-04-04, 2024-04-05]
            extraWorkdays: [2024-04-07]
          departmentHours:
            hours: [09:00-17:00]
            workdays: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY]
          lineHours:
            utilities: 00:00-24:00
            greening: {hours: [07:00-15:00], workdays: [MONDAY, TUESDAY, WEDNESDAY]}
        overload:
          line: sanitation
          share: 0.3
          workers: 12
        visiting:
          perWorkingDay: 1.5
          spread: 0.3
          perRole: {police-officer: 0.25, judicial-worker: 0, grid-manager: 3}
        tick: 10m
        baseSalary: 6123.45
        paidRoles: [social-worker, assistant]
        """);

    SimulationConfig nightOrder =
        BASE.withArrivals(
            BASE.arrivals()
                .withCategoryHourly(Map.of("E04", java.util.Collections.nCopies(24, 0.5))));
    for (SimulationConfig config : List.of(BASE, changed, BASE.withSetup("defaults"), nightOrder)) {
      String written = SimulationSetup.toYaml(config);

      assertThat(SimulationSetup.fromYaml(new StringReader(written), "other-name.yaml", BASE))
          .as(written)
          .isEqualTo(config.setup().isEmpty() ? config.withSetup("other-name") : config);
    }
    assertThat(changed.visiting().perRole())
        .containsExactly(
            entry(Role.POLICE_OFFICER, 0.25),
            entry(Role.JUDICIAL_WORKER, 0.0),
            entry(Role.GRID_MANAGER, 3.0));
    assertThat(SimulationSetup.toYaml(changed))
        .startsWith("name: round-trip\n")
        .contains("perRole:\n    police-officer: 0.25\n    judicial-worker: 0.0\n")
        .contains("gridWork: PT1H35M")
        .contains("baseSalary: 6123.45")
        .contains("grid-manager:\n    - community\n    - market-regulation")
        .contains("departmentLevels:\n    utilities: STREET\n    market-regulation: DISTRICT")
        .contains("holidays:\n    - 2024-04-04\n    - 2024-04-05")
        .contains("workerHours: 00:00-24:00");
    assertThat(SimulationSetup.toYaml(BASE))
        .contains("perRole: {}")
        .doesNotContain("name:")
        .doesNotContain("overload")
        .as("department staff keep the workers' hours")
        .doesNotContain("departmentHours");
  }

  @Test
  void schedules_hoursEveryDayOrHoursOnWorkdays_theDepartmentsApartFromTheWorkers() {
    Behaviour b =
        yaml("""
        behaviour:
          centreHours:
            hours: [08:30-12:00, 13:30-17:30]
            workdays: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]
            holidays: [2024-04-04]
            extraWorkdays: [2024-04-07]
          workerHours: 08:00-18:00
          departmentHours:
            hours: [09:00-17:00]
            workdays: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]
        """)
            .behaviour();

    assertThat(b.centreHours().hours())
        .extracting(Object::toString)
        .containsExactly("08:30-12:00", "13:30-17:30");
    assertThat(b.centreHours().workdays()).hasSize(5).doesNotContain(DayOfWeek.SATURDAY);
    assertThat(b.centreHours().holidays()).containsExactly(LocalDate.of(2024, 4, 4));
    assertThat(b.centreHours().extraWorkdays()).containsExactly(LocalDate.of(2024, 4, 7));
    assertThat(b.workerHours())
        .isEqualTo(
            Schedule.daily(
                org.gridgov.core.policy.WorkingTime.Period.parse("08:00-18:00").orElseThrow()));
    assertThat(b.departmentHours())
        .get()
        .satisfies(
            d -> {
              assertThat(d.hours()).extracting(Object::toString).containsExactly("09:00-17:00");
              assertThat(d.workdays()).hasSize(5);
            });
    assertThat(yaml("behaviour: {workerHours: 08:00-18:00}").behaviour().departmentSchedule())
        .as("without hours of their own, department staff keep the workers'")
        .isEqualTo(b.workerHours());
  }

  @Test
  void schedules_badParts_refusedByPathWithTheWorkingTimeRules() {
    assertThat(
            violations(
                """
        behaviour:
          centreHours:
            hours: [08:30-12:00]
            workdays: [MONDAY, FUNDAY]
            appliesTo: [replyWithin]
          workerHours: 42
          departmentHours: {hours: [13:00-17:00, 08:00-12:00], workdays: [MONDAY]}
        """))
        .extracting(Violation::path, Violation::rule)
        .containsExactlyInAnyOrder(
            tuple("behaviour.centreHours.appliesTo", "simulation.setup.unknown-field"),
            tuple("behaviour.centreHours.workdays[1]", "policy.working-days"),
            tuple("behaviour.workerHours", "simulation.setup.type"),
            tuple("behaviour.departmentHours.hours[1]", "policy.working-hours"));
    assertThat(violations("behaviour: {centreHours: {workdays: [MONDAY]}}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("behaviour.centreHours.hours");
              assertThat(v.rule()).isEqualTo("simulation.setup.required");
            });
    assertThat(
            violations(
                """
        behaviour:
          centreHours: {hours: [08:30-17:30], workdays: [MONDAY],
            holidays: [2024-04-01], extraWorkdays: [2024-04-01]}
        """))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("behaviour.centreHours.extraWorkdays");
              assertThat(v.message()).contains("must not hold a holiday");
            });
  }

  @Test
  void paidRoles_readAsRoleIds_refusedWhenUnknownOrNoneOfTheTemplatesRoles() {
    assertThat(yaml("paidRoles: [social-worker]").paidRoles()).containsExactly(Role.SOCIAL_WORKER);
    assertThat(BASE.paidRoles())
        .isEqualTo(SimulationConfig.PAID_ROLES)
        .contains(Role.GRID_MANAGER)
        .doesNotContain(Role.POLICE_OFFICER);

    assertThat(violations("paidRoles: [social-worker, lifeguard, 3]"))
        .extracting(Violation::path, Violation::rule)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("paidRoles[1]", "simulation.setup.unknown-value"),
            org.assertj.core.groups.Tuple.tuple("paidRoles[2]", "simulation.setup.type"));
    // information officers are Yangling's: under Dongcheng's template nobody would be paid
    assertThat(violations("paidRoles: [information-officer]"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("paidRoles");
              assertThat(v.rule()).isEqualTo("simulation.config");
              assertThat(v.message())
                  .contains("staffing template dongcheng")
                  .contains("nobody is paid");
            });
    assertThat(yaml("staffing: {template: yangling}\npaidRoles: [information-officer]").paidRoles())
        .containsExactly(Role.INFORMATION_OFFICER);
    assertThatThrownBy(() -> BASE.withPaidRoles(java.util.Set.of()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("paidRoles");
  }

  /**
   * A variant that moves to another template and names its paid roles is read as a whole: its paid
   * roles replace the extended file's, which the new template lacks. One that keeps the extended
   * file's paid roles has them refused by the config at {@code paidRoles}, with the file's later
   * sections still read.
   */
  @Test
  void paidRoles_aVariantOnAnotherTemplate_replacesThePaidRolesOrIsRefused() throws Exception {
    Files.writeString(
        dir.resolve("yangling.yaml"),
        """
        staffing: {template: yangling}
        paidRoles: [information-officer]
        """);
    Path replaced =
        Files.writeString(
            dir.resolve("dongcheng.yaml"),
            """
        extends: yangling.yaml
        staffing: {template: dongcheng}
        paidRoles: [grid-manager]
        """);
    Path kept =
        Files.writeString(
            dir.resolve("dongcheng-kept.yaml"),
            """
        extends: yangling.yaml
        staffing: {template: dongcheng}
        behaviour: {claimShare: 0.7}
        """);

    SimulationConfig config = SimulationSetup.fromPath(replaced, BASE);
    assertThat(config.staffing().template()).isEqualTo("dongcheng");
    assertThat(config.paidRoles()).containsExactly(Role.GRID_MANAGER);
    assertThatThrownBy(() -> SimulationSetup.fromPath(kept, BASE))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.path()).isEqualTo("paidRoles");
                          assertThat(v.rule()).isEqualTo("simulation.config");
                          assertThat(v.message())
                              .contains("staffing template dongcheng")
                              .contains("nobody is paid")
                              .contains("information-officer");
                        }));
  }

  @Test
  void visitingPerRole_readAsRoleIdsToRates_eachBadEntryRefusedAtItsPath() {
    assertThat(yaml("visiting: {perRole: {police-officer: 0.2, judicial-worker: 0}}").visiting())
        .isEqualTo(
            new Visiting(
                2, 0.5, ImmutableMap.of(Role.POLICE_OFFICER, 0.2, Role.JUDICIAL_WORKER, 0.0)));
    assertThat(yaml("visiting: {perRole: {}}").visiting()).isEqualTo(BASE.visiting());

    // a role the run's staffing lacks: a typo, or another template's role; the config's check
    assertThat(violations("visiting: {perRole: {lifeguard: 1, full-time-grid-worker: 3}}"))
        .extracting(Violation::path, Violation::rule)
        .containsExactlyInAnyOrder(
            tuple("visiting.perRole.lifeguard", "simulation.visiting"),
            tuple("visiting.perRole.full-time-grid-worker", "simulation.visiting"));
    assertThat(violations("visiting: {perRole: {lifeguard: 1}}"))
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.message())
                    .contains("staffing template dongcheng")
                    .contains("police-officer"));
    assertThat(violations("visiting: {perRole: {police-officer: 51}}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("visiting.perRole.police-officer");
              assertThat(v.rule()).isEqualTo("simulation.visiting");
              assertThat(v.message()).isEqualTo("must be between 0 and 50.0, was 51.0");
            });
    assertThat(violations("visiting: {perRole: {police-officer: -1}}"))
        .singleElement()
        .satisfies(v -> assertThat(v.path()).isEqualTo("visiting.perRole.police-officer"));
    assertThat(violations("visiting: {perRole: {'Police Officer': 1, judicial-worker: rarely}}"))
        .extracting(Violation::path, Violation::rule)
        .containsExactlyInAnyOrder(
            tuple("visiting.perRole.Police Officer", "input.format"),
            tuple("visiting.perRole.judicial-worker", "simulation.setup.type"));
    assertThat(violations("visiting: {perRole: [police-officer]}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("visiting.perRole");
              assertThat(v.rule()).isEqualTo("simulation.setup.type");
            });
    // the roles of the template the same file sets
    assertThat(
            yaml("staffing: {template: yangling}\n"
                    + "visiting: {perRole: {full-time-grid-worker: 4, information-officer: 0.5}}")
                .visiting()
                .perRole())
        .containsOnlyKeys(Role.FULL_TIME_GRID_WORKER, Role.INFORMATION_OFFICER);
  }

  /**
   * A variant that moves to another template gives rates for its roles in place of the extended
   * file's; one that keeps the extended file's rates has them refused at their path, its roles
   * being staffed no more.
   */
  @Test
  void visitingPerRole_aVariantOnAnotherTemplate_replacesTheRatesOrIsRefused() throws Exception {
    Files.writeString(
        dir.resolve("police-rarely.yaml"),
        """
        visiting: {perRole: {police-officer: 0.2}}
        """);
    Path replaced =
        Files.writeString(
            dir.resolve("yangling.yaml"),
            """
        extends: police-rarely.yaml
        staffing: {template: yangling}
        visiting: {perRole: {information-officer: 0.5}}
        """);
    Path kept =
        Files.writeString(
            dir.resolve("yangling-kept.yaml"),
            """
        extends: police-rarely.yaml
        staffing: {template: yangling}
        visiting: {spread: 0.3}
        """);

    assertThat(SimulationSetup.fromPath(replaced, BASE).visiting().perRole())
        .containsExactly(entry(Role.INFORMATION_OFFICER, 0.5));
    assertThatThrownBy(() -> SimulationSetup.fromPath(kept, BASE))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactly(
                        tuple("visiting.perRole.police-officer", "simulation.visiting")));
  }

  @Test
  void extends_laysTheOtherFileFirst_relativeToThisOne_throughAChain() throws Exception {
    Files.createDirectories(dir.resolve("studies"));
    Files.writeString(
        dir.resolve("offices.yaml"),
        """
        name: offices
        behaviour: {centreHours: 08:30-17:30, claimShare: 0.7}
        arrivals: {perGridPerDay: 1.5}
        """);
    Files.writeString(
        dir.resolve("studies/busier.yaml"),
        """
        extends: ../offices.yaml
        arrivals: {perGridPerDay: 2.6}
        """);
    Path variant =
        Files.writeString(
            dir.resolve("studies/busier-rota.yaml"),
            """
        extends: busier.yaml
        behaviour: {workerRestDays: 1}
        """);

    SimulationConfig config = SimulationSetup.fromPath(variant, BASE);

    assertThat(config.setup()).as("its own name, not the extended file's").isEqualTo("busier-rota");
    assertThat(config.arrivals().perGridPerDay()).as("the nearer file wins").isEqualTo(2.6);
    assertThat(config.behaviour().claimShare()).isEqualTo(0.7);
    assertThat(config.behaviour().centreHours())
        .isEqualTo(
            Schedule.daily(
                org.gridgov.core.policy.WorkingTime.Period.parse("08:30-17:30").orElseThrow()));
    assertThat(config.behaviour().workerRestDays()).isEqualTo(1);
    assertThat(
            SimulationSetup.fromYaml(
                new StringReader(SimulationSetup.toYaml(config)), "written.yaml", BASE))
        .as("a run's setup.yaml holds the whole chain, without extends")
        .isEqualTo(config);
    assertThat(SimulationSetup.toYaml(config)).doesNotContain("extends");
  }

  @Test
  void extends_aCycleAMissingFileAWrongTypeOrTooLongAChain_refusedNamingIt() throws Exception {
    Path a = Files.writeString(dir.resolve("a.yaml"), "extends: b.yaml\n");
    Files.writeString(dir.resolve("b.yaml"), "extends: a.yaml\n");
    assertThatThrownBy(() -> SimulationSetup.fromPath(a, BASE))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).endsWith("b.yaml");
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo("extends");
                        assertThat(v.rule()).isEqualTo("simulation.setup.extends");
                        assertThat(v.message()).contains("cycle", "a.yaml");
                      });
            });
    Path missing = Files.writeString(dir.resolve("missing.yaml"), "extends: nowhere.yaml\n");
    assertThatThrownBy(() -> SimulationSetup.fromPath(missing, BASE))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path, Violation::rule, Violation::message)
                    .containsExactly(
                        tuple(
                            "extends",
                            "simulation.setup.extends",
                            "names no readable file: nowhere.yaml")));
    assertThat(violations("extends: 5"))
        .extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("extends", "simulation.setup.type"));
    Files.writeString(dir.resolve("s0.yaml"), "arrivals: {perGridPerDay: 1.0}\n");
    for (int i = 1; i <= SimulationSetup.MAX_EXTENDS; i++) {
      Files.writeString(dir.resolve("s" + i + ".yaml"), "extends: s" + (i - 1) + ".yaml\n");
    }
    assertThat(SimulationSetup.fromPath(dir.resolve("s7.yaml"), BASE).arrivals().perGridPerDay())
        .as("eight files in all")
        .isEqualTo(1.0);
    assertThatThrownBy(() -> SimulationSetup.fromPath(dir.resolve("s8.yaml"), BASE))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::message)
                    .containsExactly("makes a chain of more than 8 files"));
  }

  @Test
  void linesRolesAndSalary_ofTheWrongKind_refusedAsTypeAtTheirPath() {
    assertThat(
            violations(
                """
        staffing: {roleLines: [grid-manager]}
        overload: {line: 3, workers: 2}
        baseSalary: lots
        paidRoles: grid-manager
        """))
        .extracting(Violation::path, Violation::rule)
        .containsExactlyInAnyOrder(
            tuple("staffing.roleLines", "simulation.setup.type"),
            tuple("overload.line", "simulation.setup.type"),
            tuple("baseSalary", "simulation.setup.type"),
            tuple("paidRoles", "simulation.setup.type"));
  }

  /** A paid role no template has is one violation: the roles read are not checked without it. */
  @Test
  void paidRoles_noneKnown_refusedOnceAtTheUnknownRole() {
    assertThat(violations("paidRoles: [lifeguard]"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("paidRoles[0]");
              assertThat(v.rule()).isEqualTo("simulation.setup.unknown-value");
              assertThat(v.message())
                  .contains("not a role of any staffing template")
                  .contains("grid-manager");
              assertThat(v.value()).isEqualTo("lifeguard");
            });
  }

  @Test
  void wrongType_namesTheValueGiven_itsTextOrItsKind() {
    assertThat(violations("behaviour: {claimShare: lots}\ntick: [5m]\n"))
        .extracting(Violation::path, Violation::rule, Violation::value)
        .containsExactly(
            tuple("behaviour.claimShare", "simulation.setup.type", "lots"),
            tuple("tick", "simulation.setup.type", "ARRAY"));
    assertThat(violations("arrivals: {perGridPerDay: {a: 1}}"))
        .extracting(Violation::path, Violation::value)
        .containsExactly(tuple("arrivals.perGridPerDay", "OBJECT"));
  }
}
