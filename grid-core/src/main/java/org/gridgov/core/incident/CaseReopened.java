package org.gridgov.core.incident;

import java.time.Instant;

/**
 * The centre reopened a closed case (重办): the callback (回访) found the caller not satisfied, so the
 * case goes back to the worker who last held it, due again by {@code replyBy}, to be handled,
 * verified and closed once more. Counted ({@link Incident#reopens()}): other cities score the
 * reopen rate (重办率) beside the rework rate.
 */
public record CaseReopened(
    IncidentId incident, Actor actor, Instant at, String reason, Instant replyBy)
    implements IncidentEvent {
  public CaseReopened {
    EventFields.check("reopened", incident, actor, at, reason);
    EventFields.notBefore("reopened", incident, "replyBy", replyBy, at);
  }

  @Override
  public Step step() {
    return Step.REOPEN;
  }
}
