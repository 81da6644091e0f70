package org.gridgov.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.spi.DueTimer;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.spi.NotFoundException;
import org.gridgov.storage.jdbc.dialect.SqlDialect;

/**
 * Due timers and leases. Where the dialect supports it, candidates are locked with {@code SELECT …
 * FOR UPDATE SKIP LOCKED} and leased in the same transaction, so concurrent takers skip each
 * other's rows. Elsewhere (H2) each candidate is taken by a conditional {@code UPDATE} that only
 * succeeds while the row is unleased and unchanged; rows another taker won are dropped and the
 * selection repeated, so no taker receives an incident another holds and none starves.
 */
final class ClaimQueue {
  private static final int MAX_ROUNDS = 16;

  private final Jdbc jdbc;
  private final IncidentRows rows;
  private final IncidentLoader loader;
  private final String due;

  /**
   * The lower bound of the due-timer range scans: the earliest instant an event may hold, so no
   * timer is before it and the scan misses none.
   */
  static final Instant EARLIEST = IncidentEvent.MIN_INSTANT;

  private final String claimable;
  private final String lease;
  private final String release;

  ClaimQueue(Jdbc jdbc, IncidentRows rows, IncidentLoader loader) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.loader = loader;
    Tables t = jdbc.tables();
    this.due = t.render(IncidentSql.DUE);
    this.claimable = claimable(t, jdbc.dialect());
    this.lease = t.render(IncidentSql.LEASE);
    this.release = t.render(IncidentSql.RELEASE);
  }

  /** The selection of claimable rows, locking them where the dialect supports skip-locked. */
  static String claimable(Tables tables, SqlDialect dialect) {
    String select = tables.render(IncidentSql.CLAIMABLE);
    return dialect.supportsSkipLocked() ? select + " FOR UPDATE SKIP LOCKED" : select;
  }

  List<DueTimer> dueAt(Instant now, int limit) {
    IncidentStore.checkLimit("dueAt", limit);
    Objects.requireNonNull(now, "now");
    if (now.isBefore(EARLIEST)) {
      return List.of(); // no stored timer is that early, and the databases cannot bind Instant.MIN
    }
    Instant until = latestStored(now);
    return jdbc.read(
        "reading due timers",
        c -> timers(loader.loadAll(c, rows.ids(c, due, EARLIEST, until, limit))));
  }

  /**
   * {@code now}, or the latest instant a store keeps when {@code now} is later: every stored timer
   * is due by then, and MariaDB cannot bind a later one (so {@code dueAt(Instant.MAX, n)} answers
   * as the memory store does).
   */
  private static Instant latestStored(Instant now) {
    return now.isAfter(IncidentEvent.MAX_INSTANT) ? IncidentEvent.MAX_INSTANT : now;
  }

  List<DueTimer> claimDue(Instant now, int limit, String owner, Duration duration) {
    IncidentStore.checkLimit("claimDue", limit);
    Objects.requireNonNull(now, "now");
    IncidentStore.checkOwner(owner);
    Instant until = microsUp(IncidentStore.leaseEnd(now, duration));
    if (now.isBefore(EARLIEST)) {
      return List.of(); // as in dueAt: nothing is due that early
    }
    if (jdbc.dialect().supportsSkipLocked()) {
      return jdbc.inTransaction(
          "claiming due incidents for " + owner,
          c -> {
            Map<IncidentId, Long> locked = rows.ids(c, claimable, EARLIEST, now, now, limit);
            leaseLocked(c, locked, owner, until, now);
            return timers(loader.loadAll(c, locked));
          });
    }
    Map<IncidentId, Long> taken = new LinkedHashMap<>();
    for (int round = 0; round < MAX_ROUNDS && taken.size() < limit; round++) {
      Map<IncidentId, Long> candidates =
          jdbc.autoCommit(
              "claiming due incidents for " + owner,
              c -> rows.ids(c, claimable, EARLIEST, now, now, limit - taken.size()));
      if (candidates.isEmpty()) {
        break;
      }
      taken.putAll(
          jdbc.autoCommit(
              "claiming due incidents for " + owner, c -> take(c, candidates, owner, until, now)));
    }
    // the leases are committed, each by its own statement: this only reads what they took
    return jdbc.read("reading claimed incidents", c -> timers(loader.loadAll(c, taken)));
  }

  /**
   * Leases rows this transaction has locked ({@code FOR UPDATE SKIP LOCKED}): nobody else can
   * change them before the commit, so the updates go as one batch.
   */
  private void leaseLocked(
      Connection c, Map<IncidentId, Long> locked, String owner, Instant until, Instant now)
      throws SQLException {
    if (locked.isEmpty()) {
      return;
    }
    try (PreparedStatement update = c.prepareStatement(lease)) {
      for (Map.Entry<IncidentId, Long> row : locked.entrySet()) {
        update.setString(1, owner);
        jdbc.dialect().setInstant(update, 2, until);
        update.setString(3, row.getKey().value());
        update.setLong(4, row.getValue());
        jdbc.dialect().setInstant(update, 5, now);
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  /** Leases each candidate that is still unleased at its version; returns those leased. */
  private Map<IncidentId, Long> take(
      Connection c, Map<IncidentId, Long> candidates, String owner, Instant until, Instant now)
      throws SQLException {
    Map<IncidentId, Long> won = new LinkedHashMap<>();
    try (PreparedStatement update = c.prepareStatement(lease)) {
      for (Map.Entry<IncidentId, Long> candidate : candidates.entrySet()) {
        update.setString(1, owner);
        jdbc.dialect().setInstant(update, 2, until);
        update.setString(3, candidate.getKey().value());
        update.setLong(4, candidate.getValue());
        jdbc.dialect().setInstant(update, 5, now);
        if (update.executeUpdate() == 1) {
          won.put(candidate.getKey(), candidate.getValue());
        }
      }
    }
    return won;
  }

  void release(IncidentId id, String owner) {
    IncidentStore.checkOwner(owner);
    jdbc.inTransaction(
        "releasing incident " + id,
        c -> {
          try (PreparedStatement update = c.prepareStatement(release)) {
            update.setString(1, id.value());
            update.setString(2, owner);
            if (update.executeUpdate() == 0 && rows.version(c, id).isEmpty()) {
              throw new NotFoundException(JdbcIncidentStore.KIND, id);
            }
          }
          return null;
        });
  }

  /**
   * The lease's end as written down: rounded up to the microsecond, the precision the tables keep
   * (binding truncates, which would end the lease up to a microsecond early, while {@code now},
   * bound truncated too, may still be before the real end: a second owner would take the incident).
   * Never after {@link IncidentEvent#MAX_INSTANT}, a whole microsecond.
   */
  private static Instant microsUp(Instant instant) {
    Instant down = instant.truncatedTo(ChronoUnit.MICROS);
    return down.equals(instant) ? instant : down.plusNanos(1_000);
  }

  private static List<DueTimer> timers(List<Incident> incidents) {
    List<DueTimer> timers = new ArrayList<>(incidents.size());
    for (Incident incident : incidents) {
      timers.add(new DueTimer(incident, incident.nextTimer().orElseThrow()));
    }
    return timers;
  }
}
