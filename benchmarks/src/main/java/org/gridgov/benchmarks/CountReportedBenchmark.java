package org.gridgov.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.storage.jdbc.JdbcGridStorage;
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
 * {@code IncidentStore.countReported} for one month of a street (the escalation quota's question)
 * on a store with a long history: {@value #GRIDS} grids in two streets, a report per grid every
 * {@value #HOURS_APART} hours for {@value #DAYS} days ({@value #ROWS} rows), written straight into
 * the incident table (rows of settled registrations, every 20th rejected). {@code countReported} is
 * the store's; {@code countReportedLikeScan} runs the statement of the earlier release ({@code grid
 * LIKE 'street%'} and the period), on a connection of its own, as the baseline. Operations per
 * second.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar CountReportedBenchmark
 * }</pre>
 */
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class CountReportedBenchmark {
  static final int GRIDS = 200;
  static final int DAYS = 3 * 365;
  static final int HOURS_APART = 8;
  static final int ROWS = GRIDS * DAYS * 24 / HOURS_APART;
  static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
  static final AreaCode STREET = AreaCode.parse("110101001");
  static final Instant FROM = Instant.parse("2025-06-01T00:00:00Z");
  static final Instant TO = Instant.parse("2025-07-01T00:00:00Z");

  /** The earlier release's statement ({@code {incident}}, {@code {event}}: the tables). */
  static final String LIKE_SCAN =
      """
      SELECT (SELECT COUNT(*) FROM {incident}
               WHERE grid LIKE ? AND reported_at >= ? AND reported_at < ? AND rejected = FALSE)
           + (SELECT COUNT(*) FROM {incident} i
               WHERE i.grid LIKE ? AND reported_at >= ? AND reported_at < ? AND i.rejected IS NULL
                 AND (i.stage = 'REPORTED'
                      OR (i.stage <> 'REJECTED'
                          AND NOT EXISTS (SELECT 1 FROM {event} e
                                           WHERE e.incident_id = i.id
                                             AND e.event_type = 'incident.rejected'))))""";

  @State(Scope.Thread)
  public static class History {
    @Param({"h2", "postgresql"})
    public String store;

    BenchDatabase db;
    IncidentStore incidents;
    DataSource pool;
    String likeScan;
    long expected;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
      db = BenchDatabase.open(store);
      String prefix = db.newPrefix();
      JdbcGridStorage storage = db.storage(prefix, 2, SchemaMode.MIGRATE, 0);
      incidents = storage.incidents();
      pool = db.pool(1);
      String incident = prefix + "gridgov_incident";
      likeScan =
          LIKE_SCAN.replace("{incident}", incident).replace("{event}", prefix + "gridgov_event");
      fill(incident);
      if (store.equals("postgresql")) {
        db.execute("VACUUM ANALYZE " + incident);
      } else {
        db.execute("ANALYZE");
      }
      expected = likeScan();
      long counted = incidents.countReported(STREET, FROM, TO);
      if (expected == 0 || counted != expected) {
        throw new IllegalStateException("countReported " + counted + ", the LIKE scan " + expected);
      }
    }

    private void fill(String incident) throws SQLException {
      try (Connection c = pool.getConnection();
          PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO "
                      + incident
                      + " (id, version, stage, grid, is_open, reported_at, rejected)"
                      + " VALUES (?, 3, ?, ?, FALSE, ?, ?)")) {
        c.setAutoCommit(false);
        int n = 0;
        for (int g = 0; g < GRIDS; g++) {
          String grid =
              "11010100" + (1 + g / 100) + String.format("%03d%03d", 1 + g % 100 / 10, 1 + g % 10);
          for (int h = 0; h < DAYS * 24; h += HOURS_APART) {
            boolean rejected = n % 20 == 0;
            insert.setString(1, "c" + n++);
            insert.setString(2, rejected ? "REJECTED" : "CLOSED");
            insert.setString(3, grid);
            insert.setObject(
                4, START.plus(h, ChronoUnit.HOURS).plusSeconds(g).atOffset(ZoneOffset.UTC));
            insert.setBoolean(5, rejected);
            insert.addBatch();
            if (n % 1_000 == 0) {
              insert.executeBatch();
            }
          }
        }
        insert.executeBatch();
        c.commit();
      }
    }

    long likeScan() throws SQLException {
      try (Connection c = pool.getConnection();
          PreparedStatement select = c.prepareStatement(likeScan)) {
        int index = 0;
        for (int count = 0; count < 2; count++) {
          select.setString(++index, STREET.codePrefix() + "%");
          select.setObject(++index, FROM.atOffset(ZoneOffset.UTC));
          select.setObject(++index, TO.atOffset(ZoneOffset.UTC));
        }
        try (ResultSet result = select.executeQuery()) {
          result.next();
          return result.getLong(1);
        }
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      db.close();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public long countReported(History s) {
    return s.incidents.countReported(STREET, FROM, TO);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public long countReportedLikeScan(History s) throws SQLException {
    return s.likeScan();
  }
}
