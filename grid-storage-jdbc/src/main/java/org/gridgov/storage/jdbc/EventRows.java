package org.gridgov.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.storage.jdbc.json.EventCodec;
import org.gridgov.storage.jdbc.json.EventCodec.EncodedEvent;

/** Writes events as JSON rows in batches and reads histories back. */
final class EventRows {
  /** Rows per JDBC batch and ids per {@code IN} list. */
  static final int CHUNK = 500;

  private final Tables tables;
  private final String insert;
  private final String history;
  private final String histories;

  EventRows(Tables tables) {
    this.tables = tables;
    this.insert = tables.render(EventSql.INSERT);
    this.history = tables.render(EventSql.HISTORY);
    this.histories = tables.render(EventSql.HISTORIES);
  }

  /** Adds the insert of {@code events}, numbered from {@code firstVersion}, to {@code batch}. */
  void addBatch(PreparedStatement batch, long firstVersion, List<IncidentEvent> events)
      throws SQLException {
    long version = firstVersion;
    for (IncidentEvent event : events) {
      EncodedEvent encoded = EventCodec.encode(event);
      batch.setString(1, event.incident().value());
      batch.setLong(2, version++);
      batch.setString(3, encoded.type());
      batch.setInt(4, encoded.schemaVersion());
      batch.setString(5, encoded.payload());
      tables.dialect().setInstant(batch, 6, event.at());
      batch.addBatch();
    }
  }

  PreparedStatement prepareInsert(Connection connection) throws SQLException {
    return connection.prepareStatement(insert);
  }

  /** Appends {@code events} from {@code firstVersion} on, in batches of {@link #CHUNK}. */
  void insert(Connection connection, long firstVersion, List<IncidentEvent> events)
      throws SQLException {
    try (PreparedStatement batch = prepareInsert(connection)) {
      for (int from = 0; from < events.size(); from += CHUNK) {
        List<IncidentEvent> chunk = events.subList(from, Math.min(events.size(), from + CHUNK));
        addBatch(batch, firstVersion + from, chunk);
        batch.executeBatch();
      }
    }
  }

  /** The history of {@code id} up to {@code version}, oldest first. */
  List<IncidentEvent> history(Connection connection, IncidentId id, long version)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(history)) {
      select.setString(1, id.value());
      select.setLong(2, version);
      select.setFetchSize(CHUNK);
      try (ResultSet rows = select.executeQuery()) {
        List<IncidentEvent> events = new ArrayList<>();
        while (rows.next()) {
          events.add(decode(id, rows));
        }
        return events;
      }
    }
  }

  /** The histories of {@code ids}, each cut at the version given for it. */
  Map<IncidentId, List<IncidentEvent>> histories(Connection connection, Map<IncidentId, Long> ids)
      throws SQLException {
    Map<IncidentId, List<IncidentEvent>> result = new LinkedHashMap<>();
    List<IncidentId> all = new ArrayList<>(ids.keySet());
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<IncidentId> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      String sql = histories.formatted(String.join(", ", Collections.nCopies(chunk.size(), "?")));
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        for (int i = 0; i < chunk.size(); i++) {
          select.setString(i + 1, chunk.get(i).value());
        }
        select.setFetchSize(CHUNK);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            IncidentId id = IncidentId.of(rows.getString("incident_id"));
            if (rows.getLong("version") <= ids.get(id)) {
              result.computeIfAbsent(id, k -> new ArrayList<>()).add(decode(id, rows));
            }
          }
        }
      }
    }
    return result;
  }

  private static IncidentEvent decode(IncidentId id, ResultSet rows) throws SQLException {
    return EventCodec.decode(
        id, rows.getString("event_type"), rows.getInt("schema_version"), rows.getString("payload"));
  }
}
