package org.gridgov.core.incident;

import java.time.Instant;

/**
 * The centre parked a case its handler cannot solve in time (挂账), having checked the handler's
 * written account: it leaves the handler's worklist of deadlines (no reply deadline, no overdue
 * mark, no supervision) and waits, still the handler's, until the centre resumes it ({@link
 * CaseResumed}). Counted ({@link Incident#suspensions()}): the 挂账 register is reported apart.
 */
public record CaseSuspended(IncidentId incident, Actor actor, Instant at, String reason)
    implements IncidentEvent {
  public CaseSuspended {
    EventFields.check("suspended", incident, actor, at, reason);
  }

  @Override
  public Step step() {
    return Step.SUSPEND;
  }
}
