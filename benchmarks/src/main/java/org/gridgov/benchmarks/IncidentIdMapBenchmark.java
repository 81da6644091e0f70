package org.gridgov.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentIdMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link IncidentIdMap} against {@link HashMap} on the two things a run does with its cases in
 * play: a hand-over, every case of one map put into a new one in the first map's order (the scorer
 * starts each month's engine so), and a lookup of every case. {@code size} cases with the
 * simulation's ids ({@code I1}, {@code I2}, …). Milliseconds per pass.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar IncidentIdMapBenchmark
 * }</pre>
 */
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class IncidentIdMapBenchmark {
  @Param({"100000"})
  int size;

  private IncidentId[] ids;
  private IncidentIdMap<Integer> idMap;
  private Map<IncidentId, Integer> hashMap;

  @Setup
  public void fill() {
    ids = new IncidentId[size];
    idMap = new IncidentIdMap<>();
    hashMap = new HashMap<>();
    for (int i = 0; i < size; i++) {
      ids[i] = IncidentId.of("I" + (1_000_000 + i));
      idMap.put(ids[i], i);
      hashMap.put(ids[i], i);
    }
  }

  @Benchmark
  public int handOverIdMap() {
    IncidentIdMap<Integer> next = new IncidentIdMap<>();
    idMap.forEach(next::put);
    return next.size();
  }

  @Benchmark
  public int handOverHashMap() {
    Map<IncidentId, Integer> next = new HashMap<>();
    hashMap.forEach(next::put);
    return next.size();
  }

  @Benchmark
  public long lookUpIdMap() {
    long sum = 0;
    for (IncidentId id : ids) {
      sum += idMap.get(id);
    }
    return sum;
  }

  @Benchmark
  public long lookUpHashMap() {
    long sum = 0;
    for (IncidentId id : ids) {
      sum += hashMap.get(id);
    }
    return sum;
  }
}
