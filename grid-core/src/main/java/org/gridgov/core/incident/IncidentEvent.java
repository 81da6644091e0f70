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
        IncidentSupervised,
        MarkedOverdue,
        DeadlineExtended,
        VerificationPassed,
        VerificationFailed,
        IncidentClosed,
        IncidentRated,
        IncidentArchived {

  /** The most characters a free text of an event (reason, description, summary…) may hold. */
  int MAX_TEXT = 4000;

  /**
   * What is wrong with a free text for an event, or null when it can be stored as is by every
   * adapter: at most {@link #MAX_TEXT} characters, no NUL character (PostgreSQL's JSON refuses
   * it) and no half of a surrogate pair (what cutting an emoji in two leaves; databases store it
   * as "?" or refuse it).
   */
  static String textProblem(String value) {
    int length = value.length();
    if (length > MAX_TEXT) {
      return "must be at most " + MAX_TEXT + " characters, was " + length;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c == 0) {
        return "must not hold a NUL character (at " + i + ")";
      }
      if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c) && i + 1 < length
            && Character.isLowSurrogate(value.charAt(i + 1));
        if (!paired) {
          return "must not hold half of a surrogate pair (at " + i + ")";
        }
        i++;
      }
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
