package org.gridgov.core.incident;

import java.time.Instant;

/** The case was archived (归档): closed or rejected, and nothing more may happen to it. */
public record IncidentArchived(IncidentId incident, Actor actor, Instant at, String reason)
    implements IncidentEvent {
  public IncidentArchived {
    EventFields.check("archived", incident, actor, at, reason);
  }

  @Override
  public Step step() {
    return Step.ARCHIVE;
  }
}
