package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.VerificationPolicy;
import org.gridgov.core.policy.VerificationPolicy.Verifiers;
import org.gridgov.rules.auth.AuthorizationRule;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/**
 * Under {@code verification.verifiers: SUPERVISOR} the simulated centre sends only supervisors to
 * verify: when the grid's supervisors are away the check waits for one, as for any absent verifier,
 * and never falls back on the grid's other workers (whom the facade would refuse).
 */
class VerifierPolicySimulationTest {
  /** A week of Kaixuan street with one worker in ten starting a 2-day absence each day. */
  private static final SimulationConfig AWAY =
      SimulationTest.week()
          .withBehaviour(
              Behaviour.defaults().toBuilder().absencePerDay(0.1).absenceDays(2).build());

  private static PolicySet kaixuan(Verifiers verifiers) {
    PolicySet k = Presets.kaixuan();
    return k.withVerification(
        new VerificationPolicy(k.verification().maxReworks(), ImmutableMap.of(), verifiers));
  }

  @Test
  void aWeekWithAbsences_underSupervisor_everyVerificationBySupervisor_noneRefused() {
    Roster roster =
        SyntheticDistrict.build(SimulationTest.KAIXUAN, AWAY, new Randomness(AWAY.seed()).split())
            .directory()
            .roster();
    InMemoryGridStorage anyStore = InMemoryGridStorage.create();
    InMemoryGridStorage supStore = InMemoryGridStorage.create();

    Simulation.run(SimulationTest.KAIXUAN, AWAY, kaixuan(Verifiers.ANY_OTHER_WORKER), anyStore);
    SimulationResult sup =
        Simulation.run(SimulationTest.KAIXUAN, AWAY, kaixuan(Verifiers.SUPERVISOR), supStore);

    assertThat(StoredEvents.verifications(anyStore))
        .as("the default falls back on the grid's other workers while its supervisors are away")
        .anyMatch(
            c -> !roster.require(c.actor().workerId().orElseThrow()).hasRole(Role.SUPERVISOR));
    List<IncidentEvent> checks = StoredEvents.verifications(supStore);
    assertThat(checks).hasSizeGreaterThan(100);
    assertThat(checks)
        .allMatch(c -> roster.require(c.actor().workerId().orElseThrow()).hasRole(Role.SUPERVISOR))
        .noneMatch(c -> roster.require(c.actor().workerId().orElseThrow()).isAbsentAt(c.at()));
    assertThat(sup.refusals()).doesNotContainKey(AuthorizationRule.NOT_AUTHORIZED);
  }
}
