package org.gridgov.core.incident;

import java.time.Instant;

/** The case was closed (结案) after verification. */
public record IncidentClosed(IncidentId incident, Actor actor, Instant at, String reason)
    implements IncidentEvent {
  public IncidentClosed {
    EventFields.check("closed", incident, actor, at, reason);
  }

  @Override
  public Step step() {
    return Step.CLOSE;
  }
}
