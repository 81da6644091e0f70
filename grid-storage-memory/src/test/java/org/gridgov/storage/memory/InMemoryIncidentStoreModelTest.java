package org.gridgov.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.CaseArbitrated;
import org.gridgov.core.incident.CaseReturned;
import org.gridgov.core.incident.DeadlineExtended;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.incident.ExternalRef;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentArchived;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentClaimed;
import org.gridgov.core.incident.IncidentClosed;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentRated;
import org.gridgov.core.incident.IncidentRegistered;
import org.gridgov.core.incident.IncidentRejected;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.incident.JointMeetingConvened;
import org.gridgov.core.incident.MarkedOverdue;
import org.gridgov.core.incident.Rating;
import org.gridgov.core.incident.RejectionKind;
import org.gridgov.core.incident.Source;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.incident.Timer;
import org.gridgov.core.incident.VerificationFailed;
import org.gridgov.core.incident.VerificationPassed;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.spi.Append;
import org.gridgov.core.spi.DueTimer;
import org.gridgov.core.spi.DuplicateException;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.spi.NotFoundException;
import org.gridgov.core.spi.StaleVersionException;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Drives the memory store with random legal (and some refused) calls, with and without
 * keepArchived, and checks every answer against a naive model recomputed from the histories.
 */
class InMemoryIncidentStoreModelTest {
  private static final Instant T0 = Instant.parse("2024-03-04T01:00:00.123456Z");
  private static final List<AreaCode> GRIDS =
      List.of(
          AreaCode.of("330102011002001", Level.GRID), AreaCode.of("330102011002002", Level.GRID),
          AreaCode.of("330102011003001", Level.GRID), AreaCode.of("330106001001001", Level.GRID));
  private static final List<AreaCode> UNITS =
      List.of(
          GRIDS.get(0),
          GRIDS.get(1),
          GRIDS.get(2),
          GRIDS.get(3),
          AreaCode.parse("330102011002"),
          AreaCode.parse("330102011"),
          AreaCode.parse("330102"),
          AreaCode.parse("330100"),
          AreaCode.parse("330000"),
          AreaCode.parse("110000"));
  private static final List<WorkerId> WORKERS =
      List.of(
          WorkerId.of("w-wang"),
          WorkerId.of("w-li"),
          WorkerId.of("w-zhao"),
          WorkerId.of("w-nobody"));
  private static final List<LineId> LINES = List.of(LineId.of("urban"), LineId.of("greening"));
  private static final List<String> OWNERS = List.of("node-1", "node-2");
  private static final CategoryCode LAMP = CategoryCode.parse("P0110");
  private static final Actor CENTRE = Actor.centre("seat-1");

  private Random random;
  private Instant now;
  private IncidentStore store;
  private boolean keepArchived;
  private final Map<IncidentId, List<IncidentEvent>> histories = new TreeMap<>();
  private final Map<IncidentId, Incident> states = new HashMap<>();
  private final Map<ExternalRef, IncidentId> externals = new HashMap<>();
  private final Map<IncidentId, String> leaseOwner = new HashMap<>();
  private final Map<IncidentId, Instant> leaseUntil = new HashMap<>();

  /**
   * Whether the listings (inStage, openInGrid, pages) are asked yet: from a random step on, so that
   * the store builds their indexes over the incidents it holds by then and keeps them from there.
   */
  private boolean listing;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void everyAnswerAgreesWithTheHistories(long seed) {
    random = new Random(seed);
    keepArchived = seed % 2 == 0;
    store = InMemoryGridStorage.builder().keepArchived(keepArchived).build().incidents();
    now = T0;
    int listingFrom = random.nextInt(1500);
    for (int step = 0; step < 2000; step++) {
      listing = step >= listingFrom;
      int op = random.nextInt(100);
      if (op < 18) {
        intake();
      } else if (op < 55) {
        appendSome();
      } else if (op < 62) {
        appendAll();
      } else if (op < 72) {
        claim();
      } else if (op < 77) {
        release();
      } else if (op < 80) {
        refused();
      } else if (op < 85 && random.nextInt(5) == 0 && listing) {
        checkPages();
      } else {
        now = now.plusSeconds(random.nextInt(4 * 3600)).plusNanos(random.nextInt(1000) * 1000L);
      }
      if (step % 7 == 0) {
        checkEverything();
      }
    }
    checkEverything();
    checkPages();
  }

