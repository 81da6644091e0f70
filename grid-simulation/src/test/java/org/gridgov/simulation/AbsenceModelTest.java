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
import org.gridgov.core.incident.VerificationFailed;
import org.gridgov.core.incident.VerificationPassed;
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

/** The seeded absences: their length as documented, and nobody claiming a case while away. */
class AbsenceModelTest {

  /** A week of Kaixuan street run on a memory store, with the roster its run was staffed with. */
  private record Week(InMemoryGridStorage storage, Roster roster) {
    static Week run(SimulationConfig config) {
      InMemoryGridStorage storage = InMemoryGridStorage.create();
      Simulation.run(SimulationTest.KAIXUAN, config, Presets.kaixuan(), storage);
      return new Week(storage, SyntheticDistrict.build(SimulationTest.KAIXUAN, config,
          new Randomness(config.seed()).split()).directory().roster());
    }
  }

  private static Behaviour absences(double perDay, double meanDays) {
    Behaviour b = Behaviour.defaults();
    return b.toBuilder().absencePerDay(perDay).absenceDays(meanDays).build();
  }

  private static double meanLength(double meanDays) {
    SimulationConfig config = SimulationConfig.defaults()
        .withPeriod(LocalDate.of(2024, 1, 1), 365).withBehaviour(absences(0.01, meanDays));
    Roster roster = SyntheticDistrict.build(Divisions.dongcheng(), config, new Randomness(5))
        .directory().roster();
    long count = 0;
    long days = 0;
    for (Worker worker : roster.workers()) {
      for (Absence absence : worker.absences()) {
        count++;
        days += Duration.between(absence.from(), absence.until()).toDays();
      }
    }
    assertThat(count).isGreaterThan(15_000);
    return (double) days / count;
  }

  /**
   * {@code absenceDays} is the mean length of an absence. A Dongcheng year (about 6,000 workers,
   * 1 % a day) draws about 21,000 absences: the standard error of their mean length is about
   * 0.015 days for a mean of 2 (sd ≈ 2), so ± 0.05 days is more than 3 standard errors; for a
   * mean of 1 every absence is one whole day.
   */
  @Test
  void absences_meanLengthIsTheConfiguredMean() {
    assertThat(meanLength(2)).isCloseTo(2.0, within(0.05));
    assertThat(meanLength(1)).isEqualTo(1.0);
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
    List<IncidentClaimed> claims = new ArrayList<>();
    List<IncidentEvent> checks = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      storage.incidents().inStage(stage).forEach(incident -> {
        for (IncidentEvent event : storage.incidents().history(incident.id())) {
          if (event instanceof IncidentClaimed claim) {
            claims.add(claim);
          } else if (event instanceof VerificationPassed || event instanceof VerificationFailed) {
            checks.add(event);
          }
        }
      });
    }

    assertThat(claims).hasSizeGreaterThan(100);
    assertThat(claims).noneMatch(c -> roster.require(c.claimant()).isAbsentAt(c.at()));
    assertThat(checks).hasSizeGreaterThan(100);
    assertThat(checks).noneMatch(c -> roster.require(c.actor().workerId().orElseThrow())
        .isAbsentAt(c.at()));
  }

  /**
   * A department worker who returns a case, or a grid worker who asks to pass one up, does so an
   * hour after taking it, or on their return when away then: never while absent (seeded; with 40 %
   * of workers starting a 2-day absence each day and 30 % of cases returned or passed up, a week
   * has over a hundred such decisions). Absences start at midnight, so only a case taken in the
   * hour before one waits: at 10 % the seeded week had two such decisions of 113, so any change to
   * the realisation could leave none and the check would fail by chance; at 40 %, 19 of 112.
   */
  @Test
  void returnsAndEscalations_anHourAfterTakingTheCase_orOnTheWorkersReturn() {
    Behaviour b = absences(0.4, 2);
    SimulationConfig config = SimulationTest.week().withBehaviour(
        b.toBuilder().escalateShare(0.3).returnShare(0.3).build());
    Week week = Week.run(config);
    InMemoryGridStorage storage = week.storage();
    Roster roster = week.roster();
    List<String> early = new ArrayList<>(); // a decision before the worker could act
    int[] decisions = new int[2]; // all of them, and those that waited for a return
    for (Stage stage : Stage.values()) {
      storage.incidents().inStage(stage).forEach(incident -> {
        Instant taken = null;
        for (IncidentEvent event : storage.incidents().history(incident.id())) {
          if (event instanceof IncidentClaimed || event instanceof IncidentAssigned) {
            taken = event.at();
          } else if (event instanceof CaseReturned || event instanceof IncidentEscalated up
              && up.kind() == EscalationKind.REQUESTED) {
            Worker worker = roster.require(event.actor().workerId().orElseThrow());
            Instant anHourOn = taken.plus(Duration.ofHours(1));
            Instant could = Engine.backAt(worker, anHourOn);
            decisions[0]++;
            decisions[1] += could.isAfter(anHourOn) ? 1 : 0;
            if (!event.at().equals(could) || worker.isAbsentAt(event.at())) {
              early.add(incident.id() + " taken " + taken + ", " + event.step() + " at "
                  + event.at() + ", could act at " + could);
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
    Worker worker = Worker.of(WorkerId.of("w-1"), "w-1",
            Set.of(SyntheticDistrict.DEPARTMENT_STAFF), AreaCode.parse("330102011"), Set.of())
        .withAbsence(new Absence(day.plus(Duration.ofDays(1)), day.plus(Duration.ofDays(2)),
            AbsenceKind.LEAVE))
        .withAbsence(new Absence(day, day.plus(Duration.ofDays(1)), AbsenceKind.SICK));

    assertThat(Engine.backAt(worker, day.plusSeconds(3600))).isEqualTo(day.plus(Duration.ofDays(2)));
    assertThat(Engine.backAt(worker, day.plus(Duration.ofDays(2)))).as("until is exclusive")
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
      storage.incidents().inStage(stage).forEach(incident -> {
        IncidentEvent first = storage.incidents().history(incident.id()).get(0);
        if (first instanceof IncidentReported reported && reported.source() == Source.PATROL) {
          patrols[0]++;
          WorkerId id = reported.actor().workerId().orElseThrow();
          Worker worker = roster.require(id);
          reporters.computeIfAbsent(reported.grid(), g -> new HashSet<>()).add(id);
          boolean anyPresent = roster.inGrid(reported.grid()).stream()
              .anyMatch(w -> !w.isAbsentAt(reported.at()));
          if (!worker.serves(reported.grid()) || anyPresent && worker.isAbsentAt(reported.at())) {
            wrong.add(incident.id() + " reported by " + id + " at " + reported.at());
          }
        }
      });
    }

    assertThat(patrols[0]).isGreaterThan(50);
    assertThat(wrong).isEmpty();
    assertThat(reporters.values()).filteredOn(workers -> workers.size() > 1)
        .as("grids whose patrol reports came from more than one worker")
        .hasSizeGreaterThan(reporters.size() / 2);
  }
}
