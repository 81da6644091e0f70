package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.Source;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.governance.GridListener;
import org.junit.jupiter.api.Test;

class ListenerThreadTest {
  private static final Instant T0 = Instant.parse("2024-03-04T01:00:00Z");
  private static final AreaCode GRID = AreaCode.of("330102011002001", Level.GRID);

  /** Report {@code n} of a test run: incident {@code i<n>}, {@code n} seconds after T0. */
  static IncidentReported reported(int n) {
    return new IncidentReported(
        IncidentId.of("i" + n),
        Actor.resident("r"),
        T0.plusSeconds(n),
        "",
        Source.APP,
        CategoryCode.parse("P0110"),
        GRID,
        Optional.empty(),
        Optional.empty(),
        false,
        "",
        Optional.empty());
  }

  @Test
  void listenersSeeEveryAppendInOrder_onTheirOwnThread() {
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    GridListener a =
        (incident, events) -> {
          threads.add(Thread.currentThread());
          first.add(incident.id() + "/" + events.size());
        };
    GridListener b = (incident, events) -> second.add(incident.id().value());
    ListenerThread thread = new ListenerThread("test-counting", List.of(a, b));
    List<String> expected = new ArrayList<>();
    int appends = 3 * ListenerThread.BATCH + 7; // several batches and a partial last one
    for (int n = 0; n < appends; n++) {
      IncidentReported event = reported(n);
      List<IncidentEvent> events = n % 2 == 0 ? List.of(event) : List.of(event, event);
      thread.onAppended(Incident.start(event), events);
      expected.add("i" + n + "/" + events.size());
    }

    thread.finish();

    assertThat(first).containsExactlyElementsOf(expected);
    assertThat(second).hasSize(appends).startsWith("i0", "i1").endsWith("i" + (appends - 1));
    assertThat(threads)
        .doesNotContain(Thread.currentThread())
        .extracting(Thread::getName)
        .containsOnly("test-counting");
  }

  @Test
  void aFailingListener_failsTheFinishWithItsCause_andNeverBlocksTheRun() {
    GridListener failing =
        (incident, events) -> {
          if (incident.id().value().equals("i10")) {
            throw new IllegalArgumentException("broken counter");
          }
        };
    ListenerThread thread = new ListenerThread("test-counting", List.of(failing));
    int appends = (ListenerThread.QUEUED + 3) * ListenerThread.BATCH; // more than the queue holds
    for (int n = 0; n < appends; n++) {
      IncidentReported event = reported(n);
      thread.onAppended(Incident.start(event), List.of(event));
    }

    assertThatThrownBy(thread::finish)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a listener failed")
        .hasCauseInstanceOf(IllegalArgumentException.class)
        .hasRootCauseMessage("broken counter");
  }

  @Test
  void finishAfter_addsTheListenersFailureToTheRunsOwn() {
    GridListener failing =
        (incident, events) -> {
          throw new IllegalArgumentException("broken counter");
        };
    ListenerThread thread = new ListenerThread("test-counting", List.of(failing));
    IncidentReported event = reported(1);
    thread.onAppended(Incident.start(event), List.of(event));
    RuntimeException run = new RuntimeException("the run failed");

    thread.finishAfter(run);

    assertThat(run.getSuppressed())
        .singleElement()
        .satisfies(s -> assertThat(s).hasRootCauseMessage("broken counter"));
  }

  /**
   * The listener fails only once the queue is full, QUEUED batches waiting behind the one it fails
   * in: the listeners' thread takes what is left, so the run's finish still returns, with the
   * failure.
   */
  @Test
  void aListenerFailingWithTheQueueFull_finishReturnsWithTheFailure() throws Exception {
    CountDownLatch queueFull = new CountDownLatch(1);
    GridListener failing =
        (incident, events) -> {
          try {
            queueFull.await();
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
          throw new IllegalArgumentException("broken counter");
        };
    ListenerThread thread = new ListenerThread("test-counting", List.of(failing));
    for (int n = 0; n < (ListenerThread.QUEUED + 1) * ListenerThread.BATCH; n++) {
      IncidentReported event = reported(n);
      thread.onAppended(Incident.start(event), List.of(event));
    }
    queueFull.countDown();

    CompletableFuture<Throwable> finish =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                thread.finish();
                return null;
              } catch (RuntimeException e) {
                return e;
              }
            });

    assertThat(finish.get(20, TimeUnit.SECONDS)).hasRootCauseMessage("broken counter");
  }

  /** The listeners' thread is a daemon: a run abandoned without its finish never keeps a JVM up. */
  @Test
  void theListenersThread_isADaemon() {
    List<Boolean> daemon = new ArrayList<>();
    ListenerThread thread =
        new ListenerThread(
            "test-counting",
            List.of((incident, events) -> daemon.add(Thread.currentThread().isDaemon())));
    IncidentReported event = reported(1);
    thread.onAppended(Incident.start(event), List.of(event));

    thread.finish();

    assertThat(daemon).containsExactly(true);
  }
}
