package org.gridgov.core.incident;

import java.time.Instant;
import org.gridgov.core.people.WorkerId;

/** The handler dealt with the case and fed back (处理反馈); it now waits for verification. */
public record FeedbackGiven(
    IncidentId incident, Actor actor, Instant at, String reason, WorkerId handler, String summary)
    implements IncidentEvent {
  public FeedbackGiven {
    EventFields.check("feedback", incident, actor, at, reason);
    EventFields.required("feedback", "handler", handler);
    EventFields.actingAs("feedback", "handler", actor, handler);
    EventFields.text("feedback", "summary", summary);
  }

  @Override
  public Step step() {
    return Step.FEEDBACK;
  }
}
