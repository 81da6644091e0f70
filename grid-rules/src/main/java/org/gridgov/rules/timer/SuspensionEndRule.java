package org.gridgov.rules.timer;

import java.time.Duration;
import java.time.Instant;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.CaseResumed;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.Stage;

/**
 * A parked case (挂账) whose suspension has ended goes back to its handler, due again after its reply
 * limit ({@code replyWithin}, counted by the caller as the facade counts it for a resumption by the
 * centre).
 */
public final class SuspensionEndRule {
  public static final RuleId ID = RuleId.of("timer.suspension-end");
  private static final Actor ACTOR = Actor.system(ID);
  private static final String ENDED = "the suspension ended";

  private SuspensionEndRule() {}

  public static TimerDecision decide(Incident incident, Duration replyWithin, Instant now) {
    if (incident.stage() != Stage.SUSPENDED || incident.suspendedUntil().isEmpty()) {
      return new TimerDecision.NoChange(ID, "the case is not suspended until a set instant");
    }
    Instant due = incident.suspendedUntil().get();
    if (now.isBefore(due)) {
      return new TimerDecision.NoChange(ID, "the suspension ends at " + due);
    }
    return new TimerDecision.Resume(
        ID, new CaseResumed(incident.id(), ACTOR, now, ENDED, now.plus(replyWithin)));
  }
}
