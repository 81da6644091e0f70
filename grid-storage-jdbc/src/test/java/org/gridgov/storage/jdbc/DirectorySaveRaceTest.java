package org.gridgov.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gridgov.core.spi.StaleVersionException;
import org.gridgov.tck.fixtures.Directories;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Directory saves of two nodes racing for the same revision behind a third writer's uncommitted row
 * of it, which then rolls back: one saves, the other is told its revision is stale. On PostgreSQL
 * the loser meets the winner's row (a unique violation); on MariaDB both waiters are granted the
 * row's lock at once and InnoDB picks one as a deadlock's victim (SQLSTATE 40001), which must read
 * as a lost race too, not as a storage failure.
 */
class DirectorySaveRaceTest {

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#multiNode")
  void twoSavesWaitingOnARivalThatRollsBack_oneSaved_otherToldStale(TestDatabase database)
      throws Exception {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    String directory = prefix + "gridgov_directory";
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try (Connection rival =
        DriverManager.getConnection(database.url, database.user(), database.password)) {
      JdbcGridStorage storage =
          JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).build();
      rival.setAutoCommit(false);
      try (PreparedStatement insert =
          rival.prepareStatement(
              "INSERT INTO "
                  + directory
                  + " (revision, schema_version, document) VALUES (1, 1, '{}')")) {
        insert.executeUpdate();
      }
      List<Future<Long>> saves = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        saves.add(nodes.submit(() -> storage.directory().save(Directories.everyField(), 0)));
      }
      awaitWaitingOnALock(database, directory, 2);

      rival.rollback();

      List<Long> saved = new ArrayList<>();
      List<Throwable> refused = new ArrayList<>();
      for (Future<Long> save : saves) {
        try {
          saved.add(save.get(60, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          refused.add(e.getCause());
        }
      }
      assertThat(saved).containsExactly(1L);
      assertThat(refused).singleElement().isInstanceOf(StaleVersionException.class);
      assertThat(storage.directory().revision()).isEqualTo(1);
    } finally {
      nodes.shutdownNow();
      database.dropTables(prefix);
    }
  }

  /** Waits until {@code count} sessions wait for a lock in a statement on {@code table}. */
  private static void awaitWaitingOnALock(TestDatabase database, String table, int count)
      throws SQLException, InterruptedException {
    String sql =
        database == TestDatabase.POSTGRESQL
            ? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ?"
            : "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'"
                + " AND trx_query LIKE ?";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Connection c =
            DriverManager.getConnection(database.url, database.user(), database.password);
        PreparedStatement waiting = c.prepareStatement(sql)) {
      waiting.setString(1, "%" + table + "%");
      while (System.nanoTime() < deadline) {
        try (ResultSet rows = waiting.executeQuery()) {
          rows.next();
          if (rows.getInt(1) >= count) {
            return;
          }
        }
        Thread.sleep(200); // InnoDB refreshes INNODB_TRX only when unread for 100 ms
      }
    }
    fail(count + " sessions never waited on a lock of " + table);
  }
}
