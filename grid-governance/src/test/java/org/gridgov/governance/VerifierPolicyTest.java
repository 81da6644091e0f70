package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.gridgov.governance.Town.A;
import static org.gridgov.governance.Town.B;
import static org.gridgov.governance.Town.GRID_1;
import static org.gridgov.governance.Town.NINE;
import static org.gridgov.governance.Town.SUPERVISOR;
import static org.gridgov.governance.Town.VENDING;
import static org.gridgov.governance.Town.hours;
import static org.gridgov.governance.Town.reportAndRegister;

import com.google.common.collect.ImmutableMap;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gridgov.core.Directory;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.incident.VerificationPassed;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.VerificationPolicy;
import org.gridgov.core.policy.VerificationPolicy.Verifiers;
import org.gridgov.rules.auth.AuthorizationRule;
import org.gridgov.rules.verification.VerificationRule;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * Who verifies (核查): under {@code verification.verifiers: SUPERVISOR} only a supervisor over the
 * case's grid, as the seeds' centre sends one back to the site (指派监督员现场核查); never the handler.
 */
class VerifierPolicyTest {
  /** A supervisor serving grid 1 who also acts for the urban line, and so may handle a case. */
  private static final WorkerId SUP_HANDLER = WorkerId.of("w-sup-urban");

  private final MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);

  private GridGovernance governance(Verifiers verifiers) {
    PolicySet k = Presets.kaixuan();
    PolicySet policy =
        PolicyLoader.validate(
            k.withVerification(
                new VerificationPolicy(
                    k.verification().maxReworks(), ImmutableMap.of(), verifiers)));
    Directory town = Town.directory();
    List<Worker> workers = new ArrayList<>(town.roster().workers());
    workers.add(
        Worker.of(
                SUP_HANDLER,
                "name-" + SUP_HANDLER,
                Set.of(Role.SUPERVISOR),
                Town.COMMUNITY,
                Set.of(GRID_1))
            .withLines(Set.of(LineId.of("urban-management"))));
    return GridGovernance.builder()
        .storage(InMemoryGridStorage.create())
        .directory(town.withRoster(Roster.of(workers)))
        .policy(policy)
        .clock(clock)
        .build();
  }

  private IncidentId handledBy(GridGovernance governance, WorkerId handler) {
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
    governance.claim(handler, id);
    clock.setInstant(hours(3));
    governance.feedback(handler, id, "stall moved");
    clock.setInstant(hours(4));
    return id;
  }

  @Test
  void supervisorPolicy_gridWorkerRefusedAndNothingStored_supervisorVerifies() {
    GridGovernance governance = governance(Verifiers.SUPERVISOR);
    IncidentId id = handledBy(governance, A);
    List<IncidentEvent> before = governance.history(id);

    for (boolean passed : new boolean[] {true, false}) {
      CommandRefusedException refused =
          catchThrowableOfType(
              CommandRefusedException.class,
              () -> governance.verify(B, id, passed, "looks fine from here"));
      assertThat(refused).as("passed=%s", passed).isNotNull();
      assertThat(refused.refusal().rule()).isEqualTo(AuthorizationRule.ID);
      assertThat(refused.code()).isEqualTo(AuthorizationRule.NOT_AUTHORIZED);
      assertThat(refused.refusal().message()).contains("worker:w-b", id.toString());
    }
    assertThat(governance.history(id)).isEqualTo(before);
    assertThat(governance.require(id).stage()).isEqualTo(Stage.HANDLED);

    governance.verify(SUPERVISOR, id, true, "checked on site");

    assertThat(governance.require(id).stage()).isEqualTo(Stage.VERIFIED);
    assertThat(governance.history(id).get(governance.history(id).size() - 1))
        .isInstanceOfSatisfying(
            VerificationPassed.class, e -> assertThat(e.verifier()).isEqualTo(SUPERVISOR));
  }

  @Test
  void supervisorPolicy_supervisorWhoHandledTheCase_refused() {
    GridGovernance governance = governance(Verifiers.SUPERVISOR);
    IncidentId id = handledBy(governance, SUP_HANDLER);

    CommandRefusedException refused =
        catchThrowableOfType(
            CommandRefusedException.class,
            () -> governance.verify(SUP_HANDLER, id, true, "my own work"));

    assertThat(refused).isNotNull();
    assertThat(refused.refusal().rule()).isEqualTo(VerificationRule.ID);
    assertThat(governance.require(id).stage()).isEqualTo(Stage.HANDLED);
    governance.verify(SUPERVISOR, id, true, "checked on site");
    assertThat(governance.require(id).stage()).isEqualTo(Stage.VERIFIED);
  }

  @Test
  void anyOtherWorkerPolicy_aGridWorkerVerifies_asBefore() {
    GridGovernance governance = governance(Verifiers.ANY_OTHER_WORKER);
    IncidentId id = handledBy(governance, A);

    governance.verify(B, id, true, "checked on site");

    assertThat(governance.require(id).stage()).isEqualTo(Stage.VERIFIED);
  }
}
