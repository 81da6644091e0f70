package org.gridgov.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.storage.memory.Fixtures.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.spi.DueTimer;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.spi.StaleVersionException;
import org.junit.jupiter.api.Test;

class InMemoryIncidentStoreConcurrencyTest {
  private static final int THREADS = 16;
  private static final int ATTEMPTS = 200;

  @Test
  void append_manyThreadsOnOneIncident_oneWinnerPerVersionAndNoEventLost() throws Exception {
    IncidentStore store = new InMemoryIncidentStore();
    IncidentId id = IncidentId.of("hot");
    store.intake(List.of(reported("hot", GRID_A), registered("hot", 24)));
    Map<Long, String> winners = new ConcurrentHashMap<>();
    List<String> written = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<Integer>> conflicts = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      String thread = "t" + t;
      conflicts.add(pool.submit(() -> {
        start.await();
        int stale = 0;
        for (int i = 0; i < ATTEMPTS; i++) {
          long seen = store.find(id).orElseThrow().version();
          String reason = thread + "-" + i;
          try {
            store.append(id, seen, List.of(supervised("hot", 1, reason)));
            String previous = winners.putIfAbsent(seen, reason);
            assertThat(previous).as("second winner at version %d", seen).isNull();
            written.add(reason);
          } catch (StaleVersionException conflict) {
            stale++;
          }
        }
        return stale;
      }));
    }
    start.countDown();
    int totalStale = 0;
    for (Future<Integer> f : conflicts) {
      totalStale += f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    List<IncidentEvent> history = store.history(id);
    List<String> stored = history.subList(2, history.size()).stream()
        .map(e -> ((IncidentSupervised) e).reason()).toList();
    assertThat(stored).containsExactlyInAnyOrderElementsOf(written);
    assertThat(stored).doesNotHaveDuplicates();
    assertThat(written.size() + totalStale).isEqualTo(THREADS * ATTEMPTS);
    assertThat(store.find(id).orElseThrow().version()).isEqualTo(2L + written.size());
    assertThat(winners).hasSize(written.size());
  }

  @Test
  void claimDue_concurrentOwners_neverTakeTheSameIncident() throws Exception {
    IncidentStore store = new InMemoryIncidentStore();
    int incidents = 2_000;
    for (int i = 0; i < incidents; i++) {
      store.intake(List.of(reported("i" + i, GRID_A), registered("i" + i, 1)));
    }
    Set<IncidentId> taken = ConcurrentHashMap.newKeySet();
    List<IncidentId> duplicates = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> owners = new ArrayList<>();
    for (int o = 0; o < 8; o++) {
      String owner = "node-" + o;
      owners.add(pool.submit(() -> {
        start.await();
        List<DueTimer> batch;
        do {
          batch = store.claimDue(at(2), 25, owner, Duration.ofHours(1));
          for (DueTimer due : batch) {
            if (!taken.add(due.incident().id())) {
              duplicates.add(due.incident().id());
            }
          }
        } while (!batch.isEmpty());
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : owners) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(duplicates).isEmpty();
    assertThat(taken).hasSize(incidents);
  }
}
