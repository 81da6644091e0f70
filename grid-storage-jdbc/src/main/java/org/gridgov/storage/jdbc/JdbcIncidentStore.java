package org.gridgov.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.gridgov.core.incident.ExternalRef;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.spi.Append;
import org.gridgov.core.spi.DueTimer;
import org.gridgov.core.spi.DuplicateException;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.spi.IntakeResult;
import org.gridgov.core.spi.NotFoundException;
import org.gridgov.core.spi.StaleVersionException;
import org.gridgov.core.spi.StorageException;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.storage.jdbc.json.EventCodec;

/**
 * Incidents in SQL: append-only event rows plus a projection row per incident, both written in one
 * transaction. An append is checked twice: {@code UPDATE … WHERE id = ? AND version = ?} on the
 * projection, and the primary key (incident_id, version) of the events as a backstop. Instants are
 * stored to the microsecond; what an append returns is what was stored. {@link #intakeAll} adds
 * batched bulk intake to the SPI.
 */
public final class JdbcIncidentStore implements IncidentStore {
  static final String KIND = "incident";

  private final Jdbc jdbc;
  private final IncidentRows rows;
  private final EventRows events;
  private final IncidentLoader loader;
  private final IncidentQueries queries;
  private final ClaimQueue claims;

  JdbcIncidentStore(Jdbc jdbc, long cacheSize) {
    this.jdbc = jdbc;
    this.rows = new IncidentRows(jdbc.tables());
    this.events = new EventRows(jdbc.tables());
    this.loader = new IncidentLoader(events, cacheSize);
    this.queries = new IncidentQueries(jdbc, rows, loader, events);
    this.claims = new ClaimQueue(jdbc, rows, loader);
  }

  @Override
  public IntakeResult intake(List<? extends IncidentEvent> opening) {
    Opening o = Opening.of(opening);
    try {
      return jdbc.inTransaction(
          "intake of incident " + o.incident().id(),
          c -> {
            Optional<IntakeResult> existing = existing(c, o);
            if (existing.isPresent()) {
              return existing.get();
            }
            insert(c, List.of(o));
            return new IntakeResult(o.incident(), true);
          });
    } catch (UniqueViolation conflict) {
      // rolled back, nothing stored: what the race left is only read (Jdbc.read)
      return jdbc.read("intake of incident " + o.incident().id(), c -> existing(c, o))
          .orElseThrow(() -> new DuplicateException(KIND, o.incident().id()));
    }
  }

  /**
   * Takes many incidents in: like {@link #intake} for each opening, in order, but written in
   * batches of a few hundred per transaction. Every opening is checked before anything is written;
   * an opening whose external reference is already stored (or repeats an earlier one of the same
   * call) returns the existing incident with {@code created == false}.
   *
   * @throws DuplicateException when an incident id is already used; openings before the batch that
   *     held it may have been stored
   */
  public List<IntakeResult> intakeAll(List<? extends List<? extends IncidentEvent>> openings) {
    Objects.requireNonNull(openings, "openings");
    List<Opening> all = new ArrayList<>(openings.size());
    openings.forEach(o -> all.add(Opening.of(o)));
    List<IntakeResult> results = new ArrayList<>(all.size());
    for (int from = 0; from < all.size(); from += EventRows.CHUNK) {
      List<Opening> chunk = all.subList(from, Math.min(all.size(), from + EventRows.CHUNK));
      try {
        results.addAll(
            jdbc.inTransaction(
                "bulk intake of " + chunk.size() + " incidents",
                c -> new BulkIntake(jdbc, loader).run(c, chunk, this::insert)));
      } catch (UniqueViolation raced) {
        chunk.forEach(o -> results.add(intake(o.events())));
      }
    }
    return results;
  }

  private Optional<IntakeResult> existing(Connection c, Opening o) throws SQLException {
    Optional<ExternalRef> ref = o.incident().external();
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    Optional<IncidentId> id = rows.byExternal(c, ref.get());
    if (id.isEmpty()) {
      return Optional.empty();
    }
    long version = rows.version(c, id.get()).orElseThrow();
    return Optional.of(new IntakeResult(loader.load(c, id.get(), version), false));
  }

