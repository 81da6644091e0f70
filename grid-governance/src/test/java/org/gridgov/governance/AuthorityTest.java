package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.governance.Town.*;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * A category outside the grid's authority (the grid may close only E05 here) goes up before anyone
 * works on it: a case handled and verified where it cannot be closed could move no further.
 */
class AuthorityTest {
  private static final PolicySet GRID_CLOSES_E06_ONLY =
      policy(1, "2024-01-01", "authority: { GRID: [E05] }");

  /** A HARD one-in-ten policy version, with {@code authority} (a line under escalation) if any. */
  private static PolicySet policy(int version, String effectiveFrom, String authority) {
    return PolicyLoader.fromYaml(
        new StringReader(
            """
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
        """
                .formatted(version, effectiveFrom, authority)),
        "authority-v" + version + ".yaml");
  }

  private final MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
  private final GridGovernance governance = governance(clock, GRID_CLOSES_E06_ONLY);

  @Test
  void categoryOutsideTheGrid_noClaimAtTheGrid_passedUpUncountedAndClosedAbove() {
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
    Incident registered = governance.require(id);
    assertThat(registered.claimUntil())
        .as("no claim window where nobody may handle it")
        .contains(registered.registeredAt().orElseThrow());

    assertThatThrownBy(() -> governance.claim(A, id))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("OUTSIDE_AUTHORITY");
    AdvanceResult round = governance.advance(hours(0));

    Incident up = governance.require(id);
    assertThat(round.escalated()).isEqualTo(1);
    assertThat(up.level()).isEqualTo(Level.COMMUNITY);
    assertThat(up.stage()).isEqualTo(Stage.DISPATCHED);
    assertThat(governance.history(id))
        .filteredOn(IncidentEscalated.class::isInstance)
        .extracting(e -> ((IncidentEscalated) e).kind())
        .containsExactly(EscalationKind.OUTSIDE_AUTHORITY);
    assertThat(governance.storage().counters().get("escalation:GRID:330102011002001:2024-03"))
        .as("not counted against the grid's quota")
        .isZero();

    governance.feedback(up.assignee().orElseThrow(), id, "done");
    governance.verify(SUPERVISOR, id, true, "checked");
    assertThat(governance.close(CENTRE, id, "").stage()).isEqualTo(Stage.CLOSED);
  }

  @Test
  void caseOutsideTheGridsNewAuthority_escalatedUncountedNotRefusedByTheQuota() {
    // v1 lets the grid close everything; v2, from 5 March, only E05
    PolicySet v1 = policy(1, "2024-01-01", "");
    PolicySet v2 = policy(2, "2024-03-05", "authority: { GRID: [E05] }");
    MutableClock versionClock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance versioned =
        GridGovernance.builder()
            .storage(org.gridgov.storage.memory.InMemoryGridStorage.create())
            .directory(directory())
            .policy(v1, v2)
            .clock(versionClock)
            .build();
    IncidentId id = reportAndRegister(versioned, GRID_1, VENDING);
    versioned.claim(A, id);

    versionClock.setInstant(
        Instant.parse("2024-03-05T02:00:00Z")); // v2 in force: the grid may not close E04
    Incident up =
        versioned.escalate(
            org.gridgov.core.incident.Actor.worker(A), id, "the grid may no longer close this");

    assertThat(up.level()).isEqualTo(Level.COMMUNITY);
    var history = versioned.history(id);
    assertThat(((IncidentEscalated) history.get(history.size() - 1)).kind())
        .isEqualTo(EscalationKind.OUTSIDE_AUTHORITY);
    assertThat(versioned.storage().counters().get("escalation:GRID:330102011002001:2024-03"))
        .isZero();
  }

