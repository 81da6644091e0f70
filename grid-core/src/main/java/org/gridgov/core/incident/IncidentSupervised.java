package org.gridgov.core.incident;

import java.time.Instant;

/** The case was put under supervision (督办) because it has been pending too long. */
public record IncidentSupervised(IncidentId incident, Actor actor, Instant at, String reason)
    implements IncidentEvent {
  public IncidentSupervised {
    EventFields.check("supervised", incident, actor, at, reason);
  }

  @Override
  public Step step() {
    return Step.SUPERVISE;
  }
}
