package org.gridgov.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.spi.IntakeResult;
import org.gridgov.storage.jdbc.JdbcIncidentStore;
import org.gridgov.storage.jdbc.SchemaMode;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing and reading incidents on the in-memory store, H2 (a file) and PostgreSQL, one thread.
 * Every score is in operations per second:
 *
 * <ul>
 *   <li>{@code intake}: one single shot takes in {@value #INTAKE} registered {@link Dongcheng}
 *       incidents ({@value #INTAKE_EVENTS} events: a report and a registration each) into a fresh
 *       store, with {@code JdbcIncidentStore.intakeAll} (batched) or a loop of {@code intake}
 *       (memory). The score is events per second.
 *   <li>{@code append}: one {@code append(id, expectedVersion, [IncidentSupervised])}, round robin
 *       over {@value #STORED} stored incidents, each a transaction on JDBC: events per second.
 *   <li>{@code find} / {@code history}: one load of a random incident among {@value #STORED}, each
 *       holding 5 events. The JDBC store reading them has its incident cache off ({@code
 *       incidentCacheSize(0)}), as a node that did not write them: every {@code find} reads and
 *       folds the events.
 * </ul>
 *
 * Every trial makes its own tables under a random prefix and drops them at its end.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar StorageBenchmark
 * }</pre>
 */
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class StorageBenchmark {
  static final int INTAKE = 20_000;
  static final int INTAKE_EVENTS = 2 * INTAKE;
  static final int STORED = 2_000;
  static final Actor CENTRE = Actor.centre("bench");

  /** A store of {@code store}'s kind under a fresh prefix (memory: a new in-memory store). */
  static IncidentStore newStore(String store, BenchDatabase db, long cacheSize) {
    if (store.equals("memory")) {
      return InMemoryGridStorage.create().incidents();
    }
    return db.storage(db.newPrefix(), 4, SchemaMode.MIGRATE, cacheSize).incidents();
  }

  static BenchDatabase database(String store) {
    return store.equals("memory") ? null : BenchDatabase.open(store);
  }

  /** Takes {@code openings} in: batched on JDBC, one by one in memory. */
  static List<IntakeResult> intakeAll(IncidentStore store, List<List<IncidentEvent>> openings) {
    if (store instanceof JdbcIncidentStore jdbc) {
      return jdbc.intakeAll(openings);
    }
    List<IntakeResult> results = new ArrayList<>(openings.size());
    for (List<IncidentEvent> opening : openings) {
      results.add(store.intake(opening));
    }
    return results;
  }

  /** Fresh store for each single-shot intake. */
  @State(Scope.Thread)
  public static class IntakeState {
    @Param({"memory", "h2", "postgresql", "mariadb"})
    public String store;

    BenchDatabase db;
    List<List<IncidentEvent>> openings;
    IncidentStore incidents;

    @Setup(Level.Trial)
    public void setUpTrial() {
      db = database(store);
      openings = Dongcheng.build().openings(INTAKE, Dongcheng.SEED + 3);
    }

    @Setup(Level.Iteration)
    public void setUpIteration() {
      incidents = newStore(store, db, 10_000);
    }

    @TearDown(Level.Iteration)
    public void check() {
      if (incidents.count() != INTAKE) {
        throw new IllegalStateException("stored " + incidents.count() + ", not " + INTAKE);
      }
      if (db != null) {
        db.closePools();
      }
    }

    @TearDown(Level.Trial)
    public void tearDownTrial() {
      if (db != null) {
        db.close();
      }
    }
  }

  /** {@value #STORED} registered incidents, for appends and loads. */
  @State(Scope.Thread)
  public static class StoredState {
    @Param({"memory", "h2", "postgresql", "mariadb"})
    public String store;

    BenchDatabase db;
    IncidentStore incidents;
    IncidentId[] ids;
    long[] versions;
    Instant at = Dongcheng.NOW;
    int next;

    @Setup(Level.Trial)
    public void setUpTrial() {
      db = database(store);
      List<List<IncidentEvent>> openings = Dongcheng.build().openings(STORED, Dongcheng.SEED + 4);
      incidents = newStore(store, db, 10_000);
      intakeAll(incidents, openings);
      ids = new IncidentId[STORED];
      versions = new long[STORED];
      for (int i = 0; i < STORED; i++) {
        ids[i] = openings.get(i).get(0).incident();
        versions[i] = 2;
      }
    }

    @TearDown(Level.Trial)
    public void tearDownTrial() {
      if (db != null) {
        db.close();
      }
    }
  }

  /** {@value #STORED} incidents of 5 events each, read through a store without a cache. */
  @State(Scope.Thread)
  public static class LoadState {
    @Param({"memory", "h2", "postgresql", "mariadb"})
    public String store;

    BenchDatabase db;
    IncidentStore reader;
    IncidentId[] ids;
    int next;

    @Setup(Level.Trial)
    public void setUpTrial() {
      db = database(store);
      List<List<IncidentEvent>> openings = Dongcheng.build().openings(STORED, Dongcheng.SEED + 5);
      IncidentStore writer;
      if (db == null) {
        writer = InMemoryGridStorage.create().incidents();
        reader = writer;
      } else {
        String prefix = db.newPrefix();
        writer = db.storage(prefix, 4, SchemaMode.MIGRATE, 10_000).incidents();
        reader = db.storage(prefix, 4, SchemaMode.VALIDATE, 0).incidents();
      }
      intakeAll(writer, openings);
      ids = new IncidentId[STORED];
      for (int i = 0; i < STORED; i++) {
        IncidentId id = openings.get(i).get(0).incident();
        ids[i] = id;
        for (int v = 2; v < 5; v++) {
          writer.append(id, v, List.of(supervised(id, Dongcheng.NOW.plusSeconds(v))));
        }
      }
    }

    IncidentId nextId() {
      next = (next * 1_103_515_245 + 12_345) & Integer.MAX_VALUE;
      return ids[next % STORED];
    }

    @TearDown(Level.Trial)
    public void tearDownTrial() {
      if (db != null) {
        db.close();
      }
    }
  }

  static IncidentSupervised supervised(IncidentId id, Instant at) {
    return new IncidentSupervised(id, CENTRE, at, "benchmark");
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  @OperationsPerInvocation(INTAKE_EVENTS)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<IntakeResult> intake(IntakeState s) {
    return intakeAll(s.incidents, s.openings);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Incident append(StoredState s) {
    int i = s.next;
    s.next = (i + 1) % STORED;
    if (i == 0) {
      s.at = s.at.plus(Duration.ofSeconds(1));
    }
    Incident after =
        s.incidents.append(s.ids[i], s.versions[i], List.of(supervised(s.ids[i], s.at)));
    s.versions[i] = after.version();
    return after;
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Object find(LoadState s) {
    return s.reader.find(s.nextId()).orElseThrow();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public List<IncidentEvent> history(LoadState s) {
    return s.reader.history(s.nextId());
  }
}
