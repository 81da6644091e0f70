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
 * Migration 5: fills {@code alive_until} (added empty by migration 4) for the incidents stored
 * before it, by replaying each history ({@link Incident#aliveUntil()}: the latest reply deadline
 * lives in the JSON payloads, which no SQL the three databases share can read). In pages of
 * {@link EventRows#CHUNK} incidents by id, in Flyway's transaction. A row left empty (written
 * meanwhile by a node on an older release) still counts as alive in every period.
 */
final class AliveUntilBackfill implements JavaMigration {
  private final Tables tables;

  AliveUntilBackfill(Tables tables) {
    this.tables = tables;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("5");
  }

  @Override
  public String getDescription() {
    return "incident alive until from the histories";
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
    String pending = tables.render("""
        SELECT id, version FROM {incident} WHERE alive_until IS NULL AND id > ?
         ORDER BY id LIMIT ?""");
    String fill = tables.render("UPDATE {incident} SET alive_until = ? WHERE id = ?");
    String after = "";
    Map<IncidentId, Long> page;
    while (!(page = rows.ids(connection, pending, after, EventRows.CHUNK)).isEmpty()) {
      Map<IncidentId, List<IncidentEvent>> histories = events.histories(connection, page);
      try (PreparedStatement update = connection.prepareStatement(fill)) {
        for (Map.Entry<IncidentId, List<IncidentEvent>> history : histories.entrySet()) {
          tables.dialect().setInstant(update, 1,
              Incident.replay(history.getValue()).aliveUntil());
          update.setString(2, history.getKey().value());
          update.addBatch();
        }
        update.executeBatch();
      }
      after = page.keySet().stream().reduce((first, last) -> last).orElseThrow().value();
    }
  }
}
