package org.gridgov.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.storage.memory.Fixtures.*;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.incident.ExternalRef;
import org.gridgov.core.incident.IllegalTransitionException;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.incident.TimerKind;
import org.gridgov.core.spi.DueTimer;
import org.gridgov.core.spi.DuplicateException;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.spi.IntakeResult;
import org.gridgov.core.spi.NotFoundException;
import org.gridgov.core.spi.StaleVersionException;
import org.gridgov.core.territory.AreaCode;
import org.junit.jupiter.api.Test;

class InMemoryIncidentStoreTest {
  private final IncidentStore store = new InMemoryIncidentStore();

  @Test
  void intake_thenFindAndHistory_roundTrip() {
    IntakeResult result = store.intake(List.of(reported("i1", GRID_A), registered("i1", 24)));

    assertThat(result.created()).isTrue();
    assertThat(result.incident().stage()).isEqualTo(Stage.REGISTERED);
    assertThat(store.find(IncidentId.of("i1"))).contains(result.incident());
    assertThat(store.history(IncidentId.of("i1")))
        .containsExactly(reported("i1", GRID_A), registered("i1", 24));
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void intake_sameExternalRefTwice_isOneIncident() {
    Optional<ExternalRef> ticket = Optional.of(ExternalRef.of("12345", "BJ-2024-001"));
    store.intake(List.of(reported("i1", GRID_A, ticket)));

    IntakeResult again = store.intake(List.of(reported("i2", GRID_B, ticket)));

    assertThat(again.created()).isFalse();
    assertThat(again.incident().id()).isEqualTo(IncidentId.of("i1"));
    assertThat(store.count()).isEqualTo(1);
    assertThat(store.find(IncidentId.of("i2"))).isEmpty();
    assertThat(store.findByExternal(ticket.get())).contains(IncidentId.of("i1"));
  }

  @Test
  void intake_duplicateIdWithoutRef_refused() {
    store.intake(List.of(reported("i1", GRID_A)));

    assertThatThrownBy(() -> store.intake(List.of(reported("i1", GRID_B))))
        .isInstanceOf(DuplicateException.class)
        .hasMessage("incident i1 is already stored");
    assertThat(store.find(IncidentId.of("i1")).orElseThrow().grid()).isEqualTo(GRID_A);
  }

  @Test
  void intake_illegalOpening_storesNothing() {
    assertThatThrownBy(() -> store.intake(List.of(reported("i1", GRID_A), closed("i1", 1))))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> store.intake(List.of(registered("i1", 1))))
        .hasMessageContaining("starts with an IncidentReported");

    assertThat(store.count()).isZero();
  }

  @Test
  void append_staleVersion_conflictAndNothingWritten() {
    store.intake(List.of(reported("i1", GRID_A), registered("i1", 24)));
    store.append(IncidentId.of("i1"), 2, List.of(assigned("i1", 1, WANG)));

    assertThatThrownBy(() -> store.append(IncidentId.of("i1"), 2, List.of(assigned("i1", 2, LI))))
        .isInstanceOf(StaleVersionException.class)
        .hasMessage("incident i1 is at version 3, the writer expected 2")
        .satisfies(e -> assertThat(((StaleVersionException) e).actualVersion()).isEqualTo(3));
    assertThat(store.find(IncidentId.of("i1")).orElseThrow().assignee()).contains(WANG);
    assertThat(store.history(IncidentId.of("i1"))).hasSize(3);
  }

  @Test
  void append_illegalEventInBatch_writesNoneOfTheBatch() {
    store.intake(List.of(reported("i1", GRID_A), registered("i1", 24)));

    assertThatThrownBy(() -> store.append(IncidentId.of("i1"), 2,
        List.of(assigned("i1", 1, WANG), closed("i1", 2))))
        .isInstanceOf(IllegalTransitionException.class);

    assertThat(store.history(IncidentId.of("i1"))).hasSize(2);
    assertThat(store.openAssignedTo(WANG)).isEmpty();
  }

