package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.apache.commons.statistics.distribution.TDistribution;
import org.gridgov.core.RuleId;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.territory.Territory;

/**
 * Policy A against policy B on several seeds: whether a difference one {@link Comparison} shows is
 * the policy's or that seed's. Each replication is a comparison on a seed of its own (the first on
 * the configuration's seed, so it is the single comparison; the others drawn from it), with common
 * random numbers within it; the {@link Estimate}s are the paired differences B − A across the
 * replications, with a Student's t confidence interval of their mean. A replication where A or B
 * has no value of an indicator (no case closed: no on-time rate) is left out of that indicator's
 * estimate, which says over how many it is taken. The first run to fail stops the others and is
 * thrown; so is a {@link java.util.concurrent.CancellationException} when the caller is
 * interrupted, every run stopped.
 *
 * <pre>{@code
 * Replications r = Replications.run(territory, config, twelveHours, twentyFourHours,
 *     InMemoryGridStorage::create, 10, 2);
 * Replications.Estimate selfClaim = r.estimate("self-claim rate");
 * assertThat(selfClaim.low().getAsDouble()).isPositive(); // a longer window: more claimed
 * }</pre>
 *
 * <p>A study keeps the first replication's comparison whole (the one a report shows) and of the
 * others only their {@link Comparison#rows()}: a year of Dongcheng's result is tens of megabytes,
 * its rows a few hundred bytes. To see another replication whole, run it again: {@code
 * Comparison.run(territory, config.withSeed(study.seeds().get(i)), a, b, storage)} gives the same
 * result, as the same seed always does.
 *
 * @param seeds each replication's seed, in order
 * @param first the first replication's comparison, on {@code seeds.get(0)}
 * @param rows each replication's {@link Comparison#rows()}, in the seeds' order: {@code
 *     rows.get(0)} is {@code first}'s
 */
