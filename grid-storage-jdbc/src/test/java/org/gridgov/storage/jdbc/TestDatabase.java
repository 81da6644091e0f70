package org.gridgov.storage.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * A database the tests run on: H2 in memory always; PostgreSQL and MariaDB on the local servers
 * (addresses overridable by environment variables). A server that does not answer skips its tests
 * with a message, except when {@code CI=true}, where that is a failure.
 *
 * <p>Each JVM uses its own random table prefix per database, migrated once; {@link #fresh()}
 * empties the tables, so each test starts from an empty store. Sessions run in a time zone other
 * than the JVM's (see the surefire argLine), which instants must not depend on.
 */
final class TestDatabase {
  static final TestDatabase H2 =
      new TestDatabase(
          "H2",
          "jdbc:h2:mem:gridgov_test;DB_CLOSE_DELAY=-1",
          "sa",
          "",
          "SET TIME ZONE 'America/Sao_Paulo'",
          null);
  static final TestDatabase POSTGRESQL =
      new TestDatabase(
          "PostgreSQL",
          env("GRIDGOV_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=3"),
          env("GRIDGOV_PG_USER", null),
          env("GRIDGOV_PG_PASSWORD", ""),
          "SET TIME ZONE 'America/Sao_Paulo'",
          "GRIDGOV_PG_URL");
  static final TestDatabase MARIADB =
      new TestDatabase(
          "MariaDB",
          env("GRIDGOV_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test?connectTimeout=3000"),
          env("GRIDGOV_MARIADB_USER", "root"),
          env("GRIDGOV_MARIADB_PASSWORD", ""),
          "SET time_zone = '-03:00'",
          "GRIDGOV_MARIADB_URL");

  private static final Map<TestDatabase, String> REACHABLE_USER = new ConcurrentHashMap<>();
  private static final Set<TestDatabase> WARNED = ConcurrentHashMap.newKeySet();

  final String label;
  final String url;
  private final String user;
  final String password;
  private final String sessionZoneSql;
  private final String urlVariable;
  private final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "_";
  private HikariDataSource pool;
  private boolean migrated;

  private TestDatabase(
      String label,
      String url,
      String user,
      String password,
      String sessionZoneSql,
      String urlVariable) {
    this.label = label;
    this.url = url;
    this.user = user;
    this.password = password;
    this.sessionZoneSql = sessionZoneSql;
    this.urlVariable = urlVariable;
  }

  private static String env(String name, String fallback) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isEmpty()).orElse(fallback);
  }

  /** Skips the calling tests when the server does not answer, or fails them on CI. */
  synchronized void requireReachable() {
    if (urlVariable == null || REACHABLE_USER.containsKey(this)) {
      return;
    }
    SQLException last = null;
    for (String candidate :
        user != null ? new String[] {user} : new String[] {"postgres", "root"}) {
      try (Connection c = DriverManager.getConnection(url, candidate, password)) {
        REACHABLE_USER.put(this, c.getMetaData().getUserName());
        return;
      } catch (SQLException e) {
        last = e;
      }
    }
    String message =
        label
            + " not reachable at "
            + url
            + " ("
            + last.getMessage()
            + "); set "
            + urlVariable
            + " or start it (see grid-storage-jdbc/README.md)";
    if ("true".equals(System.getenv("CI"))) {
      fail("CI=true and " + message);
    }
    if (WARNED.add(this)) {
      System.err.println("[gridgov] SKIPPING the " + label + " tests: " + message);
    }
    Assumptions.abort(message);
  }

  String user() {
    return urlVariable == null ? user : REACHABLE_USER.get(this);
  }

  /** A pooled data source for the whole JVM, sessions in a non-UTC zone. */
  synchronized DataSource pool() {
    requireReachable();
    if (pool == null) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setUsername(user());
      config.setPassword(password);
      config.setMaximumPoolSize(10);
      config.setConnectionInitSql(sessionZoneSql);
      config.setPoolName("gridgov-" + label);
      pool = new HikariDataSource(config);
      Runtime.getRuntime().addShutdownHook(new Thread(this::dropTables));
    }
    return pool;
  }

  /**
   * A pool of an application node of its own, {@code size} connections, sessions in the server's
   * zone; the caller closes it.
   */
  HikariDataSource nodePool(String name, int size) {
    requireReachable();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user());
    config.setPassword(password);
    config.setMaximumPoolSize(size);
    config.setPoolName("gridgov-" + name);
    return new HikariDataSource(config);
  }

  String prefix() {
    return prefix;
  }

  /** An empty store: the JVM's prefix, migrated once, every table emptied. */
  synchronized JdbcGridStorage fresh() {
    DataSource dataSource = pool();
    if (!migrated) {
      JdbcGridStorage.builder(dataSource).tablePrefix(prefix).build();
      migrated = true;
    }
    JdbcGridStorage storage = again();
    Tables tables = new Tables(prefix, storage.dialect());
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String table : tables.all()) {
        s.executeUpdate("DELETE FROM " + table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty the test tables", e);
    }
    return storage;
  }

  /** Another storage over the same tables: a second node. */
  JdbcGridStorage again() {
    return JdbcGridStorage.builder(pool()).tablePrefix(prefix).schemaMode(SchemaMode.NONE).build();
  }

  /** A new random prefix with nothing in it, for tests that migrate themselves. */
  static String newPrefix() {
    return "m" + UUID.randomUUID().toString().substring(0, 8) + "_";
  }

  /** Drops the tables of {@code tablePrefix}, its migration history included. */
  void dropTables(String tablePrefix) {
    try {
      JdbcGridStorage.builder(pool())
          .tablePrefix(tablePrefix)
          .schemaMode(SchemaMode.NONE)
          .build()
          .dropTables();
    } catch (RuntimeException e) {
      // best effort: the tables carry a random prefix and hurt nobody
    }
  }

  private void dropTables() {
    dropTables(prefix);
    pool.close();
  }

  @Override
  public String toString() {
    return label;
  }
}
