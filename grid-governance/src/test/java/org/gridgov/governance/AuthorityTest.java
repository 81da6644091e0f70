package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.governance.Town.*;

import java.io.StringReader;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;

/**
 * A category outside the grid's authority (the grid may close only E05 here) goes up before
 * anyone works on it: a case handled and verified where it cannot be closed could move no further.
 */
class AuthorityTest {
  private static final PolicySet GRID_CLOSES_E06_ONLY = PolicyLoader.fromYaml(new StringReader("""
      id: authority-test
      version: 1
      effectiveFrom: 2024-01-01
      zone: Asia/Shanghai
      source: test
      dispatch: { claimWindow: 24h, replyWithin: 72h, supervisionAfter: 24h }
      returns: { bounceLimit: 2 }
      verification: { maxReworks: 3 }
      escalation:
        mode: HARD
        quota: { GRID: 0.1 }
        authority:
          GRID: [E05]
      """), "authority.yaml");

  private final MutableClock clock = new MutableClock(NINE);
  private final GridGovernance governance = governance(clock, GRID_CLOSES_E06_ONLY);

  @Test
  void categoryOutsideTheGrid_noClaimAtTheGrid_passedUpUncountedAndClosedAbove() {
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
    Incident registered = governance.require(id);
    assertThat(registered.claimUntil()).as("no claim window where nobody may handle it")
        .contains(registered.registeredAt().orElseThrow());

    assertThatThrownBy(() -> governance.claim(A, id))
        .isInstanceOf(CommandRefusedException.class).hasMessageContaining("OUTSIDE_AUTHORITY");
    AdvanceResult round = governance.advance(hours(0));

    Incident up = governance.require(id);
    assertThat(round.escalated()).isEqualTo(1);
    assertThat(up.level()).isEqualTo(Level.COMMUNITY);
    assertThat(up.stage()).isEqualTo(Stage.DISPATCHED);
    assertThat(governance.history(id)).filteredOn(IncidentEscalated.class::isInstance)
        .extracting(e -> ((IncidentEscalated) e).kind())
        .containsExactly(EscalationKind.OUTSIDE_AUTHORITY);
    assertThat(governance.storage().counters().get("escalation:GRID:330102011002001:2024-03"))
        .as("not counted against the grid's quota").isZero();

    governance.feedback(up.assignee().orElseThrow(), id, "done");
    governance.verify(SUPERVISOR, id, true, "checked");
    assertThat(governance.close(CENTRE, id, "").stage()).isEqualTo(Stage.CLOSED);
  }
}
