package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
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
 * the policy's or that seed's. Each replication is a comparison on a seed of its own (the first
 * on the configuration's seed, so it is the single comparison; the others drawn from it), with
 * common random numbers within it; the {@link Estimate}s are the paired differences B − A across
 * the replications, with a Student's t confidence interval of their mean. The first run to fail
 * stops the others and is thrown; so is a {@link java.util.concurrent.CancellationException} when
 * the caller is interrupted, every run stopped.
 *
 * <pre>{@code
 * Replications r = Replications.run(territory, config, twelveHours, twentyFourHours,
 *     InMemoryGridStorage::create, 10, 2);
 * Replications.Estimate selfClaim = r.estimate("self-claim rate");
 * assertThat(selfClaim.low()).isPositive();   // a longer window: more claimed, on every seed
 * }</pre>
 *
 * @param seeds each replication's seed, in order
 * @param comparisons each replication's comparison, in the seeds' order
 */
public record Replications(ImmutableList<Long> seeds, ImmutableList<Comparison> comparisons) {
  /** The rule id of a study's arguments; each run checks its own as simulation.run. */
  public static final RuleId ID = RuleId.of("simulation.replications");
  /** The fewest replications: one difference has no spread to estimate. */
  public static final int MIN_REPLICATIONS = 2;
  /**
   * The most replications one call runs: a study keeps every run's whole result, about 2.4 MB
   * for a month of Dongcheng (the months' rankings and pay of its 5,947 workers), 5.6 MB for three.
   */
  public static final int MAX_REPLICATIONS = 100;
  /** The confidence of {@link #estimates()}. */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  /**
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) when a part is null, the
   *     two lists differ in length or hold fewer than {@value #MIN_REPLICATIONS}
   */
  public Replications {
    Checks.notNull(ID, "seeds", seeds);
    Checks.notNull(ID, "comparisons", comparisons);
    Checks.check(ID, "comparisons", comparisons.size() == seeds.size(),
        "must be one per seed: " + comparisons.size() + " for " + seeds.size() + " seeds");
    Checks.check(ID, "comparisons", comparisons.size() >= MIN_REPLICATIONS,
        "must be at least " + MIN_REPLICATIONS + ", was " + comparisons.size());
  }

  /**
   * One indicator over the replications: the means of A and B, and of their paired difference B − A
   * with its sample standard deviation and a two-sided confidence interval [{@code low}, {@code
   * high}] for the mean difference (Student's t with n − 1 degrees of freedom).
   */
  public record Estimate(String indicator, int replications, double confidence, double meanA,
      double meanB, double meanDelta, double deltaSd, double low, double high) {
    /** Whether the interval leaves out zero: the difference is the policy's at that confidence. */
    public boolean significant() {
      return low > 0 || high < 0;
    }

    /** Half the interval's width: the mean difference is {@code meanDelta ± halfWidth}. */
    public double halfWidth() {
      return (high - low) / 2;
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
   *     its own arguments as {@link Simulation#run} does, and the first run's failure in the
   *     replications' order is thrown
   */
  public static Replications run(Territory divisions, SimulationConfig config, PolicySet a,
      PolicySet b, Supplier<? extends GridStorage> storage, int replications, int threads) {
    check(divisions, config, a, b, storage, replications, threads);
    return replicate(null, divisions, config, a, b, storage, replications, threads,
        finished -> { });
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
  public static Replications extend(Comparison first, Territory divisions,
      SimulationConfig config, PolicySet a, PolicySet b, Supplier<? extends GridStorage> storage,
      int replications, int threads) {
    return extend(first, divisions, config, a, b, storage, replications, threads,
        finished -> { });
  }

  /**
   * {@link #extend(Comparison, Territory, SimulationConfig, PolicySet, PolicySet, Supplier, int,
   * int)}, telling {@code runsFinished} how many of its {@code 2 × (replications − 1)} runs have
   * finished after each one does, on the thread that ran it (a progress line).
   */
  public static Replications extend(Comparison first, Territory divisions,
      SimulationConfig config, PolicySet a, PolicySet b, Supplier<? extends GridStorage> storage,
      int replications, int threads, IntConsumer runsFinished) {
    Checks.notNull(ID, "first", first);
    Checks.notNull(ID, "runsFinished", runsFinished);
    check(divisions, config, a, b, storage, replications, threads);
    String expected = Simulation.label(a) + " and " + Simulation.label(b) + " on seed "
        + config.seed();
    String was = first.a().policy() + " and " + first.b().policy() + " on seeds "
        + first.a().seed() + " and " + first.b().seed();
    Checks.check(ID, "first", first.a().policy().equals(Simulation.label(a))
        && first.b().policy().equals(Simulation.label(b)) && first.a().seed() == config.seed()
        && first.b().seed() == config.seed(), "must compare " + expected + ", was " + was);
    return replicate(first, divisions, config, a, b, storage, replications, threads,
        runsFinished);
  }

  private static void check(Territory divisions, SimulationConfig config, PolicySet a,
      PolicySet b, Supplier<? extends GridStorage> storage, int replications, int threads) {
    Checks.notNull(ID, "divisions", divisions);
    Checks.notNull(ID, "config", config);
    Checks.notNull(ID, "a", a);
    Checks.notNull(ID, "b", b);
    Checks.notNull(ID, "storage", storage);
    Checks.between(ID, "replications", MIN_REPLICATIONS, MAX_REPLICATIONS, replications);
    Checks.atLeast(ID, "threads", 1, threads);
  }

  /** Runs the replications, all of them or, when {@code first} is given, all after it. */
  private static Replications replicate(Comparison first, Territory divisions,
      SimulationConfig config, PolicySet a, PolicySet b, Supplier<? extends GridStorage> storage,
      int replications, int threads, IntConsumer runsFinished) {
    List<Long> seeds = new ArrayList<>(replications);
    List<String> labels = new ArrayList<>(2 * replications);
    List<Callable<SimulationResult>> runs = new ArrayList<>(2 * replications);
    int from = first == null ? 0 : 1;
    boolean countingThreads = Runs.countingThreads(Math.min(threads,
        2 * (replications - from)));
    for (int i = 0; i < replications; i++) {
      long seed = i == 0 ? config.seed() : Runs.seed(config.seed(), i - 1);
      seeds.add(seed);
      if (i < from) {
        continue;
      }
      SimulationConfig own = config.withSeed(seed);
      for (PolicySet policy : List.of(a, b)) {
        labels.add("replication " + (i + 1) + " (seed " + seed + ") of "
            + Simulation.label(policy));
        runs.add(() -> Simulation.run(divisions, own, policy, storage.get(), Progress.NONE,
            countingThreads));
      }
    }
    List<SimulationResult> results = Runs.inOrder(labels, runs, threads, "gridgov-replication",
        runsFinished);
    ImmutableList.Builder<Comparison> comparisons = ImmutableList.builder();
    if (first != null) {
      comparisons.add(first);
    }
    for (int i = 0; i < results.size(); i += 2) {
      comparisons.add(new Comparison(results.get(i), results.get(i + 1)));
    }
    return new Replications(ImmutableList.copyOf(seeds), comparisons.build());
  }

  /** {@link #estimates(double)} at {@value #DEFAULT_CONFIDENCE}. */
  public ImmutableList<Estimate> estimates() {
    return estimates(DEFAULT_CONFIDENCE);
  }

  /**
   * Every indicator of {@link Comparison#rows()}, in its order, estimated over the replications.
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) when {@code confidence} is
   *     not strictly between 0 and 1
   */
  public ImmutableList<Estimate> estimates(double confidence) {
    Checks.check(ID, "confidence", confidence > 0 && confidence < 1,
        "must be strictly between 0 and 1, was " + confidence);
    int n = comparisons.size();
    double t = TDistribution.of(n - 1).inverseCumulativeProbability(0.5 + confidence / 2);
    List<List<Comparison.Row>> rows = new ArrayList<>(n);
    comparisons.forEach(c -> rows.add(c.rows()));
    ImmutableList.Builder<Estimate> estimates = ImmutableList.builder();
    for (int k = 0; k < rows.get(0).size(); k++) {
      double sumA = 0;
      double sumB = 0;
      double sumDelta = 0;
      for (List<Comparison.Row> run : rows) {
        sumA += run.get(k).a();
        sumB += run.get(k).b();
        sumDelta += run.get(k).delta();
      }
      double meanDelta = sumDelta / n;
      double squares = 0;
      for (List<Comparison.Row> run : rows) {
        double d = run.get(k).delta() - meanDelta;
        squares += d * d;
      }
      double sd = Math.sqrt(squares / (n - 1));
      double half = t * sd / Math.sqrt(n);
      estimates.add(new Estimate(rows.get(0).get(k).indicator(), n, confidence, sumA / n,
          sumB / n, meanDelta, sd, meanDelta - half, meanDelta + half));
    }
    return estimates.build();
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
