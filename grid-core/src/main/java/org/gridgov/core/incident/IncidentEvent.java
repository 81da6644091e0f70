package org.gridgov.core.incident;

import java.time.Instant;

/**
 * One immutable fact in an incident's history: who ({@link #actor}), when ({@link #at}), why
 * ({@link #reason}) and what (the record type and its fields). The history is append-only; the
 * current {@link Incident} is the fold of its events.
 */
public sealed interface IncidentEvent
    permits IncidentReported,
        IncidentRegistered,
        IncidentRejected,
        IncidentClaimed,
        IncidentAssigned,
        FeedbackGiven,
        CaseReturned,
        CaseArbitrated,
        JointMeetingConvened,
        IncidentEscalated,
        CaseReferred,
        IncidentSupervised,
        MarkedOverdue,
        DeadlineExtended,
        VerificationPassed,
        VerificationFailed,
        IncidentClosed,
        IncidentRated,
        CaseReopened,
        CaseSuspended,
        CaseResumed,
        IncidentArchived {

  /**
   * The most characters a free text of an event (reason, description, summary…) may hold, counted
   * as code points: a character outside the basic plane (an emoji, a rare Han character of a name)
   * counts once, though Java holds it in two chars.
   */
  int MAX_TEXT = 4000;

  /**
   * What is wrong with a free text for an event, or null when it can be stored as is by every
   * adapter: at most {@link #MAX_TEXT} characters (code points), no NUL character (PostgreSQL's
   * JSON refuses it) and no half of a surrogate pair (what cutting an emoji in two leaves;
   * databases store it as "?" or refuse it).
   */
  static String textProblem(String value) {
    int length = value.length();
    if (length > MAX_TEXT) { // never more code points than chars: counted only when it may matter
      int characters = value.codePointCount(0, length);
      if (characters > MAX_TEXT) {
        return "must be at most " + MAX_TEXT + " characters, was " + characters;
      }
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c == 0) {
        return "must not hold a NUL character (at " + i + ")";
      }
      if (Character.isSurrogate(c)) {
        boolean paired =
            Character.isHighSurrogate(c)
                && i + 1 < length
                && Character.isLowSurrogate(value.charAt(i + 1));
        if (!paired) {
          return "must not hold half of a surrogate pair (at " + i + ")";
        }
        i++;
      }
    }
    return null;
  }

  /**
   * The earliest instant an event may hold. The JDBC stores scan due timers from here (a range scan
   * that skips the incidents without a timer, which H2's index keeps first), so a timer before it
   * would never fire there; no incident is that old.
   */
  Instant MIN_INSTANT = Instant.parse("1900-01-01T00:00:00Z");

  /**
   * The latest instant an event may hold: the last microsecond MariaDB's {@code DATETIME(6)} can
   * keep (PostgreSQL and H2 reach further).
   */
  Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

  /**
   * What is wrong with an instant for an event, or null when every adapter can store it and find it
   * among the due timers: from {@link #MIN_INSTANT} to {@link #MAX_INSTANT}, both included. An
   * instant inside may carry digits below the microsecond; a store may cut them (the JDBC stores
   * do), which never takes it out of the range. The rules that compare an event's instants with the
   * incident's ({@link Incident#apply}: no event before the last one, an overdue mark at the reply
   * deadline, an extension moving it later) compare to the microsecond, so a store that cuts the
   * finer digits and one that keeps them accept and refuse the same events: an event under a
   * microsecond before the last one, inside the same microsecond, is accepted, and an extension by
   * less than a microsecond is refused.
   */
  static String instantProblem(Instant value) {
    if (value.isBefore(MIN_INSTANT) || value.isAfter(MAX_INSTANT)) {
      return "must be between " + MIN_INSTANT + " and " + MAX_INSTANT;
    }
    return null;
  }

  IncidentId incident();

  Actor actor();

  Instant at();

  /** Why this happened: free text or a rule's explanation; empty for routine steps. */
  String reason();

  /** The command this event records. */
  Step step();
}
