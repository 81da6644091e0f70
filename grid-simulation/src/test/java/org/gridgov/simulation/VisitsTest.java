package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.Sets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.Violation;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.WorkingTime;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.CodeScheme;
import org.gridgov.scoring.Period;
import org.gridgov.scoring.UnitKind;
import org.gridgov.scoring.indicator.VisitRecord;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/**
 * Household visits: their rate, by role too, their days, who makes them, and that they move only
 * scores.
 */
class VisitsTest {
  private static final SimulationConfig CONFIG =
      SimulationTest.week().withPeriod(LocalDate.of(2024, 3, 4), 28);

  /** Four whole weeks, Monday 4 March to Sunday 31 March 2024. */
  private static final Period WEEKS =
      new Period(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 31), CONFIG.zone());

  private static Roster roster(SimulationConfig config) {
    return SyntheticDistrict.build(
            SimulationTest.KAIXUAN, config, new Randomness(config.seed()).split())
        .directory()
        .roster();
  }

  private static Map<WorkerId, Integer> perWorker(List<VisitRecord> visits) {
    Map<WorkerId, Integer> counts = new HashMap<>();
    visits.forEach(v -> counts.merge(v.worker(), 1, Integer::sum));
    return counts;
  }

  @Test
  void of_gridWorkersOnWorkingDaysWhenPresent_atTheMeanRate() {
    Roster roster = roster(CONFIG);
    List<VisitRecord> visits = Visits.of(CONFIG, roster).of(WEEKS);

    long gridWorkers = roster.workers().stream().filter(w -> !w.grids().isEmpty()).count();
    long workerDays = 0; // working days a grid worker was present at ten
    for (Worker worker : roster.workers()) {
      for (LocalDate day = WEEKS.first(); !day.isAfter(WEEKS.last()); day = day.plusDays(1)) {
        boolean working = day.getDayOfWeek().getValue() <= 5;
        if (!worker.grids().isEmpty()
            && working
            && !worker.isAbsentAt(
                day.atTime(LocalTime.of(10, 0)).atZone(CONFIG.zone()).toInstant())) {
          workerDays++;
        }
      }
    }
    assertThat(gridWorkers).isGreaterThan(50);
    assertThat(workerDays).isLessThan(gridWorkers * 20).isGreaterThan(gridWorkers * 18);
    // a Poisson mean of 2 a day over thousands of worker-days: within 5 % of it
    assertThat((double) visits.size() / workerDays).isCloseTo(2.0, within(0.1));
    assertThat(visits)
        .allSatisfy(
            v -> {
              Worker worker = roster.require(v.worker());
              assertThat(worker.serves(v.grid()))
                  .as("%s visits in its own grid", v.worker())
                  .isTrue();
              assertThat(v.date().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
              assertThat(
                      worker.isAbsentAt(
                          v.date().atTime(LocalTime.of(10, 0)).atZone(CONFIG.zone()).toInstant()))
                  .as("%s away on %s", v.worker(), v.date())
                  .isFalse();
            });
  }

  /**
   * Under a rota, a grid worker visits on the days their own schedule works: at the weekend too,
   * when the grid workers are out every day, never on a rest day, and not at all on a day their
   * hours leave out (visits went on Monday to Friday whatever the rota, so 31 % fell on a worker's
   * rest day and none on a weekend they worked).
   */
  @Test
  void of_underARota_onTheWorkersOwnWorkingDaysOnly() {
    SimulationConfig rota =
        CONFIG.withBehaviour(
            CONFIG.behaviour().toBuilder()
                .workerHours(
                    Schedule.daily(
                        new WorkingTime.Period(LocalTime.of(8, 30), LocalTime.of(17, 30))))
                .workerRestDays(2)
                .build());
    SyntheticDistrict district =
        SyntheticDistrict.build(SimulationTest.KAIXUAN, rota, new Randomness(rota.seed()).split());
    Roster roster = district.directory().roster();
    // the schedules the run's engine gives the workers, from the district's own list of grids
    Map<WorkerId, WorkingTime> schedules =
        Rota.schedules(rota.behaviour(), roster, district.grids());
    List<VisitRecord> visits = Visits.of(rota, roster).of(WEEKS);

    assertThat(visits)
        .hasSizeGreaterThan(1_000)
        .allSatisfy(
            v ->
                assertThat(schedules.get(v.worker()).isWorkday(v.date()))
                    .as("%s rests on %s", v.worker(), v.date())
                    .isTrue());
    assertThat(visits)
        .anySatisfy(
            v -> assertThat(v.date().getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    Map<WorkerId, Set<DayOfWeek>> weekdays = new HashMap<>();
    visits.forEach(
        v ->
            weekdays
                .computeIfAbsent(v.worker(), w -> new HashSet<>())
                .add(v.date().getDayOfWeek()));
    assertThat(weekdays.values())
        .as("two rest days a week: five weekdays at most")
        .allSatisfy(days -> assertThat(days).hasSizeLessThanOrEqualTo(5));

    // hours that never reach the office day: the same workers visit nobody on a Sunday off
    SimulationConfig weekdaysOnly =
        rota.withBehaviour(
            rota.behaviour().toBuilder()
                .workerHours(
                    new Schedule(
                        ImmutableList.of(
                            new WorkingTime.Period(LocalTime.of(8, 30), LocalTime.of(17, 30))),
                        Sets.immutableEnumSet(
                            DayOfWeek.MONDAY,
                            DayOfWeek.TUESDAY,
                            DayOfWeek.WEDNESDAY,
                            DayOfWeek.THURSDAY,
                            DayOfWeek.FRIDAY,
                            DayOfWeek.SATURDAY),
                        ImmutableSortedSet.of(LocalDate.of(2024, 3, 8)),
                        ImmutableSortedSet.of()))
                .workerRestDays(0)
                .build());
    assertThat(Visits.of(weekdaysOnly, roster).of(WEEKS))
        .isNotEmpty()
        .allSatisfy(
            v ->
                assertThat(v.date())
                    .as("a Sunday or the holiday")
                    .isNotEqualTo(LocalDate.of(2024, 3, 8))
                    .matches(d -> d.getDayOfWeek() != DayOfWeek.SUNDAY));
  }

  @Test
  void of_theSameVisitsWheneverAsked_andWorkersDifferByTheirDiligence() {
    Roster roster = roster(CONFIG);
    List<VisitRecord> spread = Visits.of(CONFIG, roster).of(WEEKS);
    List<VisitRecord> alike = Visits.of(CONFIG.withVisiting(new Visiting(2, 0)), roster).of(WEEKS);

    assertThat(Visits.of(CONFIG, roster).of(WEEKS)).isEqualTo(spread);
    assertThat(Visits.of(CONFIG.withSeed(7), roster).of(WEEKS)).isNotEqualTo(spread);
    assertThat(sd(perWorker(spread)))
        .as("diligence spreads the workers' visits")
        .isGreaterThan(2 * sd(perWorker(alike)));
    assertThat(Visits.of(CONFIG.withVisiting(Visiting.none()), roster).of(WEEKS)).isEmpty();
  }

  /**
   * A role at 0 makes no visits, and every other worker makes the very visits of the run without
   * rates by role: each worker's draws are keyed by their place in the roster, not by the draws of
   * the workers before them.
   */
  @Test
  void of_aRoleAtZero_visitsNobody_everyOtherWorkerTheVerySameVisits() {
    Roster roster = roster(CONFIG);
    List<VisitRecord> before = Visits.of(CONFIG, roster).of(WEEKS);
    SimulationConfig quiet =
        CONFIG.withVisiting(CONFIG.visiting().withPerRole(Map.of(Role.POLICE_OFFICER, 0.0)));

    List<VisitRecord> visits = Visits.of(quiet, roster).of(WEEKS);

    assertThat(before)
        .as("police officers visit at the common rate without one of their own")
        .anySatisfy(v -> assertThat(isPolice(roster, v)).isTrue());
    assertThat(visits).isEqualTo(before.stream().filter(v -> !isPolice(roster, v)).toList());
  }

  /**
   * With nothing asked of the rest ({@code perWorkingDay} 0), the roles given a rate visit, each as
   * they did at that rate for everyone.
   */
  @Test
  void of_onlyTheRolesGivenARate_whenTheCommonRateIsZero() {
    Roster roster = roster(CONFIG);
    SimulationConfig managers =
        CONFIG.withVisiting(new Visiting(0, 0.5).withPerRole(Map.of(Role.GRID_MANAGER, 2.0)));

    List<VisitRecord> visits = Visits.of(managers, roster).of(WEEKS);

    assertThat(visits)
        .isNotEmpty()
        .isEqualTo(
            Visits.of(CONFIG, roster).of(WEEKS).stream()
                .filter(v -> roster.require(v.worker()).hasRole(Role.GRID_MANAGER))
                .toList());
  }

  /**
   * Police officers at 6 visits a day make three times the visits they make at the common 2, over a
   * year: within 5 % of three times (each officer keeps their diligence, and a day's count at
   * either rate is drawn from the same uniform, so the ratio strays far less than the counts' own
   * Poisson noise of about 1 % each); everyone else makes the same visits as before.
   */
  @Test
  void of_aRoleAtThreeTimesTheRate_makesThreeTimesTheVisitsOverAYear_theOthersTheSame() {
    SimulationConfig year = CONFIG.withPeriod(LocalDate.of(2024, 1, 1), 366);
    Period all = new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), year.zone());
    Roster roster = roster(year);
    List<VisitRecord> common = Visits.of(year, roster).of(all);
    List<VisitRecord> busy =
        Visits.of(
                year.withVisiting(year.visiting().withPerRole(Map.of(Role.POLICE_OFFICER, 6.0))),
                roster)
            .of(all);

    long policeBefore = common.stream().filter(v -> isPolice(roster, v)).count();
    long policeAfter = busy.stream().filter(v -> isPolice(roster, v)).count();
    assertThat(policeBefore)
        .as("visits a year by the police officers at 2 a day")
        .isGreaterThan(5_000);
    assertThat((double) policeAfter / policeBefore).isCloseTo(3.0, within(0.15));
    assertThat(busy.stream().filter(v -> !isPolice(roster, v)).toList())
        .isEqualTo(common.stream().filter(v -> !isPolice(roster, v)).toList());
  }

  /**
   * The visits follow the config's seed, every bit of it (seeds 0 and 1 differ in their lowest
   * only), and not the order the roster lists its workers in: each worker's draws are keyed by
   * their place among the workers sorted by id.
   */
  @Test
  void of_anotherSeedOtherVisits_anotherRosterOrderTheSame() {
    Roster roster = roster(CONFIG);
    List<VisitRecord> visits = Visits.of(CONFIG, roster).of(WEEKS);
    List<Worker> reversed = new ArrayList<>(roster.workers());
    Collections.reverse(reversed);

    assertThat(Visits.of(CONFIG, Roster.of(reversed)).of(WEEKS)).isEqualTo(visits);
    assertThat(Visits.of(CONFIG.withSeed(0), roster).of(WEEKS))
        .isNotEqualTo(Visits.of(CONFIG.withSeed(1), roster).of(WEEKS));
  }

  /**
   * A worker visits in their grids only, not in the micro-grids they also serve; one serving
   * micro-grids only visits nobody.
   */
  @Test
  void of_aWorkerServingMicroGrids_visitsOnlyInTheirGrids() {
    AreaCode community = AreaCode.parse("330102011002");
    AreaCode grid = CodeScheme.DEFAULT.grid(community, 1);
    AreaCode micro = CodeScheme.DEFAULT.microGrid(grid, 1);
    Worker both =
        Worker.of(
            WorkerId.of("w-both"),
            "both",
            Set.of(Role.GRID_MANAGER),
            community,
            Set.of(grid, micro));
    Worker microOnly =
        Worker.of(
            WorkerId.of("w-micro"), "micro", Set.of(Role.GRID_MANAGER), community, Set.of(micro));

    List<VisitRecord> visits = Visits.of(CONFIG, Roster.of(List.of(both, microOnly))).of(WEEKS);

    assertThat(visits)
        .hasSizeGreaterThan(10)
        .allSatisfy(
            v -> {
              assertThat(v.worker()).isEqualTo(both.id());
              assertThat(v.grid()).isEqualTo(grid);
            });
  }

  /**
   * A worker-day's visits are a Poisson count: at a mean of 0.2 none on e^-0.2 = 81.9 % of the
   * days, the variance equal to the mean. Kaixuan street's grid workers, nobody away and everyone
   * equally diligent, over the 20 weekdays of four weeks: about 9,000 worker-days, so the share's
   * standard error is 0.4 points and the mean's 0.005.
   */
  @Test
  void of_aLowRate_aPoissonCountADay() {
    double[] moments = dailyCounts(0.2);

    assertThat(moments[0]).as("mean").isCloseTo(0.2, within(0.015));
    assertThat(moments[1] / moments[0]).as("variance ÷ mean").isCloseTo(1, within(0.1));
    assertThat(moments[2]).as("days without a visit").isCloseTo(Math.exp(-0.2), within(0.015));
  }

  /**
   * Above a mean of 30 the count comes from the normal approximation, a Poisson's mean and variance
   * still: at 50, over about 9,000 worker-days, the mean within 0.3 (4 standard errors) and the
   * variance within 6 % of it (the sample variance's standard error is 1.5 %).
   */
  @Test
  void of_aRateOf50_stillAPoissonsMeanAndVariance() {
    double[] moments = dailyCounts(50);

    assertThat(moments[0]).as("mean").isCloseTo(50, within(0.3));
    assertThat(moments[1] / moments[0]).as("variance ÷ mean").isCloseTo(1, within(0.06));
  }

  /**
   * The mean, the variance and the share of zeros of the grid workers' visits a weekday over {@link
   * #WEEKS}, at {@code rate} for everyone, nobody away and nobody more diligent.
   */
  private static double[] dailyCounts(double rate) {
    SimulationConfig config =
        CONFIG
            .withVisiting(new Visiting(rate, 0))
            .withBehaviour(CONFIG.behaviour().toBuilder().absencePerDay(0).build());
    Roster roster = roster(config);
    Map<String, Integer> counts = new HashMap<>();
    Visits.of(config, roster)
        .of(WEEKS)
        .forEach(v -> counts.merge(v.worker() + "/" + v.date(), 1, Integer::sum));
    long gridWorkers = roster.workers().stream().filter(w -> !w.grids().isEmpty()).count();
    long cells = gridWorkers * 20; // four weeks' weekdays
    assertThat(cells).isGreaterThan(5_000);
    double sum = 0;
    double squares = 0;
    for (int count : counts.values()) {
      sum += count;
      squares += (double) count * count;
    }
    double mean = sum / cells;
    return new double[] {
      mean, squares / cells - mean * mean, (double) (cells - counts.size()) / cells
    };
  }

  private static boolean isPolice(Roster roster, VisitRecord visit) {
    return roster.require(visit.worker()).hasRole(Role.POLICE_OFFICER);
  }

  @Test
  void rateOf_theRolesOwnElseTheCommonRate_theHighestOfAWorkersRoles() {
    Visiting visiting =
        new Visiting(2, 0.5)
            .withPerRole(
                Map.of(
                    Role.POLICE_OFFICER,
                    0.25,
                    Role.PARTY_SECRETARY,
                    0.0,
                    Role.FULL_TIME_GRID_WORKER,
                    4.0));

    assertThat(visiting.rateOf(Set.of(Role.POLICE_OFFICER))).isEqualTo(0.25);
    assertThat(visiting.rateOf(Set.of(Role.ASSISTANT))).isEqualTo(2.0);
    assertThat(visiting.rateOf(Set.of(Role.GRID_MANAGER, Role.PARTY_SECRETARY)))
        .as("a grid manager who is also the party secretary visits as a grid manager")
        .isEqualTo(2.0);
    assertThat(visiting.rateOf(Set.of(Role.POLICE_OFFICER, Role.FULL_TIME_GRID_WORKER)))
        .isEqualTo(4.0);
    assertThat(Visiting.defaults().perRole()).isEmpty();
  }

  private static double sd(Map<WorkerId, Integer> counts) {
    double mean = counts.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
    return Math.sqrt(
        counts.values().stream().mapToDouble(c -> (c - mean) * (c - mean)).sum()
            / (counts.size() - 1));
  }

  @Test
  void run_visitsMoveTheScoresAndNothingElse() {
    SimulationResult with =
        Simulation.run(
            SimulationTest.KAIXUAN,
            SimulationTest.week(),
            Presets.kaixuan(),
            InMemoryGridStorage.create());
    SimulationResult without =
        Simulation.run(
            SimulationTest.KAIXUAN,
            SimulationTest.week().withVisiting(Visiting.none()),
            Presets.kaixuan(),
            InMemoryGridStorage.create());

    assertThat(new Comparison(without, with).rows())
        .filteredOn(row -> !row.indicator().startsWith("pay "))
        .allSatisfy(row -> assertThat(row.delta()).as(row.indicator()).hasValue(0));
    double scoredWith = meanWorkerScore(with);
    double scoredWithout = meanWorkerScore(without);
    assertThat(scoredWith)
        .as("visits weigh 20 % of Kaixuan's score")
        .isGreaterThan(scoredWithout + 5);
  }

  private static double meanWorkerScore(SimulationResult result) {
    return result.scores().get(0).ranking(UnitKind.WORKER).entries().stream()
        .mapToDouble(e -> e.score().doubleValue())
        .average()
        .orElseThrow();
  }

  /**
   * Only the holders of the staffing template's roles visit: a rate for any other role (a typo,
   * another template's role, one left over when the template changes) would never apply.
   */
  @Test
  void perRole_aRoleTheStaffingLacks_refusedByTheConfigAtItsPath() {
    Visiting strangers =
        Visiting.defaults()
            .withPerRole(
                Map.of(
                    Role.of("lifeguard"),
                    1.0,
                    Role.FULL_TIME_GRID_WORKER,
                    3.0,
                    Role.POLICE_OFFICER,
                    0.5));

    assertThatThrownBy(() -> CONFIG.withVisiting(strangers))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(Violation::path, Violation::rule, Violation::value)
                  .containsExactlyInAnyOrder(
                      tuple("visiting.perRole.lifeguard", "simulation.visiting", "lifeguard"),
                      tuple(
                          "visiting.perRole.full-time-grid-worker",
                          "simulation.visiting",
                          "full-time-grid-worker"));
              assertThat(e.violations())
                  .allSatisfy(
                      v ->
                          assertThat(v.message())
                              .contains("staffing template dongcheng")
                              .contains("police-officer"));
            });
    SimulationConfig police =
        CONFIG.withVisiting(Visiting.defaults().withPerRole(Map.of(Role.POLICE_OFFICER, 0.5)));
    assertThatThrownBy(() -> police.withStaffing(police.staffing().withTemplate("yangling")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactly("visiting.perRole.police-officer"));
    assertThat(
            police
                .withVisiting(Visiting.defaults())
                .withStaffing(police.staffing().withTemplate("yangling"))
                .withVisiting(
                    Visiting.defaults().withPerRole(Map.of(Role.FULL_TIME_GRID_WORKER, 3.0)))
                .visiting()
                .perRole())
        .containsOnlyKeys(Role.FULL_TIME_GRID_WORKER);
  }

  @Test
  void visiting_outOfRange_refusedNamingTheField() {
    assertThatThrownBy(() -> new Visiting(-1, 0.5))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.visiting] perWorkingDay must be between 0 and 50.0, was -1.0");
    assertThatThrownBy(() -> new Visiting(Double.NaN, 0.5))
        .hasMessageContaining("perWorkingDay must be between 0 and 50.0, was NaN");
    assertThatThrownBy(() -> new Visiting(51, 0.5))
        .hasMessageContaining("perWorkingDay must be between 0 and 50.0, was 51.0");
    assertThatThrownBy(() -> new Visiting(2, 2.5))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.visiting] spread must be between 0 and 2, was 2.5");
    assertThatThrownBy(() -> new Visiting(2, 0.5, ImmutableMap.of(Role.POLICE_OFFICER, 51.0)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.visiting] perRole.police-officer must be between 0 and 50.0, was 51.0");
    assertThatThrownBy(() -> Visiting.defaults().withPerRole(Map.of(Role.JUDICIAL_WORKER, -0.5)))
        .hasMessage(
            "[simulation.visiting] perRole.judicial-worker must be between 0 and 50.0, was -0.5");
    assertThatThrownBy(() -> Visiting.defaults().withPerRole(Map.of(Role.ASSISTANT, Double.NaN)))
        .hasMessageContaining("perRole.assistant must be between 0 and 50.0, was NaN");
    Map<Role, Double> missing = new HashMap<>();
    missing.put(Role.ASSISTANT, null);
    assertThatThrownBy(() -> Visiting.defaults().withPerRole(missing))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.visiting] perRole must not hold null keys or values");
    assertThatThrownBy(() -> SimulationConfig.defaults().withVisiting(null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.config] visiting must not be null");
    assertThatThrownBy(() -> Visits.of(null, roster(CONFIG)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.run] config must not be null");
    assertThatThrownBy(() -> Visits.of(CONFIG, roster(CONFIG)).of(null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.run] period must not be null");
  }
}
