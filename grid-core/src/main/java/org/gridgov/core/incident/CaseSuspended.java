package org.gridgov.core.incident;

import java.time.Instant;
import java.util.Optional;

/**
 * The centre parked a case its handler cannot solve in time (挂账), having checked the handler's
 * written account: it leaves the handler's worklist of deadlines (no reply deadline, no overdue
 * mark, no supervision) and waits, still the handler's, until the centre resumes it ({@link
 * CaseResumed}) or, when {@code until} is set (by the centre, or by a policy that limits how long a
 * case may stay parked), until the timer round gives it back to its handler at that instant.
 * Counted ({@link Incident#suspensions()}): the 挂账 register is reported apart.
 */
public record CaseSuspended(
    IncidentId incident, Actor actor, Instant at, String reason, Optional<Instant> until)
    implements IncidentEvent {
  public CaseSuspended {
    EventFields.check("suspended", incident, actor, at, reason);
    EventFields.required("suspended", "until", until);
    if (until.isPresent()) {
      EventFields.after("suspended", incident, "until", until.get(), at);
    }
  }

  /** Parked until the centre resumes the case. */
  public CaseSuspended(IncidentId incident, Actor actor, Instant at, String reason) {
    this(incident, actor, at, reason, Optional.empty());
  }

  @Override
  public Step step() {
    return Step.SUSPEND;
  }
}