  /** v1 lets the grid close everything; v2, from 5 March 2024 (10:00 UTC), only E05. */
  private static GridGovernance narrowedOnTheFifth(MutableClock versionClock) {
    return GridGovernance.builder()
        .storage(org.gridgov.storage.memory.InMemoryGridStorage.create())
        .directory(directory())
        .policy(
            policy(1, "2024-01-01", ""),
            policy(2, "2024-03-05T10:00:00Z", "authority: { GRID: [E05] }"))
        .clock(versionClock)
        .build();
  }

  private static final Instant NARROWED = Instant.parse("2024-03-05T10:00:00Z");

  @Test
  void caseTakenOnBeforeTheNarrowing_verifiedBeforeIt_closedAtItsLevelAfterIt() {
    MutableClock versionClock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance versioned = narrowedOnTheFifth(versionClock);
    IncidentId id = reportAndRegister(versioned, GRID_1, VENDING);
    versioned.claim(A, id); // lawful under v1
    versioned.feedback(A, id, "stall moved on");
    versioned.verify(SUPERVISOR, id, true, "checked");

    versionClock.setInstant(NARROWED.plusSeconds(3600)); // v2 in force: the grid may not close E04
    assertThat(versioned.policyAt(versionClock.instant()).version()).isEqualTo(2);
    Incident closed = versioned.close(CENTRE, id, "");

    assertThat(closed.stage()).isEqualTo(Stage.CLOSED);
    assertThat(closed.level()).isEqualTo(Level.GRID);
    assertThat(closed.closedAt()).contains(NARROWED.plusSeconds(3600));
  }

  @Test
  void caseTakenOnBeforeTheNarrowing_handledAndReworkedAfterIt_stillClosedAtItsLevel() {
    MutableClock versionClock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance versioned = narrowedOnTheFifth(versionClock);
    IncidentId id = reportAndRegister(versioned, GRID_1, VENDING);
    versioned.claim(A, id);

    versionClock.setInstant(NARROWED.plusSeconds(60));
    versioned.feedback(A, id, "stall moved on");
    Incident rework = versioned.verify(SUPERVISOR, id, false, "back the next morning");
    assertThat(rework.stage()).isEqualTo(Stage.DISPATCHED);
    assertThat(rework.assignee()).contains(A);
    versionClock.setInstant(NARROWED.plusSeconds(7200));
    versioned.feedback(A, id, "stall gone for good");
    versioned.verify(SUPERVISOR, id, true, "checked again");

    assertThat(versioned.close(CENTRE, id, "").stage())
        .as("rework is the same taking-on, under v1")
        .isEqualTo(Stage.CLOSED);
  }

  @Test
  void caseReassignedAfterTheNarrowing_isANewTakingOn_refusedUnderTheNewAuthority() {
    MutableClock versionClock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance versioned = narrowedOnTheFifth(versionClock);
    IncidentId id = reportAndRegister(versioned, GRID_1, VENDING);
    versioned.claim(A, id);

    versionClock.setInstant(NARROWED.plusSeconds(60));
    assertThatThrownBy(() -> versioned.assign(CENTRE, id, B, URBAN, "A is away"))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("OUTSIDE_AUTHORITY")
        .hasMessageContaining(id.toString())
        .hasMessageContaining("escalation.authority");
    assertThat(versioned.require(id).assignee()).as("nothing stored").contains(A);

    // A, who took it on under v1, still finishes it at the grid
    versioned.feedback(A, id, "stall moved on");
    versioned.verify(SUPERVISOR, id, true, "checked");
    assertThat(versioned.close(CENTRE, id, "").stage()).isEqualTo(Stage.CLOSED);
  }

