package org.gridgov.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.gridgov.core.incident.ExternalRef;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.incident.Timer;
import org.gridgov.core.people.WorkerId;

/** Writes and reads the incident projection row: what the queries and claims look at. */
final class IncidentRows {
  private final Tables tables;
  private final String version;
  private final String insert;
  private final String update;
  private final String byExternal;

  IncidentRows(Tables tables) {
    this.tables = tables;
    this.version = tables.render(IncidentSql.VERSION);
    this.insert = tables.render(IncidentSql.INSERT);
    this.update = tables.render(IncidentSql.UPDATE);
    this.byExternal = tables.render(IncidentSql.BY_EXTERNAL);
  }

  OptionalLong version(Connection connection, IncidentId id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(version)) {
      select.setString(1, id.value());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  Optional<IncidentId> byExternal(Connection connection, ExternalRef ref) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(byExternal)) {
      select.setString(1, ref.system());
      select.setString(2, ref.id());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(IncidentId.of(rows.getString(1))) : Optional.empty();
      }
    }
  }

  PreparedStatement prepareInsert(Connection connection) throws SQLException {
    return connection.prepareStatement(insert);
  }

  /** Adds the insert of a new incident's row to {@code batch}. */
  void addInsert(PreparedStatement batch, Incident incident) throws SQLException {
    batch.setString(1, incident.id().value());
    batch.setLong(2, incident.version());
    batch.setString(3, incident.stage().name());
    batch.setString(4, incident.grid().value());
    batch.setString(5, incident.assignee().map(WorkerId::value).orElse(null));
    batch.setBoolean(6, incident.isOpen());
    setInstant(batch, 7, incident.nextTimer().map(Timer::dueAt).orElse(null));
    batch.setString(8, incident.external().map(ExternalRef::system).orElse(null));
    batch.setString(9, incident.external().map(ExternalRef::id).orElse(null));
    tables.dialect().setInstant(batch, 10, incident.reportedAt());
    tables.dialect().setInstant(batch, 11, incident.aliveUntil());
    batch.setLong(12, incident.version());
    setRejected(batch, 13, incident);
    batch.addBatch();
  }

  /** Moves the row from {@code expectedVersion} to {@code next}; false when it was not there. */
  boolean update(Connection connection, Incident next, long expectedVersion) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(update)) {
      bindUpdate(statement, next, expectedVersion);
      return statement.executeUpdate() == 1;
    }
  }

  /**
   * The version-checked projection updates of several incidents in one batch; for each, whether it
   * was written. A driver that cannot tell (SUCCESS_NO_INFO) gets an exception, so the caller falls
   * back to single updates.
   */
  boolean[] updateAll(Connection connection, List<Incident> next, List<Long> expectedVersions)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(update)) {
      for (int i = 0; i < next.size(); i++) {
        bindUpdate(statement, next.get(i), expectedVersions.get(i));
        statement.addBatch();
      }
      int[] counts = statement.executeBatch();
      boolean[] written = new boolean[counts.length];
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
          throw new SQLException("the driver did not report batched update counts");
        }
        written[i] = counts[i] == 1;
      }
      return written;
    }
  }

  private void bindUpdate(PreparedStatement statement, Incident next, long expectedVersion)
      throws SQLException {
    {
      statement.setLong(1, next.version());
      statement.setString(2, next.stage().name());
      statement.setString(3, next.assignee().map(WorkerId::value).orElse(null));
      statement.setBoolean(4, next.isOpen());
      setInstant(statement, 5, next.nextTimer().map(Timer::dueAt).orElse(null));
      tables.dialect().setInstant(statement, 6, next.aliveUntil());
      statement.setLong(7, next.version());
      setRejected(statement, 8, next);
      statement.setString(9, next.id().value());
      statement.setLong(10, expectedVersion);
    }
  }

  /** The stored versions of the incidents named in {@code appends}; unknown ones are absent. */
  Map<IncidentId, Long> versions(Connection connection, List<org.gridgov.core.spi.Append> appends)
      throws SQLException {
    Object[] ids = appends.stream().map(a -> a.id().value()).toArray();
    String placeholders = String.join(", ", java.util.Collections.nCopies(ids.length, "?"));
    return ids(
        connection,
        tables.render("SELECT id, version FROM {incident} WHERE id IN (" + placeholders + ")"),
        ids);
  }

  /** Runs a query of (id, version) rows with string parameters. */
  Map<IncidentId, Long> ids(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        Object p = parameters[i];
        if (p instanceof Instant instant) {
          tables.dialect().setInstant(select, i + 1, instant);
        } else if (p instanceof Integer n) {
          select.setInt(i + 1, n);
        } else {
          select.setString(i + 1, String.valueOf(p));
        }
      }
      try (ResultSet rows = select.executeQuery()) {
        Map<IncidentId, Long> ids = new LinkedHashMap<>();
        while (rows.next()) {
          ids.put(IncidentId.of(rows.getString("id")), rows.getLong("version"));
        }
        return ids;
      }
    }
  }

  /**
   * Binds the {@code rejected} column (schema version 8): TRUE once the incident was rejected at
   * registration, FALSE once it was registered, NULL while its report waits in stage {@link
   * Stage#REPORTED}, the only stage a report is rejected from. So a settled value stays true
   * whoever appends later, a node of an earlier release too, which leaves the column as it was.
   */
  private static void setRejected(PreparedStatement statement, int index, Incident incident)
      throws SQLException {
    if (incident.rejection().isPresent()) {
      statement.setBoolean(index, true);
    } else if (incident.stage() == Stage.REPORTED) {
      statement.setNull(index, Types.BOOLEAN);
    } else {
      statement.setBoolean(index, false);
    }
  }

  /** Binds {@code instant}, or NULL of the dialect's instant type when it is null. */
  void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
    if (instant == null) {
      statement.setNull(index, tables.dialect().instantSqlType());
    } else {
      tables.dialect().setInstant(statement, index, instant);
    }
  }
}
