package org.gridgov.core.incident;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.InputRules;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.internal.Instants;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;

/**
 * The current state of one incident: the fold of its events. Immutable; {@link #apply} returns the
 * next state or throws {@link IllegalTransitionException} when the state machine forbids the step,
 * so a caller that applies before appending never stores an illegal history.
 *
 * <p>{@link #version()} is the number of events folded, the expected version for the next append.
 */
public final class Incident {
  private final State s;

  private Incident(State state) {
    this.s = state;
  }

  /** The state after the first event. */
  public static Incident start(IncidentReported reported) {
    Objects.requireNonNull(reported, "reported");
    return new Incident(State.reported(reported));
  }

  /**
   * Folds a whole history. The first event must be an {@link IncidentReported}; every later one
   * must be legal where it stands.
   */
  public static Incident replay(List<? extends IncidentEvent> events) {
    Objects.requireNonNull(events, "events must not be null");
    if (events.isEmpty()) {
      throw Checks.invalid(
          "incident history",
          "events",
          InputRules.RANGE,
          "must hold at least the reported event",
          null);
    }
    IncidentEvent first = Objects.requireNonNull(events.get(0), "events[0] must not be null");
    if (!(first instanceof IncidentReported reported)) {
      throw new IllegalTransitionException(
          first.incident(),
          null,
          first.step(),
          "a history starts with report, was " + first.step().commandName());
    }
    Incident incident = start(reported);
    for (int i = 1; i < events.size(); i++) {
      incident = incident.apply(events.get(i));
    }
    return incident;
  }

  /** Whether {@code step} is allowed in this incident's stage (guards on the event aside). */
  public boolean allows(Step step) {
    return Transitions.allows(step, s.stage());
  }

  /** Throws {@link IllegalTransitionException} when {@code step} is not allowed in this stage. */
  public void check(Step step) {
    if (!allows(step)) {
      throw new IllegalTransitionException(
          s.id(), s.stage(), step, "allowed only in " + Transitions.allowedStages(step));
    }
  }

  /** The state after {@code event}; this instance is unchanged. */
  public Incident apply(IncidentEvent event) {
    Objects.requireNonNull(event, "event");
    if (!event.incident().equals(s.id())) {
      throw new IllegalTransitionException(
          s.id(), s.stage(), event.step(), "the event belongs to incident " + event.incident());
    }
    check(event.step());
    // to the microsecond, the precision every store keeps: a store that cuts finer digits only
    // knows the last event's instant cut, so comparing finer would make the stores disagree
    if (EventFields.compareStored(event.at(), s.lastChangedSecond(), s.lastChangedNano()) < 0) {
      throw new IllegalTransitionException(
          s.id(),
          s.stage(),
          event.step(),
          "events must not go back in time: "
              + event.at()
              + " is before "
              + s.lastChangedAt()
              + " (compared to the microsecond)");
    }
    return new Incident(Fold.next(s, event));
  }

  public IncidentId id() {
    return s.id();
  }

  /** The number of events in the history; the expected version of the next append. */
  public long version() {
    return s.version();
  }

  public Stage stage() {
    return s.stage();
  }

  public boolean isOpen() {
    return s.stage().isOpen();
  }

  public Source source() {
    return s.source();
  }

  /** The category, as corrected at registration. */
  public CategoryCode category() {
    return s.category();
  }

  /** The grid where the problem was found: the reporting unit for quotas. */
  public AreaCode grid() {
    return s.grid();
  }

  public Optional<AreaCode> microGrid() {
    return Optional.ofNullable(s.microGrid());
  }

  public Optional<ExternalRef> external() {
    return Optional.ofNullable(s.external());
  }

  public boolean emergency() {
    return s.emergency();
  }

  public Optional<String> topic() {
    return Optional.ofNullable(s.topic());
  }

  public Instant reportedAt() {
    return s.reportedAt();
  }

  public Actor reporter() {
    return s.reporter();
  }

  public Optional<Instant> registeredAt() {
    return Optional.ofNullable(s.registeredAt());
  }

