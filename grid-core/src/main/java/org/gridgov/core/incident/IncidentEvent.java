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

  IncidentId incident();

  Actor actor();

  Instant at();

  /** Why this happened: free text or a rule's explanation; empty for routine steps. */
  String reason();

  /** The command this event records. */
  Step step();
}
