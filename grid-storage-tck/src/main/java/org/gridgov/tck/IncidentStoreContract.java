package org.gridgov.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.tck.fixtures.Events.GRID_A;
import static org.gridgov.tck.fixtures.Events.GRID_B;
import static org.gridgov.tck.fixtures.Events.LI;
import static org.gridgov.tck.fixtures.Events.WANG;
import static org.gridgov.tck.fixtures.Events.assigned;
import static org.gridgov.tck.fixtures.Events.closed;
import static org.gridgov.tck.fixtures.Events.registered;
import static org.gridgov.tck.fixtures.Events.rejectedAsDuplicate;
import static org.gridgov.tck.fixtures.Events.reported;
import static org.gridgov.tck.fixtures.IncidentBuilder.anIncident;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.ExternalRef;
import org.gridgov.core.incident.IllegalTransitionException;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.spi.Append;
import org.gridgov.core.spi.DuplicateException;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.spi.IntakeResult;
import org.gridgov.core.spi.NotFoundException;
import org.gridgov.core.spi.StaleVersionException;
import org.gridgov.tck.assertions.GridgovAssertions;
import org.junit.jupiter.api.Test;

/** Intake, append, find and history: the event store promises of {@link IncidentStore}. */
public abstract class IncidentStoreContract extends StorageContract {
  private static final IncidentId I1 = IncidentId.of("i1");

  private IncidentStore store() {
    return storage.incidents();
  }

