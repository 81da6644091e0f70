package org.gridgov.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Simulates Dongcheng under Kaixuan's policy with two or more builds of gridgov in one JVM, taking
 * turns, so that their times are measured as ratios within the same minutes of a noisy shared
 * machine. Each build is a benchmarks jar (or any jar holding gridgov and its dependencies) loaded
 * by a class loader of its own, so each is compiled by the JIT on its own; only public API is
 * called, by reflection, so an older build's jar serves as it is. A round runs every build once, in
 * turn, the order reversed every other round; the first round is the cold one and the summary
 * leaves it out.
 *
 * <pre>{@code
 * ./mvnw -q -B -pl benchmarks -am package -DskipTests
 * java -Xms8g -Xmx8g -XX:+UseParallelGC -XX:+UseTransparentHugePages \
 *     -cp benchmarks/target/benchmarks.jar org.gridgov.benchmarks.SideBySide \
 *     --days 120 --rounds 9 /tmp/before/benchmarks.jar benchmarks/target/benchmarks.jar
 * }</pre>
 */
@Command(
    name = "side-by-side",
    mixinStandardHelpOptions = true,
    description =
        "Simulates Dongcheng with each build in turn in one JVM and compares their times.")
public final class SideBySide implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(
      arity = "2..*",
      paramLabel = "JAR",
      description = "The builds' jars, the first the" + " baseline.")
  private List<Path> jars;

  @Option(names = "--days", defaultValue = "120", description = "Simulated days per run.")
  private int days;

  @Option(
      names = "--rounds",
      defaultValue = "9",
      description = "Runs per build, the first of them cold.")
  private int rounds;

  @Option(
      names = "--rate",
      defaultValue = "6.2",
      description = "Cases per grid per day (6.2: Beijing 12345's 2023 volume).")
  private double rate;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SideBySide()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    check(days >= 1, "--days", "must be at least 1, was " + days);
    check(rounds >= 2, "--rounds", "must be at least 2 (the first is cold), was " + rounds);
    check(rate > 0, "--rate", "must be positive, was " + rate);
    for (Path jar : jars) {
      check(Files.isRegularFile(jar), "JAR", "no such file: " + jar);
    }
    List<Build> builds = new ArrayList<>();
    for (Path jar : jars) {
      try {
        builds.add(new Build(jar));
      } catch (ReflectiveOperationException e) {
        check(false, "JAR", jar + " holds no gridgov simulation with this API: " + e);
      }
    }
    double[][] seconds = new double[builds.size()][rounds];
    long[] closed = new long[builds.size()];
    for (int round = 0; round < rounds; round++) {
      for (int turn = 0; turn < builds.size(); turn++) {
        int b = round % 2 == 0 ? turn : builds.size() - 1 - turn;
        System.gc(); // the last run's garbage is not the next one's to collect
        long start = System.nanoTime();
        closed[b] = builds.get(b).run(days, rate);
        seconds[b][round] = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            "round %d, %s: %.2f s, %,d cases closed%n",
            round + 1, jars.get(b), seconds[b][round], closed[b]);
      }
    }
    double baseline = warmMedian(seconds[0]);
    for (int b = 0; b < builds.size(); b++) {
      System.out.printf(
          "%s: warm median %.2f s (%.3f of the first), fastest %.2f s%n",
          jars.get(b),
          warmMedian(seconds[b]),
          warmMedian(seconds[b]) / baseline,
          Arrays.stream(seconds[b], 1, rounds).min().orElseThrow());
    }
    if (Arrays.stream(closed).distinct().count() > 1) {
      System.out.println(
          "the builds closed different numbers of cases: " + Arrays.toString(closed));
    }
    return 0;
  }

  /** The median of the rounds after the first: the time of a warm run. */
  static double warmMedian(double[] seconds) {
    double[] warm = Arrays.copyOfRange(seconds, 1, seconds.length);
    Arrays.sort(warm);
    int half = warm.length / 2;
    return warm.length % 2 == 1 ? warm[half] : (warm[half - 1] + warm[half]) / 2;
  }

  private void check(boolean ok, String option, String rule) {
    if (!ok) {
      throw new ParameterException(spec.commandLine(), option + " " + rule);
    }
  }

  /** One build, loaded apart from this class's own gridgov; runs through its public API. */
  private static final class Build {
    private final Method dongcheng;
    private final Method defaults;
    private final Method withPeriod;
    private final Method arrivals;
    private final Method withRate;
    private final Method withArrivals;
    private final Method kaixuan;
    private final Method storageBuilder;
    private final Method keepArchived;
    private final Method buildStorage;
    private final Method simulate;
    private final Method closed;

    Build(Path jar) throws ReflectiveOperationException, MalformedURLException {
      ClassLoader loader =
          new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> territory = loader.loadClass("org.gridgov.core.territory.Territory");
      Class<?> config = loader.loadClass("org.gridgov.simulation.SimulationConfig");
      Class<?> arrivalsClass = loader.loadClass("org.gridgov.simulation.Arrivals");
      Class<?> policy = loader.loadClass("org.gridgov.core.policy.PolicySet");
      Class<?> storage = loader.loadClass("org.gridgov.core.spi.GridStorage");
      Class<?> memory = loader.loadClass("org.gridgov.storage.memory.InMemoryGridStorage");
      dongcheng = loader.loadClass("org.gridgov.core.territory.Divisions").getMethod("dongcheng");
      defaults = config.getMethod("defaults");
      withPeriod = config.getMethod("withPeriod", LocalDate.class, int.class);
      arrivals = arrivalsClass.getMethod("defaults");
      withRate = arrivalsClass.getMethod("withRate", double.class);
      withArrivals = config.getMethod("withArrivals", arrivalsClass);
      kaixuan = loader.loadClass("org.gridgov.core.policy.Presets").getMethod("kaixuan");
      storageBuilder = memory.getMethod("builder");
      keepArchived = storageBuilder.getReturnType().getMethod("keepArchived", boolean.class);
      buildStorage = storageBuilder.getReturnType().getMethod("build");
      simulate =
          loader
              .loadClass("org.gridgov.simulation.Simulation")
              .getMethod("run", territory, config, policy, storage);
      closed = simulate.getReturnType().getMethod("closed");
    }

    /**
     * Simulates {@code days} of Dongcheng from 2023-01-01 at {@code rate}, on a memory store that
     * drops archived cases as the simulation benchmark's; returns the cases closed.
     */
    long run(int days, double rate) throws ReflectiveOperationException {
      try {
        Object period = withPeriod.invoke(defaults.invoke(null), LocalDate.of(2023, 1, 1), days);
        Object config = withArrivals.invoke(period, withRate.invoke(arrivals.invoke(null), rate));
        Object storage =
            buildStorage.invoke(keepArchived.invoke(storageBuilder.invoke(null), false));
        Object result =
            simulate.invoke(null, dongcheng.invoke(null), config, kaixuan.invoke(null), storage);
        return (long) closed.invoke(result);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw e;
      }
    }
  }
}
