package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.governance.Town.*;

import java.io.StringReader;
import java.time.Instant;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;

/**
 * A case claimed at the grid under a policy version that let the grid close it; the next version
 * takes the category out of the grid's authority. The grid may no longer close it, so it must go
 * up: that escalation is not by choice and may not be held back or counted by the quota.
 */
class AuthorityChangeQuotaTest {
  private static PolicySet version(int v, String from, String authority) {
    return PolicyLoader.fromYaml(new StringReader("""
        id: authority-change
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
        """.formatted(v, from, authority)), "v" + v + ".yaml");
  }

  @Test
  void caseOutsideTheGridsNewAuthority_escalatedUncountedNotRefusedByTheQuota() {
    PolicySet v1 = version(1, "2024-01-01", "");
    PolicySet v2 = version(2, "2024-03-05", "  authority: { GRID: [E05] }");
    MutableClock clock = new MutableClock(NINE);
    GridGovernance governance = GridGovernance.builder()
        .storage(org.gridgov.storage.memory.InMemoryGridStorage.create()).directory(directory())
        .policy(v1, v2).clock(clock).build();
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
    governance.claim(A, id);

    clock.set(Instant.parse("2024-03-05T02:00:00Z")); // v2 in force: the grid may not close E04
    Incident up = governance.escalate(org.gridgov.core.incident.Actor.worker(A), id,
        "the grid may no longer close this");

    assertThat(up.level()).isEqualTo(Level.COMMUNITY);
    var history = governance.history(id);
    assertThat(((IncidentEscalated) history.get(history.size() - 1)).kind())
        .isEqualTo(EscalationKind.OUTSIDE_AUTHORITY);
    assertThat(governance.storage().counters().get("escalation:GRID:330102011002001:2024-03"))
        .isZero();
  }
}
