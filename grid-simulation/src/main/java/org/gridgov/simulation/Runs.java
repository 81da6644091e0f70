package org.gridgov.simulation;

import com.google.common.util.concurrent.Uninterruptibles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs independent simulations (a city's districts, a study's replications) on a pool of daemon
 * threads and returns their results in the order given, whichever finishes first; the first failure
 * stops them all.
 */
final class Runs {
  private Runs() {}

  /**
   * The seed of run {@code index} of a set drawn from {@code seed} (a city's district, a study's
   * replication): the two mixed by SplitMix64, so neighbouring indexes get unrelated seeds.
   */
  static long seed(long seed, int index) {
    long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Whether each run on a pool of {@code poolSize} threads may count on a thread of its own: only
   * when the pool leaves a core for it.
   */
  static boolean countingThreads(int poolSize) {
    return 2 * poolSize <= Runtime.getRuntime().availableProcessors();
  }

  /**
   * How long a failed or cancelled set of runs waits for the runs still going to stop: a run stops
   * before its next step, so only a step stuck in its store (a database that does not answer) takes
   * longer, and its daemon thread is then left to end on its own.
   */
  static final Duration STOP_WAIT = Duration.ofMinutes(1);

  /**
   * Calls every task on at most {@code threads} threads named {@code threadName} and returns their
   * results in the order of {@code tasks}; {@code labels} name the tasks in a failure ("district d1
   * failed", {@link RunFailed}). {@code finished} is told how many tasks have finished after each
   * one does, on the thread that ran it.
   *
   * <p>The first task to fail, whichever it is, fails the whole set at once: the others are
   * interrupted (a simulation stops before its next step) and waited for, up to {@link #STOP_WAIT},
   * so that nothing goes on running behind the failure. The same when the calling thread is
   * interrupted: the runs are stopped, the flag is left set and a {@link CancellationException}
   * thrown.
   */
  static <T> List<T> inOrder(
      List<String> labels,
      List<Callable<T>> tasks,
      int threads,
      String threadName,
      IntConsumer finished) {
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, tasks.size()),
            runnable -> {
              Thread thread = new Thread(runnable, threadName);
              thread.setDaemon(true);
              return thread;
            });
    CompletionService<T> completions = new ExecutorCompletionService<>(pool);
    IdentityHashMap<Future<T>, Integer> index = new IdentityHashMap<>(); // futures by identity
    try {
      for (int i = 0; i < tasks.size(); i++) {
        Callable<T> task = tasks.get(i);
        index.put(
            completions.submit(
                () -> {
                  T result = task.call();
                  finished.accept(done.incrementAndGet());
                  return result;
                }),
            i);
      }
      List<T> results = new ArrayList<>(Collections.nCopies(tasks.size(), null));
      for (int n = 0; n < tasks.size(); n++) {
        Future<T> next = completions.take();
        int i = index.get(next);
        results.set(i, outcome(next, labels.get(i)));
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException(
          "interrupted while " + tasks.size() + " runs ran; every run was stopped");
    } finally {
      pool.shutdownNow();
      // a run that ignores its interrupt keeps its daemon thread: nothing more to do about it
      var unused = Uninterruptibles.awaitTerminationUninterruptibly(pool, STOP_WAIT);
    }
  }

  /**
   * The result of a finished task, or its failure: a checked one wrapped in an {@link
   * IllegalStateException} named by {@code label}; an unchecked one thrown as it is, its type kept
   * for the caller, with a {@link RunFailed} naming the run among its suppressed exceptions (a
   * stack trace prints it, and the command line's error), so that a failing replication's seed is
   * known.
   */
  private static <T> T outcome(Future<T> run, String label) {
    try {
      return Uninterruptibles.getUninterruptibly(run);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        runtime.addSuppressed(new RunFailed(label));
        throw runtime;
      }
      throw new IllegalStateException(label + " failed", e.getCause());
    }
  }
}
