package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.simulation.SimulationTest.KAIXUAN;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.incident.DeadlineExtended;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.policy.ExtensionPolicy;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.rules.handling.ExtensionRule;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/**
 * Handlers asking for extensions (延期), under a policy without limits and under the example's strict
 * one (once, before the deadline, 24 h at most).
 */
class ExtensionSimulationTest {
  private static final PolicySet STRICT =
      PolicyLoader.fromPath(Path.of("examples/kaixuan-extension-strict.yaml"));

  /**
   * Two weeks of Kaixuan street, {@code share} of the handlers who foresee finishing late asking.
   */
  private static SimulationConfig asking(double share) {
    SimulationConfig base =
        SimulationTest.week().withPeriod(java.time.LocalDate.of(2024, 3, 4), 14);
    return base.withBehaviour(base.behaviour().withExtendShare(share));
  }

  @Test
  void exampleFiles_thePresetWithExtensionLimits_andTheDefaultsWithEveryHandlerAsking() {
    assertThat(STRICT)
        .usingRecursiveComparison()
        .ignoringFields("id", "source", "extension")
        .isEqualTo(Presets.kaixuan());
    assertThat(STRICT.extension())
        .isEqualTo(new ExtensionPolicy(Optional.of(1), Optional.of(Duration.ofHours(24)), true));
    SimulationConfig defaults = SimulationConfig.defaults();
    assertThat(SimulationSetup.fromPath(Path.of("examples/setup-handlers-extend.yaml"), defaults))
        .isEqualTo(
            defaults
                .withBehaviour(defaults.behaviour().withExtendShare(1.0))
                .withSetup("handlers-extend"));
  }

  private static long extendedInStore(InMemoryGridStorage storage, SimulationResult result) {
    long extended = 0;
    for (List<IncidentEvent> history :
        storage
            .incidents()
            .historiesAliveBetween(Instant.EPOCH, result.end().plusSeconds(1), null, 1_000_000)) {
      extended += history.stream().filter(e -> e instanceof DeadlineExtended).count();
    }
    return extended;
  }

  @Test
  void extensionsOff_theRunDrawsAsBefore() {
    SimulationResult off =
        Simulation.run(KAIXUAN, asking(0), Presets.kaixuan(), InMemoryGridStorage.create());
    SimulationConfig base =
        SimulationTest.week().withPeriod(java.time.LocalDate.of(2024, 3, 4), 14);
    SimulationResult before =
        Simulation.run(KAIXUAN, base, Presets.kaixuan(), InMemoryGridStorage.create());

    assertThat(off).isEqualTo(before);
    assertThat(off.extended()).isZero();
  }

  @Test
  void extensionsAsked_grantedWithoutLimits_refusedUnderStrictOnes() {
    PolicySet strict = STRICT;
    InMemoryGridStorage store = InMemoryGridStorage.create();

    SimulationResult none =
        Simulation.run(KAIXUAN, asking(0), Presets.kaixuan(), InMemoryGridStorage.create());
    SimulationResult granted = Simulation.run(KAIXUAN, asking(1), Presets.kaixuan(), store);
    SimulationResult limited =
        Simulation.run(KAIXUAN, asking(1), strict, InMemoryGridStorage.create());

    assertThat(granted.extended()).isPositive().isEqualTo(extendedInStore(store, granted));
    assertThat(granted.refusals())
        .doesNotContainKeys(
            ExtensionRule.EXTENSION_TOO_LONG,
            ExtensionRule.EXTENSION_LIMIT_REACHED,
            ExtensionRule.DEADLINE_PASSED);
    assertThat(granted.onTimeRate())
        .as("an extended case finished in time counts as on time")
        .isGreaterThan(none.onTimeRate());
    // both runs draw alike (common random numbers), so their handlers ask for the same
    // extensions: the strict policy grants all but those its limits refuse (a fortnight of
    // Kaixuan has one asked for after the deadline), and no case it refuses ends in time
    long refusedByLimits =
        limited.refused(ExtensionRule.EXTENSION_TOO_LONG)
            + limited.refused(ExtensionRule.EXTENSION_LIMIT_REACHED)
            + limited.refused(ExtensionRule.DEADLINE_PASSED);
    assertThat(refusedByLimits).isPositive();
    assertThat(limited.extended()).isEqualTo(granted.extended() - refusedByLimits);
    assertThat(limited.onTimeRate()).isLessThanOrEqualTo(granted.onTimeRate());
    assertThat(granted.reported()).isEqualTo(none.reported());
  }
}
