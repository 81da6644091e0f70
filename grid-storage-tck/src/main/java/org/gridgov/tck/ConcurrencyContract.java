package org.gridgov.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.tck.fixtures.Events.GRID_A;
import static org.gridgov.tck.fixtures.Events.WANG;
import static org.gridgov.tck.fixtures.Events.assigned;
import static org.gridgov.tck.fixtures.Events.at;
import static org.gridgov.tck.fixtures.Events.registered;
import static org.gridgov.tck.fixtures.Events.reported;
import static org.gridgov.tck.fixtures.Events.supervised;
import static org.gridgov.tck.fixtures.IncidentBuilder.anIncident;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.spi.DueTimer;
import org.gridgov.core.spi.DuplicateException;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.spi.IntakeResult;
import org.gridgov.core.spi.NotFoundException;
import org.gridgov.core.spi.StaleVersionException;
import org.junit.jupiter.api.Test;

/** Several threads on one store: appends, intakes and takers of due work racing each other. */
public abstract class ConcurrencyContract extends StorageContract {
  private static final int THREADS = 8;

  /** Commands each of the 8 threads sends in the append race; 1,000 unless overridden. */
  protected int commandsPerThread() {
    return 1_000;
  }

  /** Due incidents raced for by the 8 takers; 500 unless overridden. */
  protected int dueIncidents() {
    return 500;
  }

  private IncidentStore store() {
    return storage.incidents();
  }

  @Test
  void commands_eightThreads_noEventLostOrDuplicated() throws Exception {
    int hot = 16;
    for (int n = 0; n < hot; n++) {
      store().intake(List.of(reported("hot" + n, GRID_A), registered("hot" + n, 24)));
    }
    List<String> appended = Collections.synchronizedList(new ArrayList<>());
    Races.run(
        THREADS,
        commandsPerThread(),
        (thread, i) -> {
          String command = "t" + thread + "-" + i;
          if (i % 10 == 0) {
            store()
                .intake(anIncident().withId("new-" + command).fromTicket("12345", command).build());
            return;
          }
          IncidentId id = IncidentId.of("hot" + ((thread * 7 + i) % hot));
          while (true) {
            long seen = store().find(id).orElseThrow().version();
            try {
              store().append(id, seen, List.of(supervised(id.value(), 1, command)));
              appended.add(command);
              return;
            } catch (StaleVersionException conflict) {
              assertThat(conflict.actualVersion()).isGreaterThan(seen);
            }
          }
        });

    List<String> stored = new ArrayList<>();
    long versions = 0;
    for (int n = 0; n < hot; n++) {
      List<IncidentEvent> history = store().history(IncidentId.of("hot" + n));
      history
          .subList(2, history.size())
          .forEach(e -> stored.add(((IncidentSupervised) e).reason()));
      versions += store().find(IncidentId.of("hot" + n)).orElseThrow().version();
    }
    int total = THREADS * commandsPerThread();
    int intakes = THREADS * ((commandsPerThread() + 9) / 10);
    assertThat(stored)
        .doesNotHaveDuplicates()
        .hasSize(total - intakes)
        .containsExactlyInAnyOrderElementsOf(appended);
    assertThat(versions).isEqualTo(2L * hot + stored.size());
    assertThat(store().count()).isEqualTo(hot + intakes);
  }

  @Test
  void intake_sameTicketsFromEightThreads_oneIncidentPerTicket() throws Exception {
    int tickets = 50;
    Map<String, Set<IncidentId>> answers = new ConcurrentHashMap<>();
    Map<String, Integer> created = new ConcurrentHashMap<>();
    Races.run(
        THREADS,
        tickets,
        (thread, k) -> {
          String ticket = "BJ-" + k;
          IntakeResult result =
              store()
                  .intake(
                      anIncident()
                          .withId("t" + thread + "-" + k)
                          .fromTicket("12345", ticket)
                          .build());
          answers
              .computeIfAbsent(ticket, x -> ConcurrentHashMap.newKeySet())
              .add(result.incident().id());
          if (result.created()) {
            created.merge(ticket, 1, Integer::sum);
          }
        });

    assertThat(store().count()).isEqualTo(tickets);
    assertThat(answers.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
    assertThat(created).hasSize(tickets).allSatisfy((ticket, n) -> assertThat(n).isEqualTo(1));
  }

  @Test
  void claimDue_eightTakersThatAct_noIncidentActedOnTwiceAndNoneLeft() throws Exception {
    for (int i = 0; i < dueIncidents(); i++) {
      store().intake(List.of(reported("d" + i, GRID_A), registered("d" + i, 1)));
    }
    Set<IncidentId> acted = ConcurrentHashMap.newKeySet();
    List<IncidentId> twice = Collections.synchronizedList(new ArrayList<>());
    Map<Integer, Integer> perTaker = new ConcurrentHashMap<>();
    Races.run(
        THREADS,
        1,
        (thread, ignored) -> {
          List<DueTimer> batch;
          do {
            batch = store().claimDue(at(2), 10, "node-" + thread, Duration.ofHours(1));
            for (DueTimer due : batch) {
              IncidentId id = due.incident().id();
              if (!acted.add(id)) {
                twice.add(id);
              }
              store().append(id, due.incident().version(), List.of(assigned(id.value(), 2, WANG)));
              perTaker.merge(thread, 1, Integer::sum);
            }
          } while (!batch.isEmpty());
        });

    assertThat(twice).isEmpty();
    assertThat(acted).hasSize(dueIncidents());
    assertThat(store().dueAt(at(2), 10)).isEmpty();
    assertThat(perTaker.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(dueIncidents());
  }

  /**
   * Each call leaves the store free for the other threads: a call that holds on to a lock after it
   * returns (the first listing of an adapter that builds its indexes lazily, a release or a refused
   * append that forgets to unlock, say) would leave every other thread's intake waiting forever.
   * Another thread writes and reads after this one has made every call once, the refused ones too.
   */
  @Test
  void everyCallOnce_thenAnotherThreadWritesAndReads() throws Exception {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 10)));
    store().openInGrid(GRID_A);
    store().openAssignedTo(WANG);
    store().inStage(Stage.REGISTERED);
    store().historiesAliveBetween(at(0), at(100), null, 10);
    store().openCounts(List.of(WANG));
    store().dueAt(at(100), 10);
    store().countReported(GRID_A, at(0), at(100));
    store().find(IncidentId.of("i1"));
    store().history(IncidentId.of("i1"));
    store().claimDue(at(100), 10, "node-a", Duration.ofMinutes(5));
    store().release(IncidentId.of("i1"), "node-a");
    store().append(IncidentId.of("i1"), 2, List.of(assigned("i1", 11, WANG)));
    assertThatThrownBy(
            () -> store().append(IncidentId.of("i1"), 2, List.of(assigned("i1", 12, WANG))))
        .isInstanceOf(StaleVersionException.class);
    assertThatThrownBy(() -> store().release(IncidentId.of("none"), "node-a"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> store().intake(List.of(reported("i1", GRID_A))))
        .isInstanceOf(DuplicateException.class);

    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      List<IncidentId> seen =
          other
              .submit(
                  () -> {
                    store().intake(List.of(reported("i2", GRID_A), registered("i2", 10)));
                    return store().openInGrid(GRID_A).stream().map(Incident::id).toList();
                  })
              .get(10, TimeUnit.SECONDS);
      assertThat(seen).containsExactly(IncidentId.of("i1"), IncidentId.of("i2"));
    } finally {
      other.shutdownNow();
    }
  }
}
