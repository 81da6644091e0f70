package org.gridgov.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Territory;
import org.gridgov.simulation.Arrivals;
import org.gridgov.simulation.CityResult;
import org.gridgov.simulation.CitySimulation;
import org.gridgov.simulation.Progress;
import org.gridgov.simulation.Simulation;
import org.gridgov.simulation.SimulationConfig;
import org.gridgov.simulation.SimulationResult;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One simulated period of Dongcheng (the real ladder, about 590 synthetic grids) in memory, under
 * Kaixuan's policy, at {@code rate} cases per grid per day: 6.2 is Beijing 12345's 2023 volume
 * (21.43 million requests over 16 districts), so a 365-day shot is a "Dongcheng year" and 16 of
 * them a Beijing-sized year ({@link #city()}: 16 districts on 2 threads). Prints the cases
 * simulated and the peak heap after each shot.
 *
 * <p>The fork runs the parallel collector: a run is a batch job where throughput is all that
 * counts, and its card-marking write barrier is cheaper than G1's for a store whose long-lived
 * entries point at a new state on every event (about 20 % faster here than G1, measured side by
 * side). It also asks for transparent huge pages: every event touches a few cold objects in a heap
 * of hundreds of megabytes, so fewer TLB misses show (about 10 % on a Dongcheng year; where the
 * kernel offers none the JVM warns and runs on). Its heap is fixed at the 8 GiB the targets allow
 * ({@code -Xms8g -Xmx8g}): a heap that starts small is grown and shrunk by the collector's adaptive
 * sizing, with twice as many young collections and a full one. On a cold Dongcheng year the fixed
 * heap's collection pauses add up to 1.4–2.4 s against 3.4–4.2 s (six alternating pairs); the wall
 * time moved within this machine's noise. Its young generation is small ({@code -Xmn512m}, against
 * 2.7 GiB by default): on this machine's virtual memory, the first touch of a page costs about 1.5
 * s a GiB in the kernel, and a small eden is faulted in once and then reused; a Dongcheng year paid
 * 30 collections (3.3 s paused) against 5 (1.3 s) and still took 0.87–0.89x the time (eight
 * alternating pairs, fifteenth session).
 *
 * <pre>{@code
 * ./mvnw -q -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar SimulationBenchmark.dongcheng -f 1 -wi 0 \
 *     -i 1 -p days=365 -p rate=6.2
 * java -jar benchmarks/target/benchmarks.jar SimulationBenchmark.city -f 1 -wi 0 -i 1 \
 *     -p days=365 -p rate=6.2 -p districts=16 -p threads=2
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@Fork(
    jvmArgsAppend = {
      "-Xms8g",
      "-Xmx8g",
      "-XX:+UseParallelGC",
      "-XX:+UseTransparentHugePages",
      "-Xmn512m"
    })
@OutputTimeUnit(TimeUnit.SECONDS)
public class SimulationBenchmark {
  @Param("30")
  public int days;

  @Param("6.2")
  public double rate;

  /** Districts of the city run by {@link #city()}. */
  @Param("16")
  public int districts;

  /** Threads the city's districts share. */
  @Param("2")
  public int threads;

  private final AtomicLong peakLive = new AtomicLong();

  /** The same after full collections only: what is really live, without old garbage. */
  private final AtomicLong peakAfterFull = new AtomicLong(-1);

  private final NotificationListener listener = this::collected;
  private long reported;
  private long closed;

  /** {@link #dongcheng()}'s wall time per {@value #STRETCH_DAYS} simulated days. */
  private StretchClock stretches = new StretchClock();

  @Benchmark
  public SimulationResult dongcheng() {
    stretches = new StretchClock();
    SimulationResult result =
        Simulation.run(Divisions.dongcheng(), config(), Presets.kaixuan(), store(), stretches);
    reported = result.reported();
    closed = result.closed();
    return result;
  }

  /**
   * {@code districts} districts of Dongcheng's size, each on its own store, on {@code threads}. Its
   * fork splits the heap evenly between the generations ({@code -XX:NewRatio=1}, a 4 GiB young
   * generation instead of 2.7): two districts in flight fill the young generation faster than one,
   * and a larger one collects a third less often, each collection copying about the same cases in
   * play (16 districts, two alternating pairs: 59–60 collections pausing 24.7–28.2 s against 86–90
   * pausing 31.4–32.5 s, and 174 and 203 s against 192 and 243 s). {@link #dongcheng()}'s small
   * young generation does not suit a city: two districts in flight allocate twice as fast and keep
   * twice the cases in play, and 4 districts of a year on 2 threads took 69.5–69.8 s with 12
   * collections (4.5 s paused) against 72.8–77.7 s with 55 at {@code -Xmn1g} and 82.7–88.2 s with
   * 120 at {@code -Xmn512m}.
   */
  @Benchmark
  @Fork(
      jvmArgsAppend = {
        "-Xms8g",
        "-Xmx8g",
        "-XX:+UseParallelGC",
        "-XX:+UseTransparentHugePages",
        "-XX:NewRatio=1"
      })
  public CityResult city() {
    Map<String, Territory> city = new LinkedHashMap<>();
    for (int i = 1; i <= districts; i++) {
      city.put("district-" + i, Divisions.dongcheng());
    }
    CityResult result =
        CitySimulation.run(city, config(), Presets.kaixuan(), SimulationBenchmark::store, threads);
    reported = result.reported();
    closed = result.closed();
    return result;
  }

  private static final int STRETCH_DAYS = 30;

  /**
   * Notes the wall time of the run's setup (the synthetic district, up to its first step) and of
   * each {@value #STRETCH_DAYS} simulated days after it: the curve shows what a cold run's first
   * months cost more than the rest, the JIT compiling while the run goes on.
   */
  private static final class StretchClock implements Progress {
    final List<Double> seconds = new ArrayList<>();
    double setup = -1;
    private long last = System.nanoTime();
    private long stretch;

    @Override
    public void update(Instant now, Instant start, Instant end, long reported) {
      if (setup < 0) {
        long t = System.nanoTime();
        setup = (t - last) / 1e9;
        last = t;
      }
      long reached = Duration.between(start, now).toDays() / STRETCH_DAYS;
      if (reached > stretch || now.equals(end) && now.isAfter(start)) {
        long t = System.nanoTime();
        seconds.add((t - last) / 1e9);
        last = t;
        stretch = reached;
      }
    }
  }

  /** A memory store that drops archived cases: a year keeps only the cases still in play. */
  private static InMemoryGridStorage store() {
    return InMemoryGridStorage.builder().keepArchived(false).build();
  }

  private SimulationConfig config() {
    return SimulationConfig.defaults()
        .withPeriod(LocalDate.of(2023, 1, 1), days)
        .withArrivals(Arrivals.defaults().withRate(rate));
  }

  /**
   * Starts watching collections: the largest heap left after one, and after a full one. A young
   * collection leaves the old generation's garbage in place, so only the second is the live set.
   */
  @Setup(Level.Iteration)
  public void watchCollections() {
    peakLive.set(0);
    peakAfterFull.set(-1);
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
      }
    }
  }

  private void collected(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long live = 0;
    for (MemoryUsage usage : info.getGcInfo().getMemoryUsageAfterGc().values()) {
      live += usage.getUsed();
    }
    peakLive.accumulateAndGet(live, Math::max);
    if (info.getGcAction().contains("major")) {
      peakAfterFull.accumulateAndGet(live, Math::max);
    }
  }

  @TearDown(Level.Iteration)
  public void report() throws ListenerNotFoundException {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.removeNotificationListener(listener);
      }
    }
    if (!stretches.seconds.isEmpty()) {
      System.out.printf(
          "%n[simulation] wall seconds: setup %.2f, then per %d simulated days (the"
              + " last: the days left) %s%n",
          stretches.setup,
          STRETCH_DAYS,
          stretches.seconds.stream()
              .map(x -> String.format("%.2f", x))
              .collect(Collectors.joining(" ")));
    }
    long full = peakAfterFull.get();
    System.out.printf(
        "%n[simulation] %d days at %.1f a grid a day: %,d cases reported, %,d closed;"
            + " peak heap %,d MB, peak after a collection %,d MB, peak after a full collection %s%n",
        days,
        rate,
        reported,
        closed,
        peak >> 20,
        peakLive.get() >> 20,
        full < 0 ? "(none ran)" : String.format("%,d MB", full >> 20));
  }
}
