package org.gridgov.scoring.indicator;

import java.time.Duration;
import java.time.Instant;
import org.gridgov.core.category.CategoryCode;

/**
 * What the engine remembers about one incident during its single pass: a few fields, not the whole
 * history. The line and the workers are held as their {@link Tally}s, resolved once when the event
 * naming them arrives, so that counting an event looks nothing up. Mutable, private to {@link
 * IndicatorEngine}.
 */
final class IncidentTrack {
  /** The epoch second of no instant: no {@code Instant} has it. */
  static final long NONE = Long.MIN_VALUE;

  /** The tallies of the grid, its community and its street. */
  final Tally[] areas;

  /** Whether the source is one the three rates follow. */
  final boolean scoped;

  /** Whether the report lies in the period. */
  final boolean reportedInPeriod;

  /** The reporting worker's tally, or null when no worker reported it. */
  final Tally reporter;

  /**
   * The first registration and the reply deadline in force, as epoch second and nano rather than
   * the events' {@code Instant}s: later events compare them, days on, and each {@code Instant}
   * would be one more object to fetch for the case. A second of {@link #NONE} means none.
   */
  long registeredSecond = NONE;

  int registeredNano;
  long deadlineSecond = NONE;
  int deadlineNano;
  Tally line;
  Tally assignee;
  Instant firstDispatchAt;

  /**
   * The tally of the handler who fed back since the case was last dispatched (claimed, assigned,
   * returned, escalated…), null before that feedback; while {@link #pending}, the handler of the
   * pending feedback.
   */
  Tally handler;

  Instant closedAt;

  /** The last feedback, of any period, awaits verification. */
  boolean awaitingVerification;

  /** A feedback of the period awaits verification (it is the last one, from {@link #handler}). */
  boolean pending;

  boolean pendingOnTime;
  Tally pendingLine;

  /** The report's epoch second, for 按时立案. */
  long reportedSecond;

  int reportedNano;

  /** Whether the case was reported as an emergency (its category may make it one too). */
  boolean reportedUrgent;

  /**
   * The registration limit the report recorded ({@code IncidentReported.registerBy}, set when the
   * dispatch policy enforced one), {@link #NONE} for none: the limit timed registration falls back
   * on when the scoring settings set none.
   */
  long registerBySecond = NONE;

  /**
   * The category the report counts under in its grid's table for the high-incidence share: the one
   * reported, then the one registered; null when the report is not of the period.
   */
  CategoryCode category;

  int registerByNano;

  /**
   * The verification limit of the case's area kind, null when the scoring settings do not time
   * verification; and when the pending feedback must be verified by, {@link #NONE} when it is not
   * timed (by the settings, else by the limit the feedback recorded).
   */
  Duration verifyLimit;

  long pendingDueSecond = NONE;
  int pendingDueNano;

  IncidentTrack(Tally[] areas, boolean scoped, boolean reportedInPeriod, Tally reporter) {
    this.areas = areas;
    this.scoped = scoped;
    this.reportedInPeriod = reportedInPeriod;
    this.reporter = reporter;
  }

  /** Keeps {@code t} as the registration, unless an earlier one was. */
  void registered(Instant t) {
    if (registeredSecond == NONE) {
      registeredSecond = t.getEpochSecond();
      registeredNano = t.getNano();
    }
  }

  /** Sets the reply deadline in force; none for null. */
  void deadline(Instant replyBy) {
    deadlineSecond = replyBy == null ? NONE : replyBy.getEpochSecond();
    deadlineNano = replyBy == null ? 0 : replyBy.getNano();
  }

  /**
   * The worker a cohort count is attributed to: the handler of the current dispatch (who closed it,
   * for a closed case), else the assignee holding the case, so that an open case re-assigned after
   * a failed verification goes with its new assignee and line, not the earlier handler.
   */
  Tally responsible() {
    return handler != null ? handler : assignee;
  }
}
