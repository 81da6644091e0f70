package org.gridgov.core.incident;

import java.time.Instant;
import java.util.Optional;
import org.gridgov.core.people.WorkerId;

/**
 * The handler dealt with the case and fed back (处理反馈); it now waits for verification, by {@code
 * verifyBy} when the policy limits how long that may take (the timer round supervises a case still
 * unverified then).
 */
public record FeedbackGiven(
    IncidentId incident,
    Actor actor,
    Instant at,
    String reason,
    WorkerId handler,
    String summary,
    Optional<Instant> verifyBy)
    implements IncidentEvent {
  public FeedbackGiven {
    EventFields.check("feedback", incident, actor, at, reason);
    EventFields.required("feedback", "handler", handler);
    EventFields.actingAs("feedback", incident, "handler", actor, handler);
    EventFields.text("feedback", incident, "summary", summary);
    EventFields.required("feedback", "verifyBy", verifyBy);
    if (verifyBy.isPresent()) {
      EventFields.after("feedback", incident, "verifyBy", verifyBy.get(), at);
    }
  }

  /** Feedback with no limit on its verification. */
  public FeedbackGiven(
      IncidentId incident,
      Actor actor,
      Instant at,
      String reason,
      WorkerId handler,
      String summary) {
    this(incident, actor, at, reason, handler, summary, Optional.empty());
  }

  @Override
  public Step step() {
    return Step.FEEDBACK;
  }
}
