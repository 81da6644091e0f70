package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.simulation.SimulationTest.KAIXUAN;

import java.time.Instant;
import java.util.List;
import org.gridgov.core.incident.CaseReopened;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.policy.Presets;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/** The simulated centre reopening cases after dissatisfied callbacks (重办). */
class ReopenSimulationTest {

  private static SimulationConfig reopening(double share) {
    SimulationConfig week = SimulationTest.week();
    return week.withBehaviour(week.behaviour().withReopenShare(share));
  }

  @Test
  void everyDissatisfiedCallbackReopened_countsMatchTheStore() {
    InMemoryGridStorage storage = InMemoryGridStorage.create();
    SimulationResult result = Simulation.run(KAIXUAN, reopening(1.0), Presets.kaixuan(), storage);

    long reopenedInStore = 0;
    long closedInStore = 0;
    for (List<IncidentEvent> history : storage.incidents().historiesAliveBetween(
        Instant.EPOCH, result.end().plusSeconds(1), null, 1_000_000)) {
      reopenedInStore += history.stream().filter(e -> e instanceof CaseReopened).count();
      closedInStore += Incident.replay(history).closedAt().isPresent() ? 1 : 0;
    }
    assertThat(result.reopened()).isPositive().isEqualTo(reopenedInStore);
    assertThat(result.closed()).as("a case closed at the end, once").isEqualTo(closedInStore);
    assertThat(result.lines().stream().mapToLong(LineLoad::closed).sum())
        .isEqualTo(result.closed());
    assertThat(result.gridScores().stream().mapToLong(UnitScore::handled).sum())
        .isEqualTo(result.closed());
    assertThat(result.settlement().settled()).isEqualTo(result.closed());
  }

  @Test
  void reopeningOff_theRunDrawsAsBefore() {
    SimulationResult off = Simulation.run(KAIXUAN, reopening(0), Presets.kaixuan(),
        InMemoryGridStorage.create());
    SimulationResult defaults = Simulation.run(KAIXUAN, SimulationTest.week(), Presets.kaixuan(),
        InMemoryGridStorage.create());

    assertThat(off).isEqualTo(defaults);
    assertThat(off.reopened()).isZero();
  }

  @Test
  void comparison_showsTheReopenings() {
    Comparison c = Comparison.run(KAIXUAN, new Scenario(reopening(1.0), Presets.kaixuan()),
        new Scenario(SimulationTest.week(), Presets.kaixuan()), InMemoryGridStorage::create);

    assertThat(c.row("reopened after the callback").a()).isPositive();
    assertThat(c.row("reopened after the callback").b()).isZero();
  }
}
