package org.gridgov.core.incident;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;

/**
 * The fields of {@link Incident}; nullable where the accessor returns an Optional. {@code stepDue}
 * is the limit of the step the case waits for at its stage, read only at that stage: its
 * registration while {@code REPORTED}, its verification while {@code HANDLED}, the end of its
 * suspension while {@code SUSPENDED} (the three never apply at once).
 */
record State(
    IncidentId id,
    long version,
    Stage stage,
    Source source,
    CategoryCode category,
    AreaCode grid,
    AreaCode microGrid,
    ExternalRef external,
    boolean emergency,
    String topic,
    Instant reportedAt,
    Actor reporter,
    Instant registeredAt,
    LineId line,
    Level level,
    WorkerId assignee,
    boolean selfClaimed,
    Instant takenOnAt,
    WorkerId handler,
    Instant claimUntil,
    Instant replyBy,
    boolean overdue,
    Instant superviseAt,
    int supervisions,
    int bounces,
    int reworks,
    int reopens,
    int suspensions,
    int escalations,
    int overdueCount,
    LineId lastReturnedBy,
    boolean arbitrated,
    ImmutableSet<LineId> jointLines,
    WorkerId verifier,
    Instant handledAt,
    Instant closedAt,
    Rating rating,
    RejectionKind rejection,
    long lastChangedSecond,
    int lastChangedNano,
    Instant latestReplyBy,
    int extensions,
    Instant stepDue) {

  /**
   * The last event's instant. Kept as its epoch second and nano rather than an {@code Instant}:
   * every command compares it ({@link Incident#changedAfter}) on a case that may not have been
   * touched for days, and the event's {@code Instant} would be one more object to fetch.
   */
  Instant lastChangedAt() {
    return Instant.ofEpochSecond(lastChangedSecond, lastChangedNano);
  }

  static State reported(IncidentReported e) {
    return new State(
        e.incident(),
        1,
        Stage.REPORTED,
        e.source(),
        e.category(),
        e.grid(),
        e.microGrid().orElse(null),
        e.external().orElse(null),
        e.emergency(),
        e.topic().orElse(null),
        e.at(),
        e.actor(),
        null,
        null,
        Level.GRID,
        null,
        false,
        null,
        null,
        null,
        null,
        false,
        null,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        null,
        false,
        ImmutableSet.of(),
        null,
        null,
        null,
        null,
        null,
        e.at().getEpochSecond(),
        e.at().getNano(),
        null,
        0,
        e.registerBy().orElse(null));
  }
}
