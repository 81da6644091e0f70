package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.governance.Town.*;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridgov.core.Directory;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.IncidentClaimed;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.DispatchPolicy;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.spi.DirectoryStore;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.spi.PolicyStore;
import org.gridgov.core.spi.Revision;
import org.gridgov.core.spi.StaleVersionException;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * Directory changes and policy versions on two nodes over one store: no change lost, each taken up
 * by the other node at its next advance.
 */
class SharedChangesTest {
  private static final WorkerId D = WorkerId.of("w-d");
  private static final WorkerId E = WorkerId.of("w-e");

  private final MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
  private GridStorage shared;
  private GridGovernance nodeA;
  private GridGovernance nodeB;

  @BeforeEach
  void twoNodes() {
    shared = InMemoryGridStorage.create();
    nodeA =
        GridGovernance.builder()
            .storage(shared)
            .directory(directory())
            .policy(Presets.kaixuan())
            .clock(clock)
            .node("node-a")
            .build();
    nodeB =
        GridGovernance.builder()
            .storage(shared)
            .policy(Presets.kaixuan())
            .clock(clock)
            .node("node-b")
            .build();
  }

  private static Directory withWorker(Directory directory, WorkerId id) {
    List<Worker> workers = new ArrayList<>(directory.roster().workers());
    workers.add(
        Worker.of(id, "name-" + id, Set.of(Role.SOCIAL_WORKER), COMMUNITY, Set.of(GRID_1))
            .withLines(Set.of(URBAN)));
    return directory.withRoster(Roster.of(workers));
  }

  private Directory stored() {
    return shared.directory().load().orElseThrow().value();
  }

  @Test
  void updateDirectory_whileAnotherNodeSavesFirst_appliedAgainToTheirsAndBothKept() {
    AtomicInteger applied = new AtomicInteger();

    Directory saved =
        nodeB.updateDirectory(
            d -> {
              if (applied.incrementAndGet() == 1) {
                nodeA.updateDirectory(a -> withWorker(a, D)); // node A saves revision 2 meanwhile
              }
              return withWorker(d, E);
            });

    assertThat(applied).hasValue(2);
    assertThat(shared.directory().revision()).isEqualTo(3);
    assertThat(stored().roster().find(D)).isPresent();
    assertThat(stored().roster().find(E)).isPresent();
    assertThat(saved.roster().find(D)).isPresent();
    assertThat(nodeB.directoryRevision()).isEqualTo(3);
    assertThat(nodeB.directory().roster().find(D)).isPresent();
    assertThat(nodeA.refreshDirectory()).as("node A, at revision 2, takes up 3").isTrue();
    assertThat(nodeA.directory().roster().find(E)).isPresent();
    assertThat(nodeA.refreshDirectory()).as("nothing newer").isFalse();
  }

  /**
   * The shared store's directory, where another node saves a revision of its own (one more worker,
   * {@code w-other-<n>}) just before each of this node's next {@code races} saves.
   */
  private DirectoryStore racedDirectory(AtomicInteger races) {
    DirectoryStore real = shared.directory();
    return new DirectoryStore() {
      @Override
      public Optional<Revision<Directory>> load() {
        return real.load();
      }

      @Override
      public long revision() {
        return real.revision();
      }

      @Override
      public long save(Directory d, long expected) {
        if (races.getAndDecrement() > 0) {
          Revision<Directory> latest = real.load().orElseThrow();
          real.save(
              withWorker(latest.value(), WorkerId.of("w-other-" + races.get())), latest.revision());
        }
        return real.save(d, expected);
      }
    };
  }

  @Test
  void updateDirectory_anotherNodeSavingFirstEveryTime_staleAfterThreeTriesTheirsKept() {
    AtomicInteger races = new AtomicInteger(GridGovernance.ATTEMPTS);
    GridGovernance nodeC =
        GridGovernance.builder()
            .storage(Storages.replacing(shared, racedDirectory(races), null, null))
            .policy(Presets.kaixuan())
            .clock(clock)
            .node("node-c")
            .build();
    AtomicInteger applied = new AtomicInteger();

    assertThatThrownBy(
            () ->
                nodeC.updateDirectory(
                    d -> {
                      applied.incrementAndGet();
                      return withWorker(d, E);
                    }))
        .isInstanceOf(StaleVersionException.class);

    assertThat(applied).hasValue(GridGovernance.ATTEMPTS);
    assertThat(shared.directory().revision())
        .as("the other node's three")
        .isEqualTo(1 + GridGovernance.ATTEMPTS);
    assertThat(stored().roster().find(E)).isEmpty();
    assertThat(nodeC.directory().roster().find(E)).isEmpty();
  }

