package org.gridgov.core.incident;

import java.time.Instant;
import org.gridgov.core.InputRules;
import org.gridgov.core.people.WorkerId;

/** A worker claimed the case themselves (自主认领) and must reply by {@code replyBy}. */
public record IncidentClaimed(
    IncidentId incident, Actor actor, Instant at, String reason, WorkerId claimant, Instant replyBy)
    implements IncidentEvent {
  public IncidentClaimed {
    EventFields.check("claimed", incident, actor, at, reason);
    EventFields.required("claimed", "claimant", claimant);
    EventFields.notBefore("claimed", incident, "replyBy", replyBy, at);
    if (actor.kind() != ActorKind.WORKER || !actor.id().equals(claimant.value())) {
      throw EventFields.refused(
          "claimed",
          incident,
          "actor",
          InputRules.RANGE,
          "must be the claimant " + claimant,
          actor);
    }
  }

  @Override
  public Step step() {
    return Step.CLAIM;
  }
}
