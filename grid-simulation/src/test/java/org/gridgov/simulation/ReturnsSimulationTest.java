package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.simulation.SimulationTest.KAIXUAN;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.gridgov.core.incident.CaseReturned;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.rules.returns.BounceLimitRule;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/**
 * A bounce-limit study on a simulated week of Kaixuan street, with the example files: departments
 * returning a fifth of their cases and a centre that sends each on to another department while the
 * policy lets that one return it too. The preset's limit of 2 then sees more returns than a limit
 * of 1 on the same arrivals, and no return is ever refused: the centre arbitrates at the limit.
 */
class ReturnsSimulationTest {
  private static final PolicySet BOUNCE_1 =
      PolicyLoader.fromPath(Path.of("examples/kaixuan-bounce-1.yaml"));
  private static final SimulationConfig BOUNCING =
      SimulationSetup.fromPath(Path.of("examples/setup-departments-bounce.yaml"),
          SimulationTest.week());

  @Test
  void exampleFiles_arePresetAndDefaultsButForTheirBounceFields() {
    assertThat(BOUNCE_1).usingRecursiveComparison().ignoringFields("id", "source", "returns")
        .isEqualTo(Presets.kaixuan());
    assertThat(BOUNCE_1.returns().bounceLimit()).isEqualTo(1);
    assertThat(BOUNCING.behaviour()).isEqualTo(SimulationTest.week().behaviour().toBuilder()
        .returnShare(0.2).redispatchShare(1).build());
  }

  @Test
  void aWeek_theLimitOfTwoSeesMoreReturns_noneRefused_eachCaseWithinItsLimit() {
    InMemoryGridStorage twoStore = InMemoryGridStorage.create();
    SimulationResult two = Simulation.run(KAIXUAN, BOUNCING, Presets.kaixuan(), twoStore);
    InMemoryGridStorage oneStore = InMemoryGridStorage.create();
    SimulationResult one = Simulation.run(KAIXUAN, BOUNCING, BOUNCE_1, oneStore);

    assertThat(one.reported()).as("the same arrivals").isEqualTo(two.reported());
    assertThat(mostReturns(oneStore, one)).isEqualTo(1);
    assertThat(mostReturns(twoStore, two)).isEqualTo(2);
    assertThat(two.returned()).isGreaterThan(one.returned());
    assertThat(List.of(one.refusals(), two.refusals())).allSatisfy(refusals -> assertThat(
        refusals).doesNotContainKey(BounceLimitRule.BOUNCE_LIMIT_REACHED));
  }

  /** The most returns of any one case in {@code storage}, checked against the run's count. */
  private static long mostReturns(InMemoryGridStorage storage, SimulationResult result) {
    long most = 0;
    long all = 0;
    for (List<IncidentEvent> history : storage.incidents().historiesAliveBetween(Instant.EPOCH,
        result.end().plusSeconds(1), null, 1_000_000)) {
      long returns = history.stream().filter(CaseReturned.class::isInstance).count();
      most = Math.max(most, returns);
      all += returns;
    }
    assertThat(all).isEqualTo(result.returned());
    return most;
  }
}
