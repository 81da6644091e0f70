package org.gridgov.core.incident;

import java.time.Instant;
import org.gridgov.core.territory.Level;

/**
 * The case went up from level {@code from} to {@code to} (grid → community → street → district),
 * where it waits for dispatch again from {@code claimUntil} on.
 *
 * @param emergency an emergency passed up: exempt from quotas and not counted
 * @param overQuota passed up beyond a SOFT quota, and flagged for it
 */
public record IncidentEscalated(
    IncidentId incident,
    Actor actor,
    Instant at,
    String reason,
    Level from,
    Level to,
    boolean emergency,
    boolean overQuota,
    Instant claimUntil)
    implements IncidentEvent {
  public IncidentEscalated {
    EventFields.check("escalated", incident, actor, at, reason);
    EventFields.required("escalated", "from", from);
    EventFields.required("escalated", "to", to);
    EventFields.notBefore("escalated", "claimUntil", claimUntil, at);
    if (!to.isAbove(from)) {
      throw new IllegalArgumentException(
          "escalated.to must be above escalated.from " + from + ", was " + to);
    }
    if (emergency && overQuota) {
      throw new IllegalArgumentException("escalated: an emergency is never over quota");
    }
  }

  @Override
  public Step step() {
    return Step.ESCALATE;
  }
}
