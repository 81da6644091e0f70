package org.gridgov.core.incident;

import java.time.Instant;

/** The resident rated the handling of a closed case; a case is rated at most once. */
public record IncidentRated(
    IncidentId incident, Actor actor, Instant at, String reason, Rating rating)
    implements IncidentEvent {
  public IncidentRated {
    EventFields.check("rated", incident, actor, at, reason);
    EventFields.required("rated", "rating", rating);
  }

  @Override
  public Step step() {
    return Step.RATE;
  }
}
