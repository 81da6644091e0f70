package org.gridgov.core.incident;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;

/**
 * Computes the next {@link State} from a legal-stage event, checking the guards that depend on the
 * event's fields (the stage table is checked by {@link Incident#apply} before).
 */
final class Fold {
  private Fold() {}

  static State next(State s, IncidentEvent event) {
    Draft d = new Draft(s);
    d.version = s.version() + 1;
    d.lastChangedSecond = event.at().getEpochSecond();
    d.lastChangedNano = event.at().getNano();
    if (event instanceof IncidentReported) {
      throw refuse(s, event, "an incident is reported once");
    } else if (event instanceof IncidentRegistered e) {
      d.stage = Stage.REGISTERED;
      d.registeredAt = e.at();
      d.stepDue = null;
      d.category = e.category();
      d.line = e.line();
      d.claimUntil = e.claimUntil();
    } else if (event instanceof IncidentRejected e) {
      d.stage = Stage.REJECTED;
      d.rejection = e.kind();
      d.stepDue = null;
    } else if (event instanceof IncidentClaimed e) {
      dispatch(d, e.claimant(), e.replyBy(), e.at());
      d.selfClaimed = true;
    } else if (event instanceof IncidentAssigned e) {
      if (s.stage() == Stage.DISPATCHED
          && e.assignee().equals(s.assignee())
          && e.line().equals(s.line())) {
        throw refuse(s, event, "already assigned to " + e.assignee() + " for " + e.line());
      }
      dispatch(d, e.assignee(), e.replyBy(), e.at());
      if (!e.line().equals(s.line())) {
        // a new line by assignment is not the line the centre or a meeting decided on: neither
        // that decision nor the meeting's lines bind the case any more
        d.arbitrated = false;
        d.jointLines = ImmutableSet.of();
      }
      d.line = e.line();
    } else if (event instanceof FeedbackGiven e) {
      if (!e.handler().equals(s.assignee())) {
        throw refuse(
            s,
            event,
            "feedback must come from the assignee " + s.assignee() + ", was " + e.handler());
      }
      d.stage = Stage.HANDLED;
      d.handler = e.handler();
      d.handledAt = e.at();
      d.superviseAt = null;
      d.stepDue = e.verifyBy().orElse(null);
    } else if (event instanceof CaseReturned e) {
      if (!e.fromLine().equals(s.line())) {
        throw refuse(
            s,
            event,
            "only the responsible line " + s.line() + " may return it, was " + e.fromLine());
      }
      if (s.arbitrated()) {
        throw refuse(
            s,
            event,
            "the centre decided " + s.line() + " is responsible (arbitration or joint meeting)");
      }
      d.stage = Stage.RETURNED;
      d.bounces++;
      d.lastReturnedBy = e.fromLine();
      d.claimUntil = null; // no self-claim while the centre decides: it re-dispatches or arbitrates
      undispatch(d);
    } else if (event instanceof CaseArbitrated e) {
      if (s.bounces() == 0) {
        // in every stage the table allows: a case never returned has nothing to arbitrate, and
        // arbitrating it would take away its line's right to return it
        throw refuse(s, event, "the case was never returned: arbitration settles a bounced case");
      }
      d.stage = Stage.REGISTERED;
      d.line = e.line();
      d.arbitrated = true;
      d.jointLines = ImmutableSet.of(); // the centre decided one line: no meeting's lines remain
      d.claimUntil = e.claimUntil();
      undispatch(d);
    } else if (event instanceof JointMeetingConvened e) {
      d.stage = Stage.REGISTERED;
      d.line = e.lead();
      d.arbitrated = true; // the meeting decided the lead: it may not send the case back
      d.jointLines = e.lines();
      d.claimUntil = e.claimUntil();
      undispatch(d);
    } else if (event instanceof IncidentEscalated e) {
      if (e.from() != s.level()) {
        throw refuse(s, event, "the case is handled at " + s.level() + ", not " + e.from());
      }
      if (e.to().isAbove(Level.DISTRICT)) {
        throw refuse(s, event, "a case goes up to " + Level.DISTRICT + " at most, not " + e.to());
      }
      if (!e.from().up().map(e.to()::equals).orElse(false)) {
        // the quota of each level is counted where a case leaves it: none may be skipped
        throw refuse(
            s,
            event,
            "a case goes up one level at a time, from "
                + e.from()
                + " to "
                + e.from().up().orElseThrow()
                + ", not "
                + e.to());
      }
      d.stage = Stage.REGISTERED;
      d.level = e.to();
      d.escalations++;
      d.claimUntil = e.claimUntil();
      undispatch(d);
    } else if (event instanceof IncidentSupervised) {
      d.supervisions++;
      d.superviseAt = null;
      // a report or a handled case supervised for its late registration or verification is not
      // supervised for it again
      d.stepDue = null;
    } else if (event instanceof MarkedOverdue e) {
      if (s.overdue()) {
        throw refuse(s, event, "already overdue since " + s.replyBy());
      }
      if (s.replyBy() == null || EventFields.compareStored(e.deadline(), s.replyBy()) != 0) {
        throw refuse(s, event, "the reply deadline is " + s.replyBy() + ", not " + e.deadline());
      }
      d.overdue = true;
      d.overdueCount++;
      d.superviseAt = e.superviseAt().orElse(null);
    } else if (event instanceof DeadlineExtended e) {
      if (EventFields.compareStored(e.replyBy(), s.replyBy()) <= 0) {
        throw refuse(
            s,
            event,
            "an extension must move the deadline "
                + s.replyBy()
                + " later, by a microsecond at least, was "
                + e.replyBy());
      }
      d.replyBy(e.replyBy());
      d.overdue = false;
      d.superviseAt = null;
      d.extensions++;
    } else if (event instanceof VerificationPassed e) {
      verifierIsNotHandler(s, event, e.verifier());
      d.stage = Stage.VERIFIED;
      d.verifier = e.verifier();
      d.stepDue = null;
    } else if (event instanceof VerificationFailed e) {
      verifierIsNotHandler(s, event, e.verifier());
      d.stage = Stage.DISPATCHED;
      d.verifier = e.verifier();
      d.stepDue = null;
      d.reworks++;
      d.replyBy(e.replyBy());
      d.overdue = false;
      d.superviseAt = null;
    } else if (event instanceof IncidentClosed e) {
      d.stage = Stage.CLOSED;
      d.closedAt = e.at();
    } else if (event instanceof IncidentRated e) {
      if (s.rating() != null) {
        throw refuse(s, event, "the case is already rated");
      }
      d.rating = e.rating();
    } else if (event instanceof IncidentArchived) {
      d.stage = Stage.ARCHIVED;
    } else if (event instanceof CaseReopened e) {
      // back to the worker who held it, as a rework: not a new taking-on, so takenOnAt stays
      d.stage = Stage.DISPATCHED;
      d.reopens++;
      d.replyBy(e.replyBy());
      d.overdue = false;
      d.superviseAt = null;
      d.closedAt = null;
      d.handledAt = null;
      d.verifier = null;
      d.rating = null; // the next callback rates the case again
    } else if (event instanceof CaseSuspended e) {
      d.stage = Stage.SUSPENDED; // still its handler's: the assignee stays
      d.suspensions++;
      d.stepDue = e.until().orElse(null);
      d.replyBy = null; // no deadline while parked: the latest one set stays in latestReplyBy
      d.overdue = false;
      d.superviseAt = null;
    } else if (event instanceof CaseResumed e) {
      d.stage = Stage.DISPATCHED;
      d.stepDue = null;
      d.replyBy(e.replyBy());
    } else if (event instanceof CaseReferred e) { // last: rare, and every event tests the chain
      if (s.claimUntil() == null) {
        throw refuse(s, event, "the case already waits for the centre");
      }
      if (e.level() != s.level() || !e.line().equals(s.line())) {
        throw refuse(
            s,
            event,
            "the case is at "
                + s.level()
                + " for "
                + s.line()
                + ", not "
                + e.level()
                + " for "
                + e.line());
      }
      d.claimUntil = null; // no timer: the centre assigns it (or an eligible worker claims it)
    } else {
      throw new AssertionError("unknown event type " + event.getClass());
    }
    return d.toState();
  }

