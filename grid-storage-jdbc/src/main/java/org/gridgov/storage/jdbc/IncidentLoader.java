package org.gridgov.storage.jdbc;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;

/**
 * Loads incidents by folding their events with {@link Incident#replay}. The state at a version
 * never changes (events are append-only), so states are cached by id and kept only while the stored
 * version matches: a hit needs no event read, and another node's append is never missed.
 */
final class IncidentLoader {
  private final EventRows events;
  private final Cache<IncidentId, Incident> cache;

  IncidentLoader(EventRows events, long cacheSize) {
    this.events = events;
    this.cache = CacheBuilder.newBuilder().maximumSize(cacheSize).build();
  }

  /** Incident {@code id} at {@code version}, as stored. */
  Incident load(Connection connection, IncidentId id, long version) throws SQLException {
    Incident cached = cache.getIfPresent(id);
    if (cached != null && cached.version() == version) {
      return cached;
    }
    Incident incident = Incident.replay(events.history(connection, id, version));
    remember(incident);
    return incident;
  }

  /** The incidents named, each at its version, in the order given. */
  List<Incident> loadAll(Connection connection, Map<IncidentId, Long> versions)
      throws SQLException {
    Map<IncidentId, Incident> found = new LinkedHashMap<>();
    Map<IncidentId, Long> missing = new LinkedHashMap<>();
    versions.forEach(
        (id, version) -> {
          Incident cached = cache.getIfPresent(id);
          if (cached != null && cached.version() == version) {
            found.put(id, cached);
          } else {
            missing.put(id, version);
          }
        });
    if (!missing.isEmpty()) {
      for (Map.Entry<IncidentId, List<IncidentEvent>> history :
          events.histories(connection, missing).entrySet()) {
        Incident incident = Incident.replay(history.getValue());
        remember(incident);
        found.put(history.getKey(), incident);
      }
    }
    List<Incident> result = new ArrayList<>(versions.size());
    versions.keySet().forEach(id -> result.add(found.get(id)));
    return result;
  }

  /** Keeps {@code incident}, read from or committed to the database. */
  void remember(Incident incident) {
    cache.put(incident.id(), incident);
  }
}
