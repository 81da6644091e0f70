package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.gridgov.governance.Town.*;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.Directory;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.CaseReferred;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.incident.MarkedOverdue;
import org.gridgov.core.incident.Source;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.DispatchPolicy;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * Kaixuan's loop (seed 000): a problem uploaded at 09:00 may be claimed for 24 hours; unclaimed, it
 * is assigned by line and grid; the assignee must handle it and reply within 72 hours of the
 * assignment; then it is overdue, and supervised after the policy's supervision delay.
 */
class KaixuanScenarioTest {

  @Test
  void unclaimedCase_assignedAt24h_overdue72hLater_thenSupervised() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    List<IncidentEvent> heard = new ArrayList<>();
    GridGovernance governance =
        GridGovernance.builder()
            .storage(org.gridgov.storage.memory.InMemoryGridStorage.create())
            .directory(directory())
            .policy(Presets.kaixuan())
            .clock(clock)
            .listener((incident, events) -> heard.addAll(events))
            .build();
    // w-a already holds one open case in grid 1; w-b holds none
    IncidentId earlier = reportAndRegister(governance, GRID_1, VENDING);
    governance.claim(A, earlier);
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);

    clock.setInstant(hours(23));
    assertThat(governance.advance().acted()).isZero();
    assertThat(governance.require(id).stage()).isEqualTo(Stage.REGISTERED);

    clock.setInstant(hours(24));
    AdvanceResult assignment = governance.advance();
    Incident assigned = governance.require(id);
    assertThat(assignment.assigned()).isEqualTo(1);
    assertThat(assigned.stage()).isEqualTo(Stage.DISPATCHED);
    assertThat(assigned.assignee()).contains(B);
    assertThat(assigned.line()).contains(URBAN);
    assertThat(assigned.replyBy()).contains(hours(24 + 72));
    assertThat(last(governance, id))
        .isInstanceOf(IncidentAssigned.class)
        .extracting(e -> e.actor().id())
        .isEqualTo("dispatch.auto-assign");

    clock.setInstant(hours(95));
    governance.advance();
    assertThat(governance.require(id).overdue()).isFalse();

    clock.setInstant(hours(96));
    assertThat(governance.advance().overdue()).isEqualTo(1);
    assertThat(governance.require(id).overdue()).isTrue();
    assertThat(last(governance, id)).isInstanceOf(MarkedOverdue.class);

    clock.setInstant(hours(96 + 24));
    assertThat(governance.advance().supervised()).isEqualTo(1);
    assertThat(governance.require(id).supervisions()).isEqualTo(1);
    assertThat(last(governance, id)).isInstanceOf(IncidentSupervised.class);

    clock.setInstant(hours(200));
    assertThat(governance.advance().taken()).as("nothing is due any more").isZero();
    assertThat(heard).hasSize(governance.history(id).size() + governance.history(earlier).size());
  }

  @Test
  void claimWindow_runsFromTheUpload_aReportRegisteredLateHasLessOfIt_orNone() {
    // seed 000: "问题上传24小时内由…干部主动认领,24小时内无人认领的…自动分配"; before the fix the
    // 24 hours ran from the registration, so a report registered 10 h late could be claimed at 30 h
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = governance(clock, Presets.kaixuan());
    IncidentId late = governance.report(patrol(GRID_1, VENDING).build()).incident().id();
    IncidentId later = governance.report(patrol(GRID_1, VENDING).build()).incident().id();
    clock.setInstant(hours(10));
    governance.register(CENTRE, late, Optional.empty(), Optional.empty(), "");
    clock.setInstant(hours(30));
    governance.register(CENTRE, later, Optional.empty(), Optional.empty(), "");

    assertThat(governance.require(late).claimUntil()).contains(hours(24));
    assertThat(governance.require(later).claimUntil())
        .as("registered after its window: none left")
        .contains(hours(30));
    assertThatThrownBy(() -> governance.claim(A, late))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("CLAIM_WINDOW");
    assertThat(governance.advance().assigned())
        .as("both assigned by the round at 30 h")
        .isEqualTo(2);
  }

  @Test
  void caseItsGridPassedUp_goesToTheCommunitysOtherWorkers_notBackToTheGrids() {
    // before the fix: community-level candidates included the grid's own workers, and the fewest
    // open cases (ties by id) gave w-a back the very case w-a had passed up
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = governance(clock, Presets.kaixuan());
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
    for (int i = 0; i < 9; i++) { // ten found in the grid this month: its 1/10 quota allows one
      reportAndRegister(governance, GRID_1, VENDING);
    }
    governance.claim(A, id);
    governance.escalate(Actor.worker(A), id, "needs the community");
    assertThatThrownBy(() -> governance.assign(CENTRE, id, B, URBAN, "back to grid 1"))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining(
            "worker w-b serves grid 330102011002001, from which incident " + id + " went up");
    clock.setInstant(hours(1));

    assertThat(governance.advance().assigned()).isEqualTo(1);

    Incident up = governance.require(id);
    assertThat(up.level()).isEqualTo(Level.COMMUNITY);
    assertThat(up.assignee()).as("w-c serves grid 2 of the community").contains(C);
  }

  @Test
  void overdueMarkedLate_supervisionDelayOfThePolicyInForceAtTheMissedDeadline() {
    // v2, in force an hour after the deadline at 96 h, doubles the supervision delay: the case
    // missed its deadline under v1, so supervision is due v1's 24 h later however late the
    // overdue timer fires (a node down for two hours must not change when 督办 falls due).
    PolicySet v1 = Presets.kaixuan();
    DispatchPolicy slower =
        new DispatchPolicy(
            v1.dispatch().claimWindow(),
            v1.dispatch().replyWithin(),
            Duration.ofHours(48),
            v1.dispatch().categoryDeadlines());
    PolicySet v2 =
        new PolicySet(
            v1.id(),
            2,
            hours(97),
            v1.zone(),
            "test: 督办 after 48 h",
            slower,
            v1.returns(),
            v1.verification(),
            v1.escalation(),
            v1.targets(),
            v1.pay());
    List<Incident> overdue = new ArrayList<>();
    for (long markedAt : new long[] {96, 98}) {
      MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
      GridGovernance governance =
          GridGovernance.builder()
              .storage(org.gridgov.storage.memory.InMemoryGridStorage.create())
              .directory(directory())
              .policy(v1, v2)
              .clock(clock)
              .build();
      IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
      clock.setInstant(hours(24));
      governance.advance();
      assertThat(governance.require(id).replyBy()).contains(hours(96));

      clock.setInstant(hours(markedAt));
      assertThat(governance.advance().overdue()).isEqualTo(1);
      overdue.add(governance.require(id));
    }

    assertThat(overdue)
        .extracting(Incident::superviseAt)
        .as("marked at the deadline and two hours after it")
        .containsExactly(Optional.of(hours(96 + 24)), Optional.of(hours(96 + 24)));
  }

  @Test
  void extendedAfterTheDeadlineBeforeAnyRound_markedOverdueAllTheSame() {
    // the same missed deadline, with and without a timer round between the deadline and the
    // extension: the overdue count must not depend on how often advance runs
    List<Incident> extended = new ArrayList<>();
    for (boolean roundRan : new boolean[] {true, false}) {
      MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
      GridGovernance governance = governance(clock, Presets.kaixuan());
      IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
      governance.claim(A, id); // reply by 72 h
      clock.setInstant(hours(73));
      if (roundRan) {
        assertThat(governance.advance().overdue()).isEqualTo(1);
      }
      extended.add(governance.extend(CENTRE, id, hours(120), "waiting for parts"));
      if (!roundRan) {
        assertThat(governance.history(id))
            .extracting(e -> e.getClass().getSimpleName())
            .endsWith("MarkedOverdue", "DeadlineExtended");
      }
    }

    assertThat(extended)
        .allSatisfy(
            i -> {
              assertThat(i.overdueCount()).isEqualTo(1);
              assertThat(i.overdue()).isFalse();
              assertThat(i.replyBy()).contains(hours(120));
              assertThat(i.superviseAt()).isEmpty();
            });
  }

  @Test
  void extendedBeforeTheDeadline_notOverdue() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = governance(clock, Presets.kaixuan());
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
    governance.claim(A, id);
    clock.setInstant(hours(71));

    assertThat(governance.extend(CENTRE, id, hours(120), "waiting for parts").overdueCount())
        .isZero();
  }

  @Test
  void lateReplyWithNoRoundBetween_markedOverdueFirstInTheSameAppend() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    List<List<IncidentEvent>> appends = new ArrayList<>();
    GridGovernance governance =
        GridGovernance.builder()
            .storage(org.gridgov.storage.memory.InMemoryGridStorage.create())
            .directory(directory())
            .policy(Presets.kaixuan())
            .clock(clock)
            .listener((incident, events) -> appends.add(List.copyOf(events)))
            .build();
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
    governance.claim(A, id);
    clock.setInstant(hours(73)); // the 72-hour deadline passed; no advance ran

    Incident handled = governance.feedback(A, id, "fixed");

    assertThat(handled.overdueCount()).isEqualTo(1);
    assertThat(appends.get(appends.size() - 1))
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("MarkedOverdue", "FeedbackGiven");
    assertThat(handled.superviseAt()).as("answered: nothing left to supervise").isEmpty();
    clock.setInstant(hours(200));
    assertThat(governance.advance().acted()).isZero();
  }

  @Test
  void reassignedAfterAMissedDeadline_markedOverdueFirst_answeredInTime_not() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = governance(clock, Presets.kaixuan());
    IncidentId late = reportAndRegister(governance, GRID_1, VENDING);
    IncidentId onTime = reportAndRegister(governance, GRID_1, VENDING);
    governance.claim(A, late);
    governance.claim(A, onTime);
    clock.setInstant(hours(71));
    assertThat(governance.feedback(A, onTime, "fixed").overdueCount()).isZero();
    clock.setInstant(hours(80));

    Incident reassigned = governance.assign(CENTRE, late, B, URBAN, "w-a is away");

    assertThat(reassigned.overdueCount()).isEqualTo(1);
    assertThat(reassigned.overdue()).as("a new round, a new deadline").isFalse();
    assertThat(governance.history(late))
        .extracting(e -> e.getClass().getSimpleName())
        .endsWith("MarkedOverdue", "IncidentAssigned");
  }

  @Test
  void manyDueTogether_assignmentsBalancedWithinOneBatch() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = governance(clock, Presets.kaixuan());
    List<IncidentId> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add(reportAndRegister(governance, GRID_1, VENDING));
    }

    clock.setInstant(hours(24));
    assertThat(governance.advance().assigned()).isEqualTo(10);

    java.util.Map<Object, Long> perWorker =
        ids.stream()
            .map(id -> governance.require(id).assignee().orElseThrow())
            .collect(
                java.util.stream.Collectors.groupingBy(
                    w -> w, java.util.stream.Collectors.counting()));
    assertThat(perWorker).containsEntry(A, 5L).containsEntry(B, 5L);
  }

  @Test
  void claimWithinTheWindow_noAutomaticAssignment() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = governance(clock, Presets.kaixuan());
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);

    clock.setInstant(hours(5));
    Incident claimed = governance.claim(A, id);
    clock.setInstant(hours(30));
    governance.advance();

    assertThat(claimed.selfClaimed()).isTrue();
    assertThat(governance.require(id).assignee()).contains(A);
    assertThat(governance.require(id).replyBy()).contains(hours(5 + 72));
    assertThat(governance.history(id)).noneMatch(e -> e instanceof IncidentAssigned);
  }

  @Test
  void claimAfterTheWindow_refusedEvenBeforeAutomaticAssignmentRan() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = governance(clock, Presets.kaixuan());
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);

    clock.setInstant(hours(25));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> governance.claim(A, id))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("CLAIM_WINDOW_CLOSED");
    assertThat(governance.require(id).stage()).isEqualTo(Stage.REGISTERED);
  }

  @Test
  void emergency_dispatchedAtOnceWithoutAClaimWindow() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = governance(clock, Presets.kaixuan());
    IncidentId id =
        governance.report(patrol(GRID_1, VENDING).emergency(true).build()).incident().id();
    governance.register(CENTRE, id, Optional.empty(), Optional.empty(), "");

    assertThat(governance.advance().assigned()).isEqualTo(1);
    assertThat(governance.require(id).assignee()).isPresent();
  }

  @Test
  void nobodyInTheGrid_goesUpToTheCommunityWhereTheLeastLoadedCommunityWorkerTakesIt() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = governance(clock, Presets.kaixuan());
    // grid 3 has no urban-management worker; every community worker of the line is a candidate
    governance.claim(A, reportAndRegister(governance, GRID_1, VENDING));
    IncidentId id =
        reportAndRegister(
            governance,
            org.gridgov.core.territory.AreaCode.of(
                "330102011002003", org.gridgov.core.territory.Level.GRID),
            VENDING);

    clock.setInstant(hours(24));
    AdvanceResult result = governance.advance();

    Incident incident = governance.require(id);
    assertThat(result.escalated()).isEqualTo(1);
    assertThat(incident.level()).isEqualTo(org.gridgov.core.territory.Level.COMMUNITY);
    assertThat(incident.assignee()).as("w-a holds a case, w-b none").contains(B);
    assertThat(governance.storage().counters().get("escalation:GRID:330102011002003:2024-03"))
        .as("NO_ELIGIBLE_WORKER is not counted against the grid's quota")
        .isZero();
  }

  @Test
  void nobodyInTheGridNorTheCommunity_goesUpTwoLevelsAndIsAssignedInOneStep() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    Directory town = directory();
    Directory streetOnly =
        Directory.of(
            town.territory(),
            Roster.of(
                town.roster().workers().stream()
                    .filter(w -> !List.of(A, B, C).contains(w.id()))
                    .toList()));
    List<List<IncidentEvent>> appends = new ArrayList<>();
    GridGovernance governance =
        GridGovernance.builder()
            .storage(org.gridgov.storage.memory.InMemoryGridStorage.create())
            .directory(streetOnly)
            .policy(Presets.kaixuan())
            .clock(clock)
            .listener((incident, events) -> appends.add(events))
            .build();
    IncidentId id =
        governance
            .report(
                Report.by(Actor.worker(SUPERVISOR))
                    .source(Source.PATROL)
                    .category(VENDING)
                    .grid(GRID_1)
                    .description("seen")
                    .build())
            .incident()
            .id();
    governance.register(CENTRE, id, Optional.empty(), Optional.empty(), "");
    appends.clear();

    clock.setInstant(hours(24));
    AdvanceResult result = governance.advance();

    assertThat(result.taken()).as("taken once, not once a level").isEqualTo(1);
    assertThat(result.escalated()).isEqualTo(2);
    assertThat(result.assigned()).isEqualTo(1);
    assertThat(result.referred()).as("assigned at the street, not referred").isZero();
    assertThat(result.acted()).as("two levels passed and one assignment").isEqualTo(3);
    Incident incident = governance.require(id);
    assertThat(incident.level()).isEqualTo(Level.STREET);
    assertThat(incident.assignee()).as("the street's urban-management cadre").contains(CADRE);
    assertThat(appends).as("one append").hasSize(1);
    List<IncidentEvent> events = appends.get(0);
    assertThat(events).extracting(IncidentEvent::at).containsOnly(hours(24));
    assertThat(events).hasSize(3).last().isInstanceOf(IncidentAssigned.class);
    assertThat(events.subList(0, 2))
        .map(IncidentEscalated.class::cast)
        .extracting(IncidentEscalated::from, IncidentEscalated::to, IncidentEscalated::kind)
        .containsExactly(
            tuple(Level.GRID, Level.COMMUNITY, EscalationKind.NO_ELIGIBLE_WORKER),
            tuple(Level.COMMUNITY, Level.STREET, EscalationKind.NO_ELIGIBLE_WORKER));
    assertThat(governance.history(id)).endsWith(events.toArray(IncidentEvent[]::new));
    assertThat(governance.advance().taken()).as("nothing is due until the deadline").isZero();
  }

  @Test
  void nobodyUpToTheDistrict_referredToTheCentreInOneStep_thenNoTimerRoundTakesItAgain() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance =
        GridGovernance.builder()
            .storage(org.gridgov.storage.memory.InMemoryGridStorage.create())
            .directory(withoutLine(URBAN))
            .policy(Presets.kaixuan())
            .clock(clock)
            .build();
    IncidentId id = vendingSeenBySupervisor(governance);

    clock.setInstant(hours(24));
    AdvanceResult result = governance.advance();

    assertThat(result.taken()).isEqualTo(1);
    assertThat(result.referred()).isEqualTo(1);
    assertThat(result.escalated()).as("grid → community → street → district").isEqualTo(3);
    assertThat(result.acted()).isEqualTo(4);
    Incident incident = governance.require(id);
    assertThat(incident.stage()).isEqualTo(Stage.REGISTERED);
    assertThat(incident.level()).isEqualTo(Level.DISTRICT);
    assertThat(incident.awaitsCentre()).isTrue();
    assertThat(incident.nextTimer()).isEmpty();
    assertThat(last(governance, id))
        .isInstanceOfSatisfying(
            CaseReferred.class,
            referred -> {
              assertThat(referred.line()).isEqualTo(URBAN);
              assertThat(referred.level()).isEqualTo(Level.DISTRICT);
              assertThat(referred.actor().id()).isEqualTo("dispatch.auto-assign");
            });
    assertThat(governance.centreWorklist()).extracting(Incident::id).containsExactly(id);

    clock.setInstant(hours(24 * 30));
    assertThat(governance.advance().taken())
        .as("no timer: the centre's worklist holds it")
        .isZero();

    WorkerId district = WorkerId.of("w-district");
    assertThatThrownBy(() -> governance.assign(CENTRE, id, district, URBAN, "try"))
        .as("not on the directory yet")
        .isInstanceOf(org.gridgov.core.InvalidInputException.class);
  }

  @Test
  void referredCases_dispatchedAgainOnceTheDirectoryGivesTheirLineSomeone() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    Directory town = directory();
    List<IncidentEvent> heard = new ArrayList<>();
    GridGovernance governance =
        GridGovernance.builder()
            .storage(org.gridgov.storage.memory.InMemoryGridStorage.create())
            .directory(withoutLine(URBAN))
            .policy(Presets.kaixuan())
            .clock(clock)
            .listener((i, events) -> heard.addAll(events))
            .build();
    List<IncidentId> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(vendingSeenBySupervisor(governance));
    }
    clock.setInstant(hours(24));
    assertThat(governance.advance().referred()).isEqualTo(3);
    // a change that gives the line nobody at the district: they stay with the centre
    clock.setInstant(hours(30));
    governance.updateDirectory(
        d ->
            Directory.of(
                d.territory(),
                Roster.of(
                    java.util.stream.Stream.concat(
                            d.roster().workers().stream(),
                            town.roster().workers().stream().filter(w -> w.id().equals(A)))
                        .toList())));
    assertThat(governance.advance().assigned()).as("w-a serves a grid, not the district").isZero();

    clock.setInstant(hours(31));
    governance.updateDirectory(d -> town);
    heard.clear();
    AdvanceResult result = governance.advance();

    WorkerId district = WorkerId.of("w-district");
    assertThat(result.assigned()).isEqualTo(3);
    assertThat(result.conflicts()).isZero();
    for (IncidentId id : ids) {
      Incident incident = governance.require(id);
      assertThat(incident.assignee()).contains(district);
      assertThat(incident.awaitsCentre()).isFalse();
      assertThat(incident.replyBy()).contains(hours(31 + 72));
      assertThat(last(governance, id))
          .isInstanceOfSatisfying(
              IncidentAssigned.class,
              a -> {
                assertThat(a.actor().id()).isEqualTo("dispatch.auto-assign");
                assertThat(a.reason())
                    .startsWith("referred to the centre; someone acts for its line");
              });
    }
    assertThat(heard).as("the listeners hear each assignment").hasSize(3);
    clock.setInstant(hours(32));
    assertThat(governance.advance().acted()).as("once per directory revision").isZero();
  }

  @Test
  void centreWorklist_referredAndReturnedCases_inIdOrderWhateverTheirKind() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance =
        GridGovernance.builder()
            .storage(org.gridgov.storage.memory.InMemoryGridStorage.create())
            .directory(withoutLine(URBAN))
            .policy(Presets.kaixuan())
            .clock(clock)
            .build();
    IncidentId referred = vendingSeenBySupervisor(governance);
    IncidentId returned =
        governance
            .report(
                Report.by(Actor.worker(SUPERVISOR))
                    .source(Source.PATROL)
                    .category(CAR)
                    .grid(GRID_1)
                    .description("car on the pavement")
                    .build())
            .incident()
            .id();
    governance.register(CENTRE, returned, Optional.empty(), Optional.of(TRAFFIC), "");
    governance.assign(CENTRE, returned, POLICE, TRAFFIC, "");
    governance.returnCase(Actor.department(TRAFFIC), returned, "not a traffic matter");
    clock.setInstant(hours(24));
    assertThat(governance.advance().referred()).isEqualTo(1);
    assertThat(referred).isLessThan(returned);

    assertThat(governance.centreWorklist())
        .extracting(Incident::id)
        .as("the referred case first: it has the lower id")
        .containsExactly(referred, returned);
  }

  @Test
  void caseEscalatedToTheDistrictByHand_nobodyThereForItsLine_referredWhenItsWindowEnds() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    Directory nobodyAtTheDistrict =
        directory()
            .withRoster(
                Roster.of(
                    directory().roster().workers().stream()
                        .filter(w -> !w.id().equals(WorkerId.of("w-district")))
                        .toList()));
    // Dongcheng: no quota, so the centre may pass the case up to the district by hand
    GridGovernance governance =
        GridGovernance.builder()
            .storage(org.gridgov.storage.memory.InMemoryGridStorage.create())
            .directory(nobodyAtTheDistrict)
            .policy(Presets.dongcheng())
            .clock(clock)
            .build();
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
    for (String to : List.of("the community", "the street", "the district")) {
      governance.escalate(CENTRE, id, "needs " + to);
    }
    assertThat(governance.require(id).level()).isEqualTo(Level.DISTRICT);

    clock.setInstant(hours(24 * 10));
    AdvanceResult result = governance.advance();

    assertThat(result.referred()).isEqualTo(1);
    assertThat(result.escalated()).as("already at the top").isZero();
    assertThat(result.acted()).isEqualTo(1);
    assertThat(governance.require(id).awaitsCentre()).isTrue();
    assertThat(last(governance, id)).isInstanceOf(CaseReferred.class);
  }

  private static IncidentEvent last(GridGovernance governance, IncidentId id) {
    List<IncidentEvent> history = governance.history(id);
    return history.get(history.size() - 1);
  }
}
