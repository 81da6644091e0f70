package org.gridgov.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.gridgov.storage.jdbc.JdbcGridStorage;
import org.gridgov.storage.jdbc.SchemaMode;

/**
 * The database behind a storage benchmark: an H2 file in a temporary folder (the embedded default),
 * the local PostgreSQL server ({@code GRIDGOV_PG_URL}, {@code GRIDGOV_PG_USER}, {@code
 * GRIDGOV_PG_PASSWORD}; {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres} by
 * default, as grid-storage-jdbc's tests) or the local MariaDB server ({@code GRIDGOV_MARIADB_URL},
 * {@code _USER}, {@code _PASSWORD}; {@code jdbc:mariadb://127.0.0.1:3306/test}, user {@code root}
 * by default). Every store gets its own HikariCP pool; {@link #close} closes them and drops every
 * table made under {@link #newPrefix}.
 */
final class BenchDatabase implements AutoCloseable {
  static final String PG_URL = env("GRIDGOV_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String PG_USER = env("GRIDGOV_PG_USER", "postgres");
  static final String PG_PASSWORD = env("GRIDGOV_PG_PASSWORD", "");
  static final String MARIADB_URL =
      env("GRIDGOV_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
  static final String MARIADB_USER = env("GRIDGOV_MARIADB_USER", "root");
  static final String MARIADB_PASSWORD = env("GRIDGOV_MARIADB_PASSWORD", "");

  private final String kind;
  private final String url;
  private final String user;
  private final String password;
  private final Path folder;
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final List<String> prefixes = new ArrayList<>();
  private final List<String> otherTables = new ArrayList<>();

  private BenchDatabase(String kind, String url, String user, String password, Path folder) {
    this.kind = kind;
    this.url = url;
    this.user = user;
    this.password = password;
    this.folder = folder;
  }

  /**
   * The database for {@code kind} ("h2", "postgresql" or "mariadb"). Throws, with a message saying
   * that the parameter is skipped, when a server does not answer: JMH then reports the error for
   * this parameter and goes on with the others.
   */
  static BenchDatabase open(String kind) {
    switch (kind) {
      case "h2":
        {
          try {
            Path folder = Files.createTempDirectory("gridgov-bench-h2");
            return new BenchDatabase(
                kind, "jdbc:h2:file:" + folder.resolve("bench"), "sa", "", folder);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      case "postgresql":
        return server(kind, "PostgreSQL", PG_URL, PG_USER, PG_PASSWORD, "GRIDGOV_PG_URL");
      case "mariadb":
        return server(
            kind, "MariaDB", MARIADB_URL, MARIADB_USER, MARIADB_PASSWORD, "GRIDGOV_MARIADB_URL");
      default:
        throw new IllegalArgumentException("not a database: " + kind);
    }
  }

  private static BenchDatabase server(
      String kind, String label, String url, String user, String password, String urlVariable) {
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      c.isValid(2);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "SKIPPED store="
              + kind
              + ": "
              + label
              + " at "
              + url
              + " (user "
              + user
              + ") does not answer ("
              + e.getMessage()
              + "). Start it (see"
              + " grid-storage-jdbc/README.md) or set "
              + urlVariable
              + ".",
          e);
    }
    return new BenchDatabase(kind, url, user, password, null);
  }

  String kind() {
    return kind;
  }

  /** A new random table prefix, remembered so that {@link #close} drops its tables. */
  String newPrefix() {
    String prefix =
        "b"
            + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36)
                .toLowerCase(Locale.ROOT)
            + "_";
    prefixes.add(prefix);
    return prefix;
  }

  /** A table of another library's, dropped by {@link #close}. */
  void dropOnClose(String table) {
    otherTables.add(table);
  }

  /** A new connection pool of {@code size} connections. */
  HikariDataSource pool(int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    config.setPoolName("bench-" + kind + "-" + pools.size());
    HikariDataSource pool = new HikariDataSource(config);
    pools.add(pool);
    return pool;
  }

  /** gridgov's storage under {@code prefix}, over a pool of its own. */
  JdbcGridStorage storage(String prefix, int poolSize, SchemaMode mode, long cacheSize) {
    return JdbcGridStorage.builder(pool(poolSize))
        .tablePrefix(prefix)
        .schemaMode(mode)
        .incidentCacheSize(cacheSize)
        .build();
  }

  /** Runs {@code sql} on a connection of its own. */
  void execute(String... sql) {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + String.join("; ", sql), e);
    }
  }

  /** Closes the pools of the stores made so far (their tables stay). */
  void closePools() {
    pools.forEach(HikariDataSource::close);
    pools.clear();
  }

  /** Closes the pools and drops the tables made under every prefix. */
  @Override
  public void close() {
    closePools();
    if (!prefixes.isEmpty()) {
      HikariDataSource dropping = pool(1);
      for (String prefix : prefixes) {
        JdbcGridStorage.builder(dropping)
            .tablePrefix(prefix)
            .schemaMode(SchemaMode.NONE)
            .build()
            .dropTables();
      }
      closePools();
    }
    if (!otherTables.isEmpty()) {
      execute(otherTables.stream().map(t -> "DROP TABLE IF EXISTS " + t).toArray(String[]::new));
    }
    prefixes.clear();
    otherTables.clear();
    if (folder != null) {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
