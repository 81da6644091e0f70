package org.gridgov.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.tck.fixtures.Events.GRID_A;
import static org.gridgov.tck.fixtures.Events.GRID_B;
import static org.gridgov.tck.fixtures.Events.LI;
import static org.gridgov.tck.fixtures.Events.T0;
import static org.gridgov.tck.fixtures.Events.WANG;
import static org.gridgov.tck.fixtures.Events.ZHAO;
import static org.gridgov.tck.fixtures.Events.archived;
import static org.gridgov.tck.fixtures.Events.assigned;
import static org.gridgov.tck.fixtures.Events.at;
import static org.gridgov.tck.fixtures.Events.closed;
import static org.gridgov.tck.fixtures.Events.extended;
import static org.gridgov.tck.fixtures.Events.feedback;
import static org.gridgov.tck.fixtures.Events.registered;
import static org.gridgov.tck.fixtures.Events.rejectedAsDuplicate;
import static org.gridgov.tck.fixtures.Events.reported;
import static org.gridgov.tck.fixtures.Events.verified;
import static org.gridgov.tck.fixtures.IncidentBuilder.anIncident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.incident.TimerKind;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.spi.DueTimer;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.territory.AreaCode;
import org.junit.jupiter.api.Test;

/**
 * What the storage TCK does not pin down about this adapter's own indexes: settled stages found by
 * scanning, report instants arriving out of order, timers moving, histories as snapshots.
 */
class InMemoryIncidentStoreTest {
  private final IncidentStore store = InMemoryGridStorage.create().incidents();

  private static List<IncidentId> ids(List<Incident> incidents) {
    return incidents.stream().map(Incident::id).toList();
  }

  private static List<IncidentId> sortedIds(List<String> values) {
    return values.stream().sorted().map(IncidentId::of).toList();
  }

  private void dispatch(String id, int at, WorkerId worker) {
    store.intake(List.of(reported(id, GRID_A), registered(id, 24)));
    store.append(IncidentId.of(id), 2, List.of(assigned(id, at, worker)));
  }

  @Test
  void inStage_settledStages_afterManyClosesAndRejections_sortedById() {
    List<String> closedIds = new ArrayList<>();
    List<String> rejectedIds = new ArrayList<>();
    List<String> dispatchedIds = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String id = "c" + i;
      if (i % 4 == 3) {
        store.intake(List.of(reported(id, GRID_B), rejectedAsDuplicate(id, 1, "c0")));
        rejectedIds.add(id);
        continue;
      }
      dispatch(id, 1, i % 2 == 0 ? WANG : LI);
      if (i % 4 != 2) {
        store.append(
            IncidentId.of(id),
            3,
            List.of(feedback(id, 2, i % 2 == 0 ? WANG : LI), verified(id, 3, ZHAO), closed(id, 4)));
        closedIds.add(id);
      } else {
        dispatchedIds.add(id);
      }
    }

    assertThat(ids(store.inStage(Stage.CLOSED))).containsExactlyElementsOf(sortedIds(closedIds));
    assertThat(store.inStage(Stage.CLOSED))
        .allSatisfy(
            i -> {
              assertThat(i.version()).isEqualTo(6);
              assertThat(i.closedAt()).contains(at(4));
            });
    assertThat(ids(store.inStage(Stage.REJECTED)))
        .containsExactlyElementsOf(sortedIds(rejectedIds));
    assertThat(ids(store.inStage(Stage.DISPATCHED)))
        .containsExactlyElementsOf(sortedIds(dispatchedIds));
    assertThat(store.inStage(Stage.ARCHIVED)).isEmpty();
    assertThat(ids(store.openInGrid(GRID_A))).containsExactlyElementsOf(sortedIds(dispatchedIds));
    assertThat(store.openInGrid(GRID_B)).as("rejected reports are not open").isEmpty();

    store.append(IncidentId.of("c0"), 6, List.of(archived("c0", 5)));
    store.append(IncidentId.of("c3"), 2, List.of(archived("c3", 5)));

