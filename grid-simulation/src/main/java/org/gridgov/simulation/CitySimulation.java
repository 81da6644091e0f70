package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.territory.Territory;

/**
 * Runs the districts of a city side by side: each district is its own {@link Simulation} on its
 * own store (a city's districts run their own grid systems and centres), with its own seed drawn
 * from the city's, on a pool of {@code threads}. The result does not depend on the number of
 * threads or on which district finishes first.
 *
 * <pre>{@code
 * Map<String, Territory> beijing = new LinkedHashMap<>();
 * for (int i = 1; i <= 16; i++) {
 *   beijing.put("district-" + i, Divisions.dongcheng());
 * }
 * CityResult year = CitySimulation.run(beijing, config, Presets.kaixuan(),
 *     InMemoryGridStorage::create, 2);
 * }</pre>
 */
public final class CitySimulation {
  private CitySimulation() {}

  /**
   * Simulates every district in {@code districts} (name to division ladder, in the order given)
   * with {@code config}, each on a fresh store from {@code storage}.
   *
   * @throws IllegalArgumentException when there is no district, a name is blank, or {@code
   *     threads} is below 1
   */
  public static CityResult run(Map<String, Territory> districts, SimulationConfig config,
      PolicySet policy, Supplier<? extends GridStorage> storage, int threads) {
    Objects.requireNonNull(districts, "districts");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(storage, "storage");
    if (districts.isEmpty()) {
      throw new IllegalArgumentException("districts: a city needs at least one district");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    districts.forEach((name, territory) -> {
      if (name == null || name.isBlank() || territory == null) {
        throw new IllegalArgumentException(
            "districts: every district needs a name and a division ladder, was " + name);
      }
    });
    int poolSize = Math.min(threads, districts.size());
    // a district counts on a thread of its own only when the pool leaves a core for it
    boolean countingThreads = 2 * poolSize <= Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(poolSize,
        runnable -> {
          Thread thread = new Thread(runnable, "gridgov-district");
          thread.setDaemon(true);
          return thread;
        });
    try {
      List<String> names = new ArrayList<>();
      List<Future<SimulationResult>> runs = new ArrayList<>();
      for (Map.Entry<String, Territory> district : districts.entrySet()) {
        SimulationConfig own = config.withSeed(districtSeed(config.seed(), names.size()));
        names.add(district.getKey());
        runs.add(pool.submit(() -> Simulation.run(district.getValue(), own, policy,
            storage.get(), Progress.NONE, countingThreads)));
      }
      ImmutableList.Builder<CityResult.District> results = ImmutableList.builder();
      for (int i = 0; i < names.size(); i++) {
        results.add(new CityResult.District(names.get(i), join(runs.get(i), names.get(i))));
      }
      return new CityResult(results.build());
    } finally {
      pool.shutdownNow();
    }
  }

  /** A district's seed: the city seed and the district's position, mixed (SplitMix64). */
  static long districtSeed(long citySeed, int index) {
    long z = citySeed + 0x9E3779B97F4A7C15L * (index + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static SimulationResult join(Future<SimulationResult> run, String name) {
    try {
      return run.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while district " + name + " ran", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("district " + name + " failed", e.getCause());
    }
  }
}
