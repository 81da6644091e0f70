package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.core.incident.CaseReturned;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentClaimed;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.Source;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.people.Absence;
import org.gridgov.core.people.AbsenceKind;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/**
 * The seeded absences: their length as documented, steady from the first day, and nobody claiming a
 * case while away.
 */
class AbsenceModelTest {

  /** A week of Kaixuan street run on a memory store, with the roster its run was staffed with. */
  private record Week(InMemoryGridStorage storage, Roster roster) {
    static Week run(SimulationConfig config) {
      InMemoryGridStorage storage = InMemoryGridStorage.create();
      Simulation.run(SimulationTest.KAIXUAN, config, Presets.kaixuan(), storage);
      return new Week(
          storage,
          SyntheticDistrict.build(
                  SimulationTest.KAIXUAN, config, new Randomness(config.seed()).split())
              .directory()
              .roster());
    }
  }

  private static Behaviour absences(double perDay, double meanDays) {
    Behaviour b = Behaviour.defaults();
    return b.toBuilder().absencePerDay(perDay).absenceDays(meanDays).build();
  }

  /** The mean length of the absences that start in a Dongcheng year (not those under way). */
  private static double meanLength(double meanDays) {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 1, 1), 365)
            .withBehaviour(absences(0.01, meanDays));
    Roster roster =
        SyntheticDistrict.build(Divisions.dongcheng(), config, new Randomness(5))
            .directory()
            .roster();
    Instant start = start(config);
    long count = 0;
    long days = 0;
    for (Worker worker : roster.workers()) {
      for (Absence absence : worker.absences()) {
        if (!absence.from().isBefore(start)) {
          count++;
          days += Duration.between(absence.from(), absence.until()).toDays();
        }
      }
    }
    assertThat(count).isGreaterThan(15_000);
    return (double) days / count;
  }

  /**
   * {@code absenceDays} is the mean length of an absence. A Dongcheng year (about 6,000 workers, 1
   * % a day) draws about 21,000 absences: the standard error of their mean length is about 0.01
   * days for a mean of 2 (sd = √2), so ± 0.05 days is more than 4 standard errors; for a mean of 1
   * every absence is one whole day. Absences already under way at the start are left out: the
   * absence a day falls in is the longer one, on average (for a mean of 2, 3 days).
   */
  @Test
  void absences_meanLengthIsTheConfiguredMean() {
    assertThat(meanLength(2)).isCloseTo(2.0, within(0.05));
    assertThat(meanLength(1)).isEqualTo(1.0);
  }

  private static Instant start(SimulationConfig config) {
    return config.start().atStartOfDay(config.zone()).toInstant();
  }

  /** A 60-day run from 1 March 2024 with these absences. */
  private static SimulationConfig config(double perDay, double meanDays) {
    return SimulationConfig.defaults()
        .withPeriod(LocalDate.of(2024, 3, 1), 60)
        .withBehaviour(absences(perDay, meanDays));
  }

  /**
   * {@code count} workers given their absences over {@code config}'s run as a synthetic district's
   * are, each drawing from the one seeded stream in turn: a roster larger than any district's, so
   * that shares and means are measured closely.
   */
  private static List<Worker> workers(SimulationConfig config, int count) {
    SyntheticDistrict.Absences absences =
        new SyntheticDistrict.Absences(config, new Randomness(17));
    Worker worker =
        Worker.of(
            WorkerId.of("w-1"),
            "w-1",
            Set.of(SyntheticDistrict.DEPARTMENT_STAFF),
            AreaCode.parse("330102011"),
            Set.of());
    List<Worker> workers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      workers.add(absences.add(worker));
    }
    return workers;
  }

  /** The share of {@code workers} away at noon of the run's day {@code day} (0: its first). */
  private static double awayOn(List<Worker> workers, SimulationConfig config, int day) {
    Instant noon = start(config).plus(Duration.ofDays(day)).plus(Duration.ofHours(12));
    return (double) workers.stream().filter(w -> w.isAbsentAt(noon)).count() / workers.size();
  }

  /** The workers' absences under way at the run's start: begun on its first day or before. */
  private static List<Absence> underWayAtStart(List<Worker> workers, SimulationConfig config) {
    Instant start = start(config);
    return workers.stream()
        .flatMap(w -> w.absences().stream())
        .filter(a -> a.covers(start))
        .toList();
  }

  /** The steady share away, π = m·p / (1 + m·p). */
  private static double steady(double perDay, double meanDays) {
    return meanDays * perDay / (1 + meanDays * perDay);
  }

  /**
   * Each worker's absences start in the process's steady state, so the run's first days are staffed
   * as its later ones: a share π = m·p / (1 + m·p) is away on every day (p a day's chance of
   * starting an absence, m its mean length; 1.96 % at the defaults). Over 250,000 workers, each
   * drawn on their own, the standard error of a day's share is √(π(1 − π)/n) ≈ 0.028 pp, and each
   * day's share is held to 4 of them (0.11 pp). Before, every worker started present and only p = 1
   * % was away on the first day, 0.96 pp short (and about 1.5 % on the second).
   */
  @Test
  void absences_shareAwayIsTheSteadyStateFromTheFirstDay() {
    SimulationConfig config = config(0.01, 2);
    List<Worker> workers = workers(config, 250_000);
    double share = steady(0.01, 2);
    double tolerance = 4 * Math.sqrt(share * (1 - share) / workers.size());

    assertThat(share).isCloseTo(0.0196, within(0.0001));
    assertThat(tolerance).isCloseTo(0.0011, within(0.0001));
    assertThat(awayOn(workers, config, 0)).as("day 0").isCloseTo(share, within(tolerance));
    assertThat(awayOn(workers, config, 1)).as("day 1").isCloseTo(share, within(tolerance));
    assertThat(awayOn(workers, config, 20)).as("day 20").isCloseTo(share, within(tolerance));
  }

  /**
   * An absence under way at the start has, like any, 1 + a geometric number of whole days still to
   * run, m on average (memoryless), and has run a geometric number of whole days before it, m − 1
   * on average, so it began at midnight on or before the start. Over the about 4,900 absences under
   * way (1.96 % of 250,000 workers), each of sd √(m(m − 1)) = √2 days, the standard error of either
   * mean is about 0.020 days: each is held to 4 of them (0.081 days).
   */
  @Test
  void absencesUnderWayAtTheStart_runMDaysMoreOnAverage_begunAtMidnight() {
    SimulationConfig config = config(0.01, 2);
    Instant start = start(config);
    List<Absence> underWay = underWayAtStart(workers(config, 250_000), config);
    double remaining =
        underWay.stream()
            .mapToLong(a -> Duration.between(start, a.until()).toDays())
            .average()
            .orElseThrow();
    double before =
        underWay.stream()
            .mapToLong(a -> Duration.between(a.from(), start).toDays())
            .average()
            .orElseThrow();
    double tolerance = 4 * Math.sqrt(2.0 / underWay.size());

    assertThat(underWay).hasSizeGreaterThan(4_500);
    assertThat(underWay)
        .allSatisfy(
            a -> {
              assertThat(Duration.between(a.from(), start).toNanos() % Duration.ofDays(1).toNanos())
                  .as("whole days before the start")
                  .isZero();
              assertThat(a.until()).isAfter(start);
            });
    assertThat(underWay).as("some begun before the start").anyMatch(a -> a.from().isBefore(start));
    assertThat(remaining).isCloseTo(2.0, within(tolerance));
    assertThat(before).isCloseTo(1.0, within(tolerance));
  }

  /**
   * Long absences (30 days on average) keep π = 0.3 / 1.3 ≈ 23.1 % away, which the old start,
   * everyone present, reached only after months (1 % on the first day). Over 250,000 workers a
   * day's share has a standard error of about 0.084 pp: held to 4 of them (0.34 pp). The about
   * 57,700 absences under way at the start, of sd √(30·29) ≈ 29.5 days, have 30 days still to run
   * on average, within 4 standard errors of 0.123 days (0.49 days).
   */
  @Test
  void longAbsences_steadyFromTheFirstDay() {
    SimulationConfig config = config(0.01, 30);
    List<Worker> workers = workers(config, 250_000);
    double share = steady(0.01, 30);
    double tolerance = 4 * Math.sqrt(share * (1 - share) / workers.size());
    Instant start = start(config);
    List<Absence> underWay = underWayAtStart(workers, config);

    assertThat(tolerance).isCloseTo(0.0034, within(0.0001));
    assertThat(awayOn(workers, config, 0)).as("day 0").isCloseTo(share, within(tolerance));
    assertThat(awayOn(workers, config, 1)).as("day 1").isCloseTo(share, within(tolerance));
    assertThat(awayOn(workers, config, 20)).as("day 20").isCloseTo(share, within(tolerance));
    assertThat(underWay).hasSizeGreaterThan(55_000);
    assertThat(
            underWay.stream()
                .mapToLong(a -> Duration.between(start, a.until()).toDays())
                .average()
                .orElseThrow())
        .isCloseTo(30.0, within(4 * Math.sqrt(30 * 29.0 / underWay.size())));
  }

  /** With no chance of an absence nobody in a district is ever away, on the first day either. */
  @Test
  void noAbsenceChance_nobodyAway() {
    List<Worker> workers =
        SyntheticDistrict.build(Divisions.dongcheng(), config(0, 2), new Randomness(3))
            .directory()
            .roster()
            .workers();

    assertThat(workers)
        .hasSizeGreaterThan(5_000)
        .allSatisfy(w -> assertThat(w.absences()).isEmpty());
  }

  /**
   * One-day absences (q = 1): an absence under way at the start began on its first day and ends at
   * the second. And with an absence starting on every day it may (p = 1), each worker is away every
   * other day (an absence, then the one day present that follows each), half of them on the first
   * day: over 20,000 workers the standard error of that half is about 0.35 pp, held to 4 of them
   * (1.4 pp).
   */
  @Test
  void oneDayAbsences_underWayOnlyOnTheFirstDay_everyOtherDayAtCertainty() {
    SimulationConfig rare = config(0.01, 1);
    Instant start = start(rare);
    List<Absence> underWay = underWayAtStart(workers(rare, 250_000), rare);
    assertThat(underWay)
        .hasSizeGreaterThan(2_000)
        .allSatisfy(
            a -> {
              assertThat(a.from()).isEqualTo(start);
              assertThat(a.until()).isEqualTo(start.plus(Duration.ofDays(1)));
            });

    SimulationConfig always = config(1, 1);
    List<Worker> workers = workers(always, 20_000);
    for (int day = 0; day < 59; day++) {
      Instant noon = start.plus(Duration.ofDays(day)).plus(Duration.ofHours(12));
      Instant next = noon.plus(Duration.ofDays(1));
      assertThat(workers).as("day " + day).allMatch(w -> w.isAbsentAt(noon) != w.isAbsentAt(next));
    }
    assertThat(awayOn(workers, always, 0)).isCloseTo(0.5, within(0.014));
  }

  /**
   * A worker absent at the instant of a self-claim never makes it, nor a verifier absent at the
   * check: another of the grid's present workers does, or the check waits for the first to return
   * (deterministic: seeded).
   */
  @Test
  void claimsAndVerifications_neverByAWorkerAbsentAtTheInstant() {
    SimulationConfig config = SimulationTest.week().withBehaviour(absences(0.1, 2));
    Week week = Week.run(config);
    InMemoryGridStorage storage = week.storage();
    Roster roster = week.roster();
    List<IncidentClaimed> claims = StoredEvents.of(storage, IncidentClaimed.class);
    List<IncidentEvent> checks = StoredEvents.verifications(storage);

    assertThat(claims).hasSizeGreaterThan(100);
    assertThat(claims).noneMatch(c -> roster.require(c.claimant()).isAbsentAt(c.at()));
    assertThat(checks).hasSizeGreaterThan(100);
    assertThat(checks)
        .noneMatch(c -> roster.require(c.actor().workerId().orElseThrow()).isAbsentAt(c.at()));
  }

  /**
   * A department worker who returns a case, or a grid worker who asks to pass one up, does so an
   * hour after taking it, or on their return when away then: never while absent (seeded; with 40 %
   * of workers starting a 2-day absence each day and 30 % of cases returned or passed up, a week
   * has over a hundred such decisions). Absences start at midnight, so only a case taken in the
   * hour before one waits: at 10 % the seeded week had two such decisions of 134, so any change to
   * the realisation could leave none and the check would fail by chance; at 40 %, 6 of 128.
   */
  @Test
  void returnsAndEscalations_anHourAfterTakingTheCase_orOnTheWorkersReturn() {
    Behaviour b = absences(0.4, 2);
    SimulationConfig config =
        SimulationTest.week()
            .withBehaviour(b.toBuilder().escalateShare(0.3).returnShare(0.3).build());
    Week week = Week.run(config);
    InMemoryGridStorage storage = week.storage();
    Roster roster = week.roster();
    List<String> early = new ArrayList<>(); // a decision before the worker could act
    int[] decisions = new int[2]; // all of them, and those that waited for a return
    for (Stage stage : Stage.values()) {
      storage
          .incidents()
          .inStage(stage)
          .forEach(
              incident -> {
                Instant taken = null;
                for (IncidentEvent event : storage.incidents().history(incident.id())) {
                  if (event instanceof IncidentClaimed || event instanceof IncidentAssigned) {
                    taken = event.at();
                  } else if (event instanceof CaseReturned
                      || event instanceof IncidentEscalated up
                          && up.kind() == EscalationKind.REQUESTED) {
                    Worker worker = roster.require(event.actor().workerId().orElseThrow());
                    Instant anHourOn = taken.plus(Duration.ofHours(1));
                    Instant could = Engine.backAt(worker, anHourOn);
                    decisions[0]++;
                    decisions[1] += could.isAfter(anHourOn) ? 1 : 0;
                    if (!event.at().equals(could) || worker.isAbsentAt(event.at())) {
                      early.add(
                          incident.id()
                              + " taken "
                              + taken
                              + ", "
                              + event.step()
                              + " at "
                              + event.at()
                              + ", could act at "
                              + could);
                    }
                  }
                }
              });
    }

    assertThat(decisions[0]).isGreaterThan(80);
    assertThat(decisions[1]).as("decisions that waited for the worker's return").isPositive();
    assertThat(early).isEmpty();
  }

  /** Work and checks wait for a worker's return, past absences that follow one another. */
  @Test
  void backAt_skipsAbsencesBackToBack_presentIsNow() {
    Instant day = Instant.parse("2024-03-04T00:00:00Z");
    Worker worker =
        Worker.of(
                WorkerId.of("w-1"),
                "w-1",
                Set.of(SyntheticDistrict.DEPARTMENT_STAFF),
                AreaCode.parse("330102011"),
                Set.of())
            .withAbsence(
                new Absence(
                    day.plus(Duration.ofDays(1)), day.plus(Duration.ofDays(2)), AbsenceKind.LEAVE))
            .withAbsence(new Absence(day, day.plus(Duration.ofDays(1)), AbsenceKind.SICK));

    assertThat(Engine.backAt(worker, day.plusSeconds(3600)))
        .isEqualTo(day.plus(Duration.ofDays(2)));
    assertThat(Engine.backAt(worker, day.plus(Duration.ofDays(2))))
        .as("until is exclusive")
        .isEqualTo(day.plus(Duration.ofDays(2)));
    assertThat(Engine.backAt(worker, day.minusSeconds(1))).isEqualTo(day.minusSeconds(1));
  }

  /**
   * A problem found on patrol is reported by one of the grid's workers present then, each alike:
   * not always by the grid's first worker, so each earns a share of the "problems reported"
   * indicator.
   */
  @Test
  void patrolReports_bySeveralOfTheGridsWorkers_presentWhenTheyReport() {
    SimulationConfig config = SimulationTest.week().withBehaviour(absences(0.1, 2));
    Week week = Week.run(config);
    InMemoryGridStorage storage = week.storage();
    Roster roster = week.roster();
    Map<AreaCode, Set<WorkerId>> reporters = new HashMap<>();
    List<String> wrong = new ArrayList<>();
    int[] patrols = new int[1];
    for (Stage stage : Stage.values()) {
      storage
          .incidents()
          .inStage(stage)
          .forEach(
              incident -> {
                IncidentEvent first = storage.incidents().history(incident.id()).get(0);
                if (first instanceof IncidentReported reported
                    && reported.source() == Source.PATROL) {
                  patrols[0]++;
                  WorkerId id = reported.actor().workerId().orElseThrow();
                  Worker worker = roster.require(id);
                  reporters.computeIfAbsent(reported.grid(), g -> new HashSet<>()).add(id);
                  boolean anyPresent =
                      roster.inGrid(reported.grid()).stream()
                          .anyMatch(w -> !w.isAbsentAt(reported.at()));
                  if (!worker.serves(reported.grid())
                      || anyPresent && worker.isAbsentAt(reported.at())) {
                    wrong.add(incident.id() + " reported by " + id + " at " + reported.at());
                  }
                }
              });
    }

    assertThat(patrols[0]).isGreaterThan(50);
    assertThat(wrong).isEmpty();
    assertThat(reporters.values())
        .filteredOn(workers -> workers.size() > 1)
        .as("grids whose patrol reports came from more than one worker")
        .hasSizeGreaterThan(reporters.size() / 2);
  }
}
