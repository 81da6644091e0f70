package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.gridgov.core.RuleId;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.territory.Territory;

/**
 * Several scenarios on the same seeds: one policy setting swept over its values (claim windows of
 * 6, 12, 24 and 48 hours; quotas of 1/5, 1/10 and 1/20; four staffing levels), each run on every
 * seed with common random numbers, so that the scenarios differ by what they change and not by
 * luck. The first seed is the scenarios' own, the others drawn from it as {@link Replications}
 * draws them: a sweep of two scenarios holds the very values a study of the two does. Each scenario
 * is compared with the first (the baseline) by the paired difference over the seeds. A run without
 * a value of an indicator (no case closed: no on-time rate) leaves that seed out of the scenario's
 * mean of it, and out of its difference from the first, as a study leaves it out.
 *
 * <pre>{@code
 * Sweep windows = Sweep.run(territory, List.of(sixHours, twelveHours, dayLong, twoDays),
 *     InMemoryGridStorage::create, 5, 2);
 * assertThat(windows.means("self-claim rate")).extracting(OptionalDouble::getAsDouble)
 *     .isSorted();                                            // a longer window, more claimed
 * assertThat(windows.against(1, "self-claim rate").significant()).isTrue();
 * }</pre>
 *
 * @param labels each scenario's name: its policy, and its setup and scoring policy where the
 *     scenarios differ in them ("kaixuan-12h v1", "kaixuan v1, setup more-staff"), all distinct
 * @param seeds the seeds every scenario ran on, in order
 * @param values {@code values.get(s).get(i)}: scenario {@code s}'s headline indicators on seed
 *     {@code i}, in the order of {@link #indicators()}, each empty where that run has none ({@link
 *     Comparison#defined})
 */
