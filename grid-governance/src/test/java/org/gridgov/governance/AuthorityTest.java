package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.governance.Town.*;

import java.io.StringReader;
import java.time.Instant;
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
  private static final PolicySet GRID_CLOSES_E06_ONLY =
      policy(1, "2024-01-01", "authority: { GRID: [E05] }");

  /** A HARD one-in-ten policy version, with {@code authority} (a line under escalation) if any. */
  private static PolicySet policy(int version, String effectiveFrom, String authority) {
    return PolicyLoader.fromYaml(new StringReader("""
        id: authority-test
        version: %d
        effectiveFrom: %s
        zone: Asia/Shanghai
        source: test
        dispatch: { claimWindow: 24h, replyWithin: 72h, supervisionAfter: 24h }
        returns: { bounceLimit: 2 }
        verification: { maxReworks: 3 }
        escalation:
          mode: HARD
          quota: { GRID: 0.1 }
          %s
        """.formatted(version, effectiveFrom, authority)), "authority-v" + version + ".yaml");
  }

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

  @Test
  void caseOutsideTheGridsNewAuthority_escalatedUncountedNotRefusedByTheQuota() {
    // v1 lets the grid close everything; v2, from 5 March, only E05
    PolicySet v1 = policy(1, "2024-01-01", "");
    PolicySet v2 = policy(2, "2024-03-05", "authority: { GRID: [E05] }");
    MutableClock versionClock = new MutableClock(NINE);
    GridGovernance versioned = GridGovernance.builder()
        .storage(org.gridgov.storage.memory.InMemoryGridStorage.create()).directory(directory())
        .policy(v1, v2).clock(versionClock).build();
    IncidentId id = reportAndRegister(versioned, GRID_1, VENDING);
    versioned.claim(A, id);

    versionClock.set(Instant.parse("2024-03-05T02:00:00Z")); // v2 in force: the grid may not close E04
    Incident up = versioned.escalate(org.gridgov.core.incident.Actor.worker(A), id,
        "the grid may no longer close this");

    assertThat(up.level()).isEqualTo(Level.COMMUNITY);
    var history = versioned.history(id);
    assertThat(((IncidentEscalated) history.get(history.size() - 1)).kind())
        .isEqualTo(EscalationKind.OUTSIDE_AUTHORITY);
    assertThat(versioned.storage().counters().get("escalation:GRID:330102011002001:2024-03"))
        .isZero();
  }
}
