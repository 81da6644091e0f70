package org.gridgov.storage.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Unpooled connections that, once armed, lose their server connection just before the Nth {@code
 * executeBatch}: the server ends the session from another connection ({@code pg_terminate_backend},
 * {@code KILL}) or, for H2, the connection is closed under the caller; or that lose the answer of
 * the next commit, or fail the next closes. Connections may be handed out at an isolation level and
 * auto-commit mode of the test's choosing, as a pool configured for them does, and are not reset
 * when closed: a pool that does not reset them hands the next caller a connection as the last one
 * left it, which {@link #handedBack} records, with every level the caller set ({@link #levelsSet}).
 * The data source may also refuse connections, as a pool does while its database does not answer.
 */
final class DroppingDataSource implements DataSource {
  private final TestDatabase database;
  private final AtomicInteger batches = new AtomicInteger();
  private volatile int dropAt = Integer.MAX_VALUE;
  private volatile boolean dropAfterCommit;
  private final AtomicInteger closesToFail = new AtomicInteger();
  private volatile int isolation = -1;
  private volatile boolean autoCommit = true;
  private final AtomicInteger connectionsToRefuse = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final List<HandedBack> handedBack = new CopyOnWriteArrayList<>();
  private final List<Integer> levelsSet = new CopyOnWriteArrayList<>();
  private final AtomicReference<Runnable> beforeNextUpdate = new AtomicReference<>();

  /** A connection's isolation level and auto-commit mode as its caller closed it. */
  record HandedBack(int isolation, boolean autoCommit) {}

  DroppingDataSource(TestDatabase database) {
    this.database = database;
  }

  /** Drops the connection at the {@code n}-th batch from now on (1 for the next). */
  void dropAtBatch(int n) {
    batches.set(0);
    dropAt = n;
  }

  /**
   * Makes the next commit ambiguous: the database commits, then the connection is lost before the
   * driver hears back, and the caller gets the error a lost connection gives.
   */
  void dropAfterNextCommit() {
    dropAfterCommit = true;
  }

  /**
   * Makes the next {@code close} of a connection fail after it closed the real one, as a pool or
   * driver may when the connection broke after the work was done.
   */
  void failNextClose() {
    failNextCloses(1);
  }

  /** As {@link #failNextClose}, for each of the next {@code n} closes. */
  void failNextCloses(int n) {
    closesToFail.set(n);
  }

  /**
   * Runs {@code work} just before the next {@code executeUpdate} of a statement of these
   * connections: another node's write (on connections of its own) landing between this one's read
   * and its write.
   */
  void beforeNextUpdate(Runnable work) {
    beforeNextUpdate.set(work);
  }

  /** Hands out connections at {@code level}, a {@link Connection} isolation constant. */
  DroppingDataSource atIsolation(int level) {
    isolation = level;
    return this;
  }

  /** Hands out connections in auto-commit mode {@code on}, as a pool configured for it does. */
  DroppingDataSource autoCommit(boolean on) {
    autoCommit = on;
    return this;
  }

  /** Refuses the next {@code n} connections, as a pool does while its database does not answer. */
  void refuseNextConnections(int n) {
    connectionsToRefuse.set(n);
  }

  /** How many connections were handed out and not yet closed. */
  int openConnections() {
    return open.get();
  }

  /**
   * The isolation level and auto-commit mode of each connection closed while still usable, in the
   * order they were closed: how a pool that does not reset them would hand them out next.
   */
  List<HandedBack> handedBack() {
    return List.copyOf(handedBack);
  }

  /** Every isolation level a caller set on the connections handed out, in order. */
  List<Integer> levelsSet() {
    return List.copyOf(levelsSet);
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (connectionsToRefuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new SQLException("connection refused: the database does not answer", "08001");
    }
    Connection real = DriverManager.getConnection(database.url, database.user(), database.password);
    if (isolation >= 0) {
      real.setTransactionIsolation(isolation);
    }
    real.setAutoCommit(autoCommit);
    open.incrementAndGet();
    AtomicBoolean closed = new AtomicBoolean();
    return (Connection)
        proxy(
            Connection.class,
            (p, m, args) -> {
              if (m.getName().equals("setTransactionIsolation")) {
                levelsSet.add((Integer) args[0]);
              }
              if (m.getName().equals("close") && closed.compareAndSet(false, true)) {
                open.decrementAndGet();
                recordHandedBack(real);
              }
              if (m.getName().equals("commit") && dropAfterCommit) {
                dropAfterCommit = false;
                real.commit();
                kill(real);
                throw new SQLException("connection lost waiting for the commit's answer", "08006");
              }
              if (m.getName().equals("close")
                  && closesToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                real.close();
                throw new SQLException("connection failure while closing", "08006");
              }
              Object result = invoke(real, m, args);
              if (result instanceof Statement statement && m.getName().endsWith("Statement")) {
                Class<?> type = m.getReturnType();
                return proxy(
                    type,
                    (sp, sm, sargs) -> {
                      if (sm.getName().equals("executeBatch")
                          && batches.incrementAndGet() == dropAt) {
                        kill(real);
                      }
                      if (sm.getName().equals("executeUpdate")) {
                        Runnable work = beforeNextUpdate.getAndSet(null);
                        if (work != null) {
                          work.run();
                        }
                      }
                      return invoke(statement, sm, sargs);
                    });
              }
              return result;
            });
  }

  private void recordHandedBack(Connection real) {
    try {
      if (!real.isClosed()) {
        handedBack.add(new HandedBack(real.getTransactionIsolation(), real.getAutoCommit()));
      }
    } catch (SQLException lost) {
      // a connection lost on the way goes back to no one: a pool discards it
    }
  }

  private void kill(Connection victim) throws SQLException {
    if (database == TestDatabase.H2) {
      victim.close();
      return;
    }
    boolean postgres = database == TestDatabase.POSTGRESQL;
    long id;
    try (Statement s = victim.createStatement();
        ResultSet r =
            s.executeQuery(postgres ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()")) {
      r.next();
      id = r.getLong(1);
    }
    try (Connection killer =
            DriverManager.getConnection(database.url, database.user(), database.password);
        Statement s = killer.createStatement()) {
      s.execute(postgres ? "SELECT pg_terminate_backend(" + id + ")" : "KILL " + id);
    }
  }

  private static Object proxy(Class<?> type, InvocationHandler handler) {
    return Proxy.newProxyInstance(
        DroppingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
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
