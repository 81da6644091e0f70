package org.gridgov.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.Level;

/**
 * Random command streams against the state machine: whatever it accepts folds to a legal state, and
 * folding is deterministic.
 */
class IncidentStateMachineProperties {
  private static final List<WorkerId> WORKERS = List.of(Events.WANG, Events.LI, Events.ZHAO);
  private static final List<LineId> LINES = List.of(Events.URBAN, Events.GREENING);

  /** One random command: a step plus the choices its event needs. */
  record Command(Step step, int worker, int line, int hoursLater, int score) {}

  @Provide
  Arbitrary<List<Command>> commands() {
    Arbitrary<Command> command =
        net.jqwik.api.Combinators.combine(
                steps(),
                Arbitraries.integers().between(0, WORKERS.size() - 1),
                Arbitraries.integers().between(0, LINES.size() - 1),
                Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(1, 5))
            .as(Command::new);
    return command.list().ofMinSize(5).ofMaxSize(80);
  }

  /** Every step, with the dead ends (reject, archive) rarer so that runs go deep into the loop. */
  private static Arbitrary<Step> steps() {
    List<net.jqwik.api.Tuple.Tuple2<Integer, Step>> weighted = new ArrayList<>();
    for (Step step : Step.values()) {
      boolean deadEnd = step == Step.REJECT || step == Step.ARCHIVE || step == Step.REPORT;
      weighted.add(net.jqwik.api.Tuple.of(step == Step.REGISTER ? 20 : deadEnd ? 1 : 6, step));
    }
    return Arbitraries.frequency(weighted);
  }

  @Property(tries = 500)
  void acceptedSequences_foldToLegalStates(@ForAll("commands") List<Command> commands) {
    Incident incident = Incident.start(Events.reported());
    List<IncidentEvent> accepted = new ArrayList<>(List.of(Events.reported()));
    for (Command command : commands) {
      Optional<IncidentEvent> event = toEvent(incident, command);
      if (event.isEmpty()) {
        continue;
      }
      Incident before = incident;
      try {
        incident = incident.apply(event.get());
        accepted.add(event.get());
        if (event.get() instanceof CaseArbitrated) {
          assertThat(incident.bounces()).as("only a returned case is arbitrated").isPositive();
          assertThat(incident.jointLines()).as("arbitration decides one line").isEmpty();
        }
      } catch (IllegalTransitionException refused) {
        assertThat(incident).isSameAs(before);
        assertThat(refused.stage()).isEqualTo(before.stage());
      }
      assertLegal(incident, accepted.size());
    }
    assertThat(Incident.replay(accepted)).isEqualTo(incident);
    Statistics.collect(incident.stage());
  }

  @Property(tries = 200)
  void folding_isDeterministic(@ForAll("commands") List<Command> commands) {
    List<IncidentEvent> accepted = acceptAll(commands);

    assertThat(Incident.replay(List.copyOf(accepted)))
        .isEqualTo(Incident.replay(new ArrayList<>(accepted)));
    assertThat(acceptAll(commands)).isEqualTo(accepted);
  }

  private static List<IncidentEvent> acceptAll(List<Command> commands) {
    Incident incident = Incident.start(Events.reported());
    List<IncidentEvent> accepted = new ArrayList<>(List.of(Events.reported()));
    for (Command command : commands) {
      Optional<IncidentEvent> event = toEvent(incident, command);
      if (event.isPresent()) {
        try {
          incident = incident.apply(event.get());
          accepted.add(event.get());
        } catch (IllegalTransitionException refused) {
          // refused commands append nothing
        }
      }
    }
    return accepted;
  }

