package org.gridgov.benchmarks;

import java.util.concurrent.TimeUnit;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.people.Roster;
import org.gridgov.rules.Workload;
import org.gridgov.rules.dispatch.DispatchDecision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One automatic assignment decision ({@code AutoAssignRule.decide}) on the {@link Dongcheng}
 * directory: 589 grids, 2,000 workers, 10,000 open cases skewed 80 % onto one line. Each operation
 * takes the next of 4,096 registered incidents whose claim window has passed, looks up the
 * candidates and their open cases (a map of 2,000 workers) and decides. {@code engine} runs the
 * same rule in gridgov, in Drools (a new session per decision, or a pooled one) and in Easy Rules.
 *
 * <pre>{@code
 * ./mvnw -q -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar DispatchBenchmark -f 1 -wi 10 -i 10 -w 1s -r 1s -prof gc
 * }</pre>
 *
 * <p>Ten warm-up seconds, not three: on two shared cores Drools and Easy Rules need six to eight
 * seconds before C2 has compiled them, and a shorter warm-up measures them half interpreted. {@code
 * -p engine=gridgov} runs one engine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DispatchBenchmark {
  static final int INCIDENTS = 4_096;
  private static final int MASK = INCIDENTS - 1;

  @Param({"gridgov", "drools", "drools-pooled", "easyrules"})
  public String engine;

  private Dispatcher dispatcher;
  private Incident[] incidents;
  private Roster roster;
  private Workload workload;
  private int index;

  @Setup
  public void setUp() {
    Dongcheng district = Dongcheng.build();
    dispatcher = Dispatcher.named(engine);
    incidents = district.incidents(INCIDENTS, Dongcheng.SEED + 1);
    roster = district.roster();
    workload = district.workload();
  }

  @Benchmark
  public DispatchDecision decide() {
    Incident incident = incidents[index++ & MASK];
    return dispatcher.decide(incident, roster, workload, Dongcheng.REPLY_WITHIN, Dongcheng.NOW);
  }
}
