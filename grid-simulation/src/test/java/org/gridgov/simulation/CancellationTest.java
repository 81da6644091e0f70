package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.gridgov.core.policy.Presets;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run stops when its thread is interrupted, and a set of runs stops all of them at the first
 * failure or when its caller is interrupted: nothing goes on running behind a failure.
 */
class CancellationTest {
  /** Ten years of Kaixuan street: far longer than any of these tests waits. */
  private static final SimulationConfig DECADE =
      SimulationTest.week().withPeriod(LocalDate.of(2024, 3, 4), 3660);

  @ParameterizedTest(name = "counting thread: {0}")
  @ValueSource(booleans = {false, true})
  void run_interrupted_stopsBetweenStepsWithTheFlagLeftSet(boolean countingThread)
      throws InterruptedException {
    InMemoryGridStorage storage = InMemoryGridStorage.create();
    Progress interruptAfterADay =
        (now, start, end, reported) -> {
          if (!now.isBefore(start.plus(Duration.ofDays(1)))) {
            Thread.currentThread().interrupt();
          }
        };
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flagAfter = new AtomicReference<>();
    Thread runner =
        new Thread(
            () -> {
              try {
                Simulation.run(
                    SimulationTest.KAIXUAN,
                    DECADE,
                    Presets.kaixuan(),
                    storage,
                    interruptAfterADay,
                    countingThread);
              } catch (Throwable e) {
                thrown.set(e);
              }
              flagAfter.set(Thread.currentThread().isInterrupted());
            },
            "test-interrupted-run");
    runner.start();
    runner.join(60_000);

    assertThat(runner.isAlive()).as("the interrupted run went on").isFalse();
    assertThat(thrown.get())
        .isInstanceOf(CancellationException.class)
        .hasMessageStartingWith("the simulation was interrupted; it stopped at 2024-03-04T16:");
    assertThat(flagAfter.get()).as("the interrupt flag, left for whoever interrupted").isTrue();
    // what a day stored stays: a day of the street's cases, not a decade's
    assertThat(storage.incidents().count()).isBetween(1L, 2_000L);
    assertNoThreadLeft("gridgov-counting");
  }

  @Test
  void inOrder_aFailure_stopsTheRunsStillGoingAndIsThrownAtOnce() throws InterruptedException {
    CountDownLatch longRunStarted = new CountDownLatch(1);
    Map<Integer, String> outcomes = new ConcurrentHashMap<>();
    Callable<Object> longRun =
        recorded(
            0,
            outcomes,
            () ->
                Simulation.run(
                    SimulationTest.KAIXUAN,
                    DECADE,
                    Presets.kaixuan(),
                    InMemoryGridStorage.create(),
                    (now, start, end, reported) -> longRunStarted.countDown(),
                    false));
    Callable<Object> failing =
        recorded(
            1,
            outcomes,
            () -> {
              assertThat(longRunStarted.await(60, TimeUnit.SECONDS)).isTrue();
              throw new IllegalStateException("district d2 broke");
            });

    // the failing task is second: the set does not wait for the first to end before failing
    assertThatThrownBy(
            () ->
                Runs.inOrder(
                    List.of("d1", "d2"),
                    List.of(longRun, failing),
                    2,
                    "test-runs-failing",
                    finished -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("district d2 broke");

    assertThat(outcomes)
        .containsEntry(0, "CancellationException")
        .containsEntry(1, "IllegalStateException");
    assertNoThreadLeft("test-runs-failing");
  }

  @Test
  void inOrder_callerInterrupted_stopsEveryRunAndKeepsTheFlag() throws InterruptedException {
    CountDownLatch bothStarted = new CountDownLatch(2);
    Map<Integer, String> outcomes = new ConcurrentHashMap<>();
    List<Callable<Object>> runs =
        List.of(0, 1).stream()
            .map(
                i ->
                    recorded(
                        i,
                        outcomes,
                        () ->
                            Simulation.run(
                                SimulationTest.KAIXUAN,
                                DECADE.withSeed(i),
                                Presets.kaixuan(),
                                InMemoryGridStorage.create(),
                                new Progress() {
                                  private boolean started;

                                  @Override
                                  public void update(
                                      java.time.Instant now,
                                      java.time.Instant start,
                                      java.time.Instant end,
                                      long reported) {
                                    if (!started) {
                                      started = true;
                                      bothStarted.countDown();
                                    }
                                  }
                                },
                                false)))
            .toList();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flagAfter = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                Runs.inOrder(List.of("r1", "r2"), runs, 2, "test-runs-cancelled", finished -> {});
              } catch (Throwable e) {
                thrown.set(e);
              }
              flagAfter.set(Thread.currentThread().isInterrupted());
            },
            "test-runs-caller");
    caller.start();
    assertThat(bothStarted.await(60, TimeUnit.SECONDS)).isTrue();
    caller.interrupt();
    caller.join(60_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get())
        .isInstanceOf(CancellationException.class)
        .hasMessage("interrupted while 2 runs ran; every run was stopped");
    assertThat(flagAfter.get()).isTrue();
    assertThat(outcomes)
        .containsOnly(Map.entry(0, "CancellationException"), Map.entry(1, "CancellationException"));
    assertNoThreadLeft("test-runs-cancelled");
  }

  /** {@code task}, noting under {@code index} how it ended: its exception's name, or "done". */
  private static Callable<Object> recorded(
      int index, Map<Integer, String> outcomes, Callable<Object> task) {
    return () -> {
      try {
        Object result = task.call();
        outcomes.put(index, "done");
        return result;
      } catch (Exception e) {
        outcomes.put(index, e.getClass().getSimpleName());
        throw e;
      }
    };
  }

  private static void assertNoThreadLeft(String name) throws InterruptedException {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().equals(name)) {
        thread.join(10_000);
        assertThat(thread.isAlive()).as("thread %s left running", name).isFalse();
      }
    }
  }
}
