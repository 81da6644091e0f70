package org.gridgov.core.incident;

import java.time.Instant;
import org.gridgov.core.people.WorkerId;

/** Someone other than the handler checked the result on site and accepted it (核查). */
public record VerificationPassed(
    IncidentId incident, Actor actor, Instant at, String reason, WorkerId verifier)
    implements IncidentEvent {
  public VerificationPassed {
    EventFields.check("verified", incident, actor, at, reason);
    EventFields.required("verified", "verifier", verifier);
    EventFields.actingAs("verified", incident, "verifier", actor, verifier);
  }

  @Override
  public Step step() {
    return Step.VERIFY;
  }
}
