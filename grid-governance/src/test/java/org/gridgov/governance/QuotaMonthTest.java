package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.governance.Town.*;

import java.io.StringReader;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.RejectionKind;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * Kaixuan's one-in-ten rule at a community: 100 problems found in March, cases handled at the
 * community passed up to the street. Under HARD 1/10 the 11th is refused, under SOFT it passes
 * flagged; an emergency passes either way and is not counted.
 */
class QuotaMonthTest {

  private static PolicySet policy(String mode) {
    return policy(mode, "");
  }

  /** {@code more}: further fields of the escalation part, each after a comma. */
  private static PolicySet policy(String mode, String more) {
    return PolicyLoader.fromYaml(
        new StringReader(
            """
        id: quota-test
        version: 1
        effectiveFrom: 2024-01-01
        zone: Asia/Shanghai
        source: "test: Kaixuan's 1/10 at the community only"
        dispatch: { claimWindow: 24h, replyWithin: 72h, supervisionAfter: 24h }
        returns: { bounceLimit: 2 }
        verification: { maxReworks: 3 }
        escalation: { mode: %s, quota: { COMMUNITY: 0.1 }%s }
        """
                .formatted(mode, more)),
        "quota.yaml");
  }

  /** 100 cases found in the community's two grids this month, each raised to the community. */
  private static List<IncidentId> hundredAtCommunity(GridGovernance governance) {
    List<IncidentId> ids = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      IncidentId id = reportAndRegister(governance, i % 2 == 0 ? GRID_1 : GRID_2, VENDING);
      governance.escalate(CENTRE, id, "beyond the grid");
      ids.add(id);
    }
    return ids;
  }

  @Test
  void hard_eleventhEscalationToTheStreetRefusedWithTheFigures() {
    GridGovernance governance = governance(MutableClock.of(NINE, ZoneOffset.UTC), policy("HARD"));
    List<IncidentId> ids = hundredAtCommunity(governance);

    for (int i = 0; i < 10; i++) {
      assertThat(governance.escalate(CENTRE, ids.get(i), "needs the street").level())
          .isEqualTo(Level.STREET);
    }
    int before = governance.history(ids.get(10)).size();

    assertThatThrownBy(() -> governance.escalate(CENTRE, ids.get(10), "needs the street"))
        .isInstanceOf(CommandRefusedException.class)
        .satisfies(
            e -> assertThat(((CommandRefusedException) e).code()).isEqualTo("QUOTA_EXHAUSTED"))
        .hasMessageContaining("COMMUNITY 330102011002 found 100 and escalated 10 in 2024-03")
        .hasMessageContaining("quota 0.1 allows 10 (HARD)");
    assertThat(governance.history(ids.get(10))).hasSize(before);
    assertThat(governance.require(ids.get(10)).level()).isEqualTo(Level.COMMUNITY);
    assertThat(governance.storage().counters().get("escalation:COMMUNITY:330102011002:2024-03"))
        .isEqualTo(10);

    IncidentId fire =
        governance.report(patrol(GRID_1, VENDING).emergency(true).build()).incident().id();
    governance.register(CENTRE, fire, Optional.empty(), Optional.empty(), "");
    governance.escalate(CENTRE, fire, "fire: grid to community");
    IncidentEscalated up =
        (IncidentEscalated)
            last(governance, governance.escalate(CENTRE, fire, "fire: community to street").id());
    assertThat(up.kind()).isEqualTo(EscalationKind.EMERGENCY);
    assertThat(governance.storage().counters().get("escalation:COMMUNITY:330102011002:2024-03"))
        .as("emergencies are not counted")
        .isEqualTo(10);
  }

  @Test
  void hard_rejectedReportsAreNotProblemsFound() {
    GridGovernance governance = governance(MutableClock.of(NINE, ZoneOffset.UTC), policy("HARD"));
    List<IncidentId> ids = hundredAtCommunity(governance);
    for (int i = 0; i < 10; i++) { // would lift the quota to floor(0.1 × 110) = 11 if counted
      IncidentId junk =
          governance.report(patrol(i % 2 == 0 ? GRID_1 : GRID_2, VENDING).build()).incident().id();
      if (i < 5) {
        governance.reject(CENTRE, junk, RejectionKind.INVALID, Optional.empty(), "not a case");
      } else {
        governance.reject(
            CENTRE, junk, RejectionKind.DUPLICATE, Optional.of(ids.get(i)), "reported twice");
      }
    }
    for (int i = 0; i < 10; i++) {
      governance.escalate(CENTRE, ids.get(i), "needs the street");
    }

    assertThatThrownBy(() -> governance.escalate(CENTRE, ids.get(10), "needs the street"))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("COMMUNITY 330102011002 found 100 and escalated 10 in 2024-03")
        .hasMessageContaining("quota 0.1 allows 10 (HARD)");
    assertThat(governance.require(ids.get(10)).level()).isEqualTo(Level.COMMUNITY);
  }

  @Test
  void soft_eleventhPassesFlagged() {
    GridGovernance governance = governance(MutableClock.of(NINE, ZoneOffset.UTC), policy("SOFT"));
    List<IncidentId> ids = hundredAtCommunity(governance);
    for (int i = 0; i < 10; i++) {
      governance.escalate(CENTRE, ids.get(i), "needs the street");
      assertThat(((IncidentEscalated) last(governance, ids.get(i))).overQuota()).isFalse();
    }

    governance.escalate(CENTRE, ids.get(10), "needs the street");

    IncidentEscalated eleventh = (IncidentEscalated) last(governance, ids.get(10));
    assertThat(eleventh.overQuota()).isTrue();
    assertThat(eleventh.to()).isEqualTo(Level.STREET);
    assertThat(eleventh.reason()).contains("[over quota:");
  }

  @Test
  void nextMonth_theQuotaStartsAgain() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = governance(clock, policy("HARD"));
    List<IncidentId> ids = hundredAtCommunity(governance);
    for (int i = 0; i < 10; i++) {
      governance.escalate(CENTRE, ids.get(i), "needs the street");
    }

    clock.setInstant(
        java.time.Instant.parse("2024-04-01T00:00:00Z")); // 08:00 on 1 April in Hangzhou
    List<IncidentId> april = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
      governance.escalate(CENTRE, id, "beyond the grid");
      april.add(id);
    }

    assertThat(governance.escalate(CENTRE, april.get(0), "needs the street").level())
        .as("April: 10 found allow 1")
        .isEqualTo(Level.STREET);
    assertThatThrownBy(() -> governance.escalate(CENTRE, april.get(1), "needs the street"))
        .hasMessageContaining("found 10 and escalated 1 in 2024-04");
  }

  @Test
  void previousMonth_theAllowanceIsLastMonthsFinds_fixedFromTheFirst() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = governance(clock, policy("HARD", ", quotaBasis: PREVIOUS_MONTH"));
    List<IncidentId> ids = hundredAtCommunity(governance);

    assertThatThrownBy(() -> governance.escalate(CENTRE, ids.get(0), "needs the street"))
        .as("March's allowance is February's finds: none")
        .hasMessageContaining(
            "COMMUNITY 330102011002 found 0 in 2024-02 and escalated 0 in 2024-03")
        .hasMessageContaining("quota 0.1 allows 0 (HARD)");

    clock.setInstant(java.time.Instant.parse("2024-04-01T00:00:00Z")); // 08:00, 1 April
    for (int i = 0; i < 10; i++) {
      assertThat(governance.escalate(CENTRE, ids.get(i), "needs the street").level())
          .as("on the 1st, before anything is found in April: March's 100 allow 10")
          .isEqualTo(Level.STREET);
    }
    assertThatThrownBy(() -> governance.escalate(CENTRE, ids.get(10), "needs the street"))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("found 100 in 2024-03 and escalated 10 in 2024-04")
        .hasMessageContaining("quota 0.1 allows 10 (HARD)");
    assertThat(governance.storage().counters().get("escalation:COMMUNITY:330102011002:2024-04"))
        .isEqualTo(10);
  }

  private static org.gridgov.core.incident.IncidentEvent last(GridGovernance g, IncidentId id) {
    var history = g.history(id);
    return history.get(history.size() - 1);
  }
}
