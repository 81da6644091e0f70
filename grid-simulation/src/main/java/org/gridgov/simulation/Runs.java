package org.gridgov.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs independent simulations (a city's districts, a study's replications) on a pool of daemon
 * threads and returns their results in the order given, whichever finishes first.
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
   * Calls every task on at most {@code threads} threads named {@code threadName}; {@code labels}
   * name the tasks in a failure ("district d1 failed"). {@code finished} is told how many tasks
   * have finished after each one does, on the thread that ran it.
   */
  static <T> List<T> inOrder(List<String> labels, List<Callable<T>> tasks, int threads,
      String threadName, IntConsumer finished) {
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()),
        runnable -> {
          Thread thread = new Thread(runnable, threadName);
          thread.setDaemon(true);
          return thread;
        });
    try {
      List<Future<T>> running = new ArrayList<>(tasks.size());
      for (Callable<T> task : tasks) {
        running.add(pool.submit(() -> {
          T result = task.call();
          finished.accept(done.incrementAndGet());
          return result;
        }));
      }
      List<T> results = new ArrayList<>(tasks.size());
      for (int i = 0; i < running.size(); i++) {
        results.add(join(running.get(i), labels.get(i)));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T join(Future<T> run, String label) {
    try {
      return run.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + label + " ran", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(label + " failed", e.getCause());
    }
  }
}
