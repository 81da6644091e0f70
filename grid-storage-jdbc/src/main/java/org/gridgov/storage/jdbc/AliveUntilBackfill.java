package org.gridgov.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;

/**
 * Fills the projection's {@code alive_until} from the stored histories, by replaying each one
 * ({@link Incident#aliveUntil()}: the latest reply deadline lives in the JSON payloads, which no
 * SQL the three databases share can read). In pages of {@link EventRows#CHUNK} incidents by id, in
 * Flyway's transaction.
 *
 * <ul>
 *   <li>Migration 5 ({@link #untilOnly}) fills the rows stored before migration 4 added the column;
 *       a row left empty (written meanwhile by a node on an older release) still counts as alive in
 *       every period.
 *   <li>Migration 7 ({@link #withVersion}) recomputes every row migration 6 found without an {@code
 *       alive_version}, and records the version it replayed: a node of an earlier release may have
 *       appended to an incident after migration 5, leaving its {@code alive_until} behind its
 *       history.
 * </ul>
 */
final class AliveUntilBackfill implements JavaMigration {
  private final Tables tables;
  private final boolean withVersion;

  private AliveUntilBackfill(Tables tables, boolean withVersion) {
    this.tables = tables;
    this.withVersion = withVersion;
  }

  /** Migration 5: {@code alive_until} where it is empty. */
  static AliveUntilBackfill untilOnly(Tables tables) {
    return new AliveUntilBackfill(tables, false);
  }

  /** Migration 7: {@code alive_until} and {@code alive_version} where the latter is empty. */
  static AliveUntilBackfill withVersion(Tables tables) {
    return new AliveUntilBackfill(tables, true);
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion(withVersion ? "7" : "5");
  }

  @Override
  public String getDescription() {
    return withVersion
        ? "incident alive until and its version from the histories"
        : "incident alive until from the histories";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    EventRows events = new EventRows(tables);
    IncidentRows rows = new IncidentRows(tables);
    String empty = withVersion ? "alive_version" : "alive_until";
    String pending =
        tables.render(
            "SELECT id, version FROM {incident} WHERE "
                + empty
                + " IS NULL AND id > ? ORDER BY id LIMIT ?");
    String fill =
        tables.render(
            withVersion
                ? "UPDATE {incident} SET alive_until = ?, alive_version = ? WHERE id = ?"
                : "UPDATE {incident} SET alive_until = ? WHERE id = ?");
    String after = "";
    Map<IncidentId, Long> page;
    while (!(page = rows.ids(connection, pending, after, EventRows.CHUNK)).isEmpty()) {
      Map<IncidentId, List<IncidentEvent>> histories = events.histories(connection, page);
      try (PreparedStatement update = connection.prepareStatement(fill)) {
        for (Map.Entry<IncidentId, List<IncidentEvent>> history : histories.entrySet()) {
          Incident incident = Incident.replay(history.getValue());
          tables.dialect().setInstant(update, 1, incident.aliveUntil());
          if (withVersion) {
            update.setLong(2, incident.version());
          }
          update.setString(withVersion ? 3 : 2, history.getKey().value());
          update.addBatch();
        }
        update.executeBatch();
      }
      after = page.keySet().stream().reduce((first, last) -> last).orElseThrow().value();
    }
  }
}
