package org.gridgov.benchmarks;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.governance.AdvanceResult;
import org.gridgov.governance.GridGovernance;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code GridGovernance.advance(now)} on the in-memory store holding {@code incidents} registered
 * incidents (default 100,000) of the {@link Dongcheng} directory whose claim windows have all just
 * passed: one call assigns (or escalates) every one of them. Each iteration starts from a fresh
 * store filled before the measurement, so a single shot measures exactly one advance; divide by
 * {@code incidents} for the time per incident.
 *
 * <pre>{@code
 * ./mvnw -q -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar AdvanceBenchmark -f 1 -wi 3 -i 5 -prof gc
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AdvanceBenchmark {

  @Param("100000")
  public int incidents;

  private Dongcheng district;
  private List<List<IncidentEvent>> openings;
  private GridGovernance governance;

  @Setup(Level.Trial)
  public void setUpTrial() {
    district = Dongcheng.build();
    openings = district.openings(incidents, Dongcheng.SEED + 2);
  }

  /** A new store with every incident taken in, before each (single-shot) iteration. */
  @Setup(Level.Iteration)
  public void setUpIteration() {
    governance = governance(district, openings);
  }

  @Benchmark
  public AdvanceResult advance() {
    return governance.advance(Dongcheng.NOW);
  }

  /** A facade over a fresh in-memory store holding {@code openings}, with its clock at NOW. */
  static GridGovernance governance(Dongcheng district, List<List<IncidentEvent>> openings) {
    InMemoryGridStorage storage = InMemoryGridStorage.create();
    IncidentStore store = storage.incidents();
    for (List<IncidentEvent> opening : openings) {
      store.intake(opening);
    }
    return GridGovernance.builder()
        .storage(storage)
        .directory(district.directory())
        .policy(Presets.dongcheng())
        .clock(Clock.fixed(Dongcheng.NOW, ZoneOffset.UTC))
        .build();
  }
}
