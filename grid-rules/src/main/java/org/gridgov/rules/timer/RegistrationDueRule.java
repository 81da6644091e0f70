package org.gridgov.rules.timer;

import java.time.Instant;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.incident.Stage;

/**
 * A report still neither registered nor rejected when the policy's registration limit passed is
 * supervised (督办), once: the supervision ends its registration timer.
 */
public final class RegistrationDueRule {
  public static final RuleId ID = RuleId.of("timer.registration-due");
  private static final Actor ACTOR = Actor.system(ID);
  /** The stored reason, one text for every such supervision: the limit is in the report. */
  private static final String LATE = "not registered within the registration limit";

  private RegistrationDueRule() {}

  public static TimerDecision decide(Incident incident, Instant now) {
    if (incident.stage() != Stage.REPORTED || incident.registerBy().isEmpty()) {
      return new TimerDecision.NoChange(ID, "no registration is due");
    }
    Instant due = incident.registerBy().get();
    if (now.isBefore(due)) {
      return new TimerDecision.NoChange(ID, "registration is due at " + due);
    }
    return new TimerDecision.Supervise(ID, new IncidentSupervised(incident.id(), ACTOR, now,
        LATE));
  }
}
