package org.gridgov.storage.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.gridgov.core.spi.StorageException;

/**
 * gridgov's tables by Flyway: the dialect's migrations folder, the table prefix as the {@code
 * prefix} placeholder, and a history table of its own ({@code <prefix>gridgov_schema_history}), so
 * that it never meets the host application's Flyway. A schema already holding other tables is
 * baselined at version 0, so that every gridgov migration still runs; one already holding gridgov's
 * own tables without their history is refused ({@link SchemaMode#NONE} tables). Migrations are SQL
 * files, but for {@link AliveUntilBackfill} (versions 5 and 7), which replays stored histories.
 */
final class Schema {
  private Schema() {}

  static Flyway flyway(DataSource dataSource, Tables tables) {
    return Flyway.configure(Schema.class.getClassLoader())
        .dataSource(dataSource)
        .locations(tables.dialect().migrationLocation())
        .javaMigrations(
            AliveUntilBackfill.untilOnly(tables), AliveUntilBackfill.withVersion(tables))
        .table(tables.history())
        .placeholders(Map.of("prefix", tables.prefix()))
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .cleanDisabled(true)
        .load();
  }

  static void apply(DataSource dataSource, Tables tables, SchemaMode mode) {
    if (mode == SchemaMode.NONE) {
      return;
    }
    refuseTablesWithoutHistory(dataSource, tables, mode);
    Flyway flyway = flyway(dataSource, tables);
    try {
      switch (mode) {
        case MIGRATE -> flyway.migrate();
        case VALIDATE -> flyway.validate();
        case NONE -> {}
      }
    } catch (FlywayException e) {
      throw new StorageException(
          "the gridgov schema ("
              + tables.dialect().name()
              + ", history "
              + tables.history()
              + ") could not be "
              + (mode == SchemaMode.MIGRATE ? "migrated" : "validated")
              + failedMigrations(flyway, e),
          e);
    }
  }

  /**
   * What to add to a refused start when the history records failed migrations (H2 and MariaDB keep
   * the record of a migration whose DDL they could not roll back, and Flyway refuses every later
   * start until it is repaired): their versions and descriptions, which come from gridgov's own
   * migrations, and the repair to run; otherwise nothing. A history that cannot be read here adds
   * nothing, its failure suppressed in {@code refusal}.
   */
  private static String failedMigrations(Flyway flyway, FlywayException refusal) {
    List<String> failed = new ArrayList<>();
    try {
      for (MigrationInfo migration : flyway.info().all()) {
        if (migration.getState().isFailed()) {
          failed.add(
              "migration "
                  + (migration.getVersion() == null ? "" : migration.getVersion() + " ")
                  + "("
                  + migration.getDescription()
                  + ")");
        }
      }
    } catch (FlywayException e) {
      refusal.addSuppressed(e);
    }
    if (failed.isEmpty()) {
      return "";
    }
    return "; the history records "
        + String.join(", ", failed)
        + " as failed: once its cause is mended, JdbcGridStorage.Builder.repairSchemaHistory()"
        + " takes that record out and the next start runs the migration again";
  }

  /**
   * Flyway's {@code repair} of {@code tables}' migration history, with the storage's own
   * migrations: takes out the record of a migration that failed where the database could not roll
   * it back.
   */
  static void repair(DataSource dataSource, Tables tables) {
    try {
      flyway(dataSource, tables).repair();
    } catch (FlywayException e) {
      throw new StorageException(
          "the gridgov schema history ("
              + tables.dialect().name()
              + ", "
              + tables.history()
              + ") could not be repaired",
          e);
    }
  }

  /**
   * Drops gridgov's tables under {@code tables}' prefix, children first, and then their migration
   * history; what is not there is passed over. Each under the name its migration wrote unquoted (H2
   * folds it to upper case) and under the name as given, quoted, as Flyway writes its history table
   * (H2 keeps that one in lower case); on PostgreSQL and MariaDB the two are one table. {@code
   * connection} is in auto-commit mode, so each drop stays done whatever follows.
   */
  static void drop(Connection connection, Tables tables) throws SQLException {
    List<String> names = new ArrayList<>(tables.all());
    names.add(tables.history());
    try (Statement statement = connection.createStatement()) {
      String quote = connection.getMetaData().getIdentifierQuoteString().strip();
      for (String table : names) {
        statement.execute("DROP TABLE IF EXISTS " + table);
        if (!quote.isEmpty()) {
          statement.execute("DROP TABLE IF EXISTS " + quote + table + quote);
        }
      }
    }
  }

  /**
   * Refuses to start when gridgov's tables exist but Flyway's history of them does not: they were
   * created outside these migrations (by the operator from the shipped SQL, for a store run with
   * {@link SchemaMode#NONE}), so no one can tell which versions they hold. Baselined at 0, as an
   * unrelated schema is, they would meet V1 creating them again; baselined at the latest version,
   * an older set of tables would miss its upgrades and backfills. Nothing is written: the operator
   * says which version the tables are at.
   */
  private static void refuseTablesWithoutHistory(
      DataSource dataSource, Tables tables, SchemaMode mode) {
    try (Connection connection = dataSource.getConnection()) {
      if (exists(connection, tables.history())) {
        return;
      }
      boolean none = true;
      for (String table : tables.all()) {
        none &= !exists(connection, table);
      }
      if (mode == SchemaMode.VALIDATE && none) {
        throw new StorageException(
            "SchemaMode.VALIDATE found none of gridgov's tables (prefix '"
                + tables.prefix()
                + "', "
                + tables.dialect().name()
                + "): start once with"
                + " SchemaMode.MIGRATE, the default, to create them, or create them from the shipped"
                + " SQL and use SchemaMode.NONE. Nothing was changed.");
      }
      for (String table : tables.all()) {
        if (exists(connection, table)) {
          throw new StorageException(
              "SchemaMode."
                  + mode
                  + " found gridgov's table "
                  + table
                  + " but no migration history table "
                  + tables.history()
                  + ": the tables were"
                  + " created outside gridgov's migrations (SchemaMode.NONE), and which version they"
                  + " are at is unknown. Either keep SchemaMode.NONE and upgrade them with the shipped"
                  + " SQL yourself, or hand them to gridgov: baseline "
                  + tables.history()
                  + " with"
                  + " Flyway at the last version you applied (baselineVersion, for example 8 after"
                  + " V8__incident_rejected.sql), then start with SchemaMode."
                  + mode
                  + ". Nothing was changed.");
        }
      }
    } catch (SQLException e) {
      throw new StorageException(
          "cannot check the gridgov schema ("
              + tables.dialect().name()
              + ", history "
              + tables.history()
              + ")",
          e);
    }
  }

  /**
   * Whether {@code table} is in the connection's current schema, under any case: H2 folds names to
   * upper case, PostgreSQL to lower, and Flyway quotes the history table's name as given.
   */
  private static boolean exists(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String escape = meta.getSearchStringEscape();
    String schema = connection.getSchema();
    for (String name : Set.of(table, table.toUpperCase(Locale.ROOT))) {
      String pattern =
          escape == null ? name : name.replace(escape, escape + escape).replace("_", escape + "_");
      try (ResultSet found = meta.getTables(connection.getCatalog(), schema, pattern, null)) {
        while (found.next()) {
          if (found.getString("TABLE_NAME").equalsIgnoreCase(table)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
