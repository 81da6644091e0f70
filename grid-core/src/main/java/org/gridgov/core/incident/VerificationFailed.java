package org.gridgov.core.incident;

import java.time.Instant;
import org.gridgov.core.people.WorkerId;

/**
 * Verification found the problem not solved: the case goes back to its handler for rework (返工), due
 * again by {@code replyBy}, and the rework is counted.
 */
public record VerificationFailed(
    IncidentId incident, Actor actor, Instant at, String reason, WorkerId verifier, Instant replyBy)
    implements IncidentEvent {
  public VerificationFailed {
    EventFields.check("verification-failed", incident, actor, at, reason);
    EventFields.required("verification-failed", "verifier", verifier);
    EventFields.actingAs("verification-failed", incident, "verifier", actor, verifier);
    EventFields.notBefore("verification-failed", incident, "replyBy", replyBy, at);
  }

  @Override
  public Step step() {
    return Step.FAIL_VERIFICATION;
  }
}