  /** The line currently responsible, once registered. */
  public Optional<LineId> line() {
    return Optional.ofNullable(s.line());
  }

  /** The level now handling the case: GRID until escalated. */
  public Level level() {
    return s.level();
  }

  /** The worker handling the case (claimed or assigned), if any. */
  public Optional<WorkerId> assignee() {
    return Optional.ofNullable(s.assignee());
  }

  /** Whether the current assignee claimed the case themselves. */
  public boolean selfClaimed() {
    return s.selfClaimed();
  }

  /**
   * When the current assignee took the case on at its level: the instant of the claim or assignment
   * (a re-assignment too) that made them the assignee; empty while nobody holds it. Handing it back
   * for rework keeps it, as the case is not taken on again; a return, arbitration, joint meeting or
   * escalation clears it. The closing authority is that of the policy in force at this instant
   * ({@code AuthorityRule}).
   */
  public Optional<Instant> takenOnAt() {
    return Optional.ofNullable(s.takenOnAt());
  }

  /** The worker who fed back last, if any. */
  public Optional<WorkerId> handler() {
    return Optional.ofNullable(s.handler());
  }

  /**
   * The end of the self-claim window of a registered case; empty before registration, once the case
   * is taken on, returned, or referred to the centre ({@link #awaitsCentre}).
   */
  public Optional<Instant> claimUntil() {
    return Optional.ofNullable(s.claimUntil());
  }

  /**
   * Whether the case is on the centre's worklist, with no timer to move it: referred by dispatch
   * because nobody up to the top level acts for its line ({@link CaseReferred}), or returned by its
   * line ({@link CaseReturned}). The centre assigns it, arbitrates it or convenes a meeting; a
   * referred case may also be claimed by a worker who has become eligible since, and is dispatched
   * again when the directory changes.
   */
  public boolean awaitsCentre() {
    return s.stage() == Stage.RETURNED || (s.stage() == Stage.REGISTERED && s.claimUntil() == null);
  }

  public Optional<Instant> replyBy() {
    return Optional.ofNullable(s.replyBy());
  }

  public boolean overdue() {
    return s.overdue();
  }

  public Optional<Instant> superviseAt() {
    return Optional.ofNullable(s.superviseAt());
  }

  public int supervisions() {
    return s.supervisions();
  }

  /** How many times departments returned the case. */
  public int bounces() {
    return s.bounces();
  }

  /** How many verifications failed. */
  public int reworks() {
    return s.reworks();
  }

  /** How often the centre parked the case in the 挂账 register. */
  public int suspensions() {
    return s.suspensions();
  }

  /**
   * When the report must be registered by, under a policy that limits it; empty otherwise, and once
   * it is registered, rejected or supervised for being late.
   */
  public Optional<Instant> registerBy() {
    return stepDue(Stage.REPORTED);
  }

  /**
   * When the handled case must be verified by, under a policy that limits it; empty otherwise, and
   * once it is verified or supervised for being late.
   */
  public Optional<Instant> verifyBy() {
    return stepDue(Stage.HANDLED);
  }

  /** How often the reply deadline was extended (延期). */
  public int extensions() {
    return s.extensions();
  }

  /**
   * When a parked case goes back to its handler by itself: set while it is suspended under a policy
   * that limits how long a case stays in the 挂账 register, or when the centre parked it until a
   * given instant; empty otherwise.
   */
  public Optional<Instant> suspendedUntil() {
    return stepDue(Stage.SUSPENDED);
  }

  /** The limit of the step the case waits for, if it is at {@code stage} and one is set. */
  private Optional<Instant> stepDue(Stage stage) {
    return s.stage() == stage ? Optional.ofNullable(s.stepDue()) : Optional.empty();
  }

  /** How often the centre reopened the case after closing it (重办). */
  public int reopens() {
    return s.reopens();
  }

  public int escalations() {
    return s.escalations();
  }

  /** How many deadlines the case missed. */
  public int overdueCount() {
    return s.overdueCount();
  }

