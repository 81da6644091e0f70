package org.gridgov.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.tck.fixtures.IncidentBuilder.anIncident;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.gridgov.core.spi.DueTimer;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.spi.StorageException;
import org.gridgov.storage.jdbc.DroppingDataSource.HandedBack;
import org.gridgov.storage.jdbc.dialect.Dialects;
import org.gridgov.storage.jdbc.dialect.SqlDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A pool configured stricter than READ COMMITTED: every transaction still runs at READ COMMITTED
 * (the level the version checks and claims are written for), and the connection goes back to the
 * pool at its own level and auto-commit mode, whatever the work did: a pool that does not reset
 * them (unlike HikariCP) hands the next caller what gridgov left. A pool at the database's default
 * READ COMMITTED costs no round trips to set and put back the level.
 */
class IsolationTest {
  private static final int READ_COMMITTED = Connection.TRANSACTION_READ_COMMITTED;
  private static final int REPEATABLE_READ = Connection.TRANSACTION_REPEATABLE_READ;

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void poolAtRepeatableRead_transactionsRunAtReadCommitted(TestDatabase database) throws Exception {
    database.requireReachable();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(database.url);
    config.setUsername(database.user());
    config.setPassword(database.password);
    config.setMaximumPoolSize(1);
    config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
    try (HikariDataSource pool = new HikariDataSource(config)) {
      Jdbc jdbc = new Jdbc(pool, Dialects.detect(pool), new Tables("", Dialects.detect(pool)));

      int inside = jdbc.inTransaction("reading the level", Connection::getTransactionIsolation);

      assertThat(inside).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
      try (Connection back = pool.getConnection()) {
        assertThat(back.getTransactionIsolation())
            .isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
      }
    }
  }