  @Test
  void append_unknownIncident_notFound() {
    assertThatThrownBy(() -> store.append(IncidentId.of("nope"), 0, List.of(closed("nope", 1))))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("no incident nope");
    assertThatThrownBy(() -> store.history(IncidentId.of("nope")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void queries_followStateChanges() {
    store.intake(List.of(reported("i1", GRID_A), registered("i1", 24)));
    store.intake(List.of(reported("i2", GRID_A), registered("i2", 24)));
    store.intake(List.of(reported("i3", GRID_B), registered("i3", 24)));
    store.append(IncidentId.of("i1"), 2, List.of(assigned("i1", 1, WANG)));
    store.append(IncidentId.of("i2"), 2, List.of(assigned("i2", 1, WANG)));

    assertThat(store.openInGrid(GRID_A)).extracting(Incident::id)
        .containsExactly(IncidentId.of("i1"), IncidentId.of("i2"));
    assertThat(store.openAssignedTo(WANG)).hasSize(2);
    assertThat(store.openCounts(List.of(WANG, LI))).containsEntry(WANG, 2).containsEntry(LI, 0);
    assertThat(store.inStage(Stage.REGISTERED)).extracting(Incident::id)
        .containsExactly(IncidentId.of("i3"));

    store.append(IncidentId.of("i1"), 3, List.of(feedback("i1", 2, WANG), verified("i1", 3, LI),
        closed("i1", 4)));

    assertThat(store.openInGrid(GRID_A)).extracting(Incident::id)
        .containsExactly(IncidentId.of("i2"));
    assertThat(store.openCounts(List.of(WANG))).containsEntry(WANG, 1);
    assertThat(store.inStage(Stage.CLOSED)).extracting(Incident::id)
        .containsExactly(IncidentId.of("i1"));
  }

  @Test
  void dueAt_returnsDueTimersEarliestFirstUpToLimit() {
    store.intake(List.of(reported("late", GRID_A), registered("late", 30)));
    store.intake(List.of(reported("early", GRID_A), registered("early", 10)));
    store.intake(List.of(reported("future", GRID_A), registered("future", 50)));

    List<DueTimer> due = store.dueAt(at(40), 10);

    assertThat(due).extracting(d -> d.incident().id().value()).containsExactly("early", "late");
    assertThat(due.get(0).timer().kind()).isEqualTo(TimerKind.CLAIM_WINDOW);
    assertThat(store.dueAt(at(40), 1)).hasSize(1);
    assertThatThrownBy(() -> store.dueAt(at(40), 0)).hasMessageContaining("limit");
  }

  @Test
  void claimDue_leasesUntilAppendReleaseOrExpiry() {
    store.intake(List.of(reported("i1", GRID_A), registered("i1", 10)));
    Duration lease = Duration.ofMinutes(5);

    assertThat(store.claimDue(at(11), 10, "node-a", lease)).hasSize(1);
    assertThat(store.claimDue(at(11), 10, "node-b", lease)).isEmpty();
    assertThat(store.claimDue(at(11).plus(lease), 10, "node-b", lease)).hasSize(1);

    store.release(IncidentId.of("i1"), "node-a"); // not node-a's lease any more: no effect
    assertThat(store.claimDue(at(11).plus(lease), 10, "node-a", lease)).isEmpty();
    store.release(IncidentId.of("i1"), "node-b");
    assertThat(store.claimDue(at(11).plus(lease), 10, "node-a", lease)).hasSize(1);

    store.append(IncidentId.of("i1"), 2, List.of(supervised("i1", 11, "pending")));
    assertThat(store.claimDue(at(11).plus(lease), 10, "node-b", lease))
        .as("an append ends the lease").hasSize(1);
  }

  @Test
  void countReported_countsGridsInsideTheUnitWithinThePeriod() {
    store.intake(List.of(reported("a1", GRID_A)));
    store.intake(List.of(reported("a2", GRID_A)));
    store.intake(List.of(reported("b1", GRID_B)));
    AreaCode community = AreaCode.parse("330102011002");
    AreaCode otherCommunity = AreaCode.parse("330102011003");

    assertThat(store.countReported(GRID_A, T0, at(1))).isEqualTo(2);
    assertThat(store.countReported(community, T0, at(1))).isEqualTo(3);
    assertThat(store.countReported(AreaCode.parse("330102011"), T0, at(1))).isEqualTo(3);
    assertThat(store.countReported(otherCommunity, T0, at(1))).isZero();
    assertThat(store.countReported(community, at(1), at(2))).as("period excludes T0").isZero();
    assertThat(store.countReported(community, T0, T0)).as("the end is exclusive").isZero();
    assertThatThrownBy(() -> store.countReported(community, at(2), at(1)))
        .hasMessageContaining("must not end");
  }
}
