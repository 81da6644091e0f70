package org.gridgov.core.incident;

import java.time.Instant;
import org.gridgov.core.InputRules;
import org.gridgov.core.territory.Level;

/**
 * The case went up from level {@code from} to {@code to} (grid → community → street → district),
 * where it waits for dispatch again from {@code claimUntil} on.
 *
 * @param kind why it went up; only {@link EscalationKind#REQUESTED} counts against quotas
 * @param overQuota passed up beyond a SOFT quota, and flagged for it
 */
public record IncidentEscalated(
    IncidentId incident,
    Actor actor,
    Instant at,
    String reason,
    Level from,
    Level to,
    EscalationKind kind,
    boolean overQuota,
    Instant claimUntil)
    implements IncidentEvent {
  public IncidentEscalated {
    EventFields.check("escalated", incident, actor, at, reason);
    EventFields.required("escalated", "from", from);
    EventFields.required("escalated", "to", to);
    EventFields.required("escalated", "kind", kind);
    EventFields.notBefore("escalated", incident, "claimUntil", claimUntil, at);
    if (!to.isAbove(from)) {
      throw EventFields.refused(
          "escalated", incident, "to", InputRules.RANGE, "must be above from " + from, to);
    }
    if (overQuota && !kind.countsAgainstQuota()) {
      throw EventFields.refused(
          "escalated",
          incident,
          "overQuota",
          InputRules.RANGE,
          "is never true for a " + kind + " escalation",
          true);
    }
  }

  @Override
  public Step step() {
    return Step.ESCALATE;
  }
}