  /**
   * A pool configured looser than READ COMMITTED (READ UNCOMMITTED) would let a version check or a
   * claim read another transaction's uncommitted rows (H2 gives dirty reads at that level): its
   * transactions too run at READ COMMITTED, and the connection goes back as the pool gave it.
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void poolAtReadUncommitted_transactionsRunAtReadCommitted(TestDatabase database) {
    database.requireReachable();
    int uncommitted = Connection.TRANSACTION_READ_UNCOMMITTED;
    DroppingDataSource loose = new DroppingDataSource(database).atIsolation(uncommitted);
    Jdbc jdbc = jdbcOver(loose);

    int inside = jdbc.inTransaction("reading the level", Connection::getTransactionIsolation);

    assertThat(inside).isEqualTo(READ_COMMITTED);
    assertThat(loose.handedBack()).last().isEqualTo(new HandedBack(uncommitted, true));
  }

  /**
   * The pool's level is read once, when the storage is built: a connection that fails to close
   * after answering it does not make its answer void (PostgreSQL and H2 would otherwise run every
   * transaction at the pool's stricter level, where a lost race fails instead of reading stale).
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void poolAtRepeatableRead_levelReadOnAConnectionFailingToClose_stillReadCommitted(
      TestDatabase database) {
    database.requireReachable();
    DroppingDataSource strict =
        new DroppingDataSource(database).atIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    SqlDialect dialect = Dialects.detect(strict);
    strict.failNextClose();
    Jdbc jdbc = new Jdbc(strict, dialect, new Tables("", dialect));

    int inside = jdbc.inTransaction("reading the level", Connection::getTransactionIsolation);

    assertThat(inside).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
  }

  /**
   * A pool that does not reset its connections: whether the work committed, only read, took a
   * snapshot, ran in auto-commit or failed (in Java or in SQL), the connection goes back at the
   * level and in the auto-commit mode the pool gave it, for the next caller to find.
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void poolAtRepeatableRead_everyKindOfWork_connectionHandedBackAsThePoolGaveIt(
      TestDatabase database) {
    database.requireReachable();
    DroppingDataSource pool = new DroppingDataSource(database).atIsolation(REPEATABLE_READ);
    Jdbc jdbc = jdbcOver(pool);
    int before = pool.handedBack().size();

    jdbc.inTransaction("writing", c -> 1);
    jdbc.read("reading", c -> 1);
    jdbc.readSnapshot("reading a snapshot", c -> 1);
    jdbc.autoCommit("auto-committing", c -> 1);
    assertThatThrownBy(
            () ->
                jdbc.inTransaction(
                    "failing in Java",
                    c -> {
                      throw new IllegalStateException("the work failed");
                    }))
        .hasMessage("the work failed");
    assertThatThrownBy(
            () ->
                jdbc.inTransaction(
                    "failing in SQL",
                    c -> {
                      try (Statement s = c.createStatement()) {
                        return s.execute("SELECT * FROM gridgov_no_such_table");
                      }
                    }))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("failing in SQL failed");

    List<HandedBack> handedBack = pool.handedBack();
    assertThat(handedBack.subList(before, handedBack.size()))
        .hasSize(6)
        .containsOnly(new HandedBack(REPEATABLE_READ, true));
  }

  /**
   * A pool handing out connections in manual-commit mode (a common HikariCP setting): what gridgov
   * runs in auto-commit (a counter's row made before it is changed, H2's claims) is committed all
   * the same, and the connections go back in manual-commit mode.
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void poolInManualCommit_autoCommitWorkStored_connectionsHandedBackInManualCommit(
      TestDatabase database) {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    try {
      JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).build();
      DroppingDataSource pool = new DroppingDataSource(database).autoCommit(false);
      JdbcGridStorage storage =
          JdbcGridStorage.builder(pool).tablePrefix(prefix).schemaMode(SchemaMode.NONE).build();

      assertThat(storage.counters().increment("quota")).isEqualTo(1);
      assertThat(storage.counters().increment("quota")).isEqualTo(2);

      JdbcGridStorage reopened =
          JdbcGridStorage.builder(database.pool())
              .tablePrefix(prefix)
              .schemaMode(SchemaMode.NONE)
              .build();
      assertThat(reopened.counters().get("quota")).isEqualTo(2);
      assertThat(pool.handedBack())
          .isNotEmpty()
          .allSatisfy(back -> assertThat(back.autoCommit()).as("auto-commit").isFalse());
    } finally {
      database.dropTables(prefix);
    }
  }

  /**
   * PostgreSQL and H2 default to READ COMMITTED: gridgov leaves such connections alone rather than
   * set the level and put it back around every transaction (round trips each). MariaDB's default is
   * REPEATABLE READ, so each of its transactions sets READ COMMITTED and restores it.
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void poolAtTheDatabasesDefault_levelSetOnlyOnMariaDb(TestDatabase database) {
    database.requireReachable();
    DroppingDataSource pool = new DroppingDataSource(database);
    Jdbc jdbc = jdbcOver(pool);

    jdbc.inTransaction("writing", c -> 1);
    jdbc.read("reading", c -> 1);
    jdbc.autoCommit("auto-committing", c -> 1);

    if (database == TestDatabase.MARIADB) {
      assertThat(pool.levelsSet())
          .containsExactly(
              READ_COMMITTED,
              REPEATABLE_READ,
              READ_COMMITTED,
              REPEATABLE_READ,
              READ_COMMITTED,
              REPEATABLE_READ);
    } else {
      assertThat(pool.levelsSet()).isEmpty();
    }
  }

  /**
   * {@code readSnapshot} reads one snapshot on every database, whatever the pool's level: a row
   * another connection commits between its two statements is in neither (at READ COMMITTED the
   * second would see it). The connection goes back at the database's default level.
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void readSnapshot_rowCommittedBetweenItsStatements_seenByNeither(TestDatabase database)
      throws SQLException {
    JdbcGridStorage storage = database.fresh();
    DroppingDataSource pool = new DroppingDataSource(database);
    Jdbc jdbc = new Jdbc(pool, storage.dialect(), new Tables(database.prefix(), storage.dialect()));
    String count = "SELECT COUNT(*) FROM " + database.prefix() + "gridgov_counter";
    int defaultLevel;
    try (Connection c = pool.getConnection()) {
      defaultLevel = c.getTransactionIsolation();
    }

    List<Long> counts =
        jdbc.readSnapshot(
            "counting twice",
            c -> {
              long first = single(c, count);
              storage
                  .counters()
                  .increment("committed-between"); // on a connection of the pool's own
              return List.of(first, single(c, count));
            });

    assertThat(counts).containsExactly(0L, 0L);
    assertThat(storage.counters().get("committed-between")).isEqualTo(1);
    assertThat(pool.handedBack()).last().isEqualTo(new HandedBack(defaultLevel, true));
  }

  /**
   * The pool's level is read when the storage is built: a database that does not answer then leaves
   * it unknown, and gridgov then sets READ COMMITTED around every transaction, as for a stricter
   * pool, rather than run all of them at a level it never checked.
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void poolAtRepeatableRead_unreachableWhenBuilt_transactionsStillRunAtReadCommitted(
      TestDatabase database) {
    database.requireReachable();
    DroppingDataSource strict = new DroppingDataSource(database).atIsolation(REPEATABLE_READ);
    SqlDialect dialect = Dialects.detect(strict);
    strict.refuseNextConnections(1);
    Jdbc jdbc = new Jdbc(strict, dialect, new Tables("", dialect));
    strict.refuseNextConnections(0); // the database answers again

    int inside = jdbc.inTransaction("reading the level", Connection::getTransactionIsolation);

    assertThat(inside).isEqualTo(READ_COMMITTED);
    assertThat(strict.handedBack()).last().isEqualTo(new HandedBack(REPEATABLE_READ, true));
  }

  private static Jdbc jdbcOver(DataSource dataSource) {
    SqlDialect dialect = Dialects.detect(dataSource);
    return new Jdbc(dataSource, dialect, new Tables("", dialect));
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * H2 takes due work one conditional {@code UPDATE} at a time, in auto-commit: those statements
   * must run at READ COMMITTED too, or takers racing for the same rows fail (H2 reports a lost race
   * at REPEATABLE READ as a deadlock) instead of skipping the rows another one took.
   */
  @Test
  void poolAtRepeatableRead_h2TakersRacing_everyIncidentTakenOnceAndNoneFails() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:isolation-claims");
    config.setUsername("sa");
    config.setMaximumPoolSize(10);
    config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
    try (HikariDataSource pool = new HikariDataSource(config)) {
      IncidentStore store = JdbcGridStorage.builder(pool).build().incidents();
      int incidents = 300;
      for (int i = 0; i < incidents; i++) {
        store.intake(anIncident().withId("r" + i).registered(Duration.ofHours(1)).build());
      }
      Instant now = Instant.parse("2030-01-01T00:00:00Z");
      ExecutorService takers = Executors.newFixedThreadPool(8);
      try {
        List<Future<List<String>>> taken = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          String owner = "node-" + t;
          taken.add(
              takers.submit(
                  () -> {
                    List<String> mine = new ArrayList<>();
                    List<DueTimer> batch;
                    while (!(batch = store.claimDue(now, 3, owner, Duration.ofMinutes(5)))
                        .isEmpty()) {
                      assertThat(batch).as("at most the limit").hasSizeLessThanOrEqualTo(3);
                      batch.forEach(d -> mine.add(d.incident().id().value()));
                    }
                    return mine;
                  }));
        }
        List<String> all = new ArrayList<>();
        for (Future<List<String>> future : taken) {
          all.addAll(future.get(60, TimeUnit.SECONDS));
        }
        assertThat(all).hasSize(incidents).doesNotHaveDuplicates();
      } finally {
        takers.shutdownNow();
      }
    }
  }
}