  private static void assertLegal(Incident incident, int eventCount) {
    assertThat(incident.version()).isEqualTo(eventCount);
    assertThat(incident.takenOnAt().isPresent())
        .as("taken on exactly while someone holds it")
        .isEqualTo(incident.assignee().isPresent());
    incident
        .takenOnAt()
        .ifPresent(at -> assertThat(at).isBeforeOrEqualTo(incident.lastChangedAt()));
    switch (incident.stage()) {
      case REPORTED -> assertThat(incident.registeredAt()).isEmpty();
      case REGISTERED -> {
        assertThat(incident.line()).isPresent();
        assertThat(incident.assignee()).isEmpty();
        assertThat(incident.claimUntil().isPresent())
            .as("a claim window unless referred to the centre, which stops the timer")
            .isNotEqualTo(incident.awaitsCentre());
        assertThat(incident.nextTimer().isPresent()).isNotEqualTo(incident.awaitsCentre());
      }
      case DISPATCHED -> {
        assertThat(incident.assignee()).isPresent();
        assertThat(incident.replyBy()).isPresent();
      }
      case RETURNED -> {
        assertThat(incident.bounces()).isPositive();
        assertThat(incident.assignee()).isEmpty();
        assertThat(incident.claimUntil()).as("no claim window while the centre decides").isEmpty();
        assertThat(incident.awaitsCentre()).isTrue();
      }
      case SUSPENDED -> {
        assertThat(incident.assignee()).as("still its handler's").isPresent();
        assertThat(incident.replyBy()).as("no deadline while parked").isEmpty();
        assertThat(incident.nextTimer()).isEmpty();
        assertThat(incident.suspensions()).isPositive();
      }
      case HANDLED -> assertThat(incident.handler()).isEqualTo(incident.assignee());
      case VERIFIED, CLOSED -> {
        assertThat(incident.verifier()).isPresent();
        assertThat(incident.verifier()).isNotEqualTo(incident.handler());
      }
      case REJECTED -> assertThat(incident.rejection()).isPresent();
      case ARCHIVED ->
          assertThat(incident.closedAt().isPresent() || incident.rejection().isPresent()).isTrue();
    }
    assertThat(incident.level() == Level.GRID || incident.escalations() > 0).isTrue();
    if (incident.rating().isPresent()) {
      assertThat(incident.closedAt()).isPresent();
    }
    if (incident.stage() == Stage.DISPATCHED && incident.reopens() > 0) {
      assertThat(incident.closedAt()).as("a reopened case is open again").isEmpty();
    }
    incident.nextTimer().ifPresent(t -> assertThat(incident.isOpen()).isTrue());
  }

  /** The event a command would produce, or empty when it needs something the state lacks. */
  private static Optional<IncidentEvent> toEvent(Incident s, Command c) {
    IncidentId id = s.id();
    java.time.Instant at = s.lastChangedAt().plusSeconds(3600L * c.hoursLater());
    java.time.Instant later = at.plusSeconds(3600L * 72);
    WorkerId worker = WORKERS.get(c.worker());
    LineId line = LINES.get(c.line());
    Actor centre = Events.CENTRE;
    return Optional.ofNullable(
        switch (c.step()) {
          case REPORT -> Events.reported();
          case REGISTER -> new IncidentRegistered(id, centre, at, "", Events.LAMP, line, at);
          case REJECT ->
              new IncidentRejected(id, centre, at, "", RejectionKind.INVALID, Optional.empty());
          case CLAIM -> new IncidentClaimed(id, Actor.worker(worker), at, "", worker, later);
          case ASSIGN -> new IncidentAssigned(id, centre, at, "", worker, line, later);
          case FEEDBACK ->
              s.assignee()
                  .<IncidentEvent>map(
                      a -> new FeedbackGiven(id, Actor.worker(a), at, "", a, "done"))
                  .orElse(null);
          case RETURN ->
              s.line()
                  .<IncidentEvent>map(
                      l -> new CaseReturned(id, Actor.department(l), at, "not ours", l))
                  .orElse(null);
          case ARBITRATE -> new CaseArbitrated(id, centre, at, "", line, at);
          case CONVENE_JOINT_MEETING ->
              new JointMeetingConvened(id, centre, at, "", line, Set.copyOf(LINES), at);
          case ESCALATE ->
              s.level()
                  .up()
                  .filter(up -> up.ordinal() >= Level.DISTRICT.ordinal())
                  .<IncidentEvent>map(
                      up ->
                          new IncidentEscalated(
                              id,
                              centre,
                              at,
                              "",
                              s.level(),
                              up,
                              EscalationKind.REQUESTED,
                              false,
                              at))
                  .orElse(null);
          case REFER -> new CaseReferred(id, centre, at, "", line, s.level());
          case SUPERVISE -> new IncidentSupervised(id, centre, at, "");
          case MARK_OVERDUE ->
              s.replyBy()
                  .filter(r -> !at.isBefore(r))
                  .<IncidentEvent>map(
                      r -> new MarkedOverdue(id, centre, at, "", r, Optional.of(at)))
                  .orElse(null);
          case EXTEND_DEADLINE -> new DeadlineExtended(id, centre, at, "", later);
          case VERIFY -> new VerificationPassed(id, Actor.worker(worker), at, "", worker);
          case FAIL_VERIFICATION ->
              new VerificationFailed(id, Actor.worker(worker), at, "", worker, later);
          case CLOSE -> new IncidentClosed(id, centre, at, "");
          case RATE ->
              new IncidentRated(
                  id, Actor.resident("acct"), at, "", new Rating(c.score(), c.score(), c.score()));
          case REOPEN -> new CaseReopened(id, centre, at, "caller not satisfied", later);
          case SUSPEND -> new CaseSuspended(id, centre, at, "cannot be solved in time");
          case RESUME -> new CaseResumed(id, centre, at, "", later);
          case ARCHIVE -> new IncidentArchived(id, centre, at, "");
        });
  }
}
