package org.gridgov.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.gridgov.core.spi.OutcomeUnknownException;
import org.gridgov.core.spi.StorageException;
import org.gridgov.storage.jdbc.dialect.H2Dialect;
import org.gridgov.storage.jdbc.dialect.MariaDbDialect;
import org.gridgov.storage.jdbc.dialect.SqlDialect;
import org.junit.jupiter.api.Test;

/**
 * How {@link Jdbc} runs work on a connection, told by a connection that keeps what was done to it
 * and fails where a test says: the isolation level set only where needed and put back after, the
 * transaction rolled back on a failure, and a failed commit an unknown outcome only for a write
 * the database did not answer it rolled back.
 */
class JdbcTest {

  /** Connections at a level of the test's choosing, each recording the calls made on it. */
  private static final class FakeSource implements DataSource {
    final int level;
    final List<String> calls = new ArrayList<>();
    SQLException onGetConnection;
    SQLException onCommit;
    SQLException onRollback;
    SQLException onClose;
    boolean autoCommit = true;
    int isolation;

    FakeSource(int level) {
      this.level = level;
      this.isolation = level;
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (onGetConnection != null) {
        throw onGetConnection;
      }
      autoCommit = true;
      isolation = level;
      return (Connection) Proxy.newProxyInstance(JdbcTest.class.getClassLoader(),
          new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            String name = method.getName();
            switch (name) {
              case "getAutoCommit" -> {
                return autoCommit;
              }
              case "getTransactionIsolation" -> {
                return isolation;
              }
              case "setAutoCommit" -> {
                autoCommit = (Boolean) args[0];
                calls.add(name + "(" + autoCommit + ")");
                return null;
              }
              case "setTransactionIsolation" -> {
                isolation = (Integer) args[0];
                calls.add(name + "(" + isolation + ")");
                return null;
              }
              case "commit", "rollback", "close" -> {
                calls.add(name);
                SQLException failure = name.equals("commit") ? onCommit
                    : name.equals("rollback") ? onRollback : onClose;
                if (failure != null) {
                  throw failure;
                }
                return null;
              }
              default -> throw new UnsupportedOperationException(name);
            }
          });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }

  private static Jdbc jdbc(FakeSource source, SqlDialect dialect) {
    Jdbc jdbc = new Jdbc(source, dialect, new Tables("", dialect));
    source.calls.clear(); // the pool's level, read once when built
    return jdbc;
  }

  @Test
  void inTransaction_poolAtReadCommittedOnH2_levelLeftAlone_autoCommitPutBack() {
    FakeSource source = new FakeSource(Connection.TRANSACTION_READ_COMMITTED);
    Jdbc jdbc = jdbc(source, new H2Dialect());

    int inside = jdbc.inTransaction("work", Connection::getTransactionIsolation);

    assertThat(inside).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
    assertThat(source.calls).as("no round trip for the level")
        .containsExactly("setAutoCommit(false)", "commit", "setAutoCommit(true)", "close");
  }

  @Test
  void inTransaction_poolBelowReadCommitted_notStricter_levelLeftAlone() {
    FakeSource source = new FakeSource(Connection.TRANSACTION_READ_UNCOMMITTED);
    Jdbc jdbc = jdbc(source, new H2Dialect());

    jdbc.inTransaction("work", Connection::getTransactionIsolation);

    assertThat(source.calls).noneMatch(call -> call.startsWith("setTransactionIsolation"));
  }

  @Test
  void inTransaction_mariaDb_setsReadCommittedThenPutsTheConnectionsLevelBack() {
    FakeSource source = new FakeSource(Connection.TRANSACTION_REPEATABLE_READ);
    Jdbc jdbc = jdbc(source, new MariaDbDialect());

    int inside = jdbc.inTransaction("work", Connection::getTransactionIsolation);

    assertThat(inside).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
    assertThat(source.calls).containsExactly("setAutoCommit(false)",
        "setTransactionIsolation(2)", "commit", "setTransactionIsolation(4)",
        "setAutoCommit(true)", "close");
  }

