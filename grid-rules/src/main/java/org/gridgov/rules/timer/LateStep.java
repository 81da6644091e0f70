package org.gridgov.rules.timer;

import java.time.Instant;
import java.util.Optional;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.incident.Stage;

/**
 * A step the centre must take by a limit (registering a report, verifying a feedback): a case still
 * at {@code stage} when its limit came is supervised (督办), once (the supervision ends the limit's
 * timer).
 */
final class LateStep {
  private LateStep() {}

  static TimerDecision decide(
      RuleId rule,
      String step,
      String reason,
      Stage stage,
      Optional<Instant> limit,
      Incident incident,
      Instant now) {
    if (incident.stage() != stage || limit.isEmpty()) {
      return new TimerDecision.NoChange(rule, "no " + step + " is due");
    }
    if (now.isBefore(limit.get())) {
      return new TimerDecision.NoChange(rule, step + " is due at " + limit.get());
    }
    return new TimerDecision.Supervise(
        rule, new IncidentSupervised(incident.id(), Actor.system(rule), now, reason));
  }
}