  @Test
  void build_anotherNodeSavingADirectoryFirstEveryTime_staleAfterThreeTries() {
    AtomicInteger races = new AtomicInteger(GridGovernance.ATTEMPTS);
    GridStorage racing = Storages.replacing(shared, racedDirectory(races), null, null);

    assertThatThrownBy(
            () ->
                GridGovernance.builder()
                    .storage(racing)
                    .directory(withWorker(directory(), E))
                    .policy(Presets.kaixuan())
                    .clock(clock)
                    .node("node-c")
                    .build())
        .isInstanceOf(StaleVersionException.class);
    assertThat(shared.directory().revision()).isEqualTo(1 + GridGovernance.ATTEMPTS);
    assertThat(stored().roster().find(E)).isEmpty();
  }

  @Test
  void build_withADifferentDirectory_logsTheRevisionItSaved_notOnAnEmptyStore() {
    try (CapturedLog log = CapturedLog.start()) {
      GridGovernance.builder()
          .storage(InMemoryGridStorage.create())
          .directory(directory())
          .policy(Presets.kaixuan())
          .clock(clock)
          .build();
      assertThat(log.messages(java.util.logging.Level.INFO))
          .as("the first revision")
          .noneMatch(m -> m.contains("differs"));

      GridGovernance.builder()
          .storage(shared)
          .directory(withWorker(directory(), D))
          .policy(Presets.kaixuan())
          .clock(clock)
          .node("node-c")
          .build();
      assertThat(log.messages(java.util.logging.Level.INFO))
          .containsExactly(
              "the given directory differs from stored revision 1: saved it as revision 2");
    }
  }

  /** The shared store's directory, counting the loads. */
  private DirectoryStore countingLoads(AtomicInteger loads, Runnable onLoad) {
    DirectoryStore real = shared.directory();
    return new DirectoryStore() {
      @Override
      public Optional<Revision<Directory>> load() {
        loads.incrementAndGet();
        onLoad.run();
        return real.load();
      }

      @Override
      public long revision() {
        return real.revision();
      }

      @Override
      public long save(Directory d, long expected) {
        return real.save(d, expected);
      }
    };
  }

  @Test
  void advance_withNoNewRevision_asksOnlyTheRevision_loadsTheDirectoryOnceThereIsOne() {
    AtomicInteger loads = new AtomicInteger();
    GridGovernance nodeC =
        GridGovernance.builder()
            .storage(Storages.replacing(shared, countingLoads(loads, () -> {}), null, null))
            .policy(Presets.kaixuan())
            .clock(clock)
            .node("node-c")
            .build();
    loads.set(0);

    nodeC.advance(hours(1));
    assertThat(loads).as("nothing new: the revision question only").hasValue(0);

    nodeA.updateDirectory(d -> withWorker(d, D));
    nodeC.advance(hours(2));
    assertThat(loads).hasValue(1);
    assertThat(nodeC.directory().roster().find(D)).isPresent();
  }

  @Test
  void refreshDirectory_revisionTakenUpMeanwhileByAnotherCall_onlyThatCallSaysChanged() {
    GridGovernance[] nodeC = new GridGovernance[1];
    boolean[] armed = {false};
    List<Boolean> meanwhile = new ArrayList<>();
    GridStorage storage =
        Storages.replacing(
            shared,
            countingLoads(
                new AtomicInteger(),
                () -> {
                  if (armed[
                      0]) { // another thread of node C takes the revision up between question and
                    // load
                    armed[0] = false;
                    meanwhile.add(nodeC[0].refreshDirectory());
                  }
                }),
            null,
            null);
    nodeC[0] =
        GridGovernance.builder()
            .storage(storage)
            .policy(Presets.kaixuan())
            .clock(clock)
            .node("node-c")
            .build();
    nodeA.updateDirectory(d -> withWorker(d, D));
    armed[0] = true;

    assertThat(nodeC[0].refreshDirectory()).isFalse();
    assertThat(meanwhile).containsExactly(true);
    assertThat(nodeC[0].directoryRevision()).isEqualTo(2);
    assertThat(nodeC[0].directory().roster().find(D)).isPresent();
  }