  @Test
  void nullArguments_refusedNamingThem_nothingChanged() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 24)));
    List<IncidentEvent> before = store().history(I1);

    refusedNaming("id", () -> store().find(null));
    refusedNaming("id", () -> store().history(null));
    refusedNaming("id", () -> store().release(null, "node-a"));
    refusedNaming("ref", () -> store().findByExternal(null));
    refusedNaming("grid", () -> store().openInGrid(null));
    refusedNaming("worker", () -> store().openAssignedTo(null));
    refusedNaming("stage", () -> store().inStage(null));
    refusedNaming("workers", () -> store().openCounts(null));
    refusedNaming("worker", () -> store().openCounts(Arrays.asList(WANG, null)));
    refusedNaming("now", () -> store().dueAt(null, 10));
    // both wrong: every store names the limit first (IncidentStore.checkLimit, before anything)
    assertThatThrownBy(() -> store().dueAt(null, 0))
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("limit", InputRules.RANGE));
    assertThatThrownBy(() -> store().claimDue(null, 0, "node-a", java.time.Duration.ofMinutes(5)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("limit", InputRules.RANGE));
    refusedNaming("appends", () -> store().appendAll(null));
    refusedNaming(
        "append",
        () ->
            store()
                .appendAll(
                    Arrays.asList(Append.of(I1, 2, List.of(assigned("i1", 1, WANG))), null)));
    refusedNaming(
        "event", () -> store().append(I1, 2, Arrays.asList(assigned("i1", 1, WANG), null)));
    refusedNaming("event", () -> store().intake(Arrays.asList(reported("i2", GRID_A), null)));

    assertThat(store().history(I1)).isEqualTo(before);
    assertThat(store().count()).isEqualTo(1);
    assertThat(store().find(IncidentId.of("i2"))).isEmpty();
  }

  private static void refusedNaming(String parameter, ThrowingCallable call) {
    assertThatThrownBy(call, "a null %s", parameter)
        .isInstanceOf(NullPointerException.class)
        .hasMessage(parameter);
  }

  @Test
  void intake_thenFindAndHistory_roundTrip() {
    IntakeResult result = store().intake(List.of(reported("i1", GRID_A), registered("i1", 24)));

    assertThat(result.created()).isTrue();
    GridgovAssertions.assertThat(result.incident()).isAt(Stage.REGISTERED).hasVersion(2);
    assertThat(store().find(I1)).contains(result.incident());
    assertThat(store().history(I1)).containsExactly(reported("i1", GRID_A), registered("i1", 24));
    assertThat(store().count()).isEqualTo(1);
  }

  @Test
  void intake_sameExternalRefTwice_isOneIncident() {
    ExternalRef ticket = ExternalRef.of("12345", "BJ-2024-001");
    Incident first =
        store()
            .intake(anIncident().withId("i1").fromTicket("12345", "BJ-2024-001").build())
            .incident();

    IntakeResult again =
        store()
            .intake(
                anIncident()
                    .withId("i2")
                    .inGrid(GRID_B)
                    .fromTicket("12345", "BJ-2024-001")
                    .registered(Duration.ofHours(1))
                    .build());

    assertThat(again.created()).isFalse();
    assertThat(again.incident()).isEqualTo(first);
    assertThat(store().count()).isEqualTo(1);
    assertThat(store().find(IncidentId.of("i2"))).isEmpty();
    assertThat(store().history(I1)).hasSize(1);
    assertThat(store().findByExternal(ticket)).contains(I1);
    assertThat(store().findByExternal(ExternalRef.of("12345", "BJ-2024-002"))).isEmpty();
    assertThat(store().findByExternal(ExternalRef.of("12315", "BJ-2024-001"))).isEmpty();
  }

  @Test
  void intake_duplicateIdWithoutRef_refused() {
    store().intake(List.of(reported("i1", GRID_A)));

    assertThatThrownBy(() -> store().intake(List.of(reported("i1", GRID_B))))
        .isInstanceOf(DuplicateException.class)
        .hasMessage("incident i1 is already stored");
    assertThat(store().find(I1).orElseThrow().grid()).isEqualTo(GRID_A);
  }

  @Test
  void intake_duplicateIdWithNewRef_refusedAndRefNotTaken() {
    store().intake(List.of(reported("i1", GRID_A)));

    assertThatThrownBy(
            () -> store().intake(anIncident().withId("i1").fromTicket("12345", "T-1").build()))
        .isInstanceOf(DuplicateException.class);
    assertThat(store().findByExternal(ExternalRef.of("12345", "T-1"))).isEmpty();
  }

  @Test
  void intake_illegalOpening_storesNothing() {
    assertThatThrownBy(() -> store().intake(List.of(reported("i1", GRID_A), closed("i1", 1))))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> store().intake(List.of(registered("i1", 1))))
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("opening[0]", InputRules.RANGE));
    assertThatThrownBy(() -> store().intake(List.of()))
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("opening", InputRules.RANGE));

    assertThat(store().count()).isZero();
    assertThat(store().find(I1)).isEmpty();
  }

  @Test
  void append_returnsTheStoredState() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 24)));

    Incident appended = store().append(I1, 2, List.of(assigned("i1", 1, WANG)));

    GridgovAssertions.assertThat(appended).isAt(Stage.DISPATCHED).hasVersion(3);
    assertThat(store().find(I1)).contains(appended);
    assertThat(Incident.replay(store().history(I1))).isEqualTo(appended);
  }

  @Test
  void appendAll_oneStale_othersAppendedAndStaleOneUntouched() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 24)));
    store().intake(List.of(reported("i2", GRID_A), registered("i2", 24)));
    store().intake(List.of(reported("i3", GRID_B), registered("i3", 24)));
    store().append(IncidentId.of("i2"), 2, List.of(assigned("i2", 1, LI))); // i2 moves on

    List<Incident> appended =
        store()
            .appendAll(
                List.of(
                    Append.of(I1, 2, List.of(assigned("i1", 2, WANG))),
                    Append.of(IncidentId.of("i2"), 2, List.of(assigned("i2", 2, WANG))),
                    Append.of(IncidentId.of("nope"), 0, List.of(closed("nope", 2))),
                    Append.of(IncidentId.of("i3"), 2, List.of(assigned("i3", 2, WANG)))));

    assertThat(appended).extracting(Incident::id).containsExactly(I1, IncidentId.of("i3"));
    GridgovAssertions.assertThat(appended.get(0)).isAt(Stage.DISPATCHED).hasVersion(3);
    assertThat(store().find(IncidentId.of("i2")).orElseThrow().assignee()).contains(LI);
    assertThat(store().history(IncidentId.of("i2"))).hasSize(3);
    assertThat(store().history(IncidentId.of("i3"))).hasSize(3);
    assertThat(store().openCounts(List.of(WANG))).containsEntry(WANG, 2);
  }

  @Test
  void appendAll_twoAppendsChainedOnOneIncident_bothAppended() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 24)));

    List<Incident> appended =
        store()
            .appendAll(
                List.of(
                    Append.of(I1, 2, List.of(assigned("i1", 2, WANG))),
                    Append.of(I1, 3, List.of(assigned("i1", 3, LI)))));

    assertThat(appended).extracting(Incident::version).containsExactly(3L, 4L);
    assertThat(store().find(I1).orElseThrow().assignee()).contains(LI);
    assertThat(store().history(I1)).hasSize(4);
  }

  @Test
  void append_twoCopiesOfOneVersion_secondIsStaleAndNothingWritten() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 24)));
    store().append(I1, 2, List.of(assigned("i1", 1, WANG)));

    assertThatThrownBy(() -> store().append(I1, 2, List.of(assigned("i1", 2, LI))))
        .isInstanceOf(StaleVersionException.class)
        .hasMessage("incident i1 is at version 3, the writer expected 2")
        .satisfies(
            e -> {
              StaleVersionException stale = (StaleVersionException) e;
              assertThat(stale.kind()).isEqualTo("incident");
              assertThat(stale.id()).isEqualTo("i1");
              assertThat(stale.expectedVersion()).isEqualTo(2);
              assertThat(stale.actualVersion()).isEqualTo(3);
            });
    assertThat(store().find(I1).orElseThrow().assignee()).contains(WANG);
    assertThat(store().history(I1)).hasSize(3);
  }

  @Test
  void append_versionAhead_isStale() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 24)));

    assertThatThrownBy(() -> store().append(I1, 5, List.of(assigned("i1", 1, WANG))))
        .isInstanceOf(StaleVersionException.class);
    assertThat(store().history(I1)).hasSize(2);
  }

  @Test
  void append_negativeExpectedVersion_refusedAsBadInputNamingIt_nothingWritten() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 24)));
    List<IncidentEvent> before = store().history(I1);

    assertThatThrownBy(() -> store().append(I1, -1, List.of(assigned("i1", 1, WANG))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            InputRefusals.refusedAt("expectedVersion", InputRules.RANGE))
        .hasMessageContaining("expectedVersion: must not be negative, was -1");
    assertThatThrownBy(
            () ->
                store()
                    .append(IncidentId.of("i9"), Long.MIN_VALUE, List.of(assigned("i9", 1, WANG))))
        .as("refused before the incident is looked up")
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            InputRefusals.refusedAt("expectedVersion", InputRules.RANGE));

    assertThat(store().history(I1)).isEqualTo(before);
    assertThat(store().find(I1).orElseThrow().version()).isEqualTo(2);
    assertThat(store().openAssignedTo(WANG)).isEmpty();
  }

  @Test
  void append_illegalEventInBatch_writesNoneOfTheBatch() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 24)));

    assertThatThrownBy(
            () -> store().append(I1, 2, List.of(assigned("i1", 1, WANG), closed("i1", 2))))
        .isInstanceOf(IllegalTransitionException.class);

    assertThat(store().history(I1)).hasSize(2);
    assertThat(store().find(I1).orElseThrow().version()).isEqualTo(2);
    assertThat(store().openAssignedTo(WANG)).isEmpty();
  }

  @Test
  void append_eventOfAnotherIncident_refused() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 24)));
    store().intake(List.of(reported("i2", GRID_A), registered("i2", 24)));

    assertThatThrownBy(() -> store().append(I1, 2, List.of(assigned("i2", 1, WANG))))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(store().history(I1)).hasSize(2);
  }

  @Test
  void append_emptyBatch_refused() {
    store().intake(List.of(reported("i1", GRID_A)));

    assertThatThrownBy(() -> store().append(I1, 1, List.of()))
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("events", InputRules.RANGE));
    assertThatThrownBy(() -> store().append(I1, 1, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("events");
    assertThat(store().history(I1)).hasSize(1);
  }

  @Test
  void history_isTheCallersToKeep_laterAppendsAndChangesDoNotShowThrough() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 0)));
    List<IncidentEvent> first = store().history(I1);

    store().append(I1, 2, List.of(assigned("i1", 1, WANG)));
    assertThat(first).as("a history read before an append").hasSize(2);
    try {
      first.clear(); // a copy may be changed, an unmodifiable list refuses: either is fine
    } catch (UnsupportedOperationException unmodifiable) {
      // fine
    }

    assertThat(store().history(I1)).as("the stored history after the caller's change").hasSize(3);
  }

  @Test
  void append_unknownIncident_notFound() {
    assertThatThrownBy(() -> store().append(IncidentId.of("nope"), 0, List.of(closed("nope", 1))))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("no incident nope");
    assertThatThrownBy(
            () -> store().history(IncidentId.of("nope")),
            "history of an unknown incident throws NotFoundException(\"incident\", id)")
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((NotFoundException) e).id()).isEqualTo("nope"));
    assertThat(store().find(IncidentId.of("nope"))).isEmpty();
  }

  /**
   * A report rejected at registration is kept, and so is the external reference it came in under:
   * an adapter that forgets the reference when the report is rejected (or files references only for
   * accepted reports) takes the hotline's redelivery of the same ticket in as a new incident.
   */
  @Test
  void intake_sameRefAfterTheFirstReportWasRejected_stillOneIncident() {
    ExternalRef ticket = ExternalRef.of("12345", "BJ-2024-007");
    store().intake(anIncident().withId("i1").fromTicket("12345", "BJ-2024-007").build());
    Incident rejected = store().append(I1, 1, List.of(rejectedAsDuplicate("i1", 1, "i0")));

    assertThat(store().findByExternal(ticket)).as("the rejected report's ticket").contains(I1);
    IntakeResult again =
        store().intake(anIncident().withId("i2").fromTicket("12345", "BJ-2024-007").build());

    assertThat(again.created()).isFalse();
    assertThat(again.incident()).isEqualTo(rejected);
    assertThat(store().count()).isEqualTo(1);
    assertThat(store().find(IncidentId.of("i2"))).isEmpty();
    assertThat(store().findByExternal(ticket)).contains(I1);
  }

  /**
   * An append naming the version just after the stored one is as stale as one further ahead: an
   * adapter whose version check is off by one (comparing with the index of the last event, or with
   * {@code <=}) appends after a version the writer never saw. {@link #append_versionAhead_isStale}
   * names a version three ahead, which such a check still refuses.
   */
  @Test
  void append_versionOneAhead_isStaleAndNothingWritten() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 24)));

    assertThatThrownBy(() -> store().append(I1, 3, List.of(assigned("i1", 1, WANG))))
        .isInstanceOf(StaleVersionException.class)
        .hasMessage("incident i1 is at version 2, the writer expected 3");
    assertThat(store().appendAll(List.of(Append.of(I1, 3, List.of(assigned("i1", 1, WANG))))))
        .as("skipped by appendAll")
        .isEmpty();

    assertThat(store().history(I1)).hasSize(2);
    assertThat(store().find(I1).orElseThrow().version()).isEqualTo(2);
    assertThat(store().openAssignedTo(WANG)).isEmpty();
  }

  /**
   * The list {@link IncidentStore#history} returns is no view of what the store holds: an adapter
   * that hands out its own event array ({@code Arrays.asList(events).subList(...)}, which refuses
   * {@code clear()} but not {@code set}) lets a caller's change rewrite the stored history.
   */
  @Test
  void history_callerReplacingAnEvent_storedHistoryUnchanged() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 24)));
    List<IncidentEvent> read = store().history(I1);

    try {
      read.set(1, registered("i1", 48)); // a copy may be changed, an unmodifiable list refuses
    } catch (UnsupportedOperationException unmodifiable) {
      // fine
    }

    assertThat(store().history(I1))
        .as("the stored history after the caller's change")
        .containsExactly(reported("i1", GRID_A), registered("i1", 24));
    store().append(I1, 2, List.of(assigned("i1", 1, WANG)));
    assertThat(store().history(I1))
        .startsWith(reported("i1", GRID_A), registered("i1", 24))
        .hasSize(3);
  }
}
