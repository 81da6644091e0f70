package org.gridgov.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.gridgov.core.spi.OutcomeUnknownException;
import org.gridgov.core.spi.StorageException;
import org.gridgov.storage.jdbc.dialect.SqlDialect;

/**
 * Runs work on a connection of the data source: in one READ COMMITTED transaction that commits when
 * the work returns and rolls back when it throws (a {@link #readSnapshot} at REPEATABLE READ).
 * Driver errors become a {@link StorageException} naming the operation, with the {@link
 * SQLException} as cause; a commit that fails is {@link CommitUnknown} for work that writes ({@link
 * #inTransaction}), an ordinary failure for work that only reads ({@link #read}). A connection that
 * fails to close after the work is done does not undo its result (it is logged).
 */
final class Jdbc {
  private static final System.Logger LOG = System.getLogger(Jdbc.class.getName());

  /** Work on a connection. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;
  private final SqlDialect dialect;
  private final Tables tables;

  /** Whether each transaction sets READ COMMITTED (and restores the connection's level after). */
  private final boolean setsReadCommitted;

  Jdbc(DataSource dataSource, SqlDialect dialect, Tables tables) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.tables = tables;
    this.setsReadCommitted = dialect.setsReadCommitted() || defaultIsNotReadCommitted();
  }

  /**
   * Whether the pool hands out connections at another level than READ COMMITTED: the version checks
   * and claims are written for it. Under a stricter level (a pool configured for REPEATABLE READ,
   * say) a lost race surfaces as a serialization error instead of a stale version; under READ
   * UNCOMMITTED a check could read another transaction's uncommitted rows. Asked once, of one
   * connection; a pool at the database's default costs nothing more. On {@link #onConnection}, so
   * that a connection failing to close after it answered does not void the answer (a plain
   * try-with-resources would take the close's error for "at READ COMMITTED"). A level that cannot
   * be read (the database not answering just then) counts as another: it is never asked again, and
   * setting READ COMMITTED costs round trips where skipping it would run every transaction at a
   * level never checked.
   */
  private boolean defaultIsNotReadCommitted() {
    try {
      return onConnection(
          "reading the pool's isolation level",
          c -> c.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED);
    } catch (StorageException e) {
      return true; // unknown; the first real operation reports a database still unreachable
    }
  }

  SqlDialect dialect() {
    return dialect;
  }

  Tables tables() {
    return tables;
  }

  DataSource dataSource() {
    return dataSource;
  }

  /**
   * Runs {@code work}, which writes, in a transaction; {@code operation} names it in errors. A
   * commit that fails without the database's answer that it rolled back is {@link CommitUnknown}.
   */
  <T> T inTransaction(String operation, Work<T> work) {
    return transaction(operation, true, Connection.TRANSACTION_READ_COMMITTED, work);
  }

  /**
   * Runs {@code work}, which only reads, in a transaction as {@link #inTransaction} does, but a
   * commit that fails is the ordinary {@link StorageException} of a driver error, never {@link
   * CommitUnknown}: a read stores nothing, so there is no outcome to be unknown about. Told {@link
   * OutcomeUnknownException}, a caller keeps what it reserved for a write that may be stored
   * (governance keeps an escalation's quota slot), and would keep it for a read that failed before
   * any write was tried. Work that writes anything must use {@link #inTransaction}.
   */
  <T> T read(String operation, Work<T> work) {
    return transaction(operation, false, Connection.TRANSACTION_READ_COMMITTED, work);
  }

  /**
   * Runs {@code work}, which only reads, as {@link #read} does but at REPEATABLE READ, whatever the
   * dialect and the pool, so that its statements read one snapshot: at READ COMMITTED each
   * statement sees what committed before it, and work that reads a list first and then the rows of
   * the list would see rows committed in between for some entries and not for others. InnoDB
   * (MariaDB) takes the snapshot at the first read and keeps it until the commit, without locks;
   * the connection goes back at its own level.
   */
  <T> T readSnapshot(String operation, Work<T> work) {
    return transaction(operation, false, Connection.TRANSACTION_REPEATABLE_READ, work);
  }

  private <T> T transaction(String operation, boolean writes, int level, Work<T> work) {
    return onConnection(
        operation,
        connection -> {
          boolean autoCommit = connection.getAutoCommit();
          boolean setIsolation =
              setsReadCommitted || level != Connection.TRANSACTION_READ_COMMITTED;
          int isolation = setIsolation ? connection.getTransactionIsolation() : 0;
          connection.setAutoCommit(false);
          if (setIsolation) {
            connection.setTransactionIsolation(level);
          }
          T result;
          try {
            result = work.run(connection);
          } catch (SQLException | RuntimeException | Error e) {
            rollback(connection, e);
            restore(connection, autoCommit, setIsolation, isolation);
            throw e;
          }
          try {
            connection.commit();
          } catch (SQLException e) {
            rollback(connection, e);
            if (!writes || refused(e)) {
              throw e; // nothing stored: a read, or the database answered that it rolled back
            }
            throw new CommitUnknown(operation, e);
          } finally {
            restore(connection, autoCommit, setIsolation, isolation);
          }
          return result;
        });
  }

  /**
   * Runs {@code work} on a connection of the data source, then closes it. A close that fails after
   * the work returned is logged, not thrown: the work is done (a transaction committed), and
   * reporting it failed would have a caller retry what is stored. The pool discards a broken
   * connection. When the work throws, a failing close is added to its exception as suppressed.
   */
  private <T> T onConnection(String operation, Work<T> work) {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw failed(operation, e);
    }
    T result;
    try {
      result = work.run(connection);
    } catch (SQLException e) {
      StorageException failure = failed(operation, e);
      close(connection, failure);
      throw failure;
    } catch (RuntimeException | Error e) {
      close(connection, e);
      throw e;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          operation + " done, but closing its connection failed (" + e.getSQLState() + ")",
          e);
    }
    return result;
  }

  private static StorageException failed(String operation, SQLException e) {
    return new StorageException(operation + " failed (" + e.getSQLState() + ")", e);
  }

  private static void close(Connection connection, Throwable failure) {
    try {
      connection.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * Whether a failed commit is the database's answer that it rolled the transaction back (a
   * serialization failure or deadlock, SQLSTATE class 40, or a deferred constraint, class 23),
   * rather than a lost connection, after which the commit may have gone through.
   */
  private static boolean refused(SQLException e) {
    String state = e.getSQLState();
    return isDeadlock(e) || state != null && state.startsWith("23");
  }

  /**
   * Whether a statement failed as a serialization failure or a deadlock's victim (SQLSTATE class
   * 40): the database rolled the transaction back, and trying it again may succeed.
   */
  static boolean isDeadlock(SQLException e) {
    String state = e.getSQLState();
    return state != null && state.startsWith("40");
  }

  /**
   * The commit failed: the connection may have died after the database committed, so the work may
   * or may not be stored. Only a version-checked retry can tell; retrying as if nothing were
   * written could report what was stored as skipped. The SPI's {@link OutcomeUnknownException}.
   */
  static final class CommitUnknown extends OutcomeUnknownException {
    private static final long serialVersionUID = 1L;

    CommitUnknown(String operation, SQLException cause) {
      super(
          operation
              + " failed at commit ("
              + cause.getSQLState()
              + "): it may have been"
              + " stored or not",
          cause);
    }
  }

  /**
   * Runs {@code work} on a connection in auto-commit mode, one statement at a time, at READ
   * COMMITTED as {@link #inTransaction} does (the conditional updates that take due work on H2 are
   * written for it: at a stricter level a lost race fails instead of matching no row).
   */
  <T> T autoCommit(String operation, Work<T> work) {
    return onConnection(
        operation,
        connection -> {
          boolean autoCommit = connection.getAutoCommit();
          boolean setIsolation = setsReadCommitted;
          int isolation = setIsolation ? connection.getTransactionIsolation() : 0;
          connection.setAutoCommit(true);
          if (setIsolation) {
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
          }
          try {
            return work.run(connection);
          } finally {
            restore(connection, autoCommit, setIsolation, isolation);
          }
        });
  }

  private static void rollback(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static void restore(
      Connection connection, boolean autoCommit, boolean setIsolation, int isolation) {
    if (setIsolation) {
      quietly(() -> connection.setTransactionIsolation(isolation));
    }
    quietly(() -> connection.setAutoCommit(autoCommit));
  }

  private interface SqlAction {
    void run() throws SQLException;
  }

  private static void quietly(SqlAction action) {
    try {
      action.run();
    } catch (SQLException ignored) {
      // the connection is broken; the pool discards it
    }
  }
}
