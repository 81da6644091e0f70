package org.gridgov.storage.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.spi.CounterStore;
import org.gridgov.core.spi.DirectoryStore;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.spi.PolicyStore;
import org.gridgov.core.spi.StorageCapability;
import org.gridgov.core.spi.StorageException;
import org.gridgov.storage.jdbc.dialect.Dialects;
import org.gridgov.storage.jdbc.dialect.SqlDialect;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Storage over a {@link DataSource}: PostgreSQL, MariaDB or H2, picked from the database's
 * metadata. The schema comes from Flyway migrations applied on start ({@link SchemaMode}).
 * Thread-safe; bring a connection pool for real use.
 *
 * <pre>{@code
 * GridStorage storage = JdbcGridStorage.create(dataSource);          // migrate, no prefix
 * GridStorage tenant = JdbcGridStorage.builder(dataSource)
 *     .tablePrefix("city_").schemaMode(SchemaMode.VALIDATE).build();
 * GridStorage embedded = JdbcGridStorage.h2(Path.of("data/gridgov")); // H2 file
 * }</pre>
 */
public final class JdbcGridStorage implements GridStorage {
  private final Jdbc jdbc;
  private final JdbcIncidentStore incidents;
  private final JdbcDirectoryStore directory;
  private final JdbcPolicyStore policies;
  private final JdbcCounterStore counters;
  private final Set<StorageCapability> capabilities;

  private JdbcGridStorage(Builder b) {
    Tables tables = b.tables();
    SqlDialect dialect = tables.dialect();
    Schema.apply(b.dataSource, tables, b.schemaMode);
    this.jdbc = new Jdbc(b.dataSource, dialect, tables);
    this.incidents = new JdbcIncidentStore(jdbc, b.cacheSize);
    this.directory = new JdbcDirectoryStore(jdbc);
    this.policies = new JdbcPolicyStore(jdbc);
    this.counters = new JdbcCounterStore(jdbc);
    this.capabilities = capabilities(b.dataSource, dialect);
  }

  /** Storage over {@code dataSource}, migrating the schema, without a table prefix. */
  public static JdbcGridStorage create(DataSource dataSource) {
    return builder(dataSource).build();
  }

  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /**
   * The embedded default: an H2 database in the file {@code file} (H2 adds {@code .mv.db}).
   *
   * @throws InvalidInputException at {@code file} ({@link InputRules#FORMAT}) when the path holds
   *     {@code ;}, which H2's URL would read as the start of a setting
   */
  public static JdbcGridStorage h2(Path file) {
    String path = Objects.requireNonNull(file, "file").toAbsolutePath().toString();
    return create(
        h2DataSource("jdbc:h2:file:" + checkNoSetting("H2 storage in a file", "file", path)));
  }

