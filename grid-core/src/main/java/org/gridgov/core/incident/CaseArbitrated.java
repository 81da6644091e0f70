package org.gridgov.core.incident;

import java.time.Instant;
import org.gridgov.core.line.LineId;

/**
 * The centre decided which line must handle a bounced case (one that was returned, or is handled
 * again after returns); the decision is final, so that line may not return it again. It is
 * dispatched anew from {@code claimUntil} on. A case never returned may not be arbitrated, in any
 * stage; one a joint meeting took up keeps no meeting's lines: the centre decided one line.
 */
public record CaseArbitrated(
    IncidentId incident, Actor actor, Instant at, String reason, LineId line, Instant claimUntil)
    implements IncidentEvent {
  public CaseArbitrated {
    EventFields.check("arbitrated", incident, actor, at, reason);
    EventFields.required("arbitrated", "line", line);
    EventFields.notBefore("arbitrated", incident, "claimUntil", claimUntil, at);
  }

  @Override
  public Step step() {
    return Step.ARBITRATE;
  }
}