  /** The line that returned the case last, if any. */
  public Optional<LineId> lastReturnedBy() {
    return Optional.ofNullable(s.lastReturnedBy());
  }

  /**
   * Whether the centre decided the responsible line, by arbitration or as a joint meeting's lead
   * (final: that line may not return it); an assignment to another line ends it.
   */
  public boolean arbitrated() {
    return s.arbitrated();
  }

  /**
   * The lines of the last joint meeting, empty when none was convened, the centre arbitrated the
   * case since (arbitration decides one line) or assigned it on a line other than the meeting's
   * lead.
   */
  public ImmutableSet<LineId> jointLines() {
    return s.jointLines();
  }

  public Optional<WorkerId> verifier() {
    return Optional.ofNullable(s.verifier());
  }

  public Optional<Instant> handledAt() {
    return Optional.ofNullable(s.handledAt());
  }

  public Optional<Instant> closedAt() {
    return Optional.ofNullable(s.closedAt());
  }

  public Optional<Rating> rating() {
    return Optional.ofNullable(s.rating());
  }

  public Optional<RejectionKind> rejection() {
    return Optional.ofNullable(s.rejection());
  }

  public Instant lastChangedAt() {
    return s.lastChangedAt();
  }

  /**
   * Whether the last event is after {@code instant}: {@code lastChangedAt().isAfter(instant)}
   * without building the instant, for the check every command makes on a case that may have been
   * idle for days.
   */
  public boolean changedAfter(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return Instants.compare(s.lastChangedSecond(), s.lastChangedNano(), instant) > 0;
  }

  /**
   * The last instant this history speaks of: its last event, or a reply deadline it ever set when
   * that is later (an early answer leaves the deadline ahead). An indicator counts a reply in the
   * period its deadline falls in, answered or not, so a period that starts after this instant needs
   * nothing of the incident, and one that starts at or before it may ({@link
   * org.gridgov.core.spi.IncidentStore#historiesAliveBetween}).
   */
  public Instant aliveUntil() {
    Instant latest = s.latestReplyBy();
    return latest != null && latest.isAfter(s.lastChangedAt()) ? latest : s.lastChangedAt();
  }

  /**
   * The timer due next: the registration limit while it waits to be registered, the end of the
   * claim window while it waits for dispatch, the reply deadline while it is handled and not yet
   * overdue, supervision once overdue, the verification limit once it is handled, the end of its
   * suspension while it is parked until a given instant.
   */
  public Optional<Timer> nextTimer() {
    if (s.stage() == Stage.REPORTED) {
      return s.stepDue() == null
          ? Optional.empty()
          : Optional.of(new Timer(TimerKind.REGISTRATION_DUE, s.stepDue()));
    }
    if (s.stage() == Stage.REGISTERED && s.claimUntil() != null) {
      return Optional.of(new Timer(TimerKind.CLAIM_WINDOW, s.claimUntil()));
    }
    if (s.stage() == Stage.DISPATCHED && !s.overdue() && s.replyBy() != null) {
      return Optional.of(new Timer(TimerKind.REPLY_DEADLINE, s.replyBy()));
    }
    if (s.stage().isOpen() && s.overdue() && s.superviseAt() != null) {
      return Optional.of(new Timer(TimerKind.SUPERVISION, s.superviseAt()));
    }
    if (s.stage() == Stage.HANDLED && s.stepDue() != null) {
      return Optional.of(new Timer(TimerKind.VERIFICATION_DUE, s.stepDue()));
    }
    if (s.stage() == Stage.SUSPENDED && s.stepDue() != null) {
      return Optional.of(new Timer(TimerKind.SUSPENSION_END, s.stepDue()));
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Incident that && s.equals(that.s);
  }

  @Override
  public int hashCode() {
    return s.hashCode();
  }

  @Override
  public String toString() {
    return "Incident["
        + s.id()
        + " v"
        + s.version()
        + " "
        + s.stage()
        + " "
        + s.category()
        + " in "
        + s.grid()
        + " at "
        + s.level()
        + (s.assignee() == null ? "" : " assignee " + s.assignee())
        + "]";
  }
}
