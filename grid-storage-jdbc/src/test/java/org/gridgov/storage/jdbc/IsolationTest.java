package org.gridgov.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.tck.fixtures.IncidentBuilder.anIncident;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gridgov.core.spi.DueTimer;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.storage.jdbc.dialect.Dialects;
import org.gridgov.storage.jdbc.dialect.SqlDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A pool configured stricter than READ COMMITTED: every transaction still runs at READ COMMITTED
 * (the level the version checks and claims are written for), and the connection goes back to the
 * pool at its own level.
 */
class IsolationTest {

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void poolAtRepeatableRead_transactionsRunAtReadCommitted(TestDatabase database)
      throws Exception {
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
   * The pool's level is read once, when the storage is built: a connection that fails to close
   * after answering it does not make its answer void (PostgreSQL and H2 would otherwise run every
   * transaction at the pool's stricter level, where a lost race fails instead of reading stale).
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void poolAtRepeatableRead_levelReadOnAConnectionFailingToClose_stillReadCommitted(
      TestDatabase database) {
    database.requireReachable();
    DroppingDataSource strict = new DroppingDataSource(database)
        .atIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    SqlDialect dialect = Dialects.detect(strict);
    strict.failNextClose();
    Jdbc jdbc = new Jdbc(strict, dialect, new Tables("", dialect));

    int inside = jdbc.inTransaction("reading the level", Connection::getTransactionIsolation);

    assertThat(inside).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
  }

  /**
   * H2 takes due work one conditional {@code UPDATE} at a time, in auto-commit: those statements
   * must run at READ COMMITTED too, or takers racing for the same rows fail (H2 reports a lost
   * race at REPEATABLE READ as a deadlock) instead of skipping the rows another one took.
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
          taken.add(takers.submit(() -> {
            List<String> mine = new ArrayList<>();
            List<DueTimer> batch;
            while (!(batch = store.claimDue(now, 3, owner, Duration.ofMinutes(5))).isEmpty()) {
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
