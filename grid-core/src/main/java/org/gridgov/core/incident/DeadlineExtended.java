package org.gridgov.core.incident;

import java.time.Instant;

/** The reply deadline was extended (延期) to {@code replyBy}; an overdue mark is lifted. */
public record DeadlineExtended(
    IncidentId incident, Actor actor, Instant at, String reason, Instant replyBy)
    implements IncidentEvent {
  public DeadlineExtended {
    EventFields.check("extended", incident, actor, at, reason);
    EventFields.notBefore("extended", incident, "replyBy", replyBy, at);
  }

  @Override
  public Step step() {
    return Step.EXTEND_DEADLINE;
  }
}