  private boolean dropped(IncidentId id) {
    return !keepArchived && states.get(id).stage() == Stage.ARCHIVED;
  }

  private List<IncidentId> live() {
    return histories.keySet().stream().filter(id -> !dropped(id)).toList();
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private Instant later(int maxMinutes) {
    return now.plusSeconds(60L * (1 + random.nextInt(maxMinutes)))
        .plusNanos(random.nextInt(1000) * 1000L);
  }

  private void intake() {
    IncidentId id = IncidentId.of(String.format("i%04d", random.nextInt(10_000)));
    if (histories.containsKey(id)) {
      return;
    }
    Instant at = now.minusSeconds(random.nextInt(2 * 86_400)); // reports come in out of order
    Optional<ExternalRef> external =
        random.nextInt(3) == 0
            ? Optional.of(ExternalRef.of("12345", "T" + random.nextInt(60)))
            : Optional.empty();
    List<IncidentEvent> opening = new ArrayList<>();
    opening.add(
        new IncidentReported(
            id,
            Actor.external("hotline"),
            at,
            "",
            Source.HOTLINE_12345,
            LAMP,
            pick(GRIDS),
            Optional.empty(),
            external,
            false,
            "lamp",
            Optional.empty()));
    int kind = random.nextInt(4);
    if (kind == 1) {
      opening.add(new IncidentRegistered(id, CENTRE, at, "", LAMP, pick(LINES), later(600)));
    } else if (kind == 2) {
      opening.add(
          new IncidentRejected(id, CENTRE, at, "", RejectionKind.INVALID, Optional.empty()));
      opening.add(new IncidentArchived(id, CENTRE, at, ""));
    }
    IncidentId known = external.map(externals::get).orElse(null);
    if (known != null) {
      if (dropped(known)) {
        assertThatThrownBy(() -> store.intake(opening)).isInstanceOf(DuplicateException.class);
      } else {
        var result = store.intake(opening);
        assertThat(result.created()).isFalse();
        assertThat(result.incident()).isEqualTo(states.get(known));
      }
      return;
    }
    var result = store.intake(opening);
    assertThat(result.created()).isTrue();
    histories.put(id, new ArrayList<>(opening));
    states.put(id, Incident.replay(opening));
    assertThat(result.incident()).isEqualTo(states.get(id));
    external.ifPresent(ref -> externals.put(ref, id));
  }

  /** A random event legal for {@code incident} at {@code now}, or null. */
  private IncidentEvent legalNext(Incident incident) {
    IncidentId id = incident.id();
    List<Supplier<IncidentEvent>> candidates = new ArrayList<>();
    WorkerId worker = pick(WORKERS.subList(0, 3));
    LineId line = pick(LINES);
    LineId current = incident.line().orElse(line);
    candidates.add(() -> new IncidentRegistered(id, CENTRE, now, "", LAMP, line, later(600)));
    candidates.add(
        () -> new IncidentRejected(id, CENTRE, now, "", RejectionKind.INVALID, Optional.empty()));
    candidates.add(
        () -> new IncidentClaimed(id, Actor.worker(worker), now, "", worker, later(900)));
    candidates.add(() -> new IncidentAssigned(id, CENTRE, now, "", worker, line, later(900)));
    candidates.add(
        () ->
            new FeedbackGiven(
                id,
                Actor.worker(incident.assignee().orElse(worker)),
                now,
                "",
                incident.assignee().orElse(worker),
                "fixed"));
    candidates.add(() -> new CaseReturned(id, Actor.department(current), now, "not ours", current));
    candidates.add(() -> new CaseArbitrated(id, CENTRE, now, "", line, later(300)));
    candidates.add(
        () ->
            new JointMeetingConvened(
                id, CENTRE, now, "", LINES.get(0), Set.copyOf(LINES), later(300)));
    candidates.add(
        () ->
            new IncidentEscalated(
                id,
                CENTRE,
                now,
                "",
                incident.level(),
                incident.level() == Level.GRID ? Level.COMMUNITY : Level.STREET,
                EscalationKind.REQUESTED,
                true,
                later(300)));
    candidates.add(() -> new IncidentSupervised(id, CENTRE, now, "slow"));
    candidates.add(
        () ->
            new MarkedOverdue(
                id,
                CENTRE,
                now,
                "",
                incident.replyBy().orElse(now),
                random.nextBoolean() ? Optional.of(later(600)) : Optional.empty()));
    candidates.add(
        () ->
            new DeadlineExtended(
                id,
                CENTRE,
                now,
                "",
                incident.replyBy().orElse(now).plusSeconds(3600L * (1 + random.nextInt(20)))));
    candidates.add(() -> new VerificationPassed(id, Actor.worker(worker), now, "", worker));
    candidates.add(
        () -> new VerificationFailed(id, Actor.worker(worker), now, "", worker, later(900)));
    candidates.add(() -> new IncidentClosed(id, CENTRE, now, ""));
    candidates.add(
        () -> new IncidentRated(id, Actor.resident("acct"), now, "", new Rating(5, 4, 3)));
    candidates.add(() -> new IncidentArchived(id, CENTRE, now, ""));
    for (int tries = 0; tries < 40; tries++) {
      try {
        IncidentEvent event = pick(candidates).get();
        incident.apply(event);
        return event;
      } catch (RuntimeException illegal) {
        // try another
      }
    }
    return null;
  }

  private List<IncidentEvent> legalEvents(IncidentId id) {
    Incident incident = states.get(id);
    List<IncidentEvent> events = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      IncidentEvent event = legalNext(incident);
      if (event == null) {
        break;
      }
      events.add(event);
      incident = incident.apply(event);
      if (incident.stage() == Stage.ARCHIVED) {
        break;
      }
    }
    return events;
  }

