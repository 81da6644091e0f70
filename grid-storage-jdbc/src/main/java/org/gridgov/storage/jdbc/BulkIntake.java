package org.gridgov.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.core.incident.ExternalRef;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.spi.DuplicateException;
import org.gridgov.core.spi.IntakeResult;
import org.gridgov.storage.jdbc.JdbcIncidentStore.Opening;

/**
 * One chunk of a bulk intake, in one transaction: one query finds the external references already
 * stored, then the new incidents and their events go in as two JDBC batches.
 */
final class BulkIntake {
  /** Inserts new incidents. */
  interface Inserter {
    void insert(Connection connection, List<Opening> openings) throws SQLException;
  }

  private final Jdbc jdbc;
  private final IncidentLoader loader;

  BulkIntake(Jdbc jdbc, IncidentLoader loader) {
    this.jdbc = jdbc;
    this.loader = loader;
  }

  List<IntakeResult> run(Connection c, List<Opening> chunk, Inserter inserter) throws SQLException {
    Map<ExternalRef, Incident> known = stored(c, chunk);
    Set<IncidentId> ids = new HashSet<>();
    List<Opening> fresh = new ArrayList<>();
    List<IntakeResult> results = new ArrayList<>(chunk.size());
    for (Opening o : chunk) {
      ExternalRef ref = o.incident().external().orElse(null);
      if (ref != null && known.containsKey(ref)) {
        results.add(new IntakeResult(known.get(ref), false));
        continue;
      }
      if (!ids.add(o.incident().id())) {
        throw new DuplicateException(JdbcIncidentStore.KIND, o.incident().id());
      }
      if (ref != null) {
        known.put(ref, o.incident());
      }
      fresh.add(o);
      results.add(new IntakeResult(o.incident(), true));
    }
    inserter.insert(c, fresh);
    return results;
  }

  /** The incidents already stored under the chunk's external references. */
  private Map<ExternalRef, Incident> stored(Connection c, List<Opening> chunk) throws SQLException {
    List<String> externalIds = new ArrayList<>();
    chunk.forEach(o -> o.incident().external().ifPresent(ref -> externalIds.add(ref.id())));
    Map<ExternalRef, Incident> known = new HashMap<>();
    if (externalIds.isEmpty()) {
      return known;
    }
    String sql =
        jdbc.tables()
            .render(IncidentSql.BY_EXTERNAL_IDS)
            .formatted(String.join(", ", Collections.nCopies(externalIds.size(), "?")));
    Map<IncidentId, Long> versions = new LinkedHashMap<>();
    Map<IncidentId, ExternalRef> refs = new HashMap<>();
    try (PreparedStatement select = c.prepareStatement(sql)) {
      for (int i = 0; i < externalIds.size(); i++) {
        select.setString(i + 1, externalIds.get(i));
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          IncidentId id = IncidentId.of(rows.getString("id"));
          versions.put(id, rows.getLong("version"));
          refs.put(
              id, ExternalRef.of(rows.getString("external_system"), rows.getString("external_id")));
        }
      }
    }
    for (Incident incident : loader.loadAll(c, versions)) {
      known.put(refs.get(incident.id()), incident);
    }
    return known;
  }
}