  /** Inserts new incidents' rows, then their events, in batches. */
  private void insert(Connection c, List<Opening> openings) throws SQLException {
    try (PreparedStatement incidents = rows.prepareInsert(c);
        PreparedStatement eventBatch = events.prepareInsert(c)) {
      for (Opening o : openings) {
        rows.addInsert(incidents, o.incident());
        events.addBatch(eventBatch, 1, o.events());
      }
      incidents.executeBatch();
      eventBatch.executeBatch();
    } catch (SQLException e) {
      if (jdbc.dialect().isUniqueViolation(e)) {
        throw new UniqueViolation(e);
      }
      throw e;
    }
  }

  @Override
  public Incident append(
      IncidentId id, long expectedVersion, List<? extends IncidentEvent> newEvents) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(newEvents, "events");
    IncidentStore.checkExpectedVersion(id, expectedVersion);
    IncidentStore.checkEvents(id, newEvents);
    List<IncidentEvent> stored = new ArrayList<>(newEvents.size());
    newEvents.forEach(e -> stored.add(EventCodec.asStored(e)));
    Incident next;
    try {
      next =
          jdbc.inTransaction(
              "append to incident " + id,
              c -> {
                long actual =
                    rows.version(c, id).orElseThrow(() -> new NotFoundException(KIND, id));
                if (actual != expectedVersion) {
                  throw new StaleVersionException(KIND, id, expectedVersion, actual);
                }
                Incident incident = loader.load(c, id, actual);
                for (IncidentEvent event : stored) {
                  incident = incident.apply(event);
                }
                if (!rows.update(c, incident, expectedVersion)) {
                  throw new UniqueViolation(null);
                }
                try {
                  events.insert(c, expectedVersion + 1, stored);
                } catch (SQLException e) {
                  if (jdbc.dialect().isUniqueViolation(e)) {
                    throw new UniqueViolation(e);
                  }
                  throw e;
                }
                return incident;
              });
    } catch (UniqueViolation lost) {
      long actual =
          jdbc.read("reading incident " + id, c -> rows.version(c, id)).orElse(expectedVersion + 1);
      throw new StaleVersionException(KIND, id, expectedVersion, actual);
    }
    loader.remember(next);
    return next;
  }

  /**
   * All the appends in one transaction and one commit: each is version-checked by its row update
   * (which also locks the row until the commit), so a stale or unknown incident is skipped and the
   * others go through. Should the batch fail as a whole before its commit (rolled back), it is
   * retried one by one; should the commit itself fail (the connection lost), the batch may be
   * stored, so the {@link StorageException} is thrown, as {@link #append} throws it. A batch that
   * names one incident twice (a chain of appends) is appended one by one, each on the state the one
   * before left, as the SPI's default does; the versions are read once for a whole batch.
   */
  @Override
  public List<Incident> appendAll(List<Append> appends) {
    IncidentStore.checkAppends(appends);
    Set<IncidentId> seen = new HashSet<>();
    for (Append append : appends) {
      if (!seen.add(append.id())) {
        return IncidentStore.super.appendAll(appends);
      }
    }
    List<List<IncidentEvent>> stored = new ArrayList<>(appends.size());
    for (Append append : appends) {
      List<IncidentEvent> events = new ArrayList<>(append.events().size());
      append.events().forEach(e -> events.add(EventCodec.asStored(e)));
      stored.add(events);
    }
    List<Incident> appended;
    try {
      appended =
          jdbc.inTransaction(
              "append to " + appends.size() + " incidents",
              c -> {
                Map<IncidentId, Long> current = rows.versions(c, appends);
                List<Incident> next = new ArrayList<>(appends.size());
                List<Long> expected = new ArrayList<>(appends.size());
                List<List<IncidentEvent>> written = new ArrayList<>(appends.size());
                for (int i = 0; i < appends.size(); i++) {
                  Append append = appends.get(i);
                  Long actual = current.get(append.id());
                  if (actual == null || actual != append.expectedVersion()) {
                    continue; // unknown, or another writer moved it on
                  }
                  Incident incident = loader.load(c, append.id(), actual);
                  for (IncidentEvent event : stored.get(i)) {
                    incident = incident.apply(event);
                  }
                  next.add(incident);
                  expected.add(append.expectedVersion());
                  written.add(stored.get(i));
                }
                if (next.isEmpty()) {
                  return List.<Incident>of();
                }
                boolean[] updated = rows.updateAll(c, next, expected);
                List<Incident> done = new ArrayList<>(next.size());
                try (PreparedStatement insert = events.prepareInsert(c)) {
                  for (int i = 0; i < next.size(); i++) {
                    if (updated[i]) {
                      events.addBatch(insert, expected.get(i) + 1, written.get(i));
                      done.add(next.get(i));
                    }
                  }
                  if (!done.isEmpty()) {
                    insert.executeBatch();
                  }
                }
                return done;
              });
    } catch (Jdbc.CommitUnknown unknown) {
      // the batch may be stored: appended again one by one, its incidents would be found moved
      // on and reported as skipped. The caller is told, as append tells it.
      throw unknown;
    } catch (StorageException batchFailed) {
      return IncidentStore.super.appendAll(appends);
    }
    appended.forEach(loader::remember);
    return appended;
  }

  @Override
  public Optional<Incident> find(IncidentId id) {
    Objects.requireNonNull(id, "id");
    return jdbc.read(
        "reading incident " + id,
        c -> {
          OptionalLong version = rows.version(c, id);
          return version.isPresent()
              ? Optional.of(loader.load(c, id, version.getAsLong()))
              : Optional.empty();
        });
  }

  @Override
  public List<IncidentEvent> history(IncidentId id) {
    Objects.requireNonNull(id, "id");
    return jdbc.read(
        "reading the history of incident " + id,
        c -> {
          long version = rows.version(c, id).orElseThrow(() -> new NotFoundException(KIND, id));
          return List.copyOf(events.history(c, id, version));
        });
  }

  @Override
  public Optional<IncidentId> findByExternal(ExternalRef ref) {
    Objects.requireNonNull(ref, "ref");
    return jdbc.read("finding an incident by external reference", c -> rows.byExternal(c, ref));
  }

  @Override
  public List<Incident> openInGrid(AreaCode grid) {
    Objects.requireNonNull(grid, "grid");
    return queries.list(IncidentSql.OPEN_IN_GRID, "open incidents in grid " + grid, grid.value());
  }

  @Override
  public List<Incident> openAssignedTo(WorkerId worker) {
    Objects.requireNonNull(worker, "worker");
    return queries.list(
        IncidentSql.OPEN_ASSIGNED_TO, "open incidents of " + worker, worker.value());
  }

  @Override
  public List<Incident> inStage(Stage stage) {
    Objects.requireNonNull(stage, "stage");
    return queries.list(IncidentSql.IN_STAGE, "incidents at " + stage, stage.name());
  }

  /**
   * Loads the returned cases and the registered ones with a referral in their history ({@code
   * IncidentSql.MAY_AWAIT_CENTRE}), not every case in its claim window, and keeps those that wait.
   */
  @Override
  public List<Incident> awaitingCentre() {
    return queries.list(IncidentSql.MAY_AWAIT_CENTRE, "the cases awaiting the centre").stream()
        .filter(Incident::awaitsCentre)
        .toList();
  }

  @Override
  public List<List<IncidentEvent>> historiesAliveBetween(
      Instant from, Instant to, IncidentId after, int limit) {
    return queries.historiesAliveBetween(from, to, after, limit);
  }

  @Override
  public Map<WorkerId, Integer> openCounts(Collection<WorkerId> workers) {
    Objects.requireNonNull(workers, "workers");
    return queries.openCounts(workers);
  }

  @Override
  public List<DueTimer> dueAt(Instant now, int limit) {
    return claims.dueAt(now, limit);
  }

  @Override
  public List<DueTimer> claimDue(Instant now, int limit, String owner, Duration lease) {
    return claims.claimDue(now, limit, owner, lease);
  }

  @Override
  public void release(IncidentId id, String owner) {
    Objects.requireNonNull(id, "id");
    claims.release(id, owner);
  }

  @Override
  public long countReported(AreaCode unit, Instant from, Instant to) {
    return queries.countReported(unit, from, to);
  }

  @Override
  public long count() {
    return queries.count();
  }

  /** A checked opening: its events as they will be stored and the incident they fold to. */
  record Opening(List<IncidentEvent> events, Incident incident) {
    static Opening of(List<? extends IncidentEvent> opening) {
      IncidentStore.checkOpening(opening);
      List<IncidentEvent> stored = new ArrayList<>(opening.size());
      opening.forEach(e -> stored.add(EventCodec.asStored(e)));
      return new Opening(List.copyOf(stored), Incident.replay(stored));
    }
  }
}
