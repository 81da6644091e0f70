package org.gridgov.core.incident;

import java.time.Instant;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.WorkerId;

/**
 * The case was assigned to {@code assignee} acting for {@code line}, by a dispatcher or by a rule
 * (the actor says which), and must be replied to by {@code replyBy}. Also used to re-assign.
 */
public record IncidentAssigned(
    IncidentId incident,
    Actor actor,
    Instant at,
    String reason,
    WorkerId assignee,
    LineId line,
    Instant replyBy)
    implements IncidentEvent {
  public IncidentAssigned {
    EventFields.check("assigned", incident, actor, at, reason);
    EventFields.required("assigned", "assignee", assignee);
    EventFields.required("assigned", "line", line);
    EventFields.notBefore("assigned", incident, "replyBy", replyBy, at);
  }

  @Override
  public Step step() {
    return Step.ASSIGN;
  }
}
