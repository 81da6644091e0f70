package org.gridgov.core.incident;

import java.time.Instant;
import org.gridgov.core.line.LineId;
import org.gridgov.core.territory.Level;

/**
 * Dispatch found nobody at {@code level}, the top it may pass the case to, who acts for its {@code
 * line}: the case is handed to the centre (提交中心派遣). It stays registered with its claim window ended
 * and no timer, so no timer round takes it again: the centre assigns it, a worker who has since
 * become eligible claims it, or dispatch assigns it once the directory changes.
 *
 * @param line the case's line when nobody was found (which line lacks staff)
 * @param level the case's level when nobody was found
 */
public record CaseReferred(
    IncidentId incident, Actor actor, Instant at, String reason, LineId line, Level level)
    implements IncidentEvent {
  public CaseReferred {
    EventFields.check("referred", incident, actor, at, reason);
    EventFields.required("referred", "line", line);
    EventFields.required("referred", "level", level);
  }

  @Override
  public Step step() {
    return Step.REFER;
  }
}
