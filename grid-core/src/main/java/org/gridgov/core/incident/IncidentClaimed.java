package org.gridgov.core.incident;

import java.time.Instant;
import org.gridgov.core.people.WorkerId;

/** A worker claimed the case themselves (自主认领) and must reply by {@code replyBy}. */
public record IncidentClaimed(
    IncidentId incident, Actor actor, Instant at, String reason, WorkerId claimant, Instant replyBy)
    implements IncidentEvent {
  public IncidentClaimed {
    EventFields.check("claimed", incident, actor, at, reason);
    EventFields.required("claimed", "claimant", claimant);
    EventFields.notBefore("claimed", "replyBy", replyBy, at);
    if (!actor.workerId().map(claimant::equals).orElse(false)) {
      throw new IllegalArgumentException(
          "claimed.actor must be the claimant " + claimant + ", was " + actor);
    }
  }

  @Override
  public Step step() {
    return Step.CLAIM;
  }
}
