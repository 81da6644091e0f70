package org.gridgov.storage.jdbc;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.gridgov.core.spi.StorageException;

/**
 * gridgov's tables by Flyway: the dialect's migrations folder, the table prefix as the {@code
 * prefix} placeholder, and a history table of its own ({@code <prefix>gridgov_schema_history}), so
 * that it never meets the host application's Flyway. A schema already holding other tables is
 * baselined at version 0, so that every gridgov migration still runs. Migrations are SQL files,
 * but for {@link AliveUntilBackfill} (versions 5 and 7), which replays stored histories.
 */
final class Schema {
  private Schema() {}

  static Flyway flyway(DataSource dataSource, Tables tables) {
    return Flyway.configure(Schema.class.getClassLoader())
        .dataSource(dataSource)
        .locations(tables.dialect().migrationLocation())
        .javaMigrations(AliveUntilBackfill.untilOnly(tables),
            AliveUntilBackfill.withVersion(tables))
        .table(tables.history())
        .placeholders(Map.of("prefix", tables.prefix()))
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .cleanDisabled(true)
        .load();
  }

  static void apply(DataSource dataSource, Tables tables, SchemaMode mode) {
    try {
      switch (mode) {
        case MIGRATE -> flyway(dataSource, tables).migrate();
        case VALIDATE -> flyway(dataSource, tables).validate();
        case NONE -> { }
      }
    } catch (FlywayException e) {
      throw new StorageException("the gridgov schema (" + tables.dialect().name() + ", history "
          + tables.history() + ") could not be " + (mode == SchemaMode.MIGRATE ? "migrated"
          : "validated"), e);
    }
  }
}
