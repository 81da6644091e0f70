package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.governance.Town.*;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.incident.MarkedOverdue;
import org.gridgov.core.policy.PolicyTimeline;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.spi.Append;
import org.gridgov.core.spi.DuplicateException;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.spi.StaleVersionException;
import org.gridgov.core.territory.Level;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/** Two application nodes over one store: every timer fires once, every report is stored once. */
class MultiNodeTest {

  @Test
  void twoNodesAdvancingTogether_eachTimerFiresOnce() throws Exception {
    GridStorage shared = InMemoryGridStorage.create();
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance nodeA =
        GridGovernance.builder()
            .storage(shared)
            .directory(directory())
            .policy(Presets.kaixuan())
            .clock(clock)
            .node("node-a")
            .batchSize(7)
            .build();
    GridGovernance nodeB =
        GridGovernance.builder()
            .storage(shared)
            .policy(Presets.kaixuan())
            .clock(clock)
            .node("node-b")
            .batchSize(7)
            .build();
    List<IncidentId> ids = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      GridGovernance via = i % 2 == 0 ? nodeA : nodeB;
      ids.add(reportAndRegister(via, i % 3 == 0 ? GRID_2 : GRID_1, VENDING));
    }

    List<AdvanceResult> claimWindow = both(nodeA, nodeB, hours(24));
    List<AdvanceResult> deadlines = both(nodeA, nodeB, hours(24 + 72));