  @Test
  void readSnapshot_atRepeatableReadWhateverTheDialect_levelPutBack() {
    FakeSource source = new FakeSource(Connection.TRANSACTION_READ_COMMITTED);
    Jdbc jdbc = jdbc(source, new H2Dialect());

    int inside = jdbc.readSnapshot("snapshot", Connection::getTransactionIsolation);

    assertThat(inside).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
    assertThat(source.isolation).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
    assertThat(source.autoCommit).isTrue();
  }

  @Test
  void autoCommit_poolAtRepeatableRead_runsAtReadCommittedInAutoCommit_connectionPutBack() {
    FakeSource source = new FakeSource(Connection.TRANSACTION_REPEATABLE_READ);
    Jdbc jdbc = jdbc(source, new H2Dialect());
    source.autoCommit = false;

    String inside = jdbc.autoCommit("take", c -> c.getAutoCommit() + "@"
        + c.getTransactionIsolation());

    assertThat(inside).isEqualTo("true@" + Connection.TRANSACTION_READ_COMMITTED);
    assertThat(source.isolation).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
    assertThat(source.calls).contains("setTransactionIsolation(4)").endsWith("close");
  }

  @Test
  void autoCommit_poolAtReadCommittedOnH2_levelLeftAlone() {
    FakeSource source = new FakeSource(Connection.TRANSACTION_READ_COMMITTED);
    Jdbc jdbc = jdbc(source, new H2Dialect());

    jdbc.autoCommit("take", Connection::getAutoCommit);

    assertThat(source.calls).containsExactly("setAutoCommit(true)", "setAutoCommit(true)",
        "close");
  }

  @Test
  void inTransaction_workFailsWithSqlException_rolledBackAndNamedWithItsState() {
    FakeSource source = new FakeSource(Connection.TRANSACTION_REPEATABLE_READ);
    Jdbc jdbc = jdbc(source, new MariaDbDialect());
    SQLException refused = new SQLException("refused", "42000");

    assertThatThrownBy(() -> jdbc.inTransaction("saving x", c -> {
      throw refused;
    })).isExactlyInstanceOf(StorageException.class).hasMessage("saving x failed (42000)")
        .hasCause(refused);
    assertThat(source.calls).containsExactly("setAutoCommit(false)",
        "setTransactionIsolation(2)", "rollback", "setTransactionIsolation(4)",
        "setAutoCommit(true)", "close");
  }

  @Test
  void inTransaction_workThrowsUnchecked_rolledBackRethrownAsIs_failingRollbackAndCloseKept() {
    FakeSource source = new FakeSource(Connection.TRANSACTION_READ_COMMITTED);
    Jdbc jdbc = jdbc(source, new H2Dialect());
    SQLException rollback = new SQLException("rollback lost", "08006");
    SQLException close = new SQLException("close lost", "08006");
    source.onRollback = rollback;
    source.onClose = close;
    IllegalStateException failure = new IllegalStateException("work failed");

    assertThatThrownBy(() -> jdbc.inTransaction("work", c -> {
      throw failure;
    })).isSameAs(failure);
    assertThat(failure.getSuppressed()).containsExactly(rollback, close);
    assertThat(source.calls).containsExactly("setAutoCommit(false)", "rollback",
        "setAutoCommit(true)", "close");
  }

  @Test
  void inTransaction_commitLostWithTheConnection_outcomeUnknownNamingOperationAndState() {
    FakeSource source = new FakeSource(Connection.TRANSACTION_READ_COMMITTED);
    Jdbc jdbc = jdbc(source, new H2Dialect());
    SQLException lost = new SQLException("connection lost", "08006");
    source.onCommit = lost;

    assertThatThrownBy(() -> jdbc.inTransaction("saving x", c -> 1))
        .isInstanceOf(OutcomeUnknownException.class)
        .hasMessage("saving x failed at commit (08006): it may have been stored or not")
        .hasCause(lost);
    assertThat(source.calls).containsExactly("setAutoCommit(false)", "commit", "rollback",
        "setAutoCommit(true)", "close");
  }

  @Test
  void inTransaction_commitLostWithoutAState_outcomeUnknown() {
    FakeSource source = new FakeSource(Connection.TRANSACTION_READ_COMMITTED);
    Jdbc jdbc = jdbc(source, new H2Dialect());
    source.onCommit = new SQLException("no state");

    assertThatThrownBy(() -> jdbc.inTransaction("saving x", c -> 1))
        .isInstanceOf(OutcomeUnknownException.class);
  }

