package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.governance.Town.*;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.gridgov.core.Directory;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.people.Roster;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.spi.DuplicateException;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * The facade's edges: a missing argument of a public entry point, a period no policy covers, a SOFT
 * quota note that would overflow the reason, a build that fails without writing, an advance too
 * late for its leases, and a reason refused under its own command's name.
 */
class FacadeEdgesTest {
  private final MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);

  private static PolicySet policy(String mode, int bounceLimit) {
    return PolicyLoader.fromYaml(
        new StringReader(
            """
        id: review-h5
        version: 1
        effectiveFrom: 2024-01-01
        zone: Asia/Shanghai
        source: "test"
        dispatch: { claimWindow: 24h, replyWithin: 72h, supervisionAfter: 24h }
        returns: { bounceLimit: %d }
        verification: { maxReworks: 3 }
        escalation: { mode: %s, quota: { GRID: 0.1 } }
        """
                .formatted(bounceLimit, mode)),
        "review-h5.yaml");
  }

  @Test
  void escalate_softQuotaOverWithAReasonOfMaxLength_storedNotIllegalArgument() {
    GridStorage storage = InMemoryGridStorage.create();
    GridGovernance g = governance(storage, clock, policy("SOFT", 2));
    IncidentId id = reportAndRegister(g, GRID_1, VENDING); // found 1, quota 0.1: limit 0

    var after = g.escalate(CENTRE, id, "x".repeat(4000)); // a reason the facade accepts

    assertThat(after.level()).isEqualTo(org.gridgov.core.territory.Level.COMMUNITY);
    assertThat(g.history(id))
        .last()
        .isInstanceOfSatisfying(
            org.gridgov.core.incident.IncidentEscalated.class,
            e -> {
              assertThat(e.overQuota()).as("the excess is recorded by the flag").isTrue();
              assertThat(e.reason()).isEqualTo("x".repeat(4000));
            });
    assertThat(storage.counters().get("escalation:GRID:330102011002001:2024-03")).isEqualTo(1);
  }

  @Test
  void report_advance_history_null_invalidInputNamingTheField() {
    GridGovernance g = governance(clock, Presets.kaixuan());
    assertThatThrownBy(() -> g.report(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("report: is required");
    assertThatThrownBy(() -> g.advance(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("now: is required");
    assertThatThrownBy(() -> g.history(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("id: is required");
    assertThatThrownBy(() -> g.require(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("id: is required");
    assertThatThrownBy(() -> g.find(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("id: is required");
  }

  @Test
  void settlement_periodBeforeAnyPolicyVersion_invalidInputNamingTo() {
    GridGovernance g = governance(clock, Presets.kaixuan());
    assertThatThrownBy(
            () ->
                g.settlement(
                    Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2000-02-01T00:00:00Z")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("to: ")
        .hasMessageContaining("[input.range]");
  }

  @Test
  void build_conflictingPolicyVersion_refusedWithoutSavingItsDirectory() {
    GridStorage storage = InMemoryGridStorage.create();
    GridGovernance first = governance(storage, clock, policy("HARD", 2));
    long revision = storage.directory().revision();
    Directory emptyRoster = Directory.of(first.directory().territory(), Roster.of(List.of()));

    assertThatThrownBy(
            () ->
                GridGovernance.builder()
                    .storage(storage)
                    .directory(emptyRoster)
                    .policy(policy("HARD", 5))
                    .clock(clock)
                    .node("node-2")
                    .build())
        .isInstanceOf(DuplicateException.class);
    assertThat(storage.directory().revision()).as("directory revision").isEqualTo(revision);
    assertThat(first.refreshDirectory()).as("node 1 takes up the failed node's roster").isFalse();
  }

  @Test
  void advance_nowBeforeTheEarliestOrLeasingPastTheLatestStoredInstant_invalidInputNamingNow() {
    GridStorage storage = InMemoryGridStorage.create();
    GridGovernance g = governance(storage, clock, Presets.kaixuan());
    IncidentId id = reportAndRegister(g, GRID_1, VENDING);
    Instant nearTheEnd = org.gridgov.core.incident.IncidentEvent.MAX_INSTANT.minusSeconds(60);

    // an hour before the end: the lease fits, but the assignment it makes would be due after it
    Instant anHourBefore = org.gridgov.core.incident.IncidentEvent.MAX_INSTANT.minusSeconds(3600);
    for (Instant now :
        List.of(
            nearTheEnd,
            anHourBefore,
            Instant.parse("+999999-01-01T00:00:00Z"),
            Instant.MAX,
            Instant.MIN,
            Instant.parse("1899-12-31T23:59:59Z"))) {
      assertThatThrownBy(() -> g.advance(now))
          .as("advance(%s)", now)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("command advance")
          .hasMessageContaining("now: ")
          .hasMessageContaining("[input.range]");
    }
    assertThat(g.history(id)).hasSize(2);
    assertThat(
            storage.incidents().claimDue(hours(25), 10, "other", java.time.Duration.ofMinutes(5)))
        .as("no lease taken by the refused rounds")
        .hasSize(1);
  }

  @Test
  void build_leaseLongerThanTheStoredInstantsSpan_invalidInputNamingLease() {
    assertThatThrownBy(
            () -> GridGovernance.builder().lease(java.time.Duration.ofDays(365L * 20_000)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("lease: ")
        .hasMessageContaining("[input.range]");
  }

  @Test
  void policyAt_null_invalidInputNamingTheInstant() {
    GridGovernance g = governance(clock, Presets.kaixuan());
    assertThatThrownBy(() -> g.policyAt(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("command policyAt")
        .hasMessageContaining("instant: is required");
  }

  @Test
  void builderPolicy_null_namesThePolicy() {
    assertThatThrownBy(() -> GridGovernance.builder().policy((PolicySet) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("policy");
    assertThatThrownBy(() -> GridGovernance.builder().policy((PolicySet[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("policy");
    assertThatThrownBy(
            () -> GridGovernance.builder().policy((org.gridgov.core.policy.PolicyTimeline) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("policy");
  }

  @Test
  void builderPolicy_aVersionThatBreaksItsRules_refusedAsAVersionOrInATimeline() {
    PolicySet k = Presets.kaixuan();
    PolicySet unsourced =
        new PolicySet(
            k.id(),
            2,
            k.effectiveFrom().plusSeconds(86_400),
            k.zone(),
            " ",
            k.dispatch(),
            k.returns(),
            k.verification(),
            k.escalation(),
            k.targets(),
            k.pay());
    var timeline = org.gridgov.core.policy.PolicyTimeline.of(List.of(k, unsourced));

    assertThatThrownBy(() -> GridGovernance.builder().policy(k, unsourced))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("source");
    assertThatThrownBy(() -> GridGovernance.builder().policy(timeline))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("source");
  }

  @Test
  void reasonThatCannotBeStored_refusedNamingTheCommandNotReason() {
    GridStorage storage = InMemoryGridStorage.create();
    GridGovernance g = governance(storage, clock, Presets.kaixuan());
    IncidentId id = reportAndRegister(g, GRID_1, VENDING);
    String bad = "a\u0000b";

    assertThatThrownBy(() -> g.escalate(CENTRE, id, bad))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("command escalate")
        .hasMessageContaining("reason: ")
        .hasMessageContaining("[input.format]");
    assertThatThrownBy(() -> g.supervise(CENTRE, id, bad))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("command supervise")
        .hasMessageContaining("reason: ");
    IncidentId reported = g.report(patrol(GRID_1, VENDING).build()).incident().id();
    assertThatThrownBy(
            () ->
                g.register(
                    CENTRE, reported, java.util.Optional.empty(), java.util.Optional.empty(), bad))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("command register");
    assertThat(g.history(id)).hasSize(2);
    assertThat(g.history(reported)).hasSize(1);
  }
}
