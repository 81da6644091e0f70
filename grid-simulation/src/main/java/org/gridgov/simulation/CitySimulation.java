package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.territory.Territory;

/**
 * Runs the districts of a city side by side: each district is its own {@link Simulation} on its own
 * store (a city's districts run their own grid systems and centres), with its own seed drawn from
 * the city's, on a pool of {@code threads}. The result does not depend on the number of threads or
 * on which district finishes first. The first district to fail stops the others and is thrown; so
 * is a {@link java.util.concurrent.CancellationException} when the caller is interrupted, every
 * district stopped.
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
  /** The rule id of a city run's bad arguments. */
  static final org.gridgov.core.RuleId ID = org.gridgov.core.RuleId.of("simulation.city");

  private CitySimulation() {}

  /**
   * Simulates every district in {@code districts} (name to division ladder, in the order given)
   * with {@code config}, each on a fresh store from {@code storage}.
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) naming the argument when one
   *     is missing, there is no district, a name is blank or a ladder missing, or {@code threads}
   *     is below 1; then as {@link Simulation#run} for a district's run
   */
  public static CityResult run(
      Map<String, Territory> districts,
      SimulationConfig config,
      PolicySet policy,
      Supplier<? extends GridStorage> storage,
      int threads) {
    Checks.notNull(ID, "districts", districts);
    Checks.notNull(ID, "config", config);
    Checks.notNull(ID, "policy", policy);
    Checks.notNull(ID, "storage", storage);
    Checks.check(ID, "districts", !districts.isEmpty(), "a city needs at least one district");
    Checks.check(ID, "threads", threads >= 1, "must be at least 1, was " + threads);
    districts.forEach(
        (name, territory) ->
            Checks.check(
                ID,
                "districts",
                name != null && !name.isBlank() && territory != null,
                "every district needs a name and a division ladder, was " + name));
    boolean countingThreads = Runs.countingThreads(Math.min(threads, districts.size()));
    List<String> names = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Callable<SimulationResult>> runs = new ArrayList<>();
    for (Map.Entry<String, Territory> district : districts.entrySet()) {
      SimulationConfig own = config.withSeed(Runs.seed(config.seed(), names.size()));
      names.add(district.getKey());
      labels.add("district " + district.getKey() + " (seed " + own.seed() + ")");
      runs.add(
          () ->
              Simulation.run(
                  district.getValue(), own, policy, storage.get(), Progress.NONE, countingThreads));
    }
    List<SimulationResult> results =
        Runs.inOrder(labels, runs, threads, "gridgov-district", finished -> {});
    ImmutableList.Builder<CityResult.District> districtResults = ImmutableList.builder();
    for (int i = 0; i < names.size(); i++) {
      districtResults.add(new CityResult.District(names.get(i), results.get(i)));
    }
    return new CityResult(districtResults.build());
  }
}