  private void applied(IncidentId id, List<IncidentEvent> events, Incident answer) {
    histories.get(id).addAll(events);
    states.put(id, Incident.replay(histories.get(id)));
    assertThat(answer).isEqualTo(states.get(id));
    leaseOwner.remove(id);
    leaseUntil.remove(id);
  }

  private void appendSome() {
    List<IncidentId> live = live();
    if (live.isEmpty()) {
      return;
    }
    IncidentId id = pick(live);
    List<IncidentEvent> events = legalEvents(id);
    if (events.isEmpty()) {
      return;
    }
    if (random.nextBoolean()) { // as the facade does: the append follows a find, of this incident
      // or (another caller's) of another, perhaps dropped: neither may stand in for this one
      IncidentId found = random.nextBoolean() ? id : pick(List.copyOf(histories.keySet()));
      assertThat(store.find(found).isPresent()).isEqualTo(!dropped(found));
    }
    applied(id, events, store.append(id, states.get(id).version(), events));
  }

  private void appendAll() {
    List<IncidentId> live = new ArrayList<>(live());
    if (live.isEmpty()) {
      return;
    }
    List<Append> batch = new ArrayList<>();
    Map<IncidentId, List<IncidentEvent>> expected = new LinkedHashMap<>();
    for (int i = 0; i < 4 && !live.isEmpty(); i++) {
      IncidentId id = live.remove(random.nextInt(live.size()));
      List<IncidentEvent> events = legalEvents(id);
      if (events.isEmpty()) {
        continue;
      }
      boolean stale = random.nextInt(5) == 0;
      batch.add(
          new Append(
              id,
              states.get(id).version() + (stale ? 1 : 0),
              com.google.common.collect.ImmutableList.copyOf(events)));
      if (!stale) {
        expected.put(id, events);
      }
    }
    List<Incident> answers = store.appendAll(batch);
    assertThat(answers).hasSize(expected.size());
    int i = 0;
    for (Map.Entry<IncidentId, List<IncidentEvent>> e : expected.entrySet()) {
      applied(e.getKey(), e.getValue(), answers.get(i++));
    }
  }

