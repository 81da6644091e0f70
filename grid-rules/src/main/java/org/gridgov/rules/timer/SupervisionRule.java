package org.gridgov.rules.timer;

import java.time.Instant;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentSupervised;

/** An overdue case whose supervision time has come is put under supervision (督办). */
public final class SupervisionRule {
  public static final RuleId ID = RuleId.of("timer.supervision");
  private static final Actor ACTOR = Actor.system(ID);

  /**
   * The stored reason, one text for every supervision: the missed deadline is in the case's overdue
   * mark, so the text need not print it each time.
   */
  private static final String STILL_OVERDUE = "still overdue when supervision fell due";

  private SupervisionRule() {}

  public static TimerDecision decide(Incident incident, Instant now) {
    if (!incident.isOpen() || !incident.overdue() || incident.superviseAt().isEmpty()) {
      return new TimerDecision.NoChange(ID, "no supervision is due");
    }
    Instant due = incident.superviseAt().get();
    if (now.isBefore(due)) {
      return new TimerDecision.NoChange(ID, "supervision is due at " + due);
    }
    return new TimerDecision.Supervise(
        ID, new IncidentSupervised(incident.id(), ACTOR, now, STILL_OVERDUE));
  }
}
