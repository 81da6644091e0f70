package org.gridgov.storage.memory;

import com.google.common.collect.BoundType;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.TreeMultiset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.gridgov.core.incident.ExternalRef;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.incident.Timer;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.spi.DueTimer;
import org.gridgov.core.spi.DuplicateException;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.spi.IntakeResult;
import org.gridgov.core.spi.NotFoundException;
import org.gridgov.core.spi.StaleVersionException;
import org.gridgov.core.territory.AreaCode;

/**
 * Incidents in memory. One read-write lock guards the histories and every index, so each append
 * is atomic and every query sees a consistent snapshot; appends fold through {@link
 * Incident#apply} before anything changes. Indexes are hash sets, cheap to update on every
 * append; queries sort their (usually short) results by id.
 */
final class InMemoryIncidentStore implements IncidentStore {
  private static final String KIND = "incident";
  private static final Comparator<TimerKey> DUE_ORDER =
      Comparator.comparing(TimerKey::dueAt).thenComparing(TimerKey::id);

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<IncidentId, Entry> entries = new HashMap<>();
  private final Map<ExternalRef, IncidentId> externals = new HashMap<>();
  private final Map<AreaCode, Set<IncidentId>> openByGrid = new HashMap<>();
  private final Map<WorkerId, Set<IncidentId>> openByAssignee = new HashMap<>();
  private final Map<Stage, Set<IncidentId>> byStage = new EnumMap<>(Stage.class);
  private final NavigableSet<TimerKey> timers = new TreeSet<>(DUE_ORDER);
  /** Report instants per grid code, for counting what a unit found in a period. */
  private final NavigableMap<String, TreeMultiset<Instant>> reportedByGrid = new TreeMap<>();

  /** One incident: its history, its folded state and any lease on its timer. */
  private record Entry(ImmutableList<IncidentEvent> events, Incident incident, Lease lease) {}

  private record Lease(String owner, Instant until) {}

  private record TimerKey(Instant dueAt, IncidentId id) {}

