package org.gridgov.core.incident;

import java.time.Instant;

/**
 * The centre took a suspended case out of the 挂账 register (销账): back to its handler, due again by
 * {@code replyBy}.
 */
public record CaseResumed(
    IncidentId incident, Actor actor, Instant at, String reason, Instant replyBy)
    implements IncidentEvent {
  public CaseResumed {
    EventFields.check("resumed", incident, actor, at, reason);
    EventFields.notBefore("resumed", incident, "replyBy", replyBy, at);
  }

  @Override
  public Step step() {
    return Step.RESUME;
  }
}