  private List<IncidentId> modelDue() {
    return modelDue(now);
  }

  private List<IncidentId> modelDue(Instant now) {
    return live().stream()
        .filter(id -> states.get(id).nextTimer().isPresent())
        .filter(id -> !states.get(id).nextTimer().get().dueAt().isAfter(now))
        .sorted(
            Comparator.<IncidentId, Instant>comparing(
                    id -> states.get(id).nextTimer().get().dueAt())
                .thenComparing(id -> id))
        .toList();
  }

  private void claim() {
    int limit = 1 + random.nextInt(6);
    String owner = pick(OWNERS);
    Duration lease = Duration.ofMinutes(1 + random.nextInt(240));
    List<IncidentId> expected = new ArrayList<>();
    for (IncidentId id : modelDue()) {
      if (expected.size() == limit) {
        break;
      }
      Instant until = leaseUntil.get(id);
      if (until == null || !until.isAfter(now)) {
        expected.add(id);
      }
    }
    List<DueTimer> taken = store.claimDue(now, limit, owner, lease);
    assertThat(taken).extracting(t -> t.incident().id()).containsExactlyElementsOf(expected);
    for (DueTimer timer : taken) {
      IncidentId id = timer.incident().id();
      assertThat(timer.incident()).isEqualTo(states.get(id));
      assertThat(timer.timer()).isEqualTo(states.get(id).nextTimer().orElseThrow());
      leaseOwner.put(id, owner);
      leaseUntil.put(id, now.plus(lease));
    }
  }

  private void release() {
    if (histories.isEmpty()) {
      return;
    }
    IncidentId id = pick(new ArrayList<>(histories.keySet()));
    String owner = pick(OWNERS);
    if (dropped(id)) {
      assertThatThrownBy(() -> store.release(id, owner)).isInstanceOf(NotFoundException.class);
      return;
    }
    store.release(id, owner);
    if (owner.equals(leaseOwner.get(id))) {
      leaseOwner.remove(id);
      leaseUntil.remove(id);
    }
  }