  @Override
  public IntakeResult intake(List<? extends IncidentEvent> opening) {
    if (opening.isEmpty() || !(opening.get(0) instanceof IncidentReported reported)) {
      throw new IllegalArgumentException("intake starts with an IncidentReported event");
    }
    Incident incident = fold(Incident.start(reported), opening.subList(1, opening.size()));
    lock.writeLock().lock();
    try {
      Optional<ExternalRef> external = reported.external();
      if (external.isPresent() && externals.containsKey(external.get())) {
        return new IntakeResult(entries.get(externals.get(external.get())).incident(), false);
      }
      if (entries.containsKey(incident.id())) {
        throw new DuplicateException(KIND, incident.id());
      }
      external.ifPresent(ref -> externals.put(ref, incident.id()));
      reportedByGrid.computeIfAbsent(incident.grid().value(), g -> TreeMultiset.create())
          .add(incident.reportedAt());
      store(null, new Entry(ImmutableList.copyOf(opening), incident, null));
      return new IntakeResult(incident, true);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public Incident append(IncidentId id, long expectedVersion, List<? extends IncidentEvent> events) {
    Objects.requireNonNull(id, "id");
    if (events.isEmpty()) {
      throw new IllegalArgumentException("append needs at least one event for incident " + id);
    }
    lock.writeLock().lock();
    try {
      Entry current = entries.get(id);
      if (current == null) {
        throw new NotFoundException(KIND, id);
      }
      if (current.incident().version() != expectedVersion) {
        throw new StaleVersionException(KIND, id, expectedVersion, current.incident().version());
      }
      Incident next = fold(current.incident(), events);
      ImmutableList<IncidentEvent> history =
          ImmutableList.<IncidentEvent>builderWithExpectedSize(current.events().size() + events.size())
              .addAll(current.events())
              .addAll(events)
              .build();
      store(current, new Entry(history, next, null));
      return next;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static Incident fold(Incident start, List<? extends IncidentEvent> events) {
    Incident incident = start;
    for (IncidentEvent event : events) {
      incident = incident.apply(event);
    }
    return incident;
  }

  /** Replaces {@code old} (null for a new incident) by {@code next} in the map and every index. */
  private void store(Entry old, Entry next) {
    Incident incident = next.incident();
    if (old != null) {
      unindex(old.incident());
    }
    entries.put(incident.id(), next);
    byStage.computeIfAbsent(incident.stage(), s -> new HashSet<>()).add(incident.id());
    if (incident.isOpen()) {
      openByGrid.computeIfAbsent(incident.grid(), g -> new HashSet<>()).add(incident.id());
      incident.assignee().ifPresent(
          w -> openByAssignee.computeIfAbsent(w, k -> new HashSet<>()).add(incident.id()));
    }
    incident.nextTimer().ifPresent(t -> timers.add(new TimerKey(t.dueAt(), incident.id())));
  }

  private void unindex(Incident incident) {
    remove(byStage, incident.stage(), incident.id());
    remove(openByGrid, incident.grid(), incident.id());
    incident.assignee().ifPresent(w -> remove(openByAssignee, w, incident.id()));
    incident.nextTimer().ifPresent(t -> timers.remove(new TimerKey(t.dueAt(), incident.id())));
  }

  private static <K> void remove(Map<K, Set<IncidentId>> index, K key, IncidentId id) {
    Set<IncidentId> ids = index.get(key);
    if (ids != null && ids.remove(id) && ids.isEmpty()) {
      index.remove(key);
    }
  }

  @Override
  public Optional<Incident> find(IncidentId id) {
    lock.readLock().lock();
    try {
      Entry entry = entries.get(id);
      return entry == null ? Optional.empty() : Optional.of(entry.incident());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<IncidentEvent> history(IncidentId id) {
    lock.readLock().lock();
    try {
      Entry entry = entries.get(id);
      if (entry == null) {
        throw new NotFoundException(KIND, id);
      }
      return entry.events();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<IncidentId> findByExternal(ExternalRef ref) {
    lock.readLock().lock();
    try {
      return Optional.ofNullable(externals.get(ref));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Incident> openInGrid(AreaCode grid) {
    return lookup(openByGrid, grid);
  }

  @Override
  public List<Incident> openAssignedTo(WorkerId worker) {
    return lookup(openByAssignee, worker);
  }

  @Override
  public List<Incident> inStage(Stage stage) {
    return lookup(byStage, stage);
  }

  private <K> List<Incident> lookup(Map<K, Set<IncidentId>> index, K key) {
    lock.readLock().lock();
    try {
      Set<IncidentId> ids = index.get(key);
      if (ids == null) {
        return List.of();
      }
      IncidentId[] sorted = ids.toArray(new IncidentId[0]);
      Arrays.sort(sorted);
      List<Incident> result = new ArrayList<>(sorted.length);
      for (IncidentId id : sorted) {
        result.add(entries.get(id).incident());
      }
      return result;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Map<WorkerId, Integer> openCounts(Collection<WorkerId> workers) {
    lock.readLock().lock();
    try {
      Map<WorkerId, Integer> counts = new LinkedHashMap<>();
      for (WorkerId worker : workers) {
        Set<IncidentId> open = openByAssignee.get(worker);
        counts.put(worker, open == null ? 0 : open.size());
      }
      return counts;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<DueTimer> dueAt(Instant now, int limit) {
    requirePositive(limit);
    lock.readLock().lock();
    try {
      List<DueTimer> due = new ArrayList<>();
      for (TimerKey key : timers) {
        if (key.dueAt().isAfter(now) || due.size() == limit) {
          break;
        }
        due.add(dueTimer(entries.get(key.id()).incident()));
      }
      return due;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<DueTimer> claimDue(Instant now, int limit, String owner, Duration lease) {
    requirePositive(limit);
    Objects.requireNonNull(owner, "owner");
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive, was " + lease);
    }
    lock.writeLock().lock();
    try {
      List<DueTimer> taken = new ArrayList<>();
      for (TimerKey key : timers) {
        if (key.dueAt().isAfter(now) || taken.size() == limit) {
          break;
        }
        Entry entry = entries.get(key.id());
        Lease held = entry.lease();
        if (held != null && held.until().isAfter(now)) {
          continue;
        }
        entries.put(key.id(), new Entry(entry.events(), entry.incident(),
            new Lease(owner, now.plus(lease))));
        taken.add(dueTimer(entry.incident()));
      }
      return taken;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void release(IncidentId id, String owner) {
    lock.writeLock().lock();
    try {
      Entry entry = entries.get(id);
      if (entry == null) {
        throw new NotFoundException(KIND, id);
      }
      if (entry.lease() != null && entry.lease().owner().equals(owner)) {
        entries.put(id, new Entry(entry.events(), entry.incident(), null));
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public long countReported(AreaCode unit, Instant from, Instant to) {
    Objects.requireNonNull(unit, "unit");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the period must not end (" + to + ") before it starts ("
          + from + ")");
    }
    lock.readLock().lock();
    try {
      String prefix = unit.value();
      long count = 0;
      for (TreeMultiset<Instant> reported :
          reportedByGrid.subMap(prefix, true, prefix + Character.MAX_VALUE, false).values()) {
        count += reported.subMultiset(from, BoundType.CLOSED, to, BoundType.OPEN).size();
      }
      return count;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public long count() {
    lock.readLock().lock();
    try {
      return entries.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  private static DueTimer dueTimer(Incident incident) {
    Timer timer = incident.nextTimer().orElseThrow();
    return new DueTimer(incident, timer);
  }

  private static void requirePositive(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
  }
}