  @Test
  void inTransaction_commitTheDatabaseRolledBack_ordinaryFailure_notOutcomeUnknown() {
    for (String state : List.of("40001", "40P01", "23505", "23000")) {
      FakeSource source = new FakeSource(Connection.TRANSACTION_READ_COMMITTED);
      Jdbc jdbc = jdbc(source, new H2Dialect());
      source.onCommit = new SQLException("rolled back", state);

      assertThatThrownBy(() -> jdbc.inTransaction("saving x", c -> 1)).as(state)
          .isExactlyInstanceOf(StorageException.class)
          .hasMessage("saving x failed (" + state + ")");
    }
  }

  @Test
  void read_commitLost_ordinaryFailure_notOutcomeUnknown() {
    FakeSource source = new FakeSource(Connection.TRANSACTION_READ_COMMITTED);
    Jdbc jdbc = jdbc(source, new H2Dialect());
    source.onCommit = new SQLException("connection lost", "08006");

    assertThatThrownBy(() -> jdbc.read("reading x", c -> 1))
        .isExactlyInstanceOf(StorageException.class).hasMessage("reading x failed (08006)");
  }

  @Test
  void anyWork_noConnection_failureNamesTheOperationAndState() {
    FakeSource source = new FakeSource(Connection.TRANSACTION_READ_COMMITTED);
    source.onGetConnection = new SQLException("refused", "08001");
    Jdbc jdbc = new Jdbc(source, new H2Dialect(), new Tables("", new H2Dialect()));

    assertThatThrownBy(() -> jdbc.read("reading x", c -> 1))
        .isExactlyInstanceOf(StorageException.class).hasMessage("reading x failed (08001)")
        .hasCause(source.onGetConnection);
  }

  @Test
  void poolUnreachableWhenBuilt_notTakenForStricter_levelLeftAloneOnceItAnswers() {
    FakeSource source = new FakeSource(Connection.TRANSACTION_READ_COMMITTED);
    source.onGetConnection = new SQLException("refused", "08001");
    Jdbc jdbc = new Jdbc(source, new H2Dialect(), new Tables("", new H2Dialect()));
    source.onGetConnection = null;

    jdbc.inTransaction("work", Connection::getTransactionIsolation);

    assertThat(source.calls).noneMatch(call -> call.startsWith("setTransactionIsolation"));
  }

  /** The README: a close failing after the commit is logged as a WARNING of this logger. */
  @Test
  void closeFailsAfterTheWork_resultReturned_warningLoggedNamingOperationAndState() {
    FakeSource source = new FakeSource(Connection.TRANSACTION_READ_COMMITTED);
    Jdbc jdbc = jdbc(source, new H2Dialect());
    SQLException close = new SQLException("close lost", "08006");
    source.onClose = close;
    List<LogRecord> logged = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    java.util.logging.Logger logger =
        java.util.logging.Logger.getLogger("org.gridgov.storage.jdbc.Jdbc");
    logger.addHandler(handler);
    try {
      int result = jdbc.inTransaction("saving x", c -> 7);
      assertThat(result).isEqualTo(7);
    } finally {
      logger.removeHandler(handler);
    }

    assertThat(logged).singleElement().satisfies(record -> {
      assertThat(record.getLevel()).isEqualTo(Level.WARNING);
      assertThat(record.getMessage())
          .isEqualTo("saving x done, but closing its connection failed (08006)");
      assertThat(record.getThrown()).isSameAs(close);
    });
  }

  @Test
  void isDeadlock_sqlStateClass40Only() {
    assertThat(Jdbc.isDeadlock(new SQLException("serialization", "40001"))).isTrue();
    assertThat(Jdbc.isDeadlock(new SQLException("deadlock", "40P01"))).isTrue();
    assertThat(Jdbc.isDeadlock(new SQLException("unique", "23505"))).isFalse();
    assertThat(Jdbc.isDeadlock(new SQLException("no state"))).isFalse();
  }
}
