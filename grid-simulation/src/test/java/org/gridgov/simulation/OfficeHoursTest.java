package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.gridgov.simulation.SimulationTest.KAIXUAN;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.gridgov.core.incident.ActorKind;
import org.gridgov.core.incident.CaseArbitrated;
import org.gridgov.core.incident.IncidentClosed;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentRegistered;
import org.gridgov.core.incident.IncidentRejected;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.WorkingTime;
import org.gridgov.rules.timer.RegistrationDueRule;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/**
 * A centre, and workers, that work 08:30–17:30 every day on a simulated week of Kaixuan street:
 * their steps wait for their hours, and a registration limit in calendar time then catches every
 * report made in the evening, where the same limit counted in the centre's working time holds it
 * to the daytime standard.
 */
class OfficeHoursTest {
  private static final WorkingTime.Period OFFICE =
      WorkingTime.Period.parse("08:30-17:30").orElseThrow();
  private static final LocalTime OPENS = LocalTime.of(8, 30);
  private static final LocalTime CLOSES = LocalTime.of(17, 30);
  private static final PolicySet CALENDAR =
      PolicyLoader.fromPath(Path.of("examples/kaixuan-taiyuan-limits.yaml"));
  private static final PolicySet WORKING =
      PolicyLoader.fromPath(Path.of("examples/kaixuan-taiyuan-limits-working.yaml"));

  private static SimulationConfig office() {
    SimulationConfig week = SimulationTest.week();
    return week.withBehaviour(week.behaviour().withCentreHours(OFFICE));
  }

  private static List<List<IncidentEvent>> histories(InMemoryGridStorage storage,
      SimulationResult result) {
    return storage.incidents().historiesAliveBetween(Instant.EPOCH,
        result.end().plusSeconds(1), null, 1_000_000);
  }

  private static LocalTime local(IncidentEvent event) {
    return event.at().atZone(SimulationTest.week().zone()).toLocalTime();
  }

  @Test
  void theCentresSteps_allInItsHours_reportsAtAnyHour() {
    InMemoryGridStorage officeStore = InMemoryGridStorage.create();
    InMemoryGridStorage clockStore = InMemoryGridStorage.create();
    SimulationResult office = Simulation.run(KAIXUAN, office(), Presets.kaixuan(), officeStore);
    SimulationResult clock = Simulation.run(KAIXUAN, SimulationTest.week(), Presets.kaixuan(),
        clockStore);

    long centreSteps = 0;
    long nightReports = 0;
    for (List<IncidentEvent> history : histories(officeStore, office)) {
      for (IncidentEvent event : history) {
        if (event instanceof IncidentRegistered || event instanceof IncidentRejected
            || event instanceof IncidentClosed || event instanceof CaseArbitrated) {
          centreSteps++;
          assertThat(local(event)).as(event.getClass().getSimpleName() + " of "
              + event.incident()).isBetween(OPENS, CLOSES);
        } else if (event instanceof IncidentReported && local(event).isAfter(CLOSES)) {
          nightReports++;
        }
      }
    }
    long nightRegistrations = histories(clockStore, clock).stream().flatMap(List::stream)
        .filter(e -> e instanceof IncidentRegistered && local(e).isAfter(CLOSES)).count();

    assertThat(centreSteps).isGreaterThan(office.reported());
    assertThat(nightReports).as("reports keep coming after hours").isPositive();
    assertThat(nightRegistrations).as("a centre around the clock registers them at night")
        .isPositive();
    assertThat(office.reported()).isEqualTo(clock.reported());
  }

  @Test
  void theWorkersSteps_allInTheirHours_casesTakeLonger() {
    SimulationConfig week = SimulationTest.week();
    InMemoryGridStorage storage = InMemoryGridStorage.create();
    SimulationResult office = Simulation.run(KAIXUAN,
        week.withBehaviour(week.behaviour().withWorkerHours(OFFICE)), Presets.kaixuan(), storage);
    SimulationResult clock = Simulation.run(KAIXUAN, week, Presets.kaixuan(),
        InMemoryGridStorage.create());

    long workerSteps = 0;
    for (List<IncidentEvent> history : histories(storage, office)) {
      for (IncidentEvent event : history) {
        if (event.actor().kind() == ActorKind.WORKER && !(event instanceof IncidentReported)) {
          workerSteps++;
          assertThat(local(event)).as(event.getClass().getSimpleName() + " of "
              + event.incident()).isBetween(OPENS, CLOSES);
        }
      }
    }

    assertThat(workerSteps).as("claims, feedbacks, verifications, returns, escalations")
        .isGreaterThan(office.reported());
    assertThat(office.closureTime(50)).isGreaterThan(clock.closureTime(50));
    assertThat(office.reported()).isEqualTo(clock.reported());
  }

  @Test
  void exampleFiles_theCentresHours_andTaiyuansLimitsWithRegistrationInThem() {
    SimulationConfig defaults = SimulationConfig.defaults();
    assertThat(SimulationSetup.fromPath(Path.of("examples/setup-centre-office-hours.yaml"),
        defaults)).isEqualTo(defaults.withBehaviour(defaults.behaviour().withCentreHours(OFFICE))
        .withSetup("centre-office-hours"));
    assertThat(SimulationSetup.fromPath(Path.of("examples/setup-office-hours.yaml"), defaults))
        .isEqualTo(defaults.withBehaviour(defaults.behaviour().withCentreHours(OFFICE)
            .withWorkerHours(OFFICE)).withSetup("office-hours"));
    assertThat(WORKING).usingRecursiveComparison().ignoringFields("id", "source",
        "dispatch.workingTime").isEqualTo(CALENDAR);
    WorkingTime hours = WORKING.dispatch().workingTime().orElseThrow();
    assertThat(hours.hours()).containsExactly(OFFICE);
    assertThat(hours.workdays()).hasSize(7);
    assertThat(hours.appliesTo()).containsExactly(WorkingTime.Limit.REGISTRATION);
  }

  @Test
  void aRegistrationLimitInTheCentresWorkingTime_holdsItToTheDaytimeStandard() {
    long aroundTheClock = registrationSupervisions(SimulationTest.week(), CALENDAR);
    long officeCalendar = registrationSupervisions(office(), CALENDAR);
    long officeWorking = registrationSupervisions(office(), WORKING);

    // a week of Kaixuan: 151 around the clock, 432 and 158 with the centre in office hours
    assertThat(officeCalendar).as("every evening report waits past its 30 min")
        .isGreaterThan(aroundTheClock * 3 / 2);
    // the same delays drawn (common random numbers), counted in the same hours as the limit
    assertThat(officeWorking).isCloseTo(aroundTheClock, withinPercentage(10));
  }

  private static long registrationSupervisions(SimulationConfig config, PolicySet policy) {
    InMemoryGridStorage storage = InMemoryGridStorage.create();
    SimulationResult result = Simulation.run(KAIXUAN, config, policy, storage);
    return histories(storage, result).stream().flatMap(List::stream)
        .filter(e -> e instanceof IncidentSupervised s
            && s.actor().id().contains(RegistrationDueRule.ID.value())).count();
  }
}