  /**
   * An H2 database in memory, shared by name inside this JVM until the JVM stops.
   *
   * @throws InvalidInputException at {@code name} when it is blank ({@link InputRules#REQUIRED}: H2
   *     would open a private database for each connection, which loses the tables as soon as they
   *     are migrated) or holds {@code ;} ({@link InputRules#FORMAT}), which H2's URL would read as
   *     the start of a setting
   */
  public static JdbcGridStorage h2InMemory(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new InvalidInputException(
          "H2 storage in memory",
          Violation.of(
              "name",
              InputRules.REQUIRED,
              "must not be blank: H2 would open a private database for each" + " connection",
              name));
    }
    return create(
        h2DataSource(
            "jdbc:h2:mem:"
                + checkNoSetting("H2 storage in memory", "name", name)
                + ";DB_CLOSE_DELAY=-1"));
  }

  private static String checkNoSetting(String subject, String parameter, String value) {
    if (value.indexOf(';') >= 0) {
      throw new InvalidInputException(
          subject,
          Violation.of(
              parameter,
              InputRules.FORMAT,
              "must not hold ';': H2 would read what follows as a setting",
              value));
    }
    return value;
  }

  private static DataSource h2DataSource(String url) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    return dataSource;
  }

  /**
   * Drops gridgov's tables under this storage's prefix, its data and its migration history, as a
   * test, a benchmark or a discarded simulation run needs once it is done with them: a storage
   * built afterwards over the same prefix with {@link SchemaMode#MIGRATE} starts empty. Tables that
   * are not there are passed over and other tables are left alone. This storage, and every node
   * over the same tables, is of no use afterwards: drop only once none is in use.
   *
   * @throws StorageException when the database refuses a drop; the tables dropped before it stay
   *     dropped, and calling again drops the rest
   */
  public void dropTables() {
    // in auto-commit, each drop committed as it goes (PostgreSQL's DDL is transactional)
    jdbc.autoCommit(
        "dropping the gridgov tables (prefix '" + jdbc.tables().prefix() + "')",
        connection -> {
          Schema.drop(connection, jdbc.tables());
          return null;
        });
  }

  /** The dialect in use. */
  public SqlDialect dialect() {
    return jdbc.dialect();
  }

  @Override
  public JdbcIncidentStore incidents() {
    return incidents;
  }

  @Override
  public DirectoryStore directory() {
    return directory;
  }

  @Override
  public PolicyStore policies() {
    return policies;
  }

  @Override
  public CounterStore counters() {
    return counters;
  }

  /**
   * DURABLE unless the database is H2 in memory (in this JVM or behind an H2 server); MULTI_NODE
   * and SKIP_LOCKED_CLAIM on PostgreSQL and MariaDB.
   */
  @Override
  public Set<StorageCapability> capabilities() {
    return capabilities;
  }

  private static Set<StorageCapability> capabilities(DataSource dataSource, SqlDialect dialect) {
    Set<StorageCapability> result = EnumSet.noneOf(StorageCapability.class);
    try (Connection connection = dataSource.getConnection()) {
      if (!inMemoryH2(connection)) {
        result.add(StorageCapability.DURABLE);
      }
    } catch (SQLException e) {
      throw new StorageException("cannot read the database's metadata", e);
    }
    if (dialect.supportsMultiNode()) {
      result.add(StorageCapability.MULTI_NODE);
    }
    if (dialect.supportsSkipLocked()) {
      result.add(StorageCapability.SKIP_LOCKED_CLAIM);
    }
    return Set.copyOf(result);
  }

  /**
   * Whether the database is H2 in memory, however it is reached: {@code jdbc:h2:mem:x} in this JVM,
   * or {@code jdbc:h2:tcp://host/mem:x} and {@code ssl://} through a server, whose memory database
   * is gone when the server stops just the same. H2 itself answers: {@code DATABASE_PATH()} is null
   * for a database in memory, the file's path otherwise.
   */
  private static boolean inMemoryH2(Connection connection) throws SQLException {
    if (!connection.getMetaData().getURL().startsWith("jdbc:h2:")) {
      return false;
    }
    try (Statement statement = connection.createStatement();
        ResultSet path = statement.executeQuery("SELECT DATABASE_PATH()")) {
      return path.next() && path.getString(1) == null;
    }
  }

  /** Options of a {@link JdbcGridStorage}; every one has a default. */
  public static final class Builder {
    private final DataSource dataSource;
    private SchemaMode schemaMode = SchemaMode.MIGRATE;
    private String tablePrefix = "";
    private SqlDialect dialect;
    private long cacheSize = 10_000;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Who owns the schema; {@link SchemaMode#MIGRATE} by default. */
    public Builder schemaMode(SchemaMode mode) {
      this.schemaMode = Objects.requireNonNull(mode, "schemaMode");
      return this;
    }

    /**
     * A prefix for every table (and the migration history table), such as {@code city_}: lower case
     * letters, digits and {@code _}, at most 16. Empty by default.
     *
     * @throws InvalidInputException at {@code tablePrefix} ({@link InputRules#FORMAT}) for a prefix
     *     of another form
     */
    public Builder tablePrefix(String prefix) {
      this.tablePrefix = Tables.checkPrefix(Objects.requireNonNull(prefix, "tablePrefix"));
      return this;
    }

    /**
     * Repairs the migration history of the tables under this builder's prefix, as Flyway's {@code
     * repair} with the storage's own migrations: takes out the record of a migration that failed
     * where the database could not roll it back (H2 and MariaDB; PostgreSQL rolls a failed
     * migration back with its record), so that the next {@link #build()} with {@link
     * SchemaMode#MIGRATE} runs it again. Fix what made it fail first. Flyway's repair also aligns
     * the checksums and descriptions recorded with the migrations shipped, which changes nothing in
     * a history gridgov's released migrations wrote (they never change once released); no other
     * table is touched.
     *
     * @throws StorageException naming the dialect and the history table when Flyway cannot repair
     *     it
     */
    public void repairSchemaHistory() {
      Schema.repair(dataSource, tables());
    }

    /** The tables under this builder's prefix, in its dialect or the one the database reports. */
    private Tables tables() {
      return new Tables(tablePrefix, dialect != null ? dialect : Dialects.detect(dataSource));
    }

    /** The dialect, instead of detecting it from the database's metadata. */
    public Builder dialect(SqlDialect sqlDialect) {
      this.dialect = Objects.requireNonNull(sqlDialect, "dialect");
      return this;
    }

    /**
     * How many incident states to keep in memory (0 for none); 10,000 by default.
     *
     * @throws InvalidInputException at {@code incidentCacheSize} ({@link InputRules#RANGE}) when
     *     {@code size} is negative
     */
    public Builder incidentCacheSize(long size) {
      if (size < 0) {
        throw new InvalidInputException(
            "JDBC storage",
            Violation.of("incidentCacheSize", InputRules.RANGE, "must not be negative", size));
      }
      this.cacheSize = size;
      return this;
    }

    public JdbcGridStorage build() {
      return new JdbcGridStorage(this);
    }
  }
}
