package org.gridgov.benchmarks;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridgov.core.Directory;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.scoring.ScoreCard;
import org.gridgov.scoring.Scoring;
import org.gridgov.scoring.ScoringRun;
import org.gridgov.scoring.indicator.IndicatorEngine;
import org.gridgov.scoring.policy.ScoringPresets;
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
 * Scoring one month of a district: {@code events} (default 1,000,000) events of the {@link
 * Dongcheng} directory's workers and grids streamed through the indicator engine of Kaixuan's
 * scoring policy, then scored and ranked. A single shot is one whole month; events per second =
 * events ÷ the time.
 *
 * <pre>{@code
 * ./mvnw -q -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ScoringBenchmark -f 1 -wi 3 -i 5 -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScoringBenchmark {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final YearMonth MONTH = YearMonth.of(2024, 3);

  @Param("1000000")
  public int events;

  private Directory directory;
  private List<IncidentEvent> stream;

  @Setup(Level.Trial)
  public void month() {
    Dongcheng district = Dongcheng.build();
    directory = district.directory();
    stream = Histories.month(directory, events, MONTH.atDay(1).atStartOfDay(ZONE).toInstant());
  }

  /** Streams the month's events through the engine, then scores and ranks every unit. */
  @Benchmark
  public ScoreCard scoreMonth() {
    ScoringRun run = Scoring.of(ScoringPresets.kaixuan()).month(MONTH, ZONE);
    IndicatorEngine engine = run.engine().seed(directory);
    for (IncidentEvent event : stream) {
      engine.accept(event);
    }
    return run.score(engine.finish(), directory);
  }
}
