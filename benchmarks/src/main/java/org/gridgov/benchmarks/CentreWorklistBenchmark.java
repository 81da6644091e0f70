package org.gridgov.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.CaseReferred;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.storage.jdbc.JdbcIncidentStore;
import org.gridgov.storage.jdbc.SchemaMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The centre's worklist ({@code IncidentStore.awaitingCentre}) on a JDBC store, read by a node that
 * did not write the cases (no incident cache): {@value #REGISTERED} registered Dongcheng cases in
 * their claim windows, every {@value #EVERY}th referred to the centre instead. {@code
 * awaitingCentre} is the store's answer (the returned rows and the registered ones with a referral
 * among their events); {@code inStageFiltered} is the reading it replaced, the SPI's default (every
 * registered case loaded, those with no claim window kept). Operations per second.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar CentreWorklistBenchmark
 * }</pre>
 */
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class CentreWorklistBenchmark {
  static final int REGISTERED = 20_000;
  static final int EVERY = 1_000;
  static final RuleId REFERRAL = RuleId.of("dispatch.auto-assign");

  @State(Scope.Thread)
  public static class Worklist {
    @Param({"h2", "postgresql", "mariadb"})
    public String store;

    BenchDatabase db;
    IncidentStore incidents;

    @Setup(Level.Trial)
    public void setUp() {
      db = BenchDatabase.open(store);
      String prefix = db.newPrefix();
      JdbcIncidentStore writer = db.storage(prefix, 2, SchemaMode.MIGRATE, 0).incidents();
      List<List<IncidentEvent>> openings = new ArrayList<>();
      List<List<IncidentEvent>> registered =
          Dongcheng.build().openings(REGISTERED, Dongcheng.SEED + 7);
      for (int i = 0; i < REGISTERED; i++) {
        List<IncidentEvent> opening = registered.get(i);
        if (i % EVERY == 0) {
          Incident waiting = Incident.replay(opening);
          opening = new ArrayList<>(opening);
          opening.add(
              new CaseReferred(
                  waiting.id(),
                  Actor.system(REFERRAL),
                  opening.get(1).at(),
                  "NO_ELIGIBLE_WORKER",
                  waiting.line().orElseThrow(),
                  waiting.level()));
        }
        openings.add(opening);
      }
      writer.intakeAll(openings);
      String table = prefix + "gridgov_incident";
      String events = prefix + "gridgov_event";
      switch (store) {
        case "postgresql" -> db.execute("VACUUM ANALYZE " + table, "VACUUM ANALYZE " + events);
        case "mariadb" -> db.execute("ANALYZE TABLE " + table + ", " + events);
        default -> db.execute("ANALYZE");
      }
      incidents = db.storage(prefix, 2, SchemaMode.NONE, 0).incidents();
      List<Incident> answer = incidents.awaitingCentre();
      if (answer.size() != REGISTERED / EVERY || !answer.equals(inStageFiltered(incidents))) {
        throw new IllegalStateException(
            "awaitingCentre listed "
                + answer.size()
                + " cases, "
                + REGISTERED / EVERY
                + " referred");
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      db.close();
    }
  }

  /** The SPI's default reading: both stages loaded, the cases with no timer kept. */
  static List<Incident> inStageFiltered(IncidentStore incidents) {
    List<Incident> waiting = new ArrayList<>(incidents.inStage(Stage.RETURNED));
    for (Incident incident : incidents.inStage(Stage.REGISTERED)) {
      if (incident.awaitsCentre()) {
        waiting.add(incident);
      }
    }
    return waiting;
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public List<Incident> awaitingCentre(Worklist s) {
    return s.incidents.awaitingCentre();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public List<Incident> inStageFiltered(Worklist s) {
    return inStageFiltered(s.incidents);
  }
}