public record Sweep(
    ImmutableList<String> labels,
    ImmutableList<Long> seeds,
    ImmutableList<ImmutableList<ImmutableList<OptionalDouble>>> values) {
  /** The rule id of a sweep's arguments; each run checks its own as simulation.run. */
  public static final RuleId ID = RuleId.of("simulation.sweep");

  /** The most scenarios one sweep runs: a table wider than this is read as several. */
  public static final int MAX_SCENARIOS = 20;

  /**
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) when a part is null, there
   *     are fewer than 2 or more than {@value #MAX_SCENARIOS} scenarios, labels repeat, no seed, or
   *     the values are not one list per scenario of one array per seed of every indicator
   */
  public Sweep {
    Checks.notNull(ID, "labels", labels);
    Checks.notNull(ID, "seeds", seeds);
    Checks.notNull(ID, "values", values);
    Checks.check(
        ID,
        "labels",
        labels.size() >= 2 && labels.size() <= MAX_SCENARIOS,
        "must be 2 to " + MAX_SCENARIOS + " scenarios, was " + labels.size());
    Checks.check(
        ID,
        "labels",
        labels.stream().distinct().count() == labels.size(),
        "must be distinct, was " + labels);
    Checks.between(ID, "seeds", 1, Replications.MAX_REPLICATIONS, seeds.size());
    Checks.check(
        ID,
        "values",
        values.size() == labels.size(),
        "must be one list per scenario: " + values.size() + " for " + labels.size());
    int indicators = Comparison.indicators().size();
    for (int s = 0; s < values.size(); s++) {
      Checks.check(
          ID,
          "values[" + s + "]",
          values.get(s).size() == seeds.size()
              && values.get(s).stream().allMatch(v -> v.size() == indicators),
          "must be one list of " + indicators + " indicators per seed");
    }
  }

  /** The headline indicators, as {@link Comparison#rows()} names them, in order. */
  public static ImmutableList<String> indicators() {
    return Comparison.indicators();
  }

  /**
   * Runs every scenario on {@code seeds} seeds, each run on a fresh store from {@code storage}
   * (called once per run, on the pool's threads, so it must be safe to call from several at once),
   * on up to {@code threads} threads; the result does not depend on the number of threads. The
   * first run to fail stops the others and is thrown; so is a {@link
   * java.util.concurrent.CancellationException} when the caller is interrupted.
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) when an argument is null,
   *     there are fewer than 2 or more than {@value #MAX_SCENARIOS} scenarios, a scenario does not
   *     run on the first one's seed, first day, number of days and zone, two scenarios would be
   *     labelled alike (name their setups: {@link SimulationConfig#withSetup}), {@code seeds} is
   *     not between 1 and {@value Replications#MAX_REPLICATIONS}, or {@code threads} is below 1,
   *     before any run starts
   * @throws org.gridgov.core.InvalidInputException before any run starts, as {@link
   *     Simulation#checkReferences(org.gridgov.core.policy.PolicySet, SimulationConfig)} for a
   *     scenario
   */
  public static Sweep run(
      Territory divisions,
      List<Scenario> scenarios,
      Supplier<? extends GridStorage> storage,
      int seeds,
      int threads) {
    return run(divisions, scenarios, storage, seeds, threads, finished -> {});
  }

  /**
   * {@link #run(Territory, List, Supplier, int, int)}, telling {@code runsFinished} how many runs
   * have finished after each one does (on the thread that ran it): the command line's progress.
   */
  public static Sweep run(
      Territory divisions,
      List<Scenario> scenarios,
      Supplier<? extends GridStorage> storage,
      int seeds,
      int threads,
      IntConsumer runsFinished) {
    return sweep(null, divisions, scenarios, storage, seeds, threads, runsFinished);
  }

  /**
   * The sweep whose first run, the first scenario on its own seed, is {@code first}, already run
   * (on any store: the same seed gives the same result on every store); the others are run as
   * {@link #run} runs them. The command line's report runs its baseline on the store it was given,
   * then sweeps in memory without running it again.
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) as {@link #run}, and when
   *     {@code first} is not the first scenario's policy, setup, scoring policy and seed
   */
  public static Sweep extend(
      SimulationResult first,
      Territory divisions,
      List<Scenario> scenarios,
      Supplier<? extends GridStorage> storage,
      int seeds,
      int threads,
      IntConsumer runsFinished) {
    Checks.notNull(ID, "first", first);
    Checks.noNulls(ID, "scenarios", scenarios);
    Checks.check(ID, "scenarios", !scenarios.isEmpty(), "must not be empty");
    SimulationConfig baseline = scenarios.get(0).config();
    String expected =
        run(
            Simulation.label(scenarios.get(0).policy()),
            baseline.setup(),
            Simulation.label(baseline.scoring()),
            baseline.seed());
    String was = run(first.policy(), first.setup(), Comparison.scoredBy(first), first.seed());
    Checks.check(
        ID,
        "first",
        was.equals(expected),
        "must be the first scenario's run, " + expected + ", was " + was);
    Checks.check(
        ID,
        "first",
        first.config().equals(baseline),
        "must be run with the first"
            + " scenario's settings (seed, period, staffing, arrivals, behaviour…), was another run's");
    Checks.check(
        ID,
        "first",
        divisions == null || Simulation.ranOn(first, divisions), // null:
        "must be run on the territory given, was another's"); // refused as such by sweep below
    return sweep(first, divisions, scenarios, storage, seeds, threads, runsFinished);
  }

  /** A run as {@link #extend} names it: "kaixuan v1 with setup '', scored by …, on seed 42". */
  private static String run(String policy, String setup, String scoring, long seed) {
    return policy + " with setup '" + setup + "', scored by " + scoring + ", on seed " + seed;
  }

  private static Sweep sweep(
      SimulationResult first,
      Territory divisions,
      List<Scenario> scenarios,
      Supplier<? extends GridStorage> storage,
      int seeds,
      int threads,
      IntConsumer runsFinished) {
    Checks.notNull(ID, "runsFinished", runsFinished);
    Checks.notNull(ID, "divisions", divisions);
    Checks.noNulls(ID, "scenarios", scenarios);
    Checks.check(
        ID,
        "scenarios",
        scenarios.size() >= 2 && scenarios.size() <= MAX_SCENARIOS,
        "must be 2 to " + MAX_SCENARIOS + " scenarios, was " + scenarios.size());
    for (int s = 1; s < scenarios.size(); s++) {
      Scenario.checkComparable(ID, scenarios.get(0), scenarios.get(s));
    }
    Checks.notNull(ID, "storage", storage);
    Checks.between(ID, "seeds", 1, Replications.MAX_REPLICATIONS, seeds);
    Checks.atLeast(ID, "threads", 1, threads);
    for (Scenario scenario : scenarios) {
      Simulation.checkReferences(scenario.policy(), scenario.config());
    }
    ImmutableList<String> labels = labels(scenarios);

    long firstSeed = scenarios.get(0).config().seed();
    List<Long> seedList = new ArrayList<>(seeds);
    for (int i = 0; i < seeds; i++) {
      seedList.add(i == 0 ? firstSeed : Runs.seed(firstSeed, i - 1));
    }
    List<String> runLabels = new ArrayList<>();
    List<Callable<ImmutableList<OptionalDouble>>> runs = new ArrayList<>();
    int toRun = scenarios.size() * seeds - (first == null ? 0 : 1);
    boolean countingThreads = Runs.countingThreads(Math.min(threads, Math.max(1, toRun)));
    for (int s = 0; s < scenarios.size(); s++) {
      Scenario scenario = scenarios.get(s);
      for (int i = 0; i < seeds; i++) {
        long seed = seedList.get(i);
        if (first != null && s == 0 && i == 0) {
          ImmutableList<OptionalDouble> given = Comparison.values(first);
          runLabels.add("scenario 1 (" + labels.get(0) + ") on seed " + seed + ", run already");
          runs.add(() -> given);
          continue;
        }
        SimulationConfig own = scenario.config().withSeed(seed);
        runLabels.add("scenario " + (s + 1) + " (" + labels.get(s) + ") on seed " + seed);
        runs.add(
            () ->
                Comparison.values(
                    Simulation.run(
                        divisions,
                        own,
                        scenario.policy(),
                        storage.get(),
                        Progress.NONE,
                        countingThreads)));
      }
    }
    List<ImmutableList<OptionalDouble>> done =
        Runs.inOrder(runLabels, runs, threads, "gridgov-sweep", runsFinished);
    ImmutableList.Builder<ImmutableList<ImmutableList<OptionalDouble>>> values =
        ImmutableList.builder();
    for (int s = 0; s < scenarios.size(); s++) {
      values.add(ImmutableList.copyOf(done.subList(s * seeds, (s + 1) * seeds)));
    }
    return new Sweep(labels, ImmutableList.copyOf(seedList), values.build());
  }

  /**
   * The labels a sweep of {@code scenarios} gives them: each scenario's policy label, with its
   * setup where the scenarios' setups differ and its scoring policy where theirs do.
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) when two come out alike, so
   *     that a caller can refuse a sweep before running anything
   */
  public static ImmutableList<String> labels(List<Scenario> scenarios) {
    Checks.noNulls(ID, "scenarios", scenarios);
    boolean setups = scenarios.stream().map(s -> s.config().setup()).distinct().count() > 1;
    boolean scorings =
        scenarios.stream().map(s -> Simulation.label(s.config().scoring())).distinct().count() > 1;
    List<String> labels = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int s = 0; s < scenarios.size(); s++) {
      SimulationConfig config = scenarios.get(s).config();
      String label =
          Comparison.label(
              Simulation.label(scenarios.get(s).policy()),
              config.setup(),
              Simulation.label(config.scoring()),
              setups,
              scorings);
      Integer earlier = seen.putIfAbsent(label, s);
      Checks.check(
          ID,
          "scenarios[" + s + "]",
          earlier == null,
          "is labelled '"
              + label
              + "' as scenarios["
              + earlier
              + "] is: give each a policy id or version, a scoring"
              + " policy or a setup name of its own (SimulationConfig.withSetup)");
      labels.add(label);
    }
    return ImmutableList.copyOf(labels);
  }

  /**
   * One indicator's value for each scenario, its mean over the seeds where its run has one ({@link
   * #seedsWith}), empty where none has, in the scenarios' order: the sweep's curve ({@code
   * assertThat(sweep.means("self-claim rate")).extracting(OptionalDouble::getAsDouble)
   * .isSorted()}).
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) naming the indicators when
   *     there is no such one
   */
  public ImmutableList<OptionalDouble> means(String indicator) {
    int k = index(indicator);
    ImmutableList.Builder<OptionalDouble> means = ImmutableList.builder();
    for (ImmutableList<ImmutableList<OptionalDouble>> scenario : values) {
      double sum = 0;
      int n = 0;
      for (ImmutableList<OptionalDouble> seed : scenario) {
        if (seed.get(k).isPresent()) {
          sum += seed.get(k).getAsDouble();
          n++;
        }
      }
      means.add(n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n));
    }
    return means.build();
  }

  /**
   * For each scenario, in order, the number of seeds whose run has a value of {@code indicator}
   * ({@link Comparison#defined}): the seeds its {@link #means} is over. A count has one on every
   * seed; the on-time rate only where the run closed a case.
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) naming the indicators when
   *     there is no such one
   */
  public ImmutableList<Integer> seedsWith(String indicator) {
    int k = index(indicator);
    return values.stream()
        .map(scenario -> (int) scenario.stream().filter(seed -> seed.get(k).isPresent()).count())
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Scenario {@code scenario} against the first, the baseline, on one indicator: the paired
   * difference over the seeds where both runs have it, with its {@value
   * Replications#DEFAULT_CONFIDENCE} interval from two such seeds on, as a study of the two
   * estimates it.
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) when there is no such
   *     scenario or indicator, or the sweep ran on one seed (one difference has no spread)
   */
  public Replications.Estimate against(int scenario, String indicator) {
    Checks.between(ID, "scenario", 1, labels.size() - 1, scenario);
    Checks.check(
        ID,
        "seeds",
        seeds.size() >= Replications.MIN_REPLICATIONS,
        "must be at least "
            + Replications.MIN_REPLICATIONS
            + " to estimate a difference, was "
            + seeds.size());
    int k = index(indicator);
    List<OptionalDouble> base = new ArrayList<>(seeds.size());
    List<OptionalDouble> other = new ArrayList<>(seeds.size());
    for (int i = 0; i < seeds.size(); i++) {
      base.add(values.get(0).get(i).get(k));
      other.add(values.get(scenario).get(i).get(k));
    }
    return Replications.estimate(indicator, base, other, Replications.DEFAULT_CONFIDENCE);
  }

  private static int index(String indicator) {
    String found = Comparison.named(ID, indicators(), name -> name, indicator);
    return indicators().indexOf(found);
  }
}
