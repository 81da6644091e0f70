package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentClaimed;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.people.Worker;
import org.gridgov.core.policy.Presets;
import org.gridgov.governance.GridGovernance;
import org.gridgov.rules.dispatch.Candidates;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/** Cases nobody can solve: a property of the case, drawn once, whoever the case is given to. */
class UnsolvableCasesTest {

  /** The default behaviour with these shares of unsolvable, returned and passed-up cases. */
  private static Behaviour behaviour(
      double unsolvable, double returned, double passedUp, double absencePerDay) {
    Behaviour b = Behaviour.defaults();
    return b.toBuilder()
        .escalateShare(passedUp)
        .returnShare(returned)
        .unsolvableShare(unsolvable)
        .absencePerDay(absencePerDay)
        .build();
  }

  /**
   * Of the cases given to a worker, the share never handled is the configured share, whatever path
   * they took (passed up, returned and arbitrated, a refused request to pass up). Two weeks of
   * Kaixuan street at 2.6 cases per grid per day, 10 % unsolvable, without absences: the cases
   * reported in the first week (about 900) have a week or more to be handled, so a solvable one is
   * left unhandled only by a rare effort draw of days; the standard error of the share is about 1
   * point, so ± 3 points is 3 standard errors.
   */
  @Test
  void unsolvableShare_realisedOverManyCases_isTheConfiguredShare() {
    SimulationConfig config =
        SimulationTest.week()
            .withPeriod(LocalDate.of(2024, 3, 4), 14)
            .withBehaviour(behaviour(0.1, 0.1, 0.1, 0));
    InMemoryGridStorage storage = InMemoryGridStorage.create();
    Simulation.run(SimulationTest.KAIXUAN, config, Presets.kaixuan(), storage);
    Instant firstWeek = config.start().plusDays(7).atStartOfDay(config.zone()).toInstant();
    long given = 0;
    long unhandled = 0;
    for (Stage stage : Stage.values()) {
      for (Incident incident : storage.incidents().inStage(stage)) {
        if (!incident.reportedAt().isBefore(firstWeek)) {
          continue;
        }
        List<IncidentEvent> history = storage.incidents().history(incident.id());
        if (history.stream()
            .anyMatch(e -> e instanceof IncidentClaimed || e instanceof IncidentAssigned)) {
          given++;
          unhandled += history.stream().noneMatch(FeedbackGiven.class::isInstance) ? 1 : 0;
        }
      }
    }

    assertThat(given).isGreaterThan(800);
    assertThat((double) unhandled / given)
        .as("%d unhandled of %d", unhandled, given)
        .isCloseTo(0.1, within(0.03));
  }

  /**
   * The default share, 4 in 10,000, is too small to see in a run: over a million cases the draw
   * gives 400 expected, with a standard error of 20, so ± 60 is 3 standard errors.
   */
  @Test
  void ofCase_overAMillionCases_theDefaultShare() {
    double share = Behaviour.defaults().unsolvableShare();
    long seed = new Randomness(42).nextSeed();
    int unsolvable = 0;
    for (int i = 1; i <= 1_000_000; i++) {
      unsolvable += Randomness.ofCase(seed, "I" + i) < share ? 1 : 0;
    }

    assertThat(unsolvable).isBetween(340, 460);
    assertThat(Randomness.ofCase(seed, "I7"))
        .as("the same for every step of the case")
        .isEqualTo(Randomness.ofCase(seed, "I7"));
  }

  /**
   * The centre re-assigns every case still unhandled two days after a worker took it (once, on the
   * fifth day): the new assignee cannot solve it either. 30 % unsolvable, nobody absent, returning
   * or passing up, so a case two days unhandled is an unsolvable one, not one waiting in a queue;
   * before the fix, each re-assigned case drew again and most were then handled.
   */
  @Test
  void aReassignedUnsolvableCase_staysUnsolvable() {
    SimulationConfig config = SimulationTest.week().withBehaviour(behaviour(0.3, 0, 0, 0));
    Randomness random = new Randomness(config.seed());
    SyntheticDistrict district =
        SyntheticDistrict.build(SimulationTest.KAIXUAN, config, random.split());
    Instant start = config.start().atStartOfDay(config.zone()).toInstant();
    VirtualClock clock = new VirtualClock(start, config.zone());
    InMemoryGridStorage storage = InMemoryGridStorage.create();
    AtomicLong ids = new AtomicLong();
    Engine[] engine = new Engine[1];
    GridGovernance governance =
        GridGovernance.builder()
            .storage(storage)
            .directory(district.directory())
            .policy(Presets.kaixuan())
            .clock(clock)
            .ids(() -> IncidentId.of("I" + ids.incrementAndGet()))
            .listener((incident, events) -> engine[0].onAppended(incident, events))
            .build();
    engine[0] =
        new Engine(
            config,
            district,
            governance,
            clock,
            new Metrics(config.zone(), config.start(), config.days()),
            new ArrivalProcess(
                config, district.grids().size(), district.directory().catalogue(), random.split()),
            random.split());
    List<IncidentId> reassigned = new ArrayList<>();
    Instant reassignAt = start.plus(Duration.ofDays(4));
    Progress centre =
        (now, from, to, reported) -> {
          if (now.isBefore(reassignAt) || !reassigned.isEmpty()) {
            return;
          }
          for (Incident incident : List.copyOf(storage.incidents().inStage(Stage.DISPATCHED))) {
            if (!unhandledSince(storage, incident.id(), now.minus(Duration.ofDays(2)))) {
              continue;
            }
            for (Worker other :
                Candidates.eligible(
                    incident, incident.line().orElseThrow(), district.directory().roster())) {
              if (!other.id().equals(incident.assignee().orElseThrow())) {
                governance.assign(
                    Actor.centre("sim-centre"),
                    incident.id(),
                    other.id(),
                    incident.line().orElseThrow(),
                    "unhandled for two days");
                reassigned.add(incident.id());
                break;
              }
            }
          }
        };

    engine[0].run(start, start.plus(Duration.ofDays(config.days())), centre);

    assertThat(reassigned).hasSizeGreaterThan(20);
    assertThat(reassigned)
        .allSatisfy(
            id -> {
              List<IncidentEvent> history = storage.incidents().history(id);
              assertThat(history).as(id.value()).noneMatch(FeedbackGiven.class::isInstance);
              assertThat(storage.incidents().find(id).orElseThrow().stage())
                  .as(id.value())
                  .isEqualTo(Stage.DISPATCHED);
            });
  }

  /** Whether the case was last taken by a worker before {@code before} and never handled. */
  private static boolean unhandledSince(
      InMemoryGridStorage storage, IncidentId id, Instant before) {
    Instant taken = Instant.MAX;
    for (IncidentEvent event : storage.incidents().history(id)) {
      if (event instanceof FeedbackGiven) {
        return false;
      }
      if (event instanceof IncidentClaimed || event instanceof IncidentAssigned) {
        taken = event.at();
      }
    }
    return taken.isBefore(before);
  }
}