  /**
   * The case taken on by {@code worker} at {@code at}: a claim or an assignment, a re-assignment
   * too. Rework after a failed verification is not a taking-on and keeps {@code takenOnAt}.
   */
  private static void dispatch(Draft d, WorkerId worker, Instant replyBy, Instant at) {
    d.stage = Stage.DISPATCHED;
    d.assignee = worker;
    d.selfClaimed = false;
    d.takenOnAt = at;
    d.replyBy(replyBy);
    d.claimUntil = null;
    d.overdue = false;
    d.superviseAt = null;
  }

  private static void undispatch(Draft d) {
    d.assignee = null;
    d.selfClaimed = false;
    d.takenOnAt = null;
    d.replyBy = null;
    d.overdue = false;
    d.superviseAt = null;
  }

  private static void verifierIsNotHandler(State s, IncidentEvent event, WorkerId verifier) {
    if (verifier.equals(s.handler())) {
      throw refuse(s, event, "the verifier must not be the handler " + verifier);
    }
  }

  private static IllegalTransitionException refuse(State s, IncidentEvent event, String detail) {
    return new IllegalTransitionException(s.id(), s.stage(), event.step(), detail);
  }

  /** A mutable copy of a state, used only inside one fold step. */
  private static final class Draft {
    final State from;
    long version;
    Stage stage;
    CategoryCode category;
    Instant registeredAt;
    LineId line;
    Level level;
    WorkerId assignee;
    boolean selfClaimed;
    Instant takenOnAt;
    WorkerId handler;
    Instant claimUntil;
    Instant replyBy;
    boolean overdue;
    Instant superviseAt;
    int supervisions;
    int bounces;
    int reworks;
    int reopens;
    int suspensions;
    int escalations;
    int overdueCount;
    LineId lastReturnedBy;
    boolean arbitrated;
    ImmutableSet<LineId> jointLines;
    WorkerId verifier;
    Instant handledAt;
    Instant closedAt;
    Rating rating;
    RejectionKind rejection;

