package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gridgov.core.incident.ActorKind;
import org.gridgov.core.incident.CaseArbitrated;
import org.gridgov.core.incident.CaseReferred;
import org.gridgov.core.incident.CaseReturned;
import org.gridgov.core.incident.DeadlineExtended;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentArchived;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentClaimed;
import org.gridgov.core.incident.IncidentClosed;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentRated;
import org.gridgov.core.incident.IncidentRegistered;
import org.gridgov.core.incident.IncidentRejected;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.JointMeetingConvened;
import org.gridgov.core.incident.Source;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.incident.VerificationFailed;
import org.gridgov.core.incident.VerificationPassed;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.WorkingTime;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;
import org.gridgov.core.territory.Territory;
import org.gridgov.scoring.UnitKind;
import org.gridgov.scoring.indicator.Counter;
import org.gridgov.scoring.policy.PayScheme;
import org.gridgov.scoring.policy.ScoringPolicy;
import org.gridgov.scoring.policy.ScoringPresets;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the simulated people do at a behaviour's share of 0 or 1, where every case must go one way:
 * one community of Kaixuan street (景芳, 2 to 5 grids) for five days at the 12345 demand rate, nobody
 * away, so that each statement holds for every case, not on average.
 */
class SimulatedPeopleTest {
  private static final Territory JINGFANG =
      Divisions.shangcheng().restrictedTo(AreaCode.parse("330102011002"));
  private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);

  /** A finished run: its config, its synthetic district and every case's history. */
  private record Run(
      SimulationConfig config,
      SimulationResult result,
      SyntheticDistrict district,
      List<List<IncidentEvent>> histories) {
    Instant end() {
      return result.end();
    }

    Roster roster() {
      return district.directory().roster();
    }

    List<IncidentEvent> all() {
      return histories.stream().flatMap(List::stream).toList();
    }
  }

  private static Run run(Behaviour.Builder behaviour) {
    return run(SimulationConfig.defaults(), behaviour);
  }

  private static Run run(SimulationConfig base, Behaviour.Builder behaviour) {
    return run(fiveDays(base, behaviour));
  }

  private static Run run(Behaviour.Builder behaviour, PolicySet policy) {
    return run(fiveDays(SimulationConfig.defaults(), behaviour), policy);
  }

  /** {@code base} over five days at the 12345 rate with {@code behaviour}, nobody away. */
  private static SimulationConfig fiveDays(SimulationConfig base, Behaviour.Builder behaviour) {
    return base.withPeriod(MONDAY, 5)
        .withArrivals(Arrivals.defaults().withRate(2.6))
        .withBehaviour(behaviour.absencePerDay(0).build());
  }

  /** Runs {@code config} as it is. */
  private static Run run(SimulationConfig config) {
    return run(config, Presets.kaixuan());
  }

  /** Runs {@code config} as it is under {@code policy}. */
  private static Run run(SimulationConfig config, PolicySet policy) {
    InMemoryGridStorage storage = InMemoryGridStorage.create();
    SimulationResult result = Simulation.run(JINGFANG, config, policy, storage);
    SyntheticDistrict district =
        SyntheticDistrict.build(JINGFANG, config, new Randomness(config.seed()).split());
    List<List<IncidentEvent>> histories = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      for (Incident incident : storage.incidents().inStage(stage)) {
        histories.add(storage.incidents().history(incident.id()));
      }
    }
    assertThat(histories).as("cases reported").hasSizeGreaterThan(20);
    return new Run(config, result, district, histories);
  }

  private static <T extends IncidentEvent> List<T> events(
      List<IncidentEvent> history, Class<T> type) {
    return history.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The first claim or assignment of a case. */
  private static Optional<IncidentEvent> firstTaken(List<IncidentEvent> history) {
    return history.stream()
        .filter(e -> e instanceof IncidentClaimed || e instanceof IncidentAssigned)
        .findFirst();
  }

  /**
   * At a claim share of 1, soon after registration: every case with a claim window that one of its
   * grid's workers acts for is claimed by one of them inside the window, never assigned first; at 0
   * nobody claims.
   */
  @Test
  void claimShare_oneClaimsEveryCaseAGridWorkerMay_zeroNone() {
    Run all = run(Behaviour.builder().claimShare(1).claimDelay(Duration.ofMinutes(1)));
    int claimable = 0;
    for (List<IncidentEvent> history : all.histories()) {
      Optional<IncidentRegistered> registered =
          events(history, IncidentRegistered.class).stream().findFirst();
      if (registered.isEmpty()) {
        continue;
      }
      Incident atRegistration =
          Incident.replay(history.subList(0, history.indexOf(registered.get()) + 1));
      List<WorkerId> gridWorkers =
          all.roster().inGrid(atRegistration.grid()).stream()
              .filter(w -> w.actsFor(registered.get().line()))
              .map(Worker::id)
              .toList();
      if (atRegistration.claimUntil().isEmpty()
          || gridWorkers.isEmpty()
          || !atRegistration.claimUntil().get().isBefore(all.end())) {
        continue;
      }
      claimable++;
      Instant window = atRegistration.claimUntil().get();
      assertThat(firstTaken(history))
          .as(history.get(0).incident().value())
          .get()
          .isInstanceOfSatisfying(
              IncidentClaimed.class,
              claim -> {
                assertThat(claim.claimant()).isIn(gridWorkers);
                assertThat(claim.at()).isBefore(window);
              });
    }
    assertThat(claimable).isGreaterThan(10);

    Run none = run(Behaviour.builder().claimShare(0));
    assertThat(none.all())
        .noneMatch(IncidentClaimed.class::isInstance)
        .anyMatch(IncidentAssigned.class::isInstance);
  }

  /** At a refusal share of 1, every report is refused, and archived archiveAfter later. */
  @Test
  void rejectShare_one_everyReportRefused_andArchivedArchiveAfterLater() {
    Run run = run(Behaviour.builder().rejectShare(1).archiveAfter(Duration.ofDays(1)));

    int archived = 0;
    for (List<IncidentEvent> history : run.histories()) {
      List<IncidentRejected> rejected = events(history, IncidentRejected.class);
      if (rejected.isEmpty()) {
        assertThat(history).as("reported too late to be refused in the run").hasSize(1);
        continue;
      }
      Instant archiveAt = rejected.get(0).at().plus(Duration.ofDays(1));
      if (archiveAt.isBefore(run.end())) {
        archived++;
        assertThat(events(history, IncidentArchived.class))
            .singleElement()
            .extracting(IncidentEvent::at)
            .isEqualTo(archiveAt);
      }
    }
    assertThat(archived).isGreaterThan(10);
    assertThat(run.all()).noneMatch(IncidentRegistered.class::isInstance);
  }

  /**
   * At a rating share of 1 the resident rates every closed case, once, after its closing: 4 or 5
   * when on time, 2 to 4 when late; at 0 nobody rates.
   */
  @Test
  void ratingShare_oneRatesClosedCases_zeroNone() {
    Run rated = run(Behaviour.builder().ratingShare(1));

    int ratings = 0;
    for (List<IncidentEvent> history : rated.histories()) {
      List<IncidentRated> ratingsOfCase = events(history, IncidentRated.class);
      if (ratingsOfCase.isEmpty()) {
        continue;
      }
      ratings++;
      Incident atRating =
          Incident.replay(history.subList(0, history.indexOf(ratingsOfCase.get(0))));
      assertThat(ratingsOfCase)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(atRating.stage()).isEqualTo(Stage.CLOSED);
                assertThat(r.rating().satisfaction())
                    .isBetween(
                        atRating.overdueCount() == 0 ? 4 : 2, atRating.overdueCount() == 0 ? 5 : 4);
              });
    }
    assertThat(ratings).isGreaterThan(5);
    assertThat(rated.result().rated()).isEqualTo(ratings);

    Run unrated = run(Behaviour.builder().ratingShare(0));
    assertThat(unrated.all())
        .noneMatch(IncidentRated.class::isInstance)
        .anyMatch(IncidentClosed.class::isInstance);
  }

  /**
   * Grid workers work at gridWork and department staff at departmentWork: with a minute for the one
   * and 30 days for the other, grid workers reply within the run and department staff never.
   */
  @Test
  void work_gridWorkersAtGridWork_departmentStaffAtDepartmentWork() {
    Run run =
        run(
            Behaviour.builder()
                .gridWork(Duration.ofMinutes(1))
                .departmentWork(Duration.ofDays(30))
                .workSigma(0)
                .returnShare(0)
                .escalateShare(0));

    List<FeedbackGiven> replies = events(run.all(), FeedbackGiven.class);
    assertThat(replies)
        .isNotEmpty()
        .allSatisfy(
            reply ->
                assertThat(
                        run.roster()
                            .require(reply.handler())
                            .hasRole(SyntheticDistrict.DEPARTMENT_STAFF))
                    .as(reply.handler().value())
                    .isFalse());
    assertThat(run.all())
        .as("department staff had cases")
        .anyMatch(
            e ->
                e instanceof IncidentAssigned a
                    && run.roster()
                        .require(a.assignee())
                        .hasRole(SyntheticDistrict.DEPARTMENT_STAFF));
  }

  /**
   * A line's department staff keep the hours the line is given, not the departments': every line
   * given 09:00-10:00 while the departments work around the clock, each department reply falls in
   * that hour.
   */
  @Test
  void lineHours_departmentStaffReplyInTheirLinesHours() {
    Schedule nineToTen =
        Schedule.daily(new WorkingTime.Period(LocalTime.of(9, 0), LocalTime.of(10, 0)));
    Map<LineId, Schedule> lines = new HashMap<>();
    Staffing.departmentLines().forEach(line -> lines.put(line, nineToTen));
    Run run =
        run(
            Behaviour.builder()
                .lineHours(lines)
                .departmentWork(Duration.ofMinutes(10))
                .workSigma(0)
                .returnShare(0));

    List<FeedbackGiven> replies =
        events(run.all(), FeedbackGiven.class).stream()
            .filter(
                f -> run.roster().require(f.handler()).hasRole(SyntheticDistrict.DEPARTMENT_STAFF))
            .toList();
    assertThat(replies)
        .isNotEmpty()
        .allSatisfy(
            reply ->
                assertThat(reply.at().atZone(run.config().zone()).toLocalTime())
                    .as(reply.incident().value())
                    .isBetween(LocalTime.of(9, 0), LocalTime.of(10, 0)));
  }

  /**
   * At a return share of 1, department staff return every case they take, once: the centre's
   * arbitration gives it to them for good; grid workers never return a case.
   */
  @Test
  void returnShare_one_departmentsReturnEachCaseOnce_gridWorkersNever() {
    Run run = run(Behaviour.builder().returnShare(1));

    int returned = 0;
    for (List<IncidentEvent> history : run.histories()) {
      List<CaseReturned> returns = events(history, CaseReturned.class);
      assertThat(returns).as(history.get(0).incident().value()).hasSizeLessThanOrEqualTo(1);
      for (CaseReturned r : returns) {
        returned++;
        assertThat(
                run.roster()
                    .require(WorkerId.of(r.actor().id()))
                    .hasRole(SyntheticDistrict.DEPARTMENT_STAFF))
            .isTrue();
      }
    }
    assertThat(returned).isGreaterThan(3);
    assertThat(run(Behaviour.builder().returnShare(0)).all())
        .noneMatch(CaseReturned.class::isInstance);
  }

  /**
   * At a re-dispatch share of 1 the centre sends a returned case to another department while the
   * policy's bounce limit lets that one return it too, and arbitrates at the limit: with
   * departments returning every case, Kaixuan's limit of 2 has each such case returned by two
   * lines, then given to its category's default line for good; a limit of 1 arbitrates at the first
   * return, as the centre does for every case at a share of 0.
   */
  @Test
  void redispatchShare_one_returnedCasesGoToAnotherDepartmentUpToTheBounceLimit() {
    Behaviour.Builder returning =
        Behaviour.builder()
            .returnShare(1)
            .redispatchShare(1)
            .escalateShare(0)
            .unsolvableShare(0)
            .departmentWork(Duration.ofMinutes(10))
            .workSigma(0);
    Run limitTwo = run(returning);

    int twice = 0;
    for (List<IncidentEvent> history : limitTwo.histories()) {
      List<CaseReturned> returns = events(history, CaseReturned.class);
      String id = history.get(0).incident().value();
      assertThat(returns).as(id).hasSizeLessThanOrEqualTo(2);
      if (returns.size() < 2) {
        continue;
      }
      twice++;
      List<IncidentEvent> between =
          history.subList(history.indexOf(returns.get(0)), history.indexOf(returns.get(1)));
      assertThat(events(between, IncidentAssigned.class))
          .as(id)
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.actor().kind()).isEqualTo(ActorKind.CENTRE);
                assertThat(a.line())
                    .isNotEqualTo(returns.get(0).fromLine())
                    .isEqualTo(returns.get(1).fromLine());
              });
      assertThat(events(between, CaseArbitrated.class)).as(id).isEmpty();
      Incident atEnd = Incident.replay(history);
      if (atEnd.arbitrated()) {
        assertThat(events(history, CaseArbitrated.class))
            .as(id)
            .singleElement()
            .satisfies(a -> assertThat(a.at()).isAfter(returns.get(1).at()));
      }
    }
    assertThat(twice).as("cases returned by two lines").isGreaterThan(3);
    assertLinesReceivedWhatTheyHeld(limitTwo);

    Run limitOne = run(returning, ReturnsSimulationTest.kaixuanWithBounceLimit(1));
    assertThat(limitOne.histories())
        .allSatisfy(
            history -> assertThat(events(history, CaseReturned.class)).hasSizeLessThanOrEqualTo(1));
    assertThat(limitOne.all())
        .anyMatch(CaseArbitrated.class::isInstance)
        .noneMatch(e -> e instanceof IncidentAssigned a && a.actor().kind() == ActorKind.CENTRE);
  }

  /**
   * With department staff in the district and none in the streets, a street line's case goes up to
   * the district and is referred to the centre. Without joint meetings it stays there; with them
   * the centre convenes one for every such case, after the referral, giving it to another line that
   * has staff, and dispatch assigns it within that line, which handles it.
   */
  @Test
  void jointMeetingAfter_referredCasesGoToALeadLineWithStaff() {
    SimulationConfig streetsUnstaffed =
        SimulationConfig.defaults()
            .withStaffing(SimulationConfig.defaults().staffing().withDepartments(0, 6));
    Behaviour.Builder people = Behaviour.builder().unsolvableShare(0).returnShare(0);
    Run without = run(streetsUnstaffed, people);
    Run with = run(streetsUnstaffed, people.jointMeetingAfter(Duration.ofHours(2)));

    assertThat(without.result().referred()).as("street lines' cases").isPositive();
    assertThat(without.all()).noneMatch(JointMeetingConvened.class::isInstance);
    for (List<IncidentEvent> history : without.histories()) {
      if (!events(history, CaseReferred.class).isEmpty()) {
        assertThat(Incident.replay(history).stage()).isEqualTo(Stage.REGISTERED);
      }
    }

    assertThat(with.result().reported()).isEqualTo(without.result().reported());
    assertThat(with.result().referred()).isEqualTo(without.result().referred());
    int convened = 0;
    for (List<IncidentEvent> history : with.histories()) {
      List<CaseReferred> referrals = events(history, CaseReferred.class);
      if (referrals.isEmpty()) {
        assertThat(events(history, JointMeetingConvened.class)).isEmpty();
        continue;
      }
      String id = history.get(0).incident().value();
      CaseReferred referral = referrals.get(0);
      List<JointMeetingConvened> meetings = events(history, JointMeetingConvened.class);
      if (meetings.isEmpty()) {
        // referred too near the end for the meeting (2 h on average): still with the centre
        assertThat(referral.at()).as(id).isAfter(with.end().minus(Duration.ofDays(2)));
        assertThat(Incident.replay(history).awaitsCentre()).as(id).isTrue();
        continue;
      }
      convened++;
      JointMeetingConvened meeting = meetings.get(0);
      assertThat(meeting.actor().kind()).as(id).isEqualTo(ActorKind.CENTRE);
      assertThat(meeting.at()).as(id).isAfter(referral.at());
      assertThat(meeting.lead()).as(id).isNotEqualTo(referral.line());
      assertThat(meeting.lines()).as(id).containsExactlyInAnyOrder(referral.line(), meeting.lead());
      List<IncidentEvent> after = history.subList(history.indexOf(meeting), history.size());
      assertThat(events(after, IncidentAssigned.class))
          .as(id)
          .first()
          .satisfies(
              a -> {
                assertThat(a.line()).isEqualTo(meeting.lead());
                assertThat(with.roster().find(a.assignee()).orElseThrow().lines())
                    .contains(meeting.lead());
              });
    }
    assertThat(convened).as("cases given to a lead line").isPositive();
    assertThat(with.result().convened()).isEqualTo(convened);
    assertThat(without.result().convened()).isZero();
    assertThat(with.result().closed()).isGreaterThan(without.result().closed());
    assertLinesReceivedWhatTheyHeld(with);
  }

  /**
   * Each line's load against the histories: it received each case that came to it (registered to
   * it, or given to it by the centre), once, and closed those it held at their closing; so no line
   * closes more than it received.
   */
  private static void assertLinesReceivedWhatTheyHeld(Run run) {
    Map<LineId, Long> received = new HashMap<>();
    Map<LineId, Long> closed = new HashMap<>();
    for (List<IncidentEvent> history : run.histories()) {
      java.util.Set<LineId> came = new java.util.HashSet<>();
      for (IncidentEvent e : history) {
        LineId to = lineGiven(e);
        if (to != null && came.add(to)) {
          received.merge(to, 1L, Long::sum);
        }
      }
      Incident atEnd = Incident.replay(history);
      if (atEnd.stage() == Stage.CLOSED || atEnd.stage() == Stage.ARCHIVED) {
        closed.merge(atEnd.line().orElseThrow(), 1L, Long::sum);
      }
    }
    assertThat(run.result().lines())
        .isNotEmpty()
        .allSatisfy(
            l -> {
              assertThat(l.received())
                  .as(l.line().value())
                  .isEqualTo(received.getOrDefault(l.line(), 0L));
              assertThat(l.closed())
                  .as(l.line().value())
                  .isEqualTo(closed.getOrDefault(l.line(), 0L));
              assertThat(l.solveRate()).as(l.line().value()).isBetween(0.0, 1.0);
            });
  }

  /** The line {@code event} gives its case to, or null for an event that gives it to none. */
  private static LineId lineGiven(IncidentEvent event) {
    if (event instanceof IncidentRegistered r) {
      return r.line();
    } else if (event instanceof IncidentAssigned a) {
      return a.line();
    } else if (event instanceof CaseArbitrated a) {
      return a.line();
    } else if (event instanceof JointMeetingConvened m) {
      return m.lead();
    }
    return null;
  }

  /**
   * Under a policy that lets no case be returned ({@code returns.bounceLimit} 0), department staff
   * who would return every case handle each themselves: every return is refused and counted, and
   * every case they take gets their reply (which a case left with them unhandled never did).
   */
  @Test
  void returnShare_one_bounceLimitZero_departmentsHandleTheCasesTheyMayNotReturn() {
    Run run =
        run(
            Behaviour.builder()
                .returnShare(1)
                .escalateShare(0)
                .unsolvableShare(0)
                .departmentWork(Duration.ofMinutes(10))
                .workSigma(0),
            ReturnsSimulationTest.kaixuanWithBounceLimit(0));

    int taken = 0;
    for (List<IncidentEvent> history : run.histories()) {
      Optional<IncidentEvent> first = firstTaken(history);
      if (first.isEmpty()) {
        continue;
      }
      WorkerId holder =
          Incident.replay(history.subList(0, history.indexOf(first.get()) + 1))
              .assignee()
              .orElseThrow();
      if (!run.roster().require(holder).hasRole(SyntheticDistrict.DEPARTMENT_STAFF)
          || !first.get().at().plus(Duration.ofHours(6)).isBefore(run.end())) {
        continue;
      }
      taken++;
      assertThat(events(history, FeedbackGiven.class))
          .as(history.get(0).incident().value())
          .first()
          .extracting(FeedbackGiven::handler)
          .isEqualTo(holder);
    }
    assertThat(taken).isGreaterThan(3);
    assertThat(run.all()).noneMatch(CaseReturned.class::isInstance);
    assertThat(run.result().refusals()).containsKey("BOUNCE_LIMIT_REACHED");
    assertThat(run.result().refusals().get("BOUNCE_LIMIT_REACHED")).isGreaterThanOrEqualTo(taken);
  }

  /**
   * At an escalation share of 1 every grid worker taking a grid's case asks to pass it up; the
   * Kaixuan quota (a tenth of the grid's cases a month, rounded down) refuses most, each refusal
   * counted, and the grid worker then handles the case themselves.
   */
  @Test
  void escalateShare_one_everyGridCaseAsked_refusalsCountedAndHandledByTheGrid() {
    Run run =
        run(
            Behaviour.builder()
                .escalateShare(1)
                .returnShare(0)
                .unsolvableShare(0)
                .gridWork(Duration.ofMinutes(10))
                .workSigma(0));

    int asked = 0;
    int passedUp = 0;
    for (List<IncidentEvent> history : run.histories()) {
      Optional<IncidentEvent> taken = firstTaken(history);
      if (taken.isEmpty()) {
        continue;
      }
      Incident atTaking = Incident.replay(history.subList(0, history.indexOf(taken.get()) + 1));
      WorkerId worker = atTaking.assignee().orElseThrow();
      if (atTaking.level() != Level.GRID
          || run.roster().require(worker).hasRole(SyntheticDistrict.DEPARTMENT_STAFF)
          || !taken.get().at().plus(Duration.ofHours(6)).isBefore(run.end())) {
        continue;
      }
      asked++;
      boolean requested =
          events(history, IncidentEscalated.class).stream()
              .anyMatch(e -> e.kind() == EscalationKind.REQUESTED);
      if (requested) {
        passedUp++;
      } else {
        assertThat(events(history, FeedbackGiven.class))
            .as(atTaking.id().value())
            .first()
            .extracting(FeedbackGiven::handler)
            .isEqualTo(worker);
      }
    }
    assertThat(asked - passedUp).isGreaterThan(5);
    assertThat(run.result().refused("QUOTA_EXHAUSTED")).isGreaterThanOrEqualTo(asked - passedUp);
  }

  /**
   * The grid's supervisor checks the work when the template has one (Dongcheng's); without one
   * (Yangling's) another of the grid's workers does, never the handler.
   */
  @Test
  void verify_byTheSupervisor_elseAnotherOfTheGridsWorkers() {
    Run dongcheng = run(Behaviour.builder());
    List<IncidentEvent> checks =
        dongcheng.all().stream()
            .filter(e -> e instanceof VerificationPassed || e instanceof VerificationFailed)
            .toList();
    assertThat(checks)
        .isNotEmpty()
        .allSatisfy(
            check ->
                assertThat(dongcheng.roster().require(WorkerId.of(check.actor().id())).roles())
                    .contains(Role.SUPERVISOR));

    SimulationConfig yangling =
        SimulationConfig.defaults()
            .withStaffing(
                Staffing.dongcheng()
                    .withTemplate("yangling")
                    .withRoleLines(
                        Map.of(
                            Role.FULL_TIME_GRID_WORKER,
                            Staffing.dongcheng().roleLines().get(Role.FULL_TIME_GRID_WORKER))));
    Run run = run(yangling, Behaviour.builder());
    int verified = 0;
    for (List<IncidentEvent> history : run.histories()) {
      for (VerificationPassed passed : events(history, VerificationPassed.class)) {
        verified++;
        FeedbackGiven reply =
            events(history, FeedbackGiven.class).stream()
                .filter(f -> f.at().isBefore(passed.at()))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(passed.verifier()).isNotEqualTo(reply.handler());
        assertThat(run.roster().require(passed.verifier()).grids())
            .contains(Incident.replay(history).grid());
      }
    }
    assertThat(verified).isGreaterThan(5);
  }

  /**
   * When every worker who may check a reply is away, the check waits for the first of them back:
   * Yangling's three workers a grid (the full-time grid worker handles, the two information
   * officers check), half of them away on a day (2 × 0.5 / (1 + 2 × 0.5)), the verification delay a
   * second, two weeks at every request's rate (6.2 a grid a day). Each reply is checked at the
   * first instant one of the grid's other workers is present, by a worker present then.
   */
  @Test
  void verify_allVerifiersAway_waitsForTheFirstBack() {
    Role fullTime = Role.FULL_TIME_GRID_WORKER;
    SimulationConfig yangling =
        SimulationConfig.defaults()
            .withStaffing(
                Staffing.dongcheng()
                    .withTemplate("yangling")
                    .withRoleLines(
                        Map.of(fullTime, Staffing.dongcheng().roleLines().get(fullTime))));
    Run run =
        run(
            yangling
                .withPeriod(MONDAY, 14)
                .withArrivals(Arrivals.defaults().withRate(6.2))
                .withBehaviour(
                    Behaviour.builder()
                        .absencePerDay(0.5)
                        .absenceDays(2)
                        .verificationDelay(Duration.ofSeconds(1))
                        .build()));
    Roster roster = run.roster();

    int waited = 0;
    int checked = 0;
    for (List<IncidentEvent> history : run.histories()) {
      IncidentReported reported = (IncidentReported) history.get(0);
      for (int i = 0; i < history.size(); i++) {
        if (!(history.get(i) instanceof FeedbackGiven reply)) {
          continue;
        }
        Instant firstPresent = Instant.MAX;
        for (Worker other : roster.inGrid(reported.grid())) {
          if (!other.id().equals(reply.handler())) {
            Instant back = Engine.backAt(other, reply.at());
            firstPresent = back.isBefore(firstPresent) ? back : firstPresent;
          }
        }
        if (!firstPresent.plus(Duration.ofMinutes(1)).isBefore(run.end())) {
          continue;
        }
        checked++;
        waited += firstPresent.isAfter(reply.at()) ? 1 : 0;
        IncidentEvent check =
            history.stream()
                .skip(i + 1)
                .filter(e -> e instanceof VerificationPassed || e instanceof VerificationFailed)
                .findFirst()
                .orElseThrow(() -> new AssertionError(reported.incident() + " never checked"));
        assertThat(check.at())
            .as(reported.incident().value())
            .isBetween(firstPresent, firstPresent.plus(Duration.ofMinutes(1)));
        assertThat(roster.require(WorkerId.of(check.actor().id())).isAbsentAt(check.at()))
            .isFalse();
      }
    }
    assertThat(checked).isGreaterThan(100);
    assertThat(waited).as("replies made while both checkers were away").isGreaterThan(10);
  }

  /**
   * At an extension share of 1, a handler who will finish after the deadline asks for one to an
   * hour after finishing: with grid work of 80 hours exactly, past Kaixuan's 72-hour reply limit,
   * the cases grid workers take are extended, each to an hour after its reply.
   */
  @Test
  void extendShare_one_lateHandlersAskForAnHourAfterFinishing() {
    Run run =
        run(
            Behaviour.builder()
                .extendShare(1)
                .gridWork(Duration.ofHours(80))
                .workSigma(0)
                .returnShare(0)
                .escalateShare(0));

    int extended = 0;
    for (List<IncidentEvent> history : run.histories()) {
      for (DeadlineExtended extension : events(history, DeadlineExtended.class)) {
        extended++;
        Incident before = Incident.replay(history.subList(0, history.indexOf(extension)));
        assertThat(extension.replyBy())
            .as(before.id().value())
            .isAfter(before.replyBy().orElseThrow().plus(Duration.ofHours(1)));
        events(history, FeedbackGiven.class).stream()
            .filter(f -> f.at().isAfter(extension.at()))
            .findFirst()
            .ifPresent(
                reply ->
                    assertThat(reply.at())
                        .as(before.id().value())
                        .isEqualTo(extension.replyBy().minus(Duration.ofHours(1))));
      }
    }
    assertThat(extended).isGreaterThan(3);
    assertThat(run.result().extended()).isEqualTo(extended);
  }

  /**
   * The grids' and workers' figures: each named as the territory or roster names it, its closure
   * rate closed ÷ received, its on-time rate empty exactly when nothing was closed, and the list
   * best closure rate first, then best on-time rate, then most cases, then by id, a unit without a
   * rate last.
   */
  @Test
  void unitScores_namedAsTheDirectoryNamesThem_bestClosureRateFirst() {
    Run run = run(Behaviour.builder());
    Territory territory = run.district().directory().territory();

    List<UnitScore> grids = run.result().gridScores();
    List<UnitScore> workers = run.result().workerScores();

    assertThat(grids)
        .isNotEmpty()
        .allSatisfy(
            grid ->
                assertThat(grid.name()).isEqualTo(territory.find(grid.id()).orElseThrow().name()));
    assertThat(workers)
        .isNotEmpty()
        .allSatisfy(
            worker ->
                assertThat(worker.name())
                    .isEqualTo(run.roster().require(WorkerId.of(worker.id())).name()));
    for (UnitScore unit : concat(grids, workers)) {
      if (unit.received() == 0) {
        assertThat(unit.closureRate()).as(unit.id()).isEmpty();
      } else {
        assertThat(unit.closureRate().orElseThrow())
            .as(unit.id())
            .isCloseTo(unit.closed() / (double) unit.received(), within(1e-12));
      }
      assertThat(unit.onTimeRate().isEmpty()).as(unit.id()).isEqualTo(unit.closed() == 0);
    }
    assertThat(workers.stream().map(UnitScore::closureRate).distinct().count())
        .as("workers of several closure rates to order")
        .isGreaterThan(2);
    Comparator<OptionalDouble> best =
        (a, b) ->
            a.isPresent() != b.isPresent()
                ? (a.isPresent() ? -1 : 1)
                : Double.compare(b.orElse(0), a.orElse(0));
    Comparator<UnitScore> order =
        Comparator.comparing(UnitScore::closureRate, best)
            .thenComparing(UnitScore::onTimeRate, best)
            .thenComparing(Comparator.comparingLong(UnitScore::received).reversed())
            .thenComparing(UnitScore::id);
    assertThat(grids).isSortedAccordingTo(order);
    assertThat(workers).isSortedAccordingTo(order);
  }

  /**
   * A result names the policy it ran as "id vversion", and each month's scores the scoring policy
   * that scored it alike (its id and version).
   */
  @Test
  void result_namesThePolicyAndEachMonthsScoringPolicy_byIdAndVersion() {
    Run run = run(Behaviour.builder());
    PolicySet policy = Presets.kaixuan();
    ScoringPolicy scoring = run.config().scoring();

    assertThat(run.result().policy()).isEqualTo(policy.id() + " v" + policy.version());
    assertThat(run.result().scores())
        .isNotEmpty()
        .allSatisfy(
            month ->
                assertThat(month.scoringPolicy())
                    .isEqualTo(scoring.id() + " v" + scoring.version()));
  }

  /**
   * Each month ranks the grid workers, the whole team of each grid, and no department staff; and
   * Kaixuan's graded pay pays the grid system's own staff: the grid workers who hold one of the
   * config's paid roles, not those seconded to the grid (7+X) nor department staff.
   */
  @Test
  void monthlyScores_rankTheGridWorkers_payTheGridWorkersInPaidRoles() {
    Run run = run(Behaviour.builder());
    List<Worker> gridWorkers =
        run.roster().workers().stream().filter(w -> !w.grids().isEmpty()).toList();
    List<String> paid =
        gridWorkers.stream()
            .filter(w -> w.roles().stream().anyMatch(run.config().paidRoles()::contains))
            .map(w -> w.id().value())
            .toList();
    assertThat(run.roster().workers())
        .as("department staff too")
        .hasSizeGreaterThan(gridWorkers.size());
    assertThat(paid)
        .as("grid workers seconded to the grid too")
        .isNotEmpty()
        .hasSizeLessThan(gridWorkers.size());

    assertThat(run.result().scores())
        .isNotEmpty()
        .allSatisfy(
            month -> {
              assertThat(month.rankings().get(UnitKind.WORKER).entries())
                  .extracting(entry -> entry.unit().id())
                  .containsExactlyInAnyOrderElementsOf(
                      gridWorkers.stream().map(w -> w.id().value()).toList());
              assertThat(month.pay()).as(month.period().toString()).isPresent();
              assertThat(month.pay().orElseThrow().lines())
                  .extracting(line -> line.worker().value())
                  .containsExactlyInAnyOrderElementsOf(paid);
            });
  }

  /**
   * Under Yangling's scoring, whose pay scheme has its allowance, each month pays the allowance to
   * the grid workers in the config's paid roles, and to nobody else.
   */
  @Test
  void monthlyScores_yanglingsAllowance_paidToTheGridWorkersInPaidRoles() {
    Run run =
        run(
            SimulationConfig.defaults().withScoring(ScoringPresets.yangling()),
            Behaviour.builder());
    List<String> paid =
        run.roster().workers().stream()
            .filter(
                w ->
                    !w.grids().isEmpty()
                        && w.roles().stream().anyMatch(run.config().paidRoles()::contains))
            .map(w -> w.id().value())
            .toList();
    assertThat(ScoringPresets.yangling().pay().flatMap(PayScheme::allowance)).isPresent();
    assertThat(paid).isNotEmpty();

    assertThat(run.result().scores())
        .isNotEmpty()
        .allSatisfy(
            month -> {
              assertThat(month.pay()).as(month.period().toString()).isPresent();
              assertThat(month.pay().orElseThrow().lines())
                  .extracting(line -> line.worker().value())
                  .containsExactlyInAnyOrderElementsOf(paid);
            });
  }

  /**
   * The month's indicators count the run's stored events: the five days lie in March and every
   * report in a grid of Kaixuan street, so the street's month counts them all.
   */
  @Test
  void monthlyScores_theStreetsIndicatorsCountEveryReportOfTheRun() {
    Run run = run(Behaviour.builder());

    assertThat(run.result().scores())
        .singleElement()
        .satisfies(
            month ->
                assertThat(month.streets())
                    .singleElement()
                    .satisfies(
                        street ->
                            assertThat(street.indicators().count(Counter.REPORTED))
                                .isEqualTo(run.result().reported())));
  }

  private static List<UnitScore> concat(List<UnitScore> a, List<UnitScore> b) {
    List<UnitScore> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** The progress is told the run's end, with every report counted, once the run is over. */
  @Test
  void progress_toldTheEndLast() {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(MONDAY, 2)
            .withArrivals(Arrivals.defaults().withRate(2.6));
    List<Instant> nows = new ArrayList<>();
    List<Long> reports = new ArrayList<>();
    SimulationResult result =
        Simulation.run(
            JINGFANG,
            config,
            Presets.kaixuan(),
            InMemoryGridStorage.create(),
            (now, start, end, reported) -> {
              nows.add(now);
              reports.add(reported);
            });

    assertThat(nows).last().isEqualTo(result.end());
    assertThat(reports).last().isEqualTo(result.reported());
    assertThat(result.reported()).as("cases reported, for the count to check").isPositive();
    assertThat(nows).isSorted();
  }

  /** A 12345 report carries a ticket of its own; no other report has one. */
  @Test
  void report_hotlineTicketsCarryTheirNumber_othersNone() {
    Run run = run(Behaviour.builder());
    List<String> tickets = new ArrayList<>();
    for (List<IncidentEvent> history : run.histories()) {
      Incident reported = Incident.replay(history.subList(0, 1));
      if (reported.source() == Source.HOTLINE_12345) {
        tickets.add(reported.external().orElseThrow().toString());
      } else {
        assertThat(reported.external()).as(reported.id().value()).isEmpty();
      }
    }
    assertThat(tickets)
        .isNotEmpty()
        .doesNotHaveDuplicates()
        .allSatisfy(ticket -> assertThat(ticket).startsWith("12345"));
  }

  /**
   * A problem found on patrol is reported by one of the grid's present workers, each alike: with
   * patrols the only source and nobody away, each grid's reports come from several of its workers,
   * and the first one listed makes about its 1/k share, not all of them.
   */
  @Test
  void patrolReports_byTheGridsWorkersAlike() {
    Run run =
        run(
            SimulationConfig.defaults()
                .withPeriod(MONDAY, 5)
                .withArrivals(
                    Arrivals.defaults().toBuilder()
                        .perGridPerDay(6.2)
                        .sources(Map.of(Source.PATROL, 1.0))
                        .build())
                .withBehaviour(Behaviour.builder().absencePerDay(0).build()));
    Roster roster = run.roster();

    Map<AreaCode, List<String>> reporters = new HashMap<>();
    for (List<IncidentEvent> history : run.histories()) {
      IncidentReported reported = (IncidentReported) history.get(0);
      reporters.computeIfAbsent(reported.grid(), g -> new ArrayList<>()).add(reported.actor().id());
    }
    int reports = 0;
    int byFirst = 0;
    double expectedByFirst = 0;
    for (Map.Entry<AreaCode, List<String>> grid : reporters.entrySet()) {
      List<String> workers =
          roster.inGrid(grid.getKey()).stream().map(w -> w.id().value()).toList();
      assertThat(grid.getValue()).as(grid.getKey().value()).isSubsetOf(workers);
      if (grid.getValue().size() >= 8) {
        assertThat(grid.getValue().stream().distinct().count())
            .as(grid.getKey().value())
            .isGreaterThan(1);
      }
      reports += grid.getValue().size();
      byFirst += (int) grid.getValue().stream().filter(workers.get(0)::equals).count();
      expectedByFirst += grid.getValue().size() / (double) workers.size();
    }
    assertThat(reports).isGreaterThan(50);
    // binomial: the first workers' count within 4 standard deviations of its mean (at most n/4)
    assertThat((double) byFirst).isCloseTo(expectedByFirst, within(4 * Math.sqrt(reports / 4.0)));
  }

  /**
   * With a rota (轮休), a grid worker claims, verifies and reports patrol finds only while on their
   * own schedule: their hours on a day that is not one of their rest days, two of seven, or six,
   * when each of a grid's nine workers is on one day a week.
   */
  @ParameterizedTest(name = "{0} rest days")
  @ValueSource(ints = {2, 6})
  void rota_gridWorkersActOnlyInTheirOwnSchedule(int restDays) {
    Behaviour.Builder behaviour =
        Behaviour.builder()
            .claimShare(1)
            .workerHours(new WorkingTime.Period(LocalTime.of(8, 0), LocalTime.of(18, 0)))
            .workerRestDays(restDays);
    Run run = run(behaviour);
    Map<WorkerId, WorkingTime> schedules =
        Rota.schedules(run.config().behaviour(), run.roster(), run.district().grids());
    assertThat(schedules).isNotEmpty();

    Map<String, Integer> acts = new HashMap<>();
    for (IncidentEvent e : run.all()) {
      String act =
          e instanceof IncidentClaimed
              ? "claim"
              : e instanceof VerificationPassed || e instanceof VerificationFailed
                  ? "verification"
                  : e instanceof IncidentReported r && r.source() == Source.PATROL
                      ? "patrol report"
                      : null;
      if (act == null) {
        continue;
      }
      WorkerId worker = WorkerId.of(e.actor().id());
      WorkingTime own = schedules.get(worker);
      assertThat(own).as("%s by %s: a grid worker's", act, worker.value()).isNotNull();
      assertThat(own.next(e.at(), run.config().zone()))
          .as("%s by %s at %s", act, worker.value(), e.at())
          .isEqualTo(e.at());
      acts.merge(act, 1, Integer::sum);
    }
    assertThat(acts)
        .containsOnlyKeys("claim", "verification", "patrol report")
        .allSatisfy((act, n) -> assertThat(n).as(act).isGreaterThan(3));
  }
}
