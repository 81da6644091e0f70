package org.gridgov.rules.timer;

import java.time.Instant;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.Stage;

/**
 * A handled case still unverified when the policy's verification limit passed is supervised (督办),
 * once: the supervision ends its verification timer. Late verification is the verifying side's (the
 * supervision centre's), not the handler's, so this supervision does not count against the
 * handler's deadline.
 */
public final class VerificationDueRule {
  public static final RuleId ID = RuleId.of("timer.verification-due");

  /** The stored reason, one text for every such supervision: the limit is in the feedback. */
  private static final String LATE = "not verified within the verification limit";

  private VerificationDueRule() {}

  public static TimerDecision decide(Incident incident, Instant now) {
    return LateStep.decide(
        ID, "verification", LATE, Stage.HANDLED, incident.verifyBy(), incident, now);
  }
}