    assertThat(claimWindow.get(0).assigned() + claimWindow.get(1).assigned()).isEqualTo(300);
    assertThat(deadlines.get(0).overdue() + deadlines.get(1).overdue()).isEqualTo(300);
    for (IncidentId id : ids) {
      assertThat(shared.incidents().history(id))
          .filteredOn(e -> e instanceof IncidentAssigned)
          .hasSize(1);
      assertThat(shared.incidents().history(id))
          .filteredOn(e -> e instanceof MarkedOverdue)
          .hasSize(1);
    }
  }

  @Test
  void twoNodesLeftAtTheDefaultNodeId_reportInTheSameMillisecond_eachReportStoredOnce() {
    GridStorage shared = InMemoryGridStorage.create();
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC); // one millisecond for every report
    GridGovernance nodeA =
        GridGovernance.builder()
            .storage(shared)
            .directory(directory())
            .policy(Presets.kaixuan())
            .clock(clock)
            .build();
    GridGovernance nodeB =
        GridGovernance.builder().storage(shared).policy(Presets.kaixuan()).clock(clock).build();

    List<IncidentId> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add((i % 2 == 0 ? nodeA : nodeB).report(patrol(GRID_1, VENDING).build()).incident().id());
    }

    assertThat(ids).doesNotHaveDuplicates();
    assertThat(shared.incidents().count()).isEqualTo(6);
  }

  @Test
  void builder_nodeTooLongForItsIncidentIdsOrBadLeaseAndBatch_refusedNamingThem() {
    String podName = "gridgov-prod-hangzhou-shangcheng-7f9c6d5b8d-x2x7q";

    assertThatThrownBy(() -> GridGovernance.builder().node(podName))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("node: must be at most 40 characters")
        .hasMessageContaining("[input.range]");
    assertThatThrownBy(() -> GridGovernance.builder().node("a b"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("[input.format]");
    assertThatThrownBy(() -> GridGovernance.builder().lease(java.time.Duration.ZERO))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("lease: must be positive");
    assertThatThrownBy(() -> GridGovernance.builder().lease(Duration.ofSeconds(-1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("lease: must be positive");
    assertThatThrownBy(() -> GridGovernance.builder().lease(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("lease: is required");
    assertThatThrownBy(() -> GridGovernance.builder().lease(Duration.ofSeconds(Long.MAX_VALUE)))
        .as("too long to subtract from an instant: named, not a DateTimeException")
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("lease: must be shorter");
    assertThatThrownBy(() -> GridGovernance.builder().batchSize(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("batchSize: must be at least 1, was 0");
  }

  @Test
  void aNodeWhoseIdsAreAllTaken_reportRefusedAfterThreeTries_nothingMoreStored() {
    GridStorage storage = InMemoryGridStorage.create();
    AtomicInteger asked = new AtomicInteger();
    GridGovernance node =
        GridGovernance.builder()
            .storage(storage)
            .directory(directory())
            .policy(Presets.kaixuan())
            .clock(MutableClock.of(NINE, ZoneOffset.UTC))
            .ids(
                () -> {
                  asked.incrementAndGet();
                  return IncidentId.of("node-x-1");
                })
            .build();
    node.report(patrol(GRID_1, VENDING).build());

    try (CapturedLog log = CapturedLog.start()) {
      assertThatThrownBy(() -> node.report(patrol(GRID_1, VENDING).build()))
          .isInstanceOf(DuplicateException.class)
          .hasMessageContaining("node-x-1");
      assertThat(log.messages(java.util.logging.Level.WARNING))
          .as("each try but the last warns of the taken id")
          .hasSize(GridGovernance.ATTEMPTS - 1)
          .allMatch(
              m ->
                  m.equals(
                      "incident id node-x-1 is taken (are two nodes using the same"
                          + " node id?); trying the next one"));
    }
    assertThat(asked)
        .as("one id for the first report, three tries for the second")
        .hasValue(1 + GridGovernance.ATTEMPTS);
    assertThat(storage.incidents().count()).isEqualTo(1);
  }

  /**
   * A store that keeps due instants to the second, coarser than the instants the rules compare: it
   * hands over a timer up to a second before its rule finds it due. The round counts it as
   * unchanged, stores nothing, and keeps its lease, so it takes it neither again in the same round
   * nor before the lease ends.
   */
  @Test
  void timerHandedOverBeforeItsRuleFindsItDue_countedUnchanged_decidedOnceTheLeaseEnds() {
    GridStorage real = InMemoryGridStorage.create();
    IncidentStore coarse =
        (IncidentStore)
            Proxy.newProxyInstance(
                IncidentStore.class.getClassLoader(),
                new Class<?>[] {IncidentStore.class},
                (proxy, method, args) -> {
                  if (method
                      .getName()
                      .equals("claimDue")) { // due by the second: up to its last nano
                    args[0] =
                        ((java.time.Instant) args[0])
                            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                            .plusSeconds(1)
                            .minusNanos(1);
                  }
                  try {
                    return method.invoke(real.incidents(), args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    MutableClock clock = MutableClock.of(NINE.plusMillis(500), ZoneOffset.UTC);
    GridGovernance node =
        governance(Storages.withIncidents(real, coarse), clock, Presets.kaixuan());
    IncidentId id = reportAndRegister(node, GRID_1, VENDING);
    node.claim(A, id); // due by 72 hours and half a second after nine
    int before = node.history(id).size();

    AdvanceResult early = node.advance(hours(72).plusMillis(200));

    assertThat(early.taken()).isEqualTo(1);
    assertThat(early.unchanged()).isEqualTo(1);
    assertThat(early.acted()).isZero();
    assertThat(node.history(id)).hasSize(before);
    assertThat(node.advance(hours(72).plusMillis(600)).taken()).as("still leased").isZero();
    AdvanceResult afterTheLease = node.advance(hours(72).plusSeconds(6 * 60));
    assertThat(afterTheLease.overdue()).isEqualTo(1);
    assertThat(afterTheLease.unchanged()).isZero();
  }

  @Test
  void builder_batchOfOneAndAShortLease_aRoundStillTakesEveryDueTimer() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance node =
        GridGovernance.builder()
            .storage(InMemoryGridStorage.create())
            .directory(directory())
            .policy(PolicyTimeline.of(List.of(Presets.kaixuan())))
            .clock(clock)
            .lease(Duration.ofMinutes(1))
            .batchSize(1)
            .build();
    reportAndRegister(node, GRID_1, VENDING);
    reportAndRegister(node, GRID_1, VENDING);

    AdvanceResult round = node.advance(hours(24));

    assertThat(round.taken()).isEqualTo(2);
    assertThat(round.assigned()).isEqualTo(2);
  }

  /**
   * A store whose appends ({@code raced}: {@code append}, or {@code appendAll}, a timer round's
   * batch) node B gets in before, the next {@code races} times: B supervises the incident (a
   * batch's first) just before this node appends to it, so this node's append finds it changed.
   */
  private static GridStorage racedBy(
      GridStorage real, String raced, AtomicInteger races, Consumer<IncidentId> other) {
    IncidentStore incidents =
        (IncidentStore)
            Proxy.newProxyInstance(
                IncidentStore.class.getClassLoader(),
                new Class<?>[] {IncidentStore.class},
                (proxy, method, args) -> {
                  if (method.getName().equals(raced) && races.getAndDecrement() > 0) {
                    other.accept(
                        args[0] instanceof IncidentId id
                            ? id
                            : ((List<?>) args[0])
                                .stream().map(a -> ((Append) a).id()).findFirst().orElseThrow());
                  }
                  try {
                    return method.invoke(real.incidents(), args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    return Storages.withIncidents(real, incidents);
  }

  /**
   * Node A on {@code real}, whose next {@code races} appends of kind {@code raced} node B beats to
   * the case with a supervision of its own.
   */
  private GridGovernance racedNode(GridStorage real, String raced, AtomicInteger races) {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance b =
        GridGovernance.builder()
            .storage(real)
            .directory(directory())
            .policy(hardCommunityQuota())
            .clock(clock)
            .node("node-b")
            .build();
    return GridGovernance.builder()
        .storage(racedBy(real, raced, races, id -> b.supervise(CENTRE, id, "late")))
        .policy(hardCommunityQuota())
        .clock(clock)
        .node("node-a")
        .build();
  }

  /**
   * A timer round's batch in which another node changed one case first: that case's append is
   * counted as a conflict, the rest of the batch is appended; the other node's append ended this
   * node's lease, so the same round takes the case again and decides it on its new state.
   */
  @Test
  void timerRoundRacingAnotherNode_conflictCounted_caseDecidedAgainOnItsNewState() {
    GridStorage real = InMemoryGridStorage.create();
    AtomicInteger races = new AtomicInteger();
    GridGovernance a = racedNode(real, "appendAll", races);
    IncidentId first = reportAndRegister(a, GRID_1, VENDING);
    IncidentId second = reportAndRegister(a, GRID_1, VENDING);
    races.set(1);

    AdvanceResult round = a.advance(hours(24));

    assertThat(round.conflicts()).isEqualTo(1);
    assertThat(round.taken()).as("both, then the raced one again").isEqualTo(3);
    assertThat(round.assigned()).isEqualTo(2);
    assertThat(round.unchanged()).isZero();
    assertThat(a.history(first))
        .map(e -> e.getClass().getSimpleName())
        .containsExactly(
            "IncidentReported", "IncidentRegistered", "IncidentSupervised", "IncidentAssigned");
    assertThat(a.history(second)).hasSize(3).last().isInstanceOf(IncidentAssigned.class);
  }

  /**
   * A referred case another writer changes (the centre supervises it on node B) just before node
   * A's round appends its re-dispatch after a directory change: the conflict is counted, and the
   * case, still referred though someone now acts for its line, is dispatched at A's next round.
   */
  @Test
  void redispatchRacingAnotherNode_conflictCounted_caseDispatchedAtTheNextRound() {
    GridStorage real = InMemoryGridStorage.create();
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance b =
        GridGovernance.builder()
            .storage(real)
            .directory(withoutLine(URBAN))
            .policy(Presets.kaixuan())
            .clock(clock)
            .node("node-b")
            .build();
    AtomicInteger races = new AtomicInteger();
    GridGovernance a =
        GridGovernance.builder()
            .storage(
                racedBy(real, "appendAll", races, id -> b.supervise(CENTRE, id, "still waits")))
            .policy(Presets.kaixuan())
            .clock(clock)
            .node("node-a")
            .build();
    IncidentId id = vendingSeenBySupervisor(a);
    assertThat(a.advance(hours(24)).referred()).isEqualTo(1);
    a.updateDirectory(d -> directory());
    races.set(1);

    AdvanceResult raced = a.advance(hours(25));
    AdvanceResult next = a.advance(hours(26));

    assertThat(raced.conflicts()).isEqualTo(1);
    assertThat(raced.assigned()).isZero();
    // before the fix: the revision counted as swept, so the case waited for the centre until
    // the next directory change although w-district now acts for its line
    assertThat(next.assigned()).isEqualTo(1);
    assertThat(next.conflicts()).isZero();
    assertThat(real.incidents().find(id).orElseThrow().assignee())
        .contains(org.gridgov.core.people.WorkerId.of("w-district"));
    assertThat(a.history(id))
        .map(e -> e.getClass().getSimpleName())
        .endsWith("CaseReferred", "IncidentSupervised", "IncidentAssigned");
    assertThat(a.advance(hours(27)).acted()).isZero();
  }

  @Test
  void commandRacingAnotherNode_decidedAgainOnTheCasesNewState_quotaSlotTakenOnce() {
    GridStorage real = InMemoryGridStorage.create();
    AtomicInteger races = new AtomicInteger();
    GridGovernance a = racedNode(real, "append", races);
    IncidentId id = reportAndRegister(a, GRID_1, VENDING);
    races.set(1);

    var escalated = a.escalate(CENTRE, id, "beyond the grid");

    assertThat(escalated.level()).isEqualTo(Level.COMMUNITY);
    assertThat(escalated.supervisions()).as("node B's supervision kept").isEqualTo(1);
    assertThat(a.history(id)).hasSize(4).last().isInstanceOf(IncidentEscalated.class);
    assertThat(real.counters().get("escalation:GRID:330102011002001:2024-03"))
        .as("the slot of the conflicting attempt given back")
        .isEqualTo(1);
  }

  @Test
  void commandRacingAnotherNodeEveryTime_staleVersionAfterThreeTries_quotaSlotGivenBack() {
    GridStorage real = InMemoryGridStorage.create();
    AtomicInteger races = new AtomicInteger();
    GridGovernance a = racedNode(real, "append", races);
    IncidentId id = reportAndRegister(a, GRID_1, VENDING);
    races.set(GridGovernance.ATTEMPTS + 1);

    assertThatThrownBy(() -> a.escalate(CENTRE, id, "beyond the grid"))
        .isInstanceOf(StaleVersionException.class);

    List<IncidentEvent> history = real.incidents().history(id);
    assertThat(history.subList(2, history.size()))
        .as("node B's three supervisions, no escalation")
        .hasSize(GridGovernance.ATTEMPTS)
        .allMatch(IncidentSupervised.class::isInstance);
    assertThat(history.get(0)).isInstanceOf(IncidentReported.class);
    assertThat(real.counters().get("escalation:GRID:330102011002001:2024-03")).isZero();
  }

  @Test
  void builder_longestNode_leasesItsTimersUnderAnOwnerEveryStoreKeeps() {
    String longest = "n".repeat(IncidentIdGenerator.MAX_NODE_LENGTH);
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance node =
        GridGovernance.builder()
            .storage(InMemoryGridStorage.create())
            .directory(directory())
            .policy(Presets.kaixuan())
            .clock(clock)
            .node(longest)
            .build();
    IncidentId id = reportAndRegister(node, GRID_1, VENDING);

    assertThat(IncidentStore.checkOwner(longest)).isEqualTo(longest);
    assertThat(node.advance(hours(24)).assigned()).isEqualTo(1);
    assertThat(node.require(id).assignee()).isPresent();
  }

  private static List<AdvanceResult> both(GridGovernance a, GridGovernance b, java.time.Instant now)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<AdvanceResult>> tasks = List.of(() -> a.advance(now), () -> b.advance(now));
      List<AdvanceResult> results = new ArrayList<>();
      for (Future<AdvanceResult> f : pool.invokeAll(tasks)) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }
}
