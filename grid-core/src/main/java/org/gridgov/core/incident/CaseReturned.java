package org.gridgov.core.incident;

import java.time.Instant;
import org.gridgov.core.InputRules;
import org.gridgov.core.line.LineId;

/**
 * A department sent the case back to the centre as not its own (退回), with {@code reason}. Each
 * return counts toward the policy's bounce limit.
 */
public record CaseReturned(
    IncidentId incident, Actor actor, Instant at, String reason, LineId fromLine)
    implements IncidentEvent {
  public CaseReturned {
    EventFields.check("returned", incident, actor, at, reason);
    EventFields.required("returned", "fromLine", fromLine);
    if (reason.isBlank()) {
      throw EventFields.refused(
          "returned",
          incident,
          "reason",
          InputRules.REQUIRED,
          "must say why the case is not theirs",
          null);
    }
  }

  @Override
  public Step step() {
    return Step.RETURN;
  }
}