  /** Calls the store must refuse without changing anything. */
  private void refused() {
    if (histories.isEmpty()) {
      return;
    }
    IncidentId id = pick(new ArrayList<>(histories.keySet()));
    Incident state = states.get(id);
    IncidentEvent supervise = new IncidentSupervised(id, CENTRE, now, "");
    if (dropped(id)) {
      assertThatThrownBy(() -> store.append(id, state.version(), List.of(supervise)))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> store.history(id)).isInstanceOf(NotFoundException.class);
    } else {
      assertThatThrownBy(() -> store.append(id, state.version() - 1, List.of(supervise)))
          .isInstanceOf(StaleVersionException.class);
      if (!state.allows(supervise.step())) {
        assertThatThrownBy(() -> store.append(id, state.version(), List.of(supervise)))
            .isInstanceOf(RuntimeException.class);
      }
    }
    IncidentReported first = (IncidentReported) histories.get(id).get(0);
    if (first.external().isEmpty()) {
      assertThatThrownBy(() -> store.intake(List.of(first))).isInstanceOf(DuplicateException.class);
    }
  }

  private List<Incident> modelWhere(java.util.function.Predicate<Incident> which) {
    return live().stream().map(states::get).filter(which).toList(); // ids ascending (TreeMap)
  }

  private void checkEverything() {
    assertThat(store.count()).isEqualTo(histories.size());
    for (IncidentId id : histories.keySet()) {
      if (dropped(id)) {
        assertThat(store.find(id)).isEmpty();
      } else {
        assertThat(store.find(id)).contains(states.get(id));
        assertThat(store.history(id)).containsExactlyElementsOf(histories.get(id));
      }
    }
    externals.forEach((ref, id) -> assertThat(store.findByExternal(ref)).contains(id));
    if (listing) {
      for (Stage stage : Stage.values()) {
        assertThat(store.inStage(stage))
            .as("inStage " + stage)
            .containsExactlyElementsOf(modelWhere(i -> i.stage() == stage));
      }
      for (AreaCode grid : GRIDS) {
        assertThat(store.openInGrid(grid))
            .as("openInGrid " + grid)
            .containsExactlyElementsOf(modelWhere(i -> i.isOpen() && i.grid().equals(grid)));
      }
    }
    Map<WorkerId, Integer> counts = new LinkedHashMap<>();
    for (WorkerId worker : WORKERS) {
      List<Incident> mine = modelWhere(i -> i.isOpen() && i.assignee().equals(Optional.of(worker)));
      if (listing) { // the counts are kept without the listings, the lists only with them
        assertThat(store.openAssignedTo(worker))
            .as("openAssignedTo " + worker)
            .containsExactlyElementsOf(mine);
      }
      counts.put(worker, mine.size());
    }
    assertThat(store.openCounts(WORKERS)).containsExactlyEntriesOf(counts);
    for (int k = 0; k < 3; k++) {
      AreaCode unit = pick(UNITS);
      Instant from = now.minusSeconds(random.nextInt(3 * 86_400));
      Instant to = k == 0 ? from : from.plusSeconds(random.nextInt(2 * 86_400));
      long expected =
          histories.values().stream()
              .filter(h -> h.stream().noneMatch(e -> e instanceof IncidentRejected))
              .map(h -> (IncidentReported) h.get(0))
              .filter(r -> r.grid().value().startsWith(unit.codePrefix()))
              .filter(r -> !r.at().isBefore(from) && r.at().isBefore(to))
              .count();
      assertThat(store.countReported(unit, from, to))
          .as("countReported " + unit)
          .isEqualTo(expected);
    }
    List<IncidentId> due = modelDue();
    int limit = 1 + random.nextInt(8);
    List<DueTimer> dueAt = store.dueAt(now, limit);
    assertThat(dueAt)
        .extracting(t -> t.incident().id())
        .containsExactlyElementsOf(due.subList(0, Math.min(limit, due.size())));
    for (DueTimer timer : dueAt) {
      Timer expected = states.get(timer.incident().id()).nextTimer().orElseThrow();
      assertThat(timer.timer()).isEqualTo(expected);
    }
    Instant ahead = now.plusSeconds(random.nextInt(3 * 86_400));
    assertThat(store.dueAt(ahead, Integer.MAX_VALUE))
        .as("every timer due by " + ahead)
        .extracting(t -> t.incident().id())
        .containsExactlyElementsOf(modelDue(ahead));
  }

  private void checkPages() {
    Instant from = now.minusSeconds(random.nextInt(4 * 86_400));
    Instant to = from.plusSeconds(1 + random.nextInt(2 * 86_400));
    List<List<IncidentEvent>> expected = new ArrayList<>();
    for (IncidentId id : live()) {
      Incident incident = states.get(id);
      if (incident.reportedAt().isBefore(to) && !incident.aliveUntil().isBefore(from)) {
        expected.add(histories.get(id));
      }
    }
    List<List<IncidentEvent>> paged = new ArrayList<>();
    int limit = 1 + random.nextInt(5);
    IncidentId after = null;
    while (true) {
      List<List<IncidentEvent>> page = store.historiesAliveBetween(from, to, after, limit);
      paged.addAll(page);
      if (page.size() < limit) {
        break;
      }
      after = page.get(page.size() - 1).get(0).incident();
    }
    assertThat(paged).containsExactlyElementsOf(expected);
  }
}
