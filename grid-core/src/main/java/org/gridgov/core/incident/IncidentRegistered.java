package org.gridgov.core.incident;

import java.time.Instant;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.line.LineId;

/**
 * The centre accepted the report as a case (立案), possibly correcting its category, and named the
 * responsible line. Nobody may be assigned automatically before {@code claimUntil}: until then
 * workers may claim it themselves. {@code claimUntil} equal to {@code at} means no claim window.
 */
public record IncidentRegistered(
    IncidentId incident,
    Actor actor,
    Instant at,
    String reason,
    CategoryCode category,
    LineId line,
    Instant claimUntil)
    implements IncidentEvent {
  public IncidentRegistered {
    EventFields.check("registered", incident, actor, at, reason);
    EventFields.required("registered", "category", category);
    EventFields.required("registered", "line", line);
    EventFields.notBefore("registered", incident, "claimUntil", claimUntil, at);
  }

  @Override
  public Step step() {
    return Step.REGISTER;
  }
}
