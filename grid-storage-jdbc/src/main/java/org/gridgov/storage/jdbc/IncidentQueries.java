package org.gridgov.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.territory.AreaCode;

/** The read-only queries on the projection rows; each reads one consistent set of versions. */
final class IncidentQueries {
  private final Jdbc jdbc;
  private final IncidentRows rows;
  private final IncidentLoader loader;
  private final EventRows events;

  /**
   * Runs between the two statements of {@link #countReportedByGridList}: nothing but in tests,
   * which commit reports there to show that the second statement reads the first one's snapshot.
   */
  Runnable afterGridsRead = () -> {};

  IncidentQueries(Jdbc jdbc, IncidentRows rows, IncidentLoader loader, EventRows events) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.loader = loader;
    this.events = events;
  }

  List<Incident> list(String sqlTemplate, String what, Object... parameters) {
    String sql = jdbc.tables().render(sqlTemplate);
    return jdbc.read("reading " + what, c -> loader.loadAll(c, rows.ids(c, sql, parameters)));
  }

  Map<WorkerId, Integer> openCounts(Collection<WorkerId> workers) {
    Map<WorkerId, Integer> counts = new LinkedHashMap<>();
    workers.forEach(w -> counts.put(Objects.requireNonNull(w, "worker"), 0));
    if (counts.isEmpty()) {
      return counts;
    }
    List<WorkerId> ids = new ArrayList<>(counts.keySet());
    return jdbc.read(
        "counting open incidents per worker",
        c -> {
          for (int from = 0; from < ids.size(); from += EventRows.CHUNK) {
            List<WorkerId> chunk = ids.subList(from, Math.min(ids.size(), from + EventRows.CHUNK));
            String sql =
                jdbc.tables()
                    .render(IncidentSql.OPEN_COUNTS)
                    .formatted(String.join(", ", Collections.nCopies(chunk.size(), "?")));
            try (PreparedStatement select = c.prepareStatement(sql)) {
              for (int i = 0; i < chunk.size(); i++) {
                select.setString(i + 1, chunk.get(i).value());
              }
              try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                  counts.put(
                      WorkerId.of(result.getString("assignee")), result.getInt("open_count"));
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

  /**
   * A period {@code [from, to)} as the queries bind it: every stored instant lies in [{@link
   * IncidentEvent#MIN_INSTANT}, {@link IncidentEvent#MAX_INSTANT}], so a bound beyond that range
   * ({@code Instant.MIN} and {@code MAX} among them, which the databases cannot bind) counts as its
   * end, and both bounds are rounded up to the microsecond ({@link #microsUp}). {@code toTheEnd}:
   * the period reaches past the latest stored instant, so the query has no upper bound and {@code
   * to} is not bound.
   */
  private record Bounds(Instant from, Instant to, boolean toTheEnd) {
    /** The bounds to bind, or null when no stored instant lies in the period. */
    static Bounds of(Instant from, Instant to) {
      if (!to.isAfter(IncidentEvent.MIN_INSTANT) || from.isAfter(IncidentEvent.MAX_INSTANT)) {
        return null;
      }
      Instant lower = from.isBefore(IncidentEvent.MIN_INSTANT) ? IncidentEvent.MIN_INSTANT : from;
      boolean toTheEnd = to.isAfter(IncidentEvent.MAX_INSTANT);
      return new Bounds(microsUp(lower), toTheEnd ? null : microsUp(to), toTheEnd);
    }
  }

  /**
   * The reports in {@code unit} in the period, but for those rejected at registration ({@link
   * IncidentSql#COUNT_REPORTED}): grid by grid, each grid's period read from the grid index, so the
   * cost follows the unit's grids and the period's reports, not the unit's whole history. Where the
   * dialect {@link org.gridgov.storage.jdbc.dialect.SqlDialect#seeksRangesPerRow seeks ranges per
   * row}, one statement finds the grids and counts; otherwise the grids are read first ({@link
   * IncidentSql#GRIDS_OF_UNIT}) and counted in chunks of {@link EventRows#CHUNK}, in one {@link
   * Jdbc#readSnapshot snapshot}: at READ COMMITTED, reports committed between the statements would
   * count in the grids listed and not in a grid whose first report they are, a count of no moment.
   */
  long countReported(AreaCode unit, Instant from, Instant to) {
    Objects.requireNonNull(unit, "unit");
    IncidentStore.checkPeriod(from, to);
    Bounds bounds = Bounds.of(from, to);
    if (bounds == null) {
      return 0;
    }
    String start = unit.codePrefix();
    String end = codesAfter(start);
    if (!jdbc.dialect().seeksRangesPerRow()) {
      return countReportedByGridList(unit, start, end, bounds);
    }
    String sql =
        jdbc.tables()
            .render(
                bounds.toTheEnd() ? IncidentSql.COUNT_REPORTED_SINCE : IncidentSql.COUNT_REPORTED);
    return jdbc.read(
        "counting incidents reported in " + unit,
        c -> {
          try (PreparedStatement select = c.prepareStatement(sql)) {
            int index = 0;
            select.setString(++index, start);
            select.setString(++index, end);
            select.setString(++index, end);
            index = bindPeriod(select, index, bounds); // settled rows
            bindPeriod(select, index, bounds); // the others
            try (ResultSet result = select.executeQuery()) {
              result.next();
              return result.getLong(1);
            }
          }
        });
  }

  private long countReportedByGridList(AreaCode unit, String start, String end, Bounds bounds) {
    String gridsSql = jdbc.tables().render(IncidentSql.GRIDS_OF_UNIT);
    String countSql =
        jdbc.tables()
            .render(
                bounds.toTheEnd()
                    ? IncidentSql.COUNT_REPORTED_IN_GRIDS_SINCE
                    : IncidentSql.COUNT_REPORTED_IN_GRIDS);
    return jdbc.readSnapshot(
        "counting incidents reported in " + unit,
        c -> {
          List<String> grids = new ArrayList<>();
          try (PreparedStatement select = c.prepareStatement(gridsSql)) {
            select.setString(1, start);
            select.setString(2, end);
            try (ResultSet result = select.executeQuery()) {
              while (result.next()) {
                grids.add(result.getString(1));
              }
            }
          }
          afterGridsRead.run();
          long total = 0;
          for (int first = 0; first < grids.size(); first += EventRows.CHUNK) {
            List<String> chunk =
                grids.subList(first, Math.min(grids.size(), first + EventRows.CHUNK));
            String sql =
                countSql.formatted(String.join(", ", Collections.nCopies(chunk.size(), "?")));
            try (PreparedStatement select = c.prepareStatement(sql)) {
              int index = 0;
              for (int count = 0; count < 2; count++) { // settled rows, then the others
                for (String grid : chunk) {
                  select.setString(++index, grid);
                }
                index = bindPeriod(select, index, bounds);
              }
              try (ResultSet result = select.executeQuery()) {
                result.next();
                total += result.getLong(1);
              }
            }
          }
          return total;
        });
  }

  /**
   * Binds the period after parameter {@code index}: from, and to unless it runs to the end.
   *
   * @return the last parameter bound
   */
  private int bindPeriod(PreparedStatement select, int index, Bounds bounds) throws SQLException {
    int at = index;
    jdbc.dialect().setInstant(select, ++at, bounds.from());
    if (!bounds.toTheEnd()) {
      jdbc.dialect().setInstant(select, ++at, bounds.to());
    }
    return at;
  }

  /**
   * The least string above every code that starts with {@code prefix}: the prefix with its last
   * character incremented. Codes are digits and compare as plain strings in every supported
   * database (PostgreSQL's "C" collation, MariaDB's utf8mb4_bin, H2's default), so [{@code prefix},
   * this) holds exactly the codes {@code LIKE 'prefix%'} matched, and unlike {@code LIKE} it is a
   * range every database seeks, whatever the collation.
   */
  static String codesAfter(String prefix) {
    char last = prefix.charAt(prefix.length() - 1);
    return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
  }

  /**
   * One page of {@link IncidentStore#historiesAliveBetween}: the ids and versions, then their
   * events in batches, in one transaction. Each history is cut at the version the first query read,
   * so an append committed between the two queries does not show half in the page. The bounds are
   * bound as in {@link #countReported} ({@link Bounds}).
   */
  List<List<IncidentEvent>> historiesAliveBetween(
      Instant from, Instant to, IncidentId after, int limit) {
    IncidentStore.checkAliveBetween(from, to, limit);
    Bounds bounds = Bounds.of(from, to);
    if (bounds == null) {
      return List.of();
    }
    String sql =
        jdbc.tables()
            .render(bounds.toTheEnd() ? IncidentSql.ALIVE_SINCE : IncidentSql.ALIVE_BETWEEN);
    String cursor = after == null ? "" : after.value();
    return jdbc.read(
        "reading the histories of incidents alive in [" + from + ", " + to + ")",
        c -> {
          Map<IncidentId, Long> page =
              bounds.toTheEnd()
                  ? rows.ids(c, sql, bounds.from(), cursor, limit)
                  : rows.ids(c, sql, bounds.from(), bounds.to(), cursor, limit);
          Map<IncidentId, List<IncidentEvent>> histories = events.histories(c, page);
          List<List<IncidentEvent>> result = new ArrayList<>(page.size());
          page.keySet().forEach(id -> result.add(List.copyOf(histories.get(id))));
          return result;
        });
  }

  long count() {
    String sql = jdbc.tables().render(IncidentSql.COUNT);
    return jdbc.read(
        "counting incidents",
        c -> {
          try (PreparedStatement select = c.prepareStatement(sql);
              ResultSet result = select.executeQuery()) {
            result.next();
            return result.getLong(1);
          }
        });
  }
}
