package org.gridgov.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;

/** The read-only queries on the projection rows; each reads one consistent set of versions. */
final class IncidentQueries {
  private final Jdbc jdbc;
  private final IncidentRows rows;
  private final IncidentLoader loader;

  IncidentQueries(Jdbc jdbc, IncidentRows rows, IncidentLoader loader) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.loader = loader;
  }

  List<Incident> list(String sqlTemplate, String what, String parameter) {
    String sql = jdbc.tables().render(sqlTemplate);
    return jdbc.inTransaction("reading " + what,
        c -> loader.loadAll(c, rows.ids(c, sql, parameter)));
  }

  Map<WorkerId, Integer> openCounts(Collection<WorkerId> workers) {
    Map<WorkerId, Integer> counts = new LinkedHashMap<>();
    workers.forEach(w -> counts.put(Objects.requireNonNull(w, "worker"), 0));
    if (counts.isEmpty()) {
      return counts;
    }
    List<WorkerId> ids = new ArrayList<>(counts.keySet());
    return jdbc.inTransaction("counting open incidents per worker", c -> {
      for (int from = 0; from < ids.size(); from += EventRows.CHUNK) {
        List<WorkerId> chunk = ids.subList(from, Math.min(ids.size(), from + EventRows.CHUNK));
        String sql = jdbc.tables().render(IncidentSql.OPEN_COUNTS)
            .formatted(String.join(", ", Collections.nCopies(chunk.size(), "?")));
        try (PreparedStatement select = c.prepareStatement(sql)) {
          for (int i = 0; i < chunk.size(); i++) {
            select.setString(i + 1, chunk.get(i).value());
          }
          try (ResultSet result = select.executeQuery()) {
            while (result.next()) {
              counts.put(WorkerId.of(result.getString("assignee")), result.getInt("open_count"));
            }
          }
        }
      }
      return counts;
    });
  }

  /**
   * {@code instant} rounded up to the microsecond: stored instants are whole microseconds, so a
   * bound between two of them compares as the later one (binding truncates, which would take the
   * earlier and count a report just before {@code from}, or miss one just before {@code to}).
   */
  private static Instant microsUp(Instant instant) {
    Instant down = instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    return down.equals(instant) ? instant : down.plusNanos(1_000);
  }

  long countReported(AreaCode unit, Instant from, Instant to) {
    Objects.requireNonNull(unit, "unit");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the period must not end (" + to
          + ") before it starts (" + from + ")");
    }
    // every stored instant lies in [MIN_INSTANT, MAX_INSTANT]; bounds beyond it (Instant.MIN and
    // MAX among them, which the databases cannot bind) count as the range's ends
    if (!to.isAfter(IncidentEvent.MIN_INSTANT) || from.isAfter(IncidentEvent.MAX_INSTANT)) {
      return 0;
    }
    Instant lower = from.isBefore(IncidentEvent.MIN_INSTANT) ? IncidentEvent.MIN_INSTANT : from;
    boolean toTheEnd = to.isAfter(IncidentEvent.MAX_INSTANT);
    String sql = jdbc.tables().render(
        toTheEnd ? IncidentSql.COUNT_REPORTED_SINCE : IncidentSql.COUNT_REPORTED);
    return jdbc.inTransaction("counting incidents reported in " + unit, c -> {
      try (PreparedStatement select = c.prepareStatement(sql)) {
        select.setString(1, unit.codePrefix() + "%");
        jdbc.dialect().setInstant(select, 2, microsUp(lower));
        if (!toTheEnd) {
          jdbc.dialect().setInstant(select, 3, microsUp(to));
        }
        try (ResultSet result = select.executeQuery()) {
          result.next();
          return result.getLong(1);
        }
      }
    });
  }

  long count() {
    String sql = jdbc.tables().render(IncidentSql.COUNT);
    return jdbc.inTransaction("counting incidents", c -> {
      try (PreparedStatement select = c.prepareStatement(sql);
          ResultSet result = select.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    });
  }
}
