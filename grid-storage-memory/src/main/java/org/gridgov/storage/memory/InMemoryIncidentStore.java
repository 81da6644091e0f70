package org.gridgov.storage.memory;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import org.gridgov.core.incident.ExternalRef;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentIdMap;
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
 * Incidents in memory. One read-write lock guards the histories and every index, so each append is
 * atomic and every query sees a consistent snapshot; appends fold through {@link Incident#apply}
 * before anything changes.
 *
 * <p>Each incident has one mutable {@link Entry} that remembers the index keys it was filed under,
 * so an append touches only the indexes whose key changed. Open incidents by assignee are linked
 * lists of entries, joined and left in constant time. Due timers are a 4-ary heap on due instant,
 * then id, in primitive arrays. Report instants (of the reports not rejected) are kept per grid in
 * sorted arrays for {@link #countReported}. These serve the facade's every command and timer round.
 *
 * <p>The indexes only listings read ({@link #inStage}, {@link #openInGrid}, {@link
 * #historiesAliveBetween}) are built by the first such query and kept from then on ({@link
 * #listings}): open stages and open incidents by grid as linked lists like the assignees', and a
 * tree of the entries by id for keyset pages. The settled stages have no index and {@link #inStage}
 * scans for them. A store nobody lists, such as a simulation's, pays for none of them on each of
 * its millions of appends (the stage list alone was a leave and a join on nearly every append).
 *
 * <p>Without {@code keepArchived}, an incident appended into {@link Stage#ARCHIVED} is dropped: its
 * history and state go, its id, external reference and report instant stay (see {@link
 * InMemoryGridStorage.Builder#keepArchived}).
 */
final class InMemoryIncidentStore implements IncidentStore {
  private static final String KIND = "incident";
  private static final int FIRST_CAPACITY = 8;
  private static final Comparator<Entry> BY_ID = InMemoryIncidentStore::byId;

  private final boolean keepArchived;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final IncidentIdMap<Entry> entries = new IncidentIdMap<>();

  /**
   * The entry {@link #find} found last. A command finds its incident, then appends to it: the
   * append takes the entry from here rather than looking it up again (the lookup of a case nobody
   * touched for a while is several cache misses). Written by readers without ordering, so it may be
   * stale or another incident's: {@link #held} trusts it only for its own id while it is held.
   */
  private Entry lastFound;

  /**
   * Whether the listings' indexes ({@link #byId}, {@link #byOpenStage}, {@link #openByGrid}, {@link
   * #openByAssignee}) are built and kept; set, once, under the write lock by the first listing
   * ({@link #listings}).
   */
  private volatile boolean listed;

  /**
   * The same entries in id order, for the keyset pages of {@link #historiesAliveBetween}: a page
   * walks on from its cursor, so paging through a period visits each entry at most once.
   */
  private final NavigableMap<IncidentId, Entry> byId = new TreeMap<>();

  /**
   * The ids of the archived incidents dropped from {@link #entries}, when not keeping them: a year
   * of a district drops over a million, and only their ids must stay taken.
   */
  private final DroppedIds dropped = new DroppedIds();

  private final Map<ExternalRef, IncidentId> externals = new HashMap<>();

  /** Open stages only: the settled ones would grow without bound and are scanned instead. */
  private final Map<Stage, Members> byOpenStage = new EnumMap<>(Stage.class);

  private final Map<AreaCode, Members> openByGrid = new HashMap<>();
  private final Map<WorkerId, Members> openByAssignee = new HashMap<>();

  /**
   * How many open cases each worker has, kept always: dispatch asks for it on every assignment,
   * while the members above are kept only once listed (linking and unlinking a case touches its
   * idle neighbours in the list, a miss each, on every assignment and close).
   */
  private final Map<WorkerId, OpenCount> openCounts = new HashMap<>();

  private final TimerHeap timers = new TimerHeap();

  /** Report instants per grid code, sorted by code for counting what a unit found. */
  private final NavigableMap<String, ReportTimes> reportedByGrid = new TreeMap<>();

  /** The same per-grid instants by code, for the lookup on every intake. */
  private final Map<String, ReportTimes> reportsOfGrid = new HashMap<>();

  /**
   * One incident: its history, its folded state, the keys it is indexed under (null for none), its
   * links in the index lists, its slot among the timers and any lease on its timer. Changed only
   * under the write lock.
   */
  private static final class Entry {
    final IncidentId id;
    IncidentEvent[] events;
    int size;
    Incident incident;
    AreaCode openGrid;
    WorkerId openAssignee;

    /** Its places in {@link #byOpenStage}, {@link #openByGrid} and {@link #openByAssignee}. */
    Link stageLink;

    Link gridLink;
    Link assigneeLink;
    Instant timerDue;

    /** Where the entry is in {@link #timers}, or -1 when it has no timer. */
    int timerSlot = -1;

    String leaseOwner;
    Instant leaseUntil;

    Entry(IncidentId id, List<? extends IncidentEvent> opening) {
      this.id = id;
      this.events = opening.toArray(new IncidentEvent[Math.max(FIRST_CAPACITY, opening.size())]);
      this.size = opening.size();
    }

    void add(List<? extends IncidentEvent> more) {
      int needed = size + more.size();
      if (needed > events.length) {
        events = Arrays.copyOf(events, Math.max(needed, events.length * 2));
      }
      for (int i = 0; i < more.size(); i++) { // indexed: no iterator per append
        events[size++] = more.get(i);
      }
    }

    /**
     * Lets go of the state and the events of an entry the store dropped: a dead entry already
     * promoted would keep its last, young, state and events alive through a young collection.
     */
    void forget() {
      events = null;
      incident = null;
    }

    boolean leasedAt(Instant now) {
      return leaseUntil != null && leaseUntil.isAfter(now);
    }
  }

  InMemoryIncidentStore(boolean keepArchived) {
    this.keepArchived = keepArchived;
    for (Stage stage : Stage.values()) {
      if (stage.isOpen()) {
        byOpenStage.put(stage, new Members());
      }
    }
  }

  private static int byId(Entry a, Entry b) {
    return a.id.compareTo(b.id);
  }

  @Override
  public IntakeResult intake(List<? extends IncidentEvent> opening) {
    IncidentReported reported = IncidentStore.checkOpening(opening);
    Incident incident = fold(Incident.start(reported), opening, 1);
    ExternalRef external = reported.external().orElse(null);
    lock.writeLock().lock();
    try {
      if (external != null) {
        IncidentId known = externals.get(external);
        if (known != null) {
          Entry entry = entries.get(known);
          if (entry == null) {
            throw new DuplicateException(KIND, known);
          }
          return new IntakeResult(entry.incident, false);
        }
      }
      IncidentId id = incident.id();
      if (entries.containsKey(id) || dropped.contains(id.value())) {
        throw new DuplicateException(KIND, id);
      }
      if (external != null) {
        externals.put(external, id);
      }
      if (incident.rejection().isEmpty()) {
        recordReport(incident);
      }
      if (drops(incident)) {
        dropped.add(id.value());
      } else {
        Entry entry = new Entry(id, opening);
        entries.put(id, entry);
        if (listed) {
          byId.put(id, entry);
        }
        update(entry, incident);
      }
      return new IntakeResult(incident, true);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Files the report instant of a new incident under its grid, for {@link #countReported}, unless
   * it is rejected: a report refused at registration is no problem found.
   */
  private void recordReport(Incident incident) {
    String grid = incident.grid().value();
    ReportTimes reports = reportsOfGrid.get(grid);
    if (reports == null) {
      reports = new ReportTimes();
      reportsOfGrid.put(grid, reports);
      reportedByGrid.put(grid, reports);
    }
    reports.add(incident.reportedAt());
  }

  /** Takes the report instant of an incident just rejected out of its grid's count again. */
  private void unrecordReport(Incident incident) {
    reportsOfGrid.get(incident.grid().value()).remove(incident.reportedAt());
  }

  /** Whether {@code incident} leaves memory: archived, in a store that does not keep those. */
  private boolean drops(Incident incident) {
    return !keepArchived && incident.stage() == Stage.ARCHIVED;
  }

  @Override
  public Incident append(
      IncidentId id, long expectedVersion, List<? extends IncidentEvent> events) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(events, "events");
    IncidentStore.checkExpectedVersion(id, expectedVersion);
    IncidentStore.checkEvents(id, events);
    lock.writeLock().lock();
    try {
      Entry entry = held(id);
      long version = entry.incident.version();
      if (version != expectedVersion) {
        throw new StaleVersionException(KIND, id, expectedVersion, version);
      }
      Incident next = fold(entry.incident, events, 0);
      if (entry.incident.rejection().isEmpty() && next.rejection().isPresent()) {
        unrecordReport(next);
      }
      boolean drops = drops(next);
      if (!drops) { // a dropped entry's history is let go of: no need to write the last events in
        entry.add(events);
      }
      entry.leaseOwner = null;
      entry.leaseUntil = null;
      update(entry, next);
      if (drops) {
        entries.remove(id);
        if (listed) {
          byId.remove(id);
        }
        dropped.add(id.value());
        entry.forget();
      }
      return next;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * The entry of {@code id}, under the write lock: the last one found when it is that incident's
   * and still held (a dropped entry has forgotten its state; ids are never held again), else the
   * one looked up.
   */
  private Entry held(IncidentId id) {
    Entry entry = lastFound;
    if (entry == null || entry.incident == null || !entry.id.equals(id)) {
      entry = entries.get(id);
      if (entry == null) {
        throw new NotFoundException(KIND, id);
      }
    }
    return entry;
  }

  private static Incident fold(Incident start, List<? extends IncidentEvent> events, int from) {
    Incident incident = start;
    for (int i = from; i < events.size(); i++) {
      incident = incident.apply(events.get(i));
    }
    return incident;
  }

  /**
   * Makes {@code next} the state of {@code entry} (whose state is null when it is new), moving the
   * entry only in the indexes whose key changed.
   */
  private void update(Entry entry, Incident next) {
    boolean open = next.stage().isOpen();
    if (listed) {
      list(entry, entry.incident == null ? null : entry.incident.stage(), next);
    }
    WorkerId assignee = open ? next.assignee().orElse(null) : null;
    if (!Objects.equals(assignee, entry.openAssignee)) {
      count(entry.openAssignee, -1);
      count(assignee, 1);
      if (listed) {
        leave(openByAssignee, entry.openAssignee, entry.assigneeLink);
        entry.assigneeLink = join(openByAssignee, assignee, entry);
      }
      entry.openAssignee = assignee;
    }
    Optional<Timer> timer = next.nextTimer();
    Instant due = timer.isPresent() ? timer.get().dueAt() : null;
    if (!Objects.equals(due, entry.timerDue)) {
      entry.timerDue = due;
      timers.file(entry, due);
    }
    entry.incident = next;
  }

  /**
   * Moves {@code entry}, whose stage was {@code was} (null: new), to {@code next}'s places in the
   * listings' stage and grid indexes.
   */
  private void list(Entry entry, Stage was, Incident next) {
    Stage stage = next.stage();
    boolean open = stage.isOpen();
    if (stage != was) {
      if (entry.stageLink != null) {
        entry.stageLink.leave();
        entry.stageLink = null;
      }
      if (open) {
        entry.stageLink = byOpenStage.get(stage).join(entry);
      }
    }
    AreaCode grid = open ? next.grid() : null;
    if (!Objects.equals(grid, entry.openGrid)) {
      leave(openByGrid, entry.openGrid, entry.gridLink);
      entry.openGrid = grid;
      entry.gridLink = join(openByGrid, grid, entry);
    }
  }

  /**
   * Builds the listings' indexes from the entries held now, unless built already; from then on
   * every intake, append and drop keeps them (they check {@link #listed} under the write lock).
   */
  private void listings() {
    if (listed) {
      return;
    }
    lock.writeLock().lock();
    try {
      if (!listed) {
        entries.forEach(
            (id, entry) -> {
              byId.put(id, entry);
              list(entry, null, entry.incident);
              entry.assigneeLink = join(openByAssignee, entry.openAssignee, entry);
            });
        listed = true;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Adds {@code change} to the open cases of {@code worker} (null: nobody). */
  private void count(WorkerId worker, int change) {
    if (worker != null) {
      openCounts.computeIfAbsent(worker, w -> new OpenCount()).value += change;
    }
  }

  /** A worker's open cases. */
  private static final class OpenCount {
    int value;
  }

  /** Takes an entry out of the members under {@code key} (null: none) through its link. */
  private static <K> void leave(Map<K, Members> index, K key, Link link) {
    if (key != null && link.leave()) {
      index.remove(key);
    }
  }

  /** Puts {@code entry} under {@code key} (null: none) and returns its link there. */
  private static <K> Link join(Map<K, Members> index, K key, Entry entry) {
    if (key == null) {
      return null;
    }
    Members members = index.get(key);
    if (members == null) {
      members = new Members();
      index.put(key, members);
    }
    return members.join(entry);
  }

  /**
   * The entries under one index key: a doubly linked list, so an entry joins and leaves through its
   * {@link Link} in constant time without hashing.
   */
  private static final class Members {
    Link head;
    int size;

    Link join(Entry entry) {
      Link link = new Link(this, entry);
      link.next = head;
      if (head != null) {
        head.prev = link;
      }
      head = link;
      size++;
      return link;
    }

    Entry[] toArray() {
      Entry[] all = new Entry[size];
      int i = 0;
      for (Link link = head; link != null; link = link.next) {
        all[i++] = link.entry;
      }
      return all;
    }
  }

  /** One entry's place among {@link Members}. */
  private static final class Link {
    final Members owner;
    final Entry entry;
    Link prev;
    Link next;

    Link(Members owner, Entry entry) {
      this.owner = owner;
      this.entry = entry;
    }

    /**
     * Unlinks this place; true when that left its members empty. A link that left points nowhere:
     * once promoted and dead, it would otherwise keep its young neighbours alive through the next
     * young collection (which takes the old objects written to since the last one as roots, dead or
     * alive), they theirs, and so on down the list, each with its entry, state and events. With
     * this and {@link Entry#forget}, a simulated Dongcheng year pauses 5.8-6.0 s for collections
     * instead of 8.1-8.6 s.
     */
    boolean leave() {
      if (prev == null) {
        owner.head = next;
      } else {
        prev.next = next;
      }
      if (next != null) {
        next.prev = prev;
      }
      prev = null;
      next = null;
      return --owner.size == 0;
    }
  }

  @Override
  public Optional<Incident> find(IncidentId id) {
    Objects.requireNonNull(id, "id");
    lock.readLock().lock();
    try {
      Entry entry = entries.get(id);
      if (entry == null) {
        return Optional.empty();
      }
      lastFound = entry;
      return Optional.of(entry.incident);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<IncidentEvent> history(IncidentId id) {
    Objects.requireNonNull(id, "id");
    lock.readLock().lock();
    try {
      Entry entry = entries.get(id);
      if (entry == null) {
        throw new NotFoundException(KIND, id);
      }
      return historyOf(entry);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<IncidentId> findByExternal(ExternalRef ref) {
    Objects.requireNonNull(ref, "ref");
    lock.readLock().lock();
    try {
      return Optional.ofNullable(externals.get(ref));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Incident> openInGrid(AreaCode grid) {
    Objects.requireNonNull(grid, "grid");
    listings();
    return lookup(openByGrid, grid);
  }

  @Override
  public List<Incident> openAssignedTo(WorkerId worker) {
    Objects.requireNonNull(worker, "worker");
    listings();
    return lookup(openByAssignee, worker);
  }

  @Override
  public List<Incident> inStage(Stage stage) {
    if (Objects.requireNonNull(stage, "stage").isOpen()) {
      listings();
      return lookup(byOpenStage, stage);
    }
    lock.readLock().lock();
    try {
      List<Entry> found = new ArrayList<>();
      entries.forEach(
          (id, entry) -> {
            if (entry.incident.stage() == stage) {
              found.add(entry);
            }
          });
      return sortedIncidents(found.toArray(new Entry[0]));
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Walks the entries in id order from {@code after}; an entry dropped as archived is no longer
   * here, so a store without {@code keepArchived} leaves it out (its history is gone).
   */
  @Override
  public List<List<IncidentEvent>> historiesAliveBetween(
      Instant from, Instant to, IncidentId after, int limit) {
    IncidentStore.checkAliveBetween(from, to, limit);
    listings();
    lock.readLock().lock();
    try {
      List<List<IncidentEvent>> page = new ArrayList<>();
      Collection<Entry> candidates =
          after == null ? byId.values() : byId.tailMap(after, false).values();
      for (Entry entry : candidates) {
        Incident incident = entry.incident;
        if (incident.reportedAt().isBefore(to) && !incident.aliveUntil().isBefore(from)) {
          page.add(historyOf(entry));
          if (page.size() == limit) {
            break;
          }
        }
      }
      return page;
    } finally {
      lock.readLock().unlock();
    }
  }

  private static List<IncidentEvent> historyOf(Entry entry) {
    return ImmutableList.copyOf(Arrays.asList(entry.events).subList(0, entry.size));
  }

  private <K> List<Incident> lookup(Map<K, Members> index, K key) {
    lock.readLock().lock();
    try {
      Members members = index.get(key);
      return members == null ? List.of() : sortedIncidents(members.toArray());
    } finally {
      lock.readLock().unlock();
    }
  }

  private static List<Incident> sortedIncidents(Entry[] sorted) {
    Arrays.sort(sorted, BY_ID);
    List<Incident> result = new ArrayList<>(sorted.length);
    for (Entry entry : sorted) {
      result.add(entry.incident);
    }
    return result;
  }

  @Override
  public Map<WorkerId, Integer> openCounts(Collection<WorkerId> workers) {
    Objects.requireNonNull(workers, "workers");
    lock.readLock().lock();
    try {
      Map<WorkerId, Integer> counts = new LinkedHashMap<>(workers.size() * 4 / 3 + 1);
      for (WorkerId worker : workers) {
        OpenCount open = openCounts.get(Objects.requireNonNull(worker, "worker"));
        counts.put(worker, open == null ? 0 : open.value);
      }
      return counts;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<DueTimer> dueAt(Instant now, int limit) {
    IncidentStore.checkLimit("dueAt", limit); // first, as claimDue and the JDBC stores check it
    Objects.requireNonNull(now, "now");
    lock.readLock().lock();
    try {
      List<DueTimer> due = new ArrayList<>();
      timers.walkDue(now, limit, entry -> due.add(dueTimer(entry.incident)));
      return due;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<DueTimer> claimDue(Instant now, int limit, String owner, Duration lease) {
    IncidentStore.checkLimit("claimDue", limit);
    IncidentStore.checkOwner(owner);
    Instant until = IncidentStore.leaseEnd(now, lease);
    lock.writeLock().lock();
    try {
      List<DueTimer> taken = new ArrayList<>();
      timers.walkDue(
          now,
          limit,
          entry -> {
            if (entry.leasedAt(now)) {
              return false;
            }
            entry.leaseOwner = owner;
            entry.leaseUntil = until;
            return taken.add(dueTimer(entry.incident));
          });
      return taken;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void release(IncidentId id, String owner) {
    Objects.requireNonNull(id, "id");
    IncidentStore.checkOwner(owner);
    lock.writeLock().lock();
    try {
      Entry entry = entries.get(id);
      if (entry == null) {
        throw new NotFoundException(KIND, id);
      }
      if (entry.leaseOwner != null && entry.leaseOwner.equals(owner)) {
        entry.leaseOwner = null;
        entry.leaseUntil = null;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public long countReported(AreaCode unit, Instant from, Instant to) {
    Objects.requireNonNull(unit, "unit");
    IncidentStore.checkPeriod(from, to);
    lock.readLock().lock();
    try {
      String prefix = unit.codePrefix();
      long count = 0;
      for (ReportTimes reports :
          reportedByGrid.subMap(prefix, true, prefix + Character.MAX_VALUE, false).values()) {
        count += reports.countIn(from, to);
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
      return (long) entries.size() + dropped.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  private static DueTimer dueTimer(Incident incident) {
    Timer timer = incident.nextTimer().orElseThrow();
    return new DueTimer(incident, timer);
  }

  /**
   * The entries with a timer: a 4-ary min-heap on (due instant, id) whose keys sit in parallel
   * primitive arrays, so sifting compares in one small block of memory instead of chasing tree
   * nodes. Each entry knows its slot, so a changed timer moves in place.
   */
  private static final class TimerHeap {
    /** Children per node: a shallow heap moves fewer entries when a timer sifts up. */
    private static final int ARITY = 4;

    private Entry[] entries = new Entry[FIRST_CAPACITY];
    private long[] seconds = new long[FIRST_CAPACITY];
    private int[] nanos = new int[FIRST_CAPACITY];

    /**
     * The entries' ids, for the ties: cases assigned in one timer round are due at one instant, and
     * reading the id here spares a miss on each idle entry compared.
     */
    private IncidentId[] ids = new IncidentId[FIRST_CAPACITY];

    private int size;

    /** Files {@code entry} under {@code due}, moving it when it is here; null takes it out. */
    void file(Entry entry, Instant due) {
      if (due == null) {
        if (entry.timerSlot >= 0) {
          removeAt(entry.timerSlot);
        }
        return;
      }
      int slot = entry.timerSlot;
      if (slot < 0) {
        if (size == entries.length) {
          entries = Arrays.copyOf(entries, size * 2);
          seconds = Arrays.copyOf(seconds, size * 2);
          nanos = Arrays.copyOf(nanos, size * 2);
          ids = Arrays.copyOf(ids, size * 2);
        }
        slot = size++;
      }
      sift(slot, entry, due.getEpochSecond(), due.getNano());
    }

    private void removeAt(int slot) {
      entries[slot].timerSlot = -1;
      int last = --size;
      Entry moved = entries[last];
      entries[last] = null;
      ids[last] = null;
      if (slot != last) {
        sift(slot, moved, seconds[last], nanos[last]);
      }
    }

    /** Puts {@code entry} with its key where it belongs, starting from the free {@code slot}. */
    private void sift(int slot, Entry entry, long second, int nano) {
      int at = slot;
      while (at > 0) {
        int parent = (at - 1) / ARITY;
        if (compare(parent, second, nano, entry.id) <= 0) {
          break;
        }
        put(at, entries[parent], seconds[parent], nanos[parent], ids[parent]);
        at = parent;
      }
      if (at == slot) {
        int first;
        while ((first = ARITY * at + 1) < size) {
          int child = first;
          for (int other = first + 1; other < Math.min(first + ARITY, size); other++) {
            if (compare(other, seconds[child], nanos[child], ids[child]) < 0) {
              child = other;
            }
          }
          if (compare(child, second, nano, entry.id) >= 0) {
            break;
          }
          put(at, entries[child], seconds[child], nanos[child], ids[child]);
          at = child;
        }
      }
      put(at, entry, second, nano, entry.id);
    }

    private void put(int slot, Entry entry, long second, int nano, IncidentId id) {
      entries[slot] = entry;
      seconds[slot] = second;
      nanos[slot] = nano;
      ids[slot] = id;
      entry.timerSlot = slot;
    }

    /** Compares the key in {@code slot} with the key (second, nano, id). */
    private int compare(int slot, long second, int nano, IncidentId id) {
      if (seconds[slot] != second) {
        return seconds[slot] < second ? -1 : 1;
      }
      if (nanos[slot] != nano) {
        return nanos[slot] < nano ? -1 : 1;
      }
      return ids[slot].compareTo(id);
    }

    private boolean dueBy(int slot, long second, int nano) {
      return seconds[slot] < second || (seconds[slot] == second && nanos[slot] <= nano);
    }

    /**
     * Offers the entries due at or before {@code now} to {@code taker}, earliest first, until it
     * has taken {@code limit} of them (it answers whether it took one). A best-first walk: a small
     * queue holds the due slots whose parents were offered, so only due slots are visited.
     */
    void walkDue(Instant now, int limit, Predicate<Entry> taker) {
      long second = now.getEpochSecond();
      int nano = now.getNano();
      if (size == 0 || !dueBy(0, second, nano)) {
        return;
      }
      Frontier frontier = new Frontier();
      frontier.add(0);
      int taken = 0;
      while (taken < limit && !frontier.isEmpty()) {
        int slot = frontier.poll();
        if (taker.test(entries[slot])) {
          taken++;
        }
        for (int child = ARITY * slot + 1; child <= ARITY * slot + ARITY && child < size; child++) {
          if (dueBy(child, second, nano)) {
            frontier.add(child);
          }
        }
      }
    }

    /** The slots a walk has reached and not offered yet, earliest first: a binary heap of ints. */
    private final class Frontier {
      private int[] slots = new int[16];
      private int count;

      boolean isEmpty() {
        return count == 0;
      }

      void add(int slot) {
        if (count == slots.length) {
          slots = Arrays.copyOf(slots, count * 2);
        }
        int at = count++;
        while (at > 0) {
          int parent = (at - 1) / 2;
          if (before(slots[parent], slot)) {
            break;
          }
          slots[at] = slots[parent];
          at = parent;
        }
        slots[at] = slot;
      }

      int poll() {
        int first = slots[0];
        int last = slots[--count];
        int at = 0;
        int child;
        while ((child = 2 * at + 1) < count) {
          if (child + 1 < count && before(slots[child + 1], slots[child])) {
            child++;
          }
          if (before(last, slots[child])) {
            break;
          }
          slots[at] = slots[child];
          at = child;
        }
        slots[at] = last;
        return first;
      }

      /** Whether the timer in slot {@code a} is due before the one in slot {@code b}. */
      private boolean before(int a, int b) {
        return compare(a, seconds[b], nanos[b], ids[b]) < 0;
      }
    }
  }

  /**
   * The report instants of one grid, ascending, as epoch seconds and nanoseconds in parallel arrays
   * (exact for every {@link Instant}). Reports mostly arrive in time order, so an add is usually an
   * append; an earlier one is inserted in place.
   */
  private static final class ReportTimes {
    private long[] seconds = new long[FIRST_CAPACITY];
    private int[] nanos = new int[FIRST_CAPACITY];
    private int size;

    void add(Instant instant) {
      long second = instant.getEpochSecond();
      int nano = instant.getNano();
      if (size == seconds.length) {
        seconds = Arrays.copyOf(seconds, size * 2);
        nanos = Arrays.copyOf(nanos, size * 2);
      }
      int at = size;
      if (size > 0 && compare(size - 1, second, nano) > 0) {
        at = firstAfter(second, nano);
        System.arraycopy(seconds, at, seconds, at + 1, size - at);
        System.arraycopy(nanos, at, nanos, at + 1, size - at);
      }
      seconds[at] = second;
      nanos[at] = nano;
      size++;
    }

    /** Removes one occurrence of {@code instant}, which was added before. */
    void remove(Instant instant) {
      int at = firstNotBefore(instant.getEpochSecond(), instant.getNano());
      if (at == size || compare(at, instant.getEpochSecond(), instant.getNano()) != 0) {
        throw new IllegalStateException("no report at " + instant + " to take out");
      }
      System.arraycopy(seconds, at + 1, seconds, at, size - at - 1);
      System.arraycopy(nanos, at + 1, nanos, at, size - at - 1);
      size--;
    }

    /** How many instants lie in {@code [from, to)}. */
    int countIn(Instant from, Instant to) {
      return firstNotBefore(to.getEpochSecond(), to.getNano())
          - firstNotBefore(from.getEpochSecond(), from.getNano());
    }

    /** The index of the first instant at or after the given one ({@code size} when none). */
    private int firstNotBefore(long second, int nano) {
      int low = 0;
      int high = size;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (compare(mid, second, nano) < 0) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }

    /** The index of the first instant after the given one ({@code size} when none). */
    private int firstAfter(long second, int nano) {
      int low = 0;
      int high = size;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (compare(mid, second, nano) <= 0) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }

    private int compare(int index, long second, int nano) {
      int bySecond = Long.compare(seconds[index], second);
      return bySecond != 0 ? bySecond : Integer.compare(nanos[index], nano);
    }
  }
}
