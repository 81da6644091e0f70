package org.gridgov.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import org.gridgov.storage.jdbc.dialect.Dialects;
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
}