public record Replications(
    ImmutableList<Long> seeds,
    Comparison first,
    ImmutableList<ImmutableList<Comparison.Row>> rows) {
  /** The rule id of a study's arguments; each run checks its own as simulation.run. */
  public static final RuleId ID = RuleId.of("simulation.replications");

  /** The fewest replications: one difference has no spread to estimate. */
  public static final int MIN_REPLICATIONS = 2;

  /**
   * The most replications one call runs: enough for an interval a tenth as wide as ten seeds give
   * (the width shrinks with the square root of their number), more than a study can wait for.
   */
  public static final int MAX_REPLICATIONS = 1000;

  /** The confidence of {@link #estimates()}. */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  /**
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) when a part is null, there
   *     are fewer than {@value #MIN_REPLICATIONS} replications or not one row list per seed, or
   *     {@code first} is not on the first seed, its rows not the first row list, or a row list not
   *     of the indicators of {@link Comparison#rows()} in their order
   */
  public Replications {
    Checks.notNull(ID, "seeds", seeds);
    Checks.notNull(ID, "first", first);
    Checks.notNull(ID, "rows", rows);
    Checks.check(
        ID,
        "rows",
        rows.size() == seeds.size(),
        "must be one list per seed: " + rows.size() + " for " + seeds.size() + " seeds");
    Checks.check(
        ID,
        "rows",
        rows.size() >= MIN_REPLICATIONS,
        "must be at least " + MIN_REPLICATIONS + " lists, was " + rows.size());
    // a seed twice counts one run twice: the spread, and so the interval, would be too narrow
    Checks.check(
        ID,
        "seeds",
        new java.util.HashSet<>(seeds).size() == seeds.size(),
        "must be distinct, was " + seeds);
    Checks.check(
        ID,
        "first",
        first.a().seed() == seeds.get(0) && first.b().seed() == seeds.get(0),
        "must be on the first seed, "
            + seeds.get(0)
            + ", was on "
            + first.a().seed()
            + " and "
            + first.b().seed());
    ImmutableList<Comparison.Row> firstRows = first.rows();
    Checks.check(ID, "rows[0]", rows.get(0).equals(firstRows), "must be first's rows");
    List<String> indicators = firstRows.stream().map(Comparison.Row::indicator).toList();
    for (int i = 1; i < rows.size(); i++) {
      Checks.check(
          ID,
          "rows[" + i + "]",
          rows.get(i).stream().map(Comparison.Row::indicator).toList().equals(indicators),
          "must be the indicators " + indicators + " in order");
    }
  }

  /**
   * One indicator over the replications where both A and B have it ({@link Comparison#defined}: a
   * run that closed no case has no on-time rate, and its 0 is no figure): the means of A and B over
   * them, and of their paired difference B − A with its sample standard deviation and a two-sided
   * confidence interval [{@code low}, {@code high}] for the mean difference (Student's t with n − 1
   * degrees of freedom). The means are empty when no replication has the indicator under both
   * policies; the standard deviation and the interval when fewer than {@value #MIN_REPLICATIONS}
   * do, as one difference has no spread.
   *
   * @param replications n, the replications the estimate is over: those where both runs have the
   *     indicator, at most the study's
   */
  public record Estimate(
      String indicator,
      int replications,
      double confidence,
      OptionalDouble meanA,
      OptionalDouble meanB,
      OptionalDouble meanDelta,
      OptionalDouble deltaSd,
      OptionalDouble low,
      OptionalDouble high) {
    /**
     * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) when a part is null, {@code
     *     replications} is negative, or the means are not given over one replication or more and
     *     only then, or the spread and interval over {@value #MIN_REPLICATIONS} or more and only
     *     then, {@code confidence} is not strictly between 0 and 1, the spread is negative or the
     *     interval does not hold the mean difference
     */
    public Estimate {
      Checks.notNull(ID, "indicator", indicator);
      Checks.atLeast(ID, "replications", 0, replications);
      given("meanA", meanA, replications >= 1, replications);
      given("meanB", meanB, replications >= 1, replications);
      given("meanDelta", meanDelta, replications >= 1, replications);
      given("deltaSd", deltaSd, replications >= MIN_REPLICATIONS, replications);
      given("low", low, replications >= MIN_REPLICATIONS, replications);
      given("high", high, replications >= MIN_REPLICATIONS, replications);
      checkConfidence(confidence);
      if (deltaSd.isPresent()) {
        Checks.check(
            ID,
            "deltaSd",
            deltaSd.getAsDouble() >= 0,
            "must be at least 0, was " + deltaSd.getAsDouble());
        double mean = meanDelta.getAsDouble();
        Checks.check(
            ID,
            "low",
            low.getAsDouble() <= mean && mean <= high.getAsDouble(),
            "must be at most meanDelta and high at least it, was "
                + low.getAsDouble()
                + ", "
                + mean
                + " and "
                + high.getAsDouble());
      }
    }

    private static void given(
        String field, OptionalDouble value, boolean expected, int replications) {
      Checks.notNull(ID, field, value);
      Checks.check(
          ID,
          field,
          value.isPresent() == expected,
          (expected ? "must be given" : "must be empty")
              + " over "
              + replications
              + " replications, was "
              + value);
    }

    /**
     * Whether there is an interval and it leaves out zero: the difference is the policy's at that
     * confidence.
     */
    public boolean significant() {
      return low.isPresent() && (low.getAsDouble() > 0 || high.getAsDouble() < 0);
    }

    /**
     * Half the interval's width: the mean difference is {@code meanDelta ± halfWidth}; empty
     * without an interval.
     */
    public OptionalDouble halfWidth() {
      return low.isPresent()
          ? OptionalDouble.of((high.getAsDouble() - low.getAsDouble()) / 2)
          : OptionalDouble.empty();
    }
  }

  /**
   * Runs {@code replications} comparisons of {@code a} and {@code b}, each run on a fresh store
   * from {@code storage} (called once per run, on the pool's threads, so it must be safe to call
   * from several at once), on up to {@code threads} threads; the result does not depend on the
   * number of threads.
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) when an argument is null,
   *     {@code replications} is not between {@value #MIN_REPLICATIONS} and {@value
   *     #MAX_REPLICATIONS}, or {@code threads} is below 1, before any run starts; each run checks
   *     its own arguments as {@link Simulation#run} does, and the first run to fail stops the
   *     others and is thrown
   * @throws org.gridgov.core.InvalidInputException before any run starts, as {@link
   *     Simulation#checkReferences(PolicySet, SimulationConfig)} for either policy
   */
  public static Replications run(
      Territory divisions,
      SimulationConfig config,
      PolicySet a,
      PolicySet b,
      Supplier<? extends GridStorage> storage,
      int replications,
      int threads) {
    return run(
        divisions,
        scenario(config, a, "a"),
        scenario(config, b, "b"),
        storage,
        replications,
        threads);
  }

  /**
   * Runs {@code replications} comparisons of two scenarios (two configurations, such as two scoring
   * policies, two policies, or both), as {@link #run(Territory, SimulationConfig, PolicySet,
   * PolicySet, Supplier, int, int)} runs two policies: replication {@code i} runs both on the same
   * seed of its own.
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) as that one does, and when
   *     {@code b} does not run on {@code a}'s seed, first day, number of days and zone
   */
  public static Replications run(
      Territory divisions,
      Scenario a,
      Scenario b,
      Supplier<? extends GridStorage> storage,
      int replications,
      int threads) {
    check(divisions, a, b, storage, replications, threads);
    return replicate(null, divisions, a, b, storage, replications, threads, finished -> {});
  }

  /**
   * The study whose first replication is {@code first}, a comparison of {@code a} and {@code b} on
   * {@code config}'s seed already run (on any store: the same seed gives the same results on every
   * store), and whose other replications are run as {@link #run} runs them: the command line's
   * report runs its comparison on the store it was given, then replicates it in memory.
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) as {@link #run}, and when
   *     {@code first} is not of {@code a} and {@code b} on {@code config}'s seed
   */
  public static Replications extend(
      Comparison first,
      Territory divisions,
      SimulationConfig config,
      PolicySet a,
      PolicySet b,
      Supplier<? extends GridStorage> storage,
      int replications,
      int threads) {
    return extend(first, divisions, config, a, b, storage, replications, threads, finished -> {});
  }

  /**
   * {@link #extend(Comparison, Territory, SimulationConfig, PolicySet, PolicySet, Supplier, int,
   * int)}, telling {@code runsFinished} how many of its {@code 2 × (replications − 1)} runs have
   * finished after each one does, on the thread that ran it (a progress line).
   */
  public static Replications extend(
      Comparison first,
      Territory divisions,
      SimulationConfig config,
      PolicySet a,
      PolicySet b,
      Supplier<? extends GridStorage> storage,
      int replications,
      int threads,
      IntConsumer runsFinished) {
    return extend(
        first,
        divisions,
        scenario(config, a, "a"),
        scenario(config, b, "b"),
        storage,
        replications,
        threads,
        runsFinished);
  }

  /**
   * The study of two scenarios whose first replication is {@code first}, already run on {@code a}'s
   * seed, as {@link #extend(Comparison, Territory, SimulationConfig, PolicySet, PolicySet,
   * Supplier, int, int, IntConsumer)} extends one of two policies.
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) as {@link #run(Territory,
   *     Scenario, Scenario, Supplier, int, int)}, and when {@code first} is not of {@code a}'s and
   *     {@code b}'s policies and scoring policies on {@code a}'s seed
   */
  public static Replications extend(
      Comparison first,
      Territory divisions,
      Scenario a,
      Scenario b,
      Supplier<? extends GridStorage> storage,
      int replications,
      int threads,
      IntConsumer runsFinished) {
    Checks.notNull(ID, "first", first);
    Checks.notNull(ID, "runsFinished", runsFinished);
    check(divisions, a, b, storage, replications, threads);
    long seed = a.config().seed();
    String expected =
        Simulation.label(a.policy()) + " and " + Simulation.label(b.policy()) + " on seed " + seed;
    String was =
        first.a().policy()
            + " and "
            + first.b().policy()
            + " on seeds "
            + first.a().seed()
            + " and "
            + first.b().seed();
    Checks.check(
        ID,
        "first",
        first.a().policy().equals(Simulation.label(a.policy()))
            && first.b().policy().equals(Simulation.label(b.policy()))
            && first.a().seed() == seed
            && first.b().seed() == seed,
        "must compare " + expected + ", was " + was);
    String scoredA = Simulation.label(a.config().scoring());
    String scoredB = Simulation.label(b.config().scoring());
    Checks.check(
        ID,
        "first",
        Comparison.scoredBy(first.a()).equals(scoredA)
            && Comparison.scoredBy(first.b()).equals(scoredB),
        "must be scored by " + scoredA + " and " + scoredB);
    Checks.check(
        ID,
        "first",
        first.a().setup().equals(a.config().setup())
            && first.b().setup().equals(b.config().setup()),
        "must be run with setups '"
            + a.config().setup()
            + "' and '"
            + b.config().setup()
            + "', was '"
            + first.a().setup()
            + "' and '"
            + first.b().setup()
            + "'");
    // the same district, period and behaviour too, or the first seed's pair is another study's
    Checks.check(
        ID,
        "first",
        first.a().config().equals(a.config()) && first.b().config().equals(b.config()),
        "must be run with the scenarios' settings"
            + " (seed, period, staffing, arrivals, behaviour…), was another run's");
    Checks.check(
        ID,
        "first",
        Simulation.ranOn(first.a(), divisions) && Simulation.ranOn(first.b(), divisions),
        "must be run on the territory given, was" + " another's");
    return replicate(first, divisions, a, b, storage, replications, threads, runsFinished);
  }

  private static Scenario scenario(SimulationConfig config, PolicySet policy, String field) {
    Checks.notNull(ID, "config", config);
    Checks.notNull(ID, field, policy);
    return new Scenario(config, policy);
  }

  private static void check(
      Territory divisions,
      Scenario a,
      Scenario b,
      Supplier<? extends GridStorage> storage,
      int replications,
      int threads) {
    Checks.notNull(ID, "divisions", divisions);
    Scenario.checkComparable(ID, a, b);
    Checks.notNull(ID, "storage", storage);
    Checks.between(ID, "replications", MIN_REPLICATIONS, MAX_REPLICATIONS, replications);
    Checks.atLeast(ID, "threads", 1, threads);
    Simulation.checkReferences(a.policy(), a.config());
    Simulation.checkReferences(b.policy(), b.config());
  }

  /**
   * One run of a replication: the whole result of the first replication's, the indicators of the
   * others' (reduced on the pool's thread, so that a study never holds every run whole).
   */
  private record Run(SimulationResult whole, ImmutableList<OptionalDouble> values) {}

  /** Runs the replications, all of them or, when {@code first} is given, all after it. */
  private static Replications replicate(
      Comparison first,
      Territory divisions,
      Scenario a,
      Scenario b,
      Supplier<? extends GridStorage> storage,
      int replications,
      int threads,
      IntConsumer runsFinished) {
    List<Long> seeds = new ArrayList<>(replications);
    List<String> labels = new ArrayList<>(2 * replications);
    List<Callable<Run>> runs = new ArrayList<>(2 * replications);
    int from = first == null ? 0 : 1;
    boolean countingThreads = Runs.countingThreads(Math.min(threads, 2 * (replications - from)));
    for (int i = 0; i < replications; i++) {
      long seed = i == 0 ? a.config().seed() : Runs.seed(a.config().seed(), i - 1);
      seeds.add(seed);
      if (i < from) {
        continue;
      }
      boolean keep = i == 0;
      for (int side = 0; side < 2; side++) {
        Scenario scenario = side == 0 ? a : b;
        SimulationConfig own = scenario.config().withSeed(seed);
        labels.add(
            "replication "
                + (i + 1)
                + " (seed "
                + seed
                + ") of "
                + (side == 0 ? "A, " : "B, ")
                + Simulation.label(scenario.policy()));
        runs.add(
            () -> {
              SimulationResult result =
                  Simulation.run(
                      divisions,
                      own,
                      scenario.policy(),
                      storage.get(),
                      Progress.NONE,
                      countingThreads);
              return new Run(keep ? result : null, Comparison.values(result));
            });
      }
    }
    List<Run> done = Runs.inOrder(labels, runs, threads, "gridgov-replication", runsFinished);
    Comparison whole =
        first != null ? first : new Comparison(done.get(0).whole(), done.get(1).whole());
    ImmutableList.Builder<ImmutableList<Comparison.Row>> rows = ImmutableList.builder();
    if (first != null) {
      rows.add(first.rows());
    }
    for (int i = 0; i < done.size(); i += 2) {
      rows.add(Comparison.rows(done.get(i).values(), done.get(i + 1).values()));
    }
    return new Replications(ImmutableList.copyOf(seeds), whole, rows.build());
  }

  /**
   * One indicator of replication {@code replication} (0 is the first, on the configuration's seed),
   * by its name in {@link Comparison#rows()}.
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) when there is no such
   *     replication, or naming the indicators when there is no such one
   */
  public Comparison.Row row(int replication, String indicator) {
    Checks.between(ID, "replication", 0, rows.size() - 1, replication);
    return Comparison.named(ID, rows.get(replication), Comparison.Row::indicator, indicator);
  }

  /** {@link #estimates(double)} at {@value #DEFAULT_CONFIDENCE}. */
  public ImmutableList<Estimate> estimates() {
    return estimates(DEFAULT_CONFIDENCE);
  }

  /**
   * Every indicator of {@link Comparison#rows()}, in its order, estimated over the replications
   * where both runs have it.
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) when {@code confidence} is
   *     not strictly between 0 and 1
   */
  public ImmutableList<Estimate> estimates(double confidence) {
    checkConfidence(confidence);
    ImmutableList.Builder<Estimate> estimates = ImmutableList.builder();
    for (int k = 0; k < rows.get(0).size(); k++) {
      List<OptionalDouble> a = new ArrayList<>(rows.size());
      List<OptionalDouble> b = new ArrayList<>(rows.size());
      for (ImmutableList<Comparison.Row> replication : rows) {
        a.add(replication.get(k).a());
        b.add(replication.get(k).b());
      }
      estimates.add(estimate(rows.get(0).get(k).indicator(), a, b, confidence));
    }
    return estimates.build();
  }

  private static void checkConfidence(double confidence) {
    Checks.check(
        ID,
        "confidence",
        confidence > 0 && confidence < 1,
        "must be strictly between 0 and 1, was " + confidence);
  }

  /**
   * The estimate of one indicator from its values under A and B on each seed, paired by seed: the
   * seeds where both have a value, their means and mean difference B − A, and from two such seeds
   * on a Student's t interval at {@code confidence}.
   */
  static Estimate estimate(
      String indicator, List<OptionalDouble> a, List<OptionalDouble> b, double confidence) {
    checkConfidence(confidence);
    List<double[]> pairs = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).isPresent() && b.get(i).isPresent()) {
        pairs.add(new double[] {a.get(i).getAsDouble(), b.get(i).getAsDouble()});
      }
    }
    int n = pairs.size();
    if (n == 0) {
      OptionalDouble none = OptionalDouble.empty();
      return new Estimate(indicator, 0, confidence, none, none, none, none, none, none);
    }
    double sumA = 0;
    double sumB = 0;
    for (double[] pair : pairs) {
      sumA += pair[0];
      sumB += pair[1];
    }
    double meanDelta = (sumB - sumA) / n;
    OptionalDouble sd = OptionalDouble.empty();
    OptionalDouble low = OptionalDouble.empty();
    OptionalDouble high = OptionalDouble.empty();
    if (n >= MIN_REPLICATIONS) {
      double squares = 0;
      for (double[] pair : pairs) {
        double d = pair[1] - pair[0] - meanDelta;
        squares += d * d;
      }
      double spread = Math.sqrt(squares / (n - 1));
      double t = TDistribution.of(n - 1).inverseCumulativeProbability(0.5 + confidence / 2);
      double half = t * spread / Math.sqrt(n);
      sd = OptionalDouble.of(spread);
      low = OptionalDouble.of(meanDelta - half);
      high = OptionalDouble.of(meanDelta + half);
    }
    return new Estimate(
        indicator,
        n,
        confidence,
        OptionalDouble.of(sumA / n),
        OptionalDouble.of(sumB / n),
        OptionalDouble.of(meanDelta),
        sd,
        low,
        high);
  }

  /**
   * The estimate of one indicator at {@value #DEFAULT_CONFIDENCE}, by its name in {@link
   * Comparison#rows()} ("self-claim rate").
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) naming the indicators when
   *     there is no such one
   */
  public Estimate estimate(String indicator) {
    return Comparison.named(ID, estimates(), Estimate::indicator, indicator);
  }
}
