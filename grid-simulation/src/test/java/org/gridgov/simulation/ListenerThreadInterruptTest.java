package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.Source;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.governance.GridListener;
import org.junit.jupiter.api.Test;

/** Interrupts on either side of a {@link ListenerThread}: nothing hangs, nothing stays alive. */
class ListenerThreadInterruptTest {
  private static final Instant T0 = Instant.parse("2024-03-04T01:00:00Z");
  private static final AreaCode GRID = AreaCode.of("330102011002001", Level.GRID);

  private static void append(ListenerThread thread, int n) {
    IncidentReported event =
        new IncidentReported(
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
    thread.onAppended(Incident.start(event), List.of(event));
  }

  private static Optional<Thread> named(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(name))
        .findFirst();
  }

  /** The counting thread is interrupted while the queue is full: finish must not wait forever. */
  @Test
  void anInterruptedCountingThread_failsTheFinish_insteadOfHangingTheRun() throws Exception {
    CountDownLatch queueFull = new CountDownLatch(1);
    AtomicBoolean first = new AtomicBoolean(true);
    GridListener interrupted =
        (incident, events) -> {
          if (first.getAndSet(false)) {
            try {
              queueFull.await();
            } catch (InterruptedException e) {
              throw new AssertionError(e);
            }
            Thread.currentThread().interrupt(); // as any interrupt of the counting thread would
          }
        };
    ListenerThread thread = new ListenerThread("test-interrupted-counting", List.of(interrupted));
    CompletableFuture<Throwable> run =
        CompletableFuture.supplyAsync(
            () -> {
              // one batch in the listener, QUEUED more waiting: the queue is full
              for (int n = 0; n < (ListenerThread.QUEUED + 1) * ListenerThread.BATCH; n++) {
                append(thread, n);
              }
              queueFull.countDown();
              try {
                thread.finish();
                return null;
              } catch (RuntimeException e) {
                return e;
              }
            });

    Throwable failure = run.get(20, TimeUnit.SECONDS); // hangs forever on main HEAD

    assertThat(failure)
        .isInstanceOf(IllegalStateException.class)
        .hasCauseInstanceOf(InterruptedException.class);
  }

  /** The run's thread is interrupted: finishAfter reports it and the counting thread ends. */
  @Test
  void anInterruptedRun_doesNotLeaveTheCountingThreadAlive() throws Exception {
    String name = "test-counting-after-interrupted-run";
    ListenerThread thread = new ListenerThread(name, List.of((incident, events) -> {}));
    RuntimeException cause = new RuntimeException("the run was interrupted");
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              append(thread, 1);
              Thread.currentThread().interrupt(); // the run is cancelled
              thread.finishAfter(cause);
              stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
    caller.start();
    caller.join(10_000);
    assertThat(caller.isAlive()).isFalse();
    assertThat(stillInterrupted).as("the flag left set for whoever interrupted the run").isTrue();
    assertThat(cause.getSuppressed())
        .singleElement()
        .satisfies(s -> assertThat(s).hasMessageContaining("interrupted"));

    Thread counting = named(name).orElse(null);
    if (counting != null) {
      counting.join(5_000);
    }

    assertThat(counting == null || !counting.isAlive())
        .as("the counting thread ended after the failed run")
        .isTrue();
  }

  /**
   * The run's thread is interrupted while it waits for the listeners to catch up: finish fails
   * saying so, with the flag left set for whoever interrupted it.
   */
  @Test
  void finish_interruptedWaitingForTheListeners_failsWithTheFlagLeftSet() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ListenerThread thread =
        new ListenerThread(
            "test-counting-slow",
            List.of(
                (incident, events) -> {
                  started.countDown();
                  try {
                    release.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }));
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              append(thread, 1);
              try {
                thread.finish(); // the listener holds the first append until released
              } catch (RuntimeException e) {
                failure.set(e);
              }
              stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
    caller.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    // the listeners' thread holds the first append, so the caller waits only in the join
    while (caller.getState() != Thread.State.WAITING) {
      Thread.sleep(1);
    }

    caller.interrupt();
    caller.join(10_000);
    release.countDown();

    assertThat(caller.isAlive()).isFalse();
    assertThat(failure.get())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("interrupted waiting for the listeners")
        .hasCauseInstanceOf(InterruptedException.class);
    assertThat(stillInterrupted).isTrue();
  }
}