  /** The shared store's policies, counting the timelines read. */
  private PolicyStore countingTimelines(AtomicInteger reads, Runnable onRead) {
    PolicyStore real = shared.policies();
    return new PolicyStore() {
      @Override
      public void save(PolicySet policy) {
        real.save(policy);
      }

      @Override
      public List<String> ids() {
        return real.ids();
      }

      @Override
      public int versionCount(String id) {
        return real.versionCount(id);
      }

      @Override
      public Optional<org.gridgov.core.policy.PolicyTimeline> timeline(String id) {
        reads.incrementAndGet();
        onRead.run();
        return real.timeline(id);
      }
    };
  }

  @Test
  void advance_withNoNewPolicyVersion_asksOnlyTheCount_readsTheTimelineOnceThereIsOne() {
    AtomicInteger reads = new AtomicInteger();
    GridGovernance nodeC =
        GridGovernance.builder()
            .storage(Storages.replacing(shared, null, countingTimelines(reads, () -> {}), null))
            .policy(Presets.kaixuan())
            .clock(clock)
            .node("node-c")
            .build();
    reads.set(0);

    nodeC.advance(hours(1));
    assertThat(reads).as("nothing new: the count question only").hasValue(0);

    PolicySet v2 = version(Presets.kaixuan(), 2, hours(5), "test: v2");
    shared.policies().save(v2);
    nodeC.advance(hours(2));
    assertThat(reads).hasValue(1);
    assertThat(nodeC.policy().versions()).contains(v2);
  }

  @Test
  void refreshPolicy_versionTakenUpMeanwhileByAnotherCall_onlyThatCallSaysAdded() {
    GridGovernance[] nodeC = new GridGovernance[1];
    boolean[] armed = {false};
    List<Boolean> meanwhile = new ArrayList<>();
    GridStorage storage =
        Storages.replacing(
            shared,
            null,
            countingTimelines(
                new AtomicInteger(),
                () -> {
                  if (armed[
                      0]) { // another thread of node C takes the version up between count and read
                    armed[0] = false;
                    meanwhile.add(nodeC[0].refreshPolicy());
                  }
                }),
            null);
    nodeC[0] =
        GridGovernance.builder()
            .storage(storage)
            .policy(Presets.kaixuan())
            .clock(clock)
            .node("node-c")
            .build();
    PolicySet v2 = version(Presets.kaixuan(), 2, hours(5), "test: v2");
    shared.policies().save(v2);
    armed[0] = true;

    assertThat(nodeC[0].refreshPolicy()).isFalse();
    assertThat(meanwhile).containsExactly(true);
    assertThat(nodeC[0].policy().versions()).containsExactly(Presets.kaixuan(), v2);
  }

  @Test
  void build_policyVersionSavedWithOtherContentByAnotherNodeMeanwhile_refusedTheirsKept() {
    PolicyStore real = shared.policies();
    PolicySet v2 = version(Presets.kaixuan(), 2, hours(5), "test: node C's v2");
    PolicySet theirs = version(Presets.kaixuan(), 2, hours(5), "test: another node's v2");
    GridStorage racing =
        Storages.replacing(
            shared,
            null,
            new PolicyStore() {
              @Override
              public void save(PolicySet policy) {
                if (policy.equals(v2)) { // another node saves its own v2 right before this node's
                  real.save(theirs);
                }
                real.save(policy);
              }

              @Override
              public List<String> ids() {
                return real.ids();
              }

              @Override
              public Optional<org.gridgov.core.policy.PolicyTimeline> timeline(String id) {
                return real.timeline(id);
              }
            },
            null);

    assertThatThrownBy(
            () ->
                GridGovernance.builder()
                    .storage(racing)
                    .policy(Presets.kaixuan(), v2)
                    .clock(clock)
                    .node("node-c")
                    .build())
        .isInstanceOf(org.gridgov.core.spi.DuplicateException.class);
    assertThat(shared.policies().timeline(v2.id()).orElseThrow().versions())
        .containsExactly(Presets.kaixuan(), theirs);
  }