    /** Set from every event folded, so not copied from the state before. */
    long lastChangedSecond;

    int lastChangedNano;
    Instant latestReplyBy;
    int extensions;
    Instant stepDue;

    Draft(State s) {
      from = s;
      version = s.version();
      stage = s.stage();
      category = s.category();
      registeredAt = s.registeredAt();
      line = s.line();
      level = s.level();
      assignee = s.assignee();
      selfClaimed = s.selfClaimed();
      takenOnAt = s.takenOnAt();
      handler = s.handler();
      claimUntil = s.claimUntil();
      replyBy = s.replyBy();
      overdue = s.overdue();
      superviseAt = s.superviseAt();
      supervisions = s.supervisions();
      bounces = s.bounces();
      reworks = s.reworks();
      reopens = s.reopens();
      suspensions = s.suspensions();
      escalations = s.escalations();
      overdueCount = s.overdueCount();
      lastReturnedBy = s.lastReturnedBy();
      arbitrated = s.arbitrated();
      jointLines = s.jointLines();
      verifier = s.verifier();
      handledAt = s.handledAt();
      closedAt = s.closedAt();
      rating = s.rating();
      rejection = s.rejection();
      latestReplyBy = s.latestReplyBy();
      extensions = s.extensions();
      stepDue = s.stepDue();
    }

    State toState() {
      AreaCode grid = from.grid();
      return new State(
          from.id(),
          version,
          stage,
          from.source(),
          category,
          grid,
          from.microGrid(),
          from.external(),
          from.emergency(),
          from.topic(),
          from.reportedAt(),
          from.reporter(),
          registeredAt,
          line,
          level,
          assignee,
          selfClaimed,
          takenOnAt,
          handler,
          claimUntil,
          replyBy,
          overdue,
          superviseAt,
          supervisions,
          bounces,
          reworks,
          reopens,
          suspensions,
          escalations,
          overdueCount,
          lastReturnedBy,
          arbitrated,
          jointLines,
          verifier,
          handledAt,
          closedAt,
          rating,
          rejection,
          lastChangedSecond,
          lastChangedNano,
          latestReplyBy,
          extensions,
          stepDue);
    }

    /**
     * Sets the reply deadline and keeps the latest one ever set: compared only here, on the steps
     * that set one, as a fold on every event would touch two cold instants each time.
     */
    void replyBy(Instant deadline) {
      replyBy = deadline;
      if (deadline != null && (latestReplyBy == null || deadline.isAfter(latestReplyBy))) {
        latestReplyBy = deadline;
      }
    }
  }
}