    assertThat(ids(store.inStage(Stage.ARCHIVED)))
        .containsExactly(IncidentId.of("c0"), IncidentId.of("c3"));
    assertThat(ids(store.inStage(Stage.CLOSED)))
        .doesNotContain(IncidentId.of("c0"))
        .hasSize(closedIds.size() - 1);
    assertThat(ids(store.inStage(Stage.REJECTED)))
        .doesNotContain(IncidentId.of("c3"))
        .hasSize(rejectedIds.size() - 1);
  }

  @Test
  void countReported_reportsArrivingOutOfOrder_matchesACountOfEveryReport() {
    Random random = new Random(20240304);
    List<Instant> inA = new ArrayList<>();
    List<Instant> inB = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      // whole hours, some repeated, some a nanosecond apart, in no particular order
      Instant reportedAt = at(random.nextInt(100)).plusNanos(random.nextInt(3) == 0 ? 1 : 0);
      AreaCode grid = i % 3 == 0 ? GRID_B : GRID_A;
      (grid.equals(GRID_A) ? inA : inB).add(reportedAt);
      store.intake(anIncident().withId("r" + i).inGrid(grid).reportedAt(reportedAt).build());
    }
    AreaCode community = AreaCode.parse("330102011002");

    for (int k = 0; k < 200; k++) {
      Instant from = at(random.nextInt(110) - 5).plusNanos(random.nextInt(2));
      Instant to = from.plus(Duration.ofHours(random.nextInt(40))).plusNanos(random.nextInt(2));
      long expectedA = inA.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count();
      long expectedB = inB.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count();

      assertThat(store.countReported(GRID_A, from, to))
          .as("A in [%s, %s)", from, to)
          .isEqualTo(expectedA);
      assertThat(store.countReported(community, from, to))
          .as("community in [%s, %s)", from, to)
          .isEqualTo(expectedA + expectedB);
    }
    assertThat(store.countReported(community, Instant.MIN, Instant.MAX)).isEqualTo(400);
  }

  @Test
  void countReported_boundariesToTheNanosecond() {
    store.intake(anIncident().withId("early").reportedAt(T0.plusNanos(5)).build());
    store.intake(anIncident().withId("first").reportedAt(T0).build());
    store.intake(anIncident().withId("same").reportedAt(T0).build());

    assertThat(store.countReported(GRID_A, T0, T0.plusNanos(1))).isEqualTo(2);
    assertThat(store.countReported(GRID_A, T0, T0.plusNanos(5))).isEqualTo(2);
    assertThat(store.countReported(GRID_A, T0.plusNanos(1), T0.plusNanos(6))).isEqualTo(1);
    assertThat(store.countReported(GRID_A, T0.plusNanos(5), T0.plusNanos(5))).isZero();
  }

  @Test
  void dueAt_reordersAfterADeadlineExtension_andDropsAHandledIncident() {
    dispatch("x", 1, WANG); // reply by at(73)
    dispatch("y", 2, WANG); // at(74)
    dispatch("z", 3, LI); // at(75)

    assertThat(dueIds(store.dueAt(at(100), 10))).containsExactly("x", "y", "z");

    store.append(IncidentId.of("x"), 3, List.of(extended("x", 4, at(90))));
    store.append(IncidentId.of("y"), 3, List.of(extended("y", 4, at(75))));

    List<DueTimer> due = store.dueAt(at(100), 10);
    assertThat(dueIds(due)).as("same instant: by id").containsExactly("y", "z", "x");
    assertThat(due)
        .allSatisfy(d -> assertThat(d.timer().kind()).isEqualTo(TimerKind.REPLY_DEADLINE));
    assertThat(due.get(2).timer().dueAt()).isEqualTo(at(90));
    assertThat(dueIds(store.dueAt(at(80), 10))).containsExactly("y", "z");

    store.append(IncidentId.of("z"), 3, List.of(feedback("z", 5, LI)));

    assertThat(dueIds(store.dueAt(at(100), 10))).containsExactly("y", "x");
    assertThat(dueIds(store.claimDue(at(100), 1, "node-a", Duration.ofMinutes(5))))
        .containsExactly("y");
    assertThat(dueIds(store.claimDue(at(100), 10, "node-b", Duration.ofMinutes(5))))
        .containsExactly("x");
  }

  @Test
  void dueAt_manyRandomTimerChanges_agreesWithEveryIncidentsNextTimer() {
    Random random = new Random(7);
    List<IncidentId> all = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String id = "t" + i;
      store.intake(List.of(reported(id, GRID_A), registered(id, 1 + random.nextInt(48))));
      all.add(IncidentId.of(id));
    }
    for (int round = 0; round < 3_000; round++) {
      IncidentId id = all.get(random.nextInt(all.size()));
      Incident incident = store.find(id).orElseThrow();
      String value = id.value();
      int hour = 10 + round / 10; // events of one incident never go back in time
      Instant replyBy = incident.replyBy().orElse(at(hour));
      Instant later =
          (replyBy.isAfter(at(hour)) ? replyBy : at(hour))
              .plus(Duration.ofHours(1 + random.nextInt(30)));
      List<IncidentEvent> next =
          switch (incident.stage()) {
            case REGISTERED -> List.of(assigned(value, hour, random.nextBoolean() ? WANG : LI));
            case DISPATCHED ->
                random.nextInt(3) == 0
                    ? List.of(feedback(value, hour, incident.assignee().orElseThrow()))
                    : List.of(extended(value, hour, later));
            default -> List.of();
          };
      if (!next.isEmpty()) {
        store.append(id, incident.version(), next);
      }
      if (round % 5 == 0) {
        assertDueAsEveryIncidentSays(all, at(random.nextInt(400)), 1 + random.nextInt(300));
      }
    }

    Instant late = at(1_000);
    List<String> everyDue = dueIds(store.dueAt(late, 1_000));
    assertThat(everyDue).hasSizeGreaterThan(10);
    List<String> claimed = new ArrayList<>();
    claimed.addAll(dueIds(store.claimDue(late, everyDue.size() / 2, "a", Duration.ofMinutes(5))));
    claimed.addAll(dueIds(store.claimDue(late, 1_000, "b", Duration.ofMinutes(5))));
    assertThat(claimed)
        .as("two takers, each in due order, never the same incident")
        .containsExactlyElementsOf(everyDue);
    assertThat(store.claimDue(late, 1_000, "c", Duration.ofMinutes(5))).isEmpty();
  }

  private void assertDueAsEveryIncidentSays(List<IncidentId> all, Instant now, int limit) {
    List<String> expected =
        all.stream()
            .map(id -> store.find(id).orElseThrow())
            .filter(i -> i.nextTimer().isPresent() && !i.nextTimer().get().dueAt().isAfter(now))
            .sorted(
                Comparator.<Incident, Instant>comparing(i -> i.nextTimer().get().dueAt())
                    .thenComparing(Incident::id))
            .limit(limit)
            .map(i -> i.id().value())
            .toList();

    assertThat(dueIds(store.dueAt(now, limit)))
        .as("due at %s, limit %s", now, limit)
        .containsExactlyElementsOf(expected);
  }

  @Test
  void openAssignedTo_followsAReassignment() {
    dispatch("x", 1, WANG);
    dispatch("y", 1, WANG);

    store.append(IncidentId.of("x"), 3, List.of(assigned("x", 2, LI)));

    assertThat(ids(store.openAssignedTo(WANG))).containsExactly(IncidentId.of("y"));
    assertThat(ids(store.openAssignedTo(LI))).containsExactly(IncidentId.of("x"));
    assertThat(store.openCounts(List.of(WANG, LI, ZHAO)))
        .containsEntry(WANG, 1)
        .containsEntry(LI, 1)
        .containsEntry(ZHAO, 0);
    assertThat(ids(store.openInGrid(GRID_A)))
        .containsExactly(IncidentId.of("x"), IncidentId.of("y"));
  }

  @Test
  void history_isASnapshot_laterAppendsDoNotChangeIt() {
    store.intake(List.of(reported("x", GRID_A), registered("x", 24)));
    List<IncidentEvent> before = store.history(IncidentId.of("x"));

    store.append(IncidentId.of("x"), 2, List.of(assigned("x", 1, WANG)));

    assertThat(before).hasSize(2);
    assertThat(store.history(IncidentId.of("x")))
        .hasSize(3)
        .startsWith(before.get(0), before.get(1));
    assertThat(before).isUnmodifiable();
  }

  private static List<String> dueIds(List<DueTimer> due) {
    return due.stream().map(d -> d.incident().id().value()).toList();
  }
}
