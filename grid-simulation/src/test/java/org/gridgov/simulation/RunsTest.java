package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The seeds a set of runs is drawn from, when its runs may count on threads of their own, and the
 * pool they run on. Stopping a set at a failure or an interrupt: {@link CancellationTest}.
 */
class RunsTest {

  @Test
  void seed_theSplitMix64SequenceOfTheSeed_asTheJdksSplittableRandomDrawsIt() {
    // SplittableRandom(seed).nextLong() is SplitMix64: the state advanced by the golden gamma,
    // then mixed; run index i gets the sequence's (i + 1)-th number
    for (long seed : new long[] {0, 42, -7, Long.MAX_VALUE}) {
      SplittableRandom splitMix = new SplittableRandom(seed);
      for (int index = 0; index < 5; index++) {
        assertThat(Runs.seed(seed, index))
            .as("seed %d, index %d", seed, index)
            .isEqualTo(splitMix.nextLong());
      }
    }
    // the reference implementation's first number from state 0
    assertThat(Runs.seed(0, 0)).isEqualTo(0xE220A8397B1DCDAFL);
  }

  @Test
  void countingThreads_onlyWhenThePoolLeavesACoreForEachRunsCountingThread() {
    int cores = Runtime.getRuntime().availableProcessors();

    for (int pool = 1; pool <= cores + 1; pool++) {
      // each run of the pool on a core, and its counting thread on another
      assertThat(Runs.countingThreads(pool))
          .as("a pool of %d on %d cores", pool, cores)
          .isEqualTo(pool + pool <= cores);
    }
  }

  @Test
  void inOrder_onDaemonThreadsOfTheGivenName_resultsInTheTasksOrderNotTheirFinishing() {
    CountDownLatch secondDone = new CountDownLatch(1);
    List<Integer> finished = new CopyOnWriteArrayList<>();
    Callable<String> first =
        () -> {
          assertThat(secondDone.await(60, TimeUnit.SECONDS)).isTrue();
          return "first on " + describe(Thread.currentThread());
        };
    Callable<String> second =
        () -> {
          secondDone.countDown();
          return "second on " + describe(Thread.currentThread());
        };

    List<String> results =
        Runs.inOrder(
            List.of("r1", "r2"), List.of(first, second), 2, "test-runs-daemon", finished::add);

    // daemon threads: a run left stuck in its store never keeps the program from exiting
    assertThat(results)
        .containsExactly("first on test-runs-daemon, daemon", "second on test-runs-daemon, daemon");
    assertThat(finished).containsExactlyInAnyOrder(1, 2);
  }

  private static String describe(Thread thread) {
    return thread.getName() + (thread.isDaemon() ? ", daemon" : ", not daemon");
  }
}