  @Test
  void updateDirectory_basedOnAnOldRevision_refusedAndNothingSaved() {
    nodeA.updateDirectory(d -> withWorker(d, D));
    Directory edited = withWorker(nodeB.directory(), E);

    assertThatThrownBy(() -> nodeB.updateDirectory(edited, nodeB.directoryRevision()))
        .isInstanceOf(StaleVersionException.class)
        .hasMessage("directory directory is at version 2, the writer expected 1");

    assertThat(shared.directory().revision()).isEqualTo(2);
    assertThat(stored().roster().find(E)).isEmpty();
    assertThat(nodeB.directory().roster().find(E)).isEmpty();
    assertThat(nodeB.directoryRevision()).isEqualTo(1);
    assertThatThrownBy(() -> nodeB.updateDirectory(edited, 0))
        .as("0 is a revision (none saved yet), not bad input")
        .isInstanceOf(StaleVersionException.class)
        .hasMessage("directory directory is at version 2, the writer expected 0");
    assertThat(shared.directory().revision()).isEqualTo(2);
    assertThat(nodeB.updateDirectory(withWorker(stored(), E), 2)).isEqualTo(3);
    assertThat(nodeB.directory().roster().find(E)).isPresent();
  }

  @Test
  void advance_afterAnotherNodeGaveALineStaff_itsReferredCasesAreDispatchedOnce() {
    GridStorage store = InMemoryGridStorage.create();
    GridGovernance a =
        GridGovernance.builder()
            .storage(store)
            .directory(withoutLine(URBAN))
            .policy(Presets.kaixuan())
            .clock(clock)
            .node("node-a")
            .build();
    GridGovernance b =
        GridGovernance.builder()
            .storage(store)
            .policy(Presets.kaixuan())
            .clock(clock)
            .node("node-b")
            .build();
    IncidentId id = vendingSeenBySupervisor(a);
    assertThat(a.advance(hours(24)).referred()).isEqualTo(1);

    a.updateDirectory(d -> directory());
    AdvanceResult onB = b.advance(hours(25));
    AdvanceResult onA = a.advance(hours(26));

    assertThat(onB.assigned()).as("node B takes up the new revision and dispatches").isEqualTo(1);
    assertThat(onA.assigned()).as("node A finds it dispatched already").isZero();
    assertThat(onA.conflicts()).isZero();
    assertThat(store.incidents().find(id).orElseThrow().assignee())
        .contains(WorkerId.of("w-district"));
  }