  /**
   * A node takes a case on under the versions it knows while another node has saved one, in force
   * since before, that narrows the authority. The store's version at the taking-on would refuse the
   * close; the taking-on was decided under the earlier one, which lets the grid close it, so the
   * case closes instead of waiting in VERIFIED, where close is the only step.
   */
  @Test
  void closeAfterANarrowingVersionTheNodeTookUpLate_closedUnderTheVersionItWasTakenOnUnder() {
    MutableClock versionClock = MutableClock.of(NINE, ZoneOffset.UTC);
    org.gridgov.core.spi.GridStorage storage =
        org.gridgov.storage.memory.InMemoryGridStorage.create();
    GridGovernance node =
        GridGovernance.builder()
            .storage(storage)
            .directory(directory())
            .policy(policy(1, "2024-01-01", ""))
            .clock(versionClock)
            .build();
    IncidentId id = reportAndRegister(node, GRID_1, VENDING);
    Instant anHourBefore = NINE.minusSeconds(3600);
    storage.policies().save(policy(2, anHourBefore.toString(), "authority: { GRID: [E05] }"));
    node.claim(A, id); // this node has not taken up v2 yet
    node.feedback(A, id, "stall moved on");
    node.verify(SUPERVISOR, id, true, "checked");
    try (CapturedLog log = CapturedLog.start()) {
      assertThat(node.refreshPolicy()).isTrue();
      assertThat(log.messages(java.util.logging.Level.WARNING))
          .as("taken up late, logged")
          .containsExactly(
              "policy authority-test v2 took effect at "
                  + anHourBefore
                  + ", before"
                  + " this node took it up at "
                  + NINE
                  + ": the commands it ran in between were"
                  + " decided under the version before");
      storage.policies().save(policy(3, NINE.plusSeconds(60).toString(), ""));
      assertThat(node.refreshPolicy()).isTrue();
      assertThat(log.at(java.util.logging.Level.WARNING))
          .as("one dated ahead is not late")
          .hasSize(1);
    }
    assertThat(node.policyAt(node.require(id).takenOnAt().orElseThrow()).version())
        .as("the store's version at the taking-on")
        .isEqualTo(2);

    assertThat(node.close(CENTRE, id, "").stage()).isEqualTo(Stage.CLOSED);
  }

  /**
   * A case taken on at a level that no version lets close it (here written to the store by another
   * writer, as no command of the facade takes one on there) is refused, naming the taking-on, and
   * nothing is stored.
   */
  @Test
  void closeWhereNoVersionEverLetTheLevelCloseIt_refusedOutsideAuthorityNothingStored() {
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
    Incident registered = governance.require(id);
    governance
        .storage()
        .incidents()
        .append(
            id,
            registered.version(),
            java.util.List.of(
                new org.gridgov.core.incident.IncidentClaimed(
                    id,
                    org.gridgov.core.incident.Actor.worker(A),
                    NINE,
                    "",
                    A,
                    NINE.plusSeconds(72 * 3600))));
    governance.feedback(A, id, "stall moved on");
    governance.verify(SUPERVISOR, id, true, "checked");
    long version = governance.require(id).version();

    assertThatThrownBy(() -> governance.close(CENTRE, id, ""))
        .isInstanceOfSatisfying(
            CommandRefusedException.class,
            e -> {
              assertThat(e.code()).isEqualTo("OUTSIDE_AUTHORITY");
              assertThat(e.step()).isEqualTo(org.gridgov.core.incident.Step.CLOSE);
            })
        .hasMessageContaining(
            "under the policy in force when incident "
                + id
                + " was taken on there (takenOnAt "
                + NINE
                + ")");
    assertThat(governance.require(id).version()).as("nothing stored").isEqualTo(version);
    assertThat(governance.require(id).stage()).isEqualTo(Stage.VERIFIED);
  }

  @Test
  void caseTakenOnAfterTheNarrowing_followsTheNewAuthority() {
    MutableClock versionClock = MutableClock.of(NARROWED.plusSeconds(60), ZoneOffset.UTC);
    GridGovernance versioned = narrowedOnTheFifth(versionClock);
    IncidentId id = reportAndRegister(versioned, GRID_1, VENDING);

    assertThatThrownBy(() -> versioned.claim(A, id))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("OUTSIDE_AUTHORITY");
    versioned.advance(versionClock.instant());
    assertThat(versioned.require(id).level()).isEqualTo(Level.COMMUNITY);
  }
}
