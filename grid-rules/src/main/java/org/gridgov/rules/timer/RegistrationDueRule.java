package org.gridgov.rules.timer;

import java.time.Instant;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.Stage;

/**
 * A report still neither registered nor rejected when the policy's registration limit passed is
 * supervised (督办), once: the supervision ends its registration timer.
 */
public final class RegistrationDueRule {
  public static final RuleId ID = RuleId.of("timer.registration-due");

  /** The stored reason, one text for every such supervision: the limit is in the report. */
  private static final String LATE = "not registered within the registration limit";

  private RegistrationDueRule() {}

  public static TimerDecision decide(Incident incident, Instant now) {
    return LateStep.decide(
        ID, "registration", LATE, Stage.REPORTED, incident.registerBy(), incident, now);
  }
}