  @Test
  void advance_referredCasesListedOncePerRevision_notAgainWhileItStands() {
    GridStorage store = InMemoryGridStorage.create();
    AtomicInteger listings = new AtomicInteger();
    org.gridgov.core.spi.IncidentStore counting =
        (org.gridgov.core.spi.IncidentStore)
            java.lang.reflect.Proxy.newProxyInstance(
                org.gridgov.core.spi.IncidentStore.class.getClassLoader(),
                new Class<?>[] {org.gridgov.core.spi.IncidentStore.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("awaitingCentre")) {
                    listings.incrementAndGet();
                  }
                  try {
                    return method.invoke(store.incidents(), args);
                  } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    GridGovernance node =
        GridGovernance.builder()
            .storage(Storages.withIncidents(store, counting))
            .directory(withoutLine(URBAN))
            .policy(Presets.kaixuan())
            .clock(clock)
            .build();
    IncidentId id = vendingSeenBySupervisor(node);
    assertThat(node.advance(hours(24)).referred()).isEqualTo(1);
    // a revision that still gives the line nobody at the district
    node.updateDirectory(d -> withWorker(d, D));
    listings.set(0);

    node.advance(hours(25));
    assertThat(listings).as("the new revision's sweep").hasValue(1);
    node.advance(hours(26));
    node.advance(hours(27));

    assertThat(listings).as("not again under the same revision").hasValue(1);
    assertThat(node.require(id).awaitsCentre()).isTrue();
  }

  @Test
  void advance_afterAnotherNodeAddedAWorker_theWorkerCanActThere() {
    IncidentId id = reportAndRegister(nodeB, GRID_1, VENDING);
    nodeA.updateDirectory(d -> withWorker(d, D));

    assertThatThrownBy(() -> nodeB.claim(D, id))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("actor: is not a worker in the directory, was worker:w-d");

    nodeB.advance(hours(1));

    assertThat(nodeB.directoryRevision()).isEqualTo(2);
    assertThat(nodeB.claim(D, id).assignee()).contains(D);
    assertThat(shared.incidents().history(id)).last().isInstanceOf(IncidentClaimed.class);
    assertThat(nodeB.refreshDirectory()).isFalse();
  }

  @Test
  void updateDirectory_badInput_namedAndNothingSaved() {
    assertThatThrownBy(() -> nodeA.updateDirectory(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("change: is required");
    assertThatThrownBy(() -> nodeA.updateDirectory(d -> null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("directory: the change returned no directory");
    assertThatThrownBy(() -> nodeA.updateDirectory(null, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("directory: is required");
    assertThatThrownBy(() -> nodeA.updateDirectory(directory(), -1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("basedOn: must be 0 or more, was -1");

    assertThat(shared.directory().revision()).isEqualTo(1);
    assertThat(nodeA.directoryRevision()).isEqualTo(1);
  }

  @Test
  void advance_afterAVersionWasSavedToTheStore_appliesItFromItsDate() {
    PolicySet v1 = Presets.kaixuan();
    DispatchPolicy shorter =
        new DispatchPolicy(
            Duration.ofHours(12),
            v1.dispatch().replyWithin(),
            v1.dispatch().supervisionAfter(),
            v1.dispatch().categoryDeadlines());
    PolicySet v2 =
        new PolicySet(
            v1.id(),
            2,
            hours(2),
            v1.zone(),
            "test: a 12 h claim window",
            shorter,
            v1.returns(),
            v1.verification(),
            v1.escalation(),
            v1.targets(),
            v1.pay());
    shared.policies().save(v2); // an administrator, through the store
    clock.setInstant(hours(3));
    IncidentId before = reportAndRegister(nodeB, GRID_1, VENDING);

    nodeB.advance(hours(3));
    IncidentId after = reportAndRegister(nodeB, GRID_1, VENDING);

    assertThat(nodeB.find(before).orElseThrow().claimUntil()).contains(hours(3 + 24));
    assertThat(nodeB.policy().versions()).containsExactly(v1, v2);
    assertThat(nodeB.find(after).orElseThrow().claimUntil()).contains(hours(3 + 12));
    assertThat(nodeB.refreshPolicy()).isFalse();
    assertThat(nodeA.refreshPolicy()).isTrue();
  }

  @Test
  void build_withTheSameDirectoryAgain_usesTheStoredRevision() {
    GridGovernance restarted =
        GridGovernance.builder()
            .storage(shared)
            .directory(directory())
            .policy(Presets.kaixuan())
            .clock(clock)
            .node("node-c")
            .build();

    assertThat(restarted.directoryRevision()).isEqualTo(1);
    assertThat(shared.directory().revision()).isEqualTo(1);
  }

  @Test
  void build_withADifferentDirectory_savesItAsTheNextRevisionForEveryNode() {
    GridGovernance nodeC =
        GridGovernance.builder()
            .storage(shared)
            .directory(withWorker(directory(), D))
            .policy(Presets.kaixuan())
            .clock(clock)
            .node("node-c")
            .build();

    assertThat(nodeC.directoryRevision()).isEqualTo(2);
    assertThat(stored().roster().find(D)).isPresent();
    nodeA.advance(hours(1));
    assertThat(nodeA.directory().roster().find(D)).isPresent();
  }

  @Test
  void build_twoNodesOnAnEmptyStoreAtOnce_theSecondUsesWhatTheFirstSaved() {
    GridStorage empty = InMemoryGridStorage.create();
    DirectoryStore real = empty.directory();
    boolean[] first = {true};
    GridStorage racing =
        Storages.replacing(
            empty,
            new DirectoryStore() {
              @Override
              public Optional<Revision<Directory>> load() {
                if (first[0]) { // the other node saves right after this node looked
                  first[0] = false;
                  real.save(Town.directory(), 0);
                  return Optional.empty();
                }
                return real.load();
              }

              @Override
              public long save(Directory d, long expected) {
                return real.save(d, expected);
              }
            },
            null,
            null);

    GridGovernance second =
        GridGovernance.builder()
            .storage(racing)
            .directory(directory())
            .policy(Presets.kaixuan())
            .clock(clock)
            .build();

    assertThat(second.directoryRevision()).isEqualTo(1);
    assertThat(empty.directory().revision()).isEqualTo(1);
  }

  @Test
  void build_policyVersionSavedByAnotherNodeMeanwhile_accepted() {
    PolicyStore real = shared.policies();
    boolean[] first = {true};
    GridStorage racing =
        Storages.replacing(
            shared,
            null,
            new PolicyStore() {
              @Override
              public void save(PolicySet policy) {
                real.save(policy);
              }

              @Override
              public List<String> ids() {
                return real.ids();
              }

              @Override
              public Optional<org.gridgov.core.policy.PolicyTimeline> timeline(String id) {
                if (first[0]) { // saved by node A before this node looked, but not yet seen
                  first[0] = false;
                  return Optional.empty();
                }
                return real.timeline(id);
              }
            },
            null);

    GridGovernance nodeC =
        GridGovernance.builder()
            .storage(racing)
            .policy(Presets.kaixuan())
            .clock(clock)
            .node("node-c")
            .build();

    assertThat(nodeC.policy().versions()).containsExactly(Presets.kaixuan());
    assertThat(shared.policies().versionCount(Presets.kaixuan().id())).isEqualTo(1);
  }

  private static PolicySet version(
      PolicySet v1, int version, java.time.Instant from, String source) {
    return new PolicySet(
        v1.id(),
        version,
        from,
        v1.zone(),
        source,
        v1.dispatch(),
        v1.returns(),
        v1.verification(),
        v1.escalation(),
        v1.targets(),
        v1.pay());
  }

  @Test
  void build_afterAnotherVersionWasStored_usesItBeforeAnyAdvance() {
    PolicySet v1 = Presets.kaixuan();
    PolicySet v2 = version(v1, 2, hours(-1), "test: in force since an hour ago");
    shared.policies().save(v2);

    GridGovernance restarted =
        GridGovernance.builder().storage(shared).policy(v1).clock(clock).node("node-c").build();

    assertThat(restarted.policy().versions()).containsExactly(v1, v2);
    assertThat(restarted.policyAt(NINE)).isEqualTo(v2);
    assertThat(restarted.refreshPolicy()).isFalse();
  }

  @Test
  void build_withANewVersionAndAConflictingOne_savesNeither() {
    PolicySet v1 = Presets.kaixuan();
    buildRefusedSavingNothing(
        version(v1, 3, hours(11), "test: another v3"),
        org.gridgov.core.spi.DuplicateException.class,
        "v3");
  }

  @Test
  void build_withANewVersionAndOneTheTimelineRefuses_savesNeither() {
    PolicySet v1 = Presets.kaixuan();
    buildRefusedSavingNothing(
        version(v1, 4, hours(9), "test: v4 before v3's date"),
        InvalidInputException.class,
        "effectiveFrom");
  }

  /**
   * With v1 and v3 stored, a node built with v1, a new v2 and {@code bad} is refused as told, and
   * v2 is not saved either.
   */
  private void buildRefusedSavingNothing(
      PolicySet bad, Class<? extends Exception> refusal, String message) {
    PolicySet v1 = Presets.kaixuan();
    PolicySet v3 = version(v1, 3, hours(10), "test: v3");
    shared.policies().save(v3);
    PolicySet v2 = version(v1, 2, hours(5), "test: v2, new");

    assertThatThrownBy(
            () ->
                GridGovernance.builder()
                    .storage(shared)
                    .policy(v1, v2, bad)
                    .clock(clock)
                    .node("node-c")
                    .build())
        .isInstanceOf(refusal)
        .hasMessageContaining(message);
    assertThat(shared.policies().timeline(v1.id()).orElseThrow().versions())
        .containsExactly(v1, v3);
  }
}
