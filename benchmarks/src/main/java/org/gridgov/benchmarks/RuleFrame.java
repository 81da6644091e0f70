package org.gridgov.benchmarks;

import java.time.Duration;
import java.time.Instant;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Worker;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.dispatch.AutoAssignRule;
import org.gridgov.rules.dispatch.DispatchDecision;

/**
 * What surrounds the choice in {@link AutoAssignRule}, copied so that the rule-engine versions
 * return the very same decisions: the stage and claim-window checks before, and the decision built
 * from the chosen worker (or its absence) after. Only the choice itself runs in the engine.
 */
final class RuleFrame {
  private static final RuleId ID = AutoAssignRule.ID;
  private static final Actor ACTOR = Actor.system(ID);

  private RuleFrame() {}

  /** The decision when the incident is not ready for assignment, else null. */
  static DispatchDecision before(Incident incident, Instant now) {
    if (incident.stage() != Stage.REGISTERED) {
      return new DispatchDecision.NoChange(ID, "incident is " + incident.stage());
    }
    Instant claimUntil = incident.claimUntil().orElse(now);
    if (now.isBefore(claimUntil)) {
      return new DispatchDecision.Wait(ID, claimUntil);
    }
    return null;
  }

  /** The decision once {@code chosen} (null when there was no candidate) is known. */
  static DispatchDecision after(Incident incident, LineId line, Worker chosen,
      Duration replyWithin, Instant now) {
    if (chosen != null) {
      return new DispatchDecision.Assign(ID, new IncidentAssigned(incident.id(), ACTOR, now,
          "claim window passed; fewest open cases in " + line, chosen.id(), line,
          now.plus(replyWithin)));
    }
    Level level = incident.level();
    if (level.up().isEmpty() || level == Level.DISTRICT) {
      return new DispatchDecision.NoChange(ID, AutoAssignRule.NO_ELIGIBLE_WORKER + " at " + level
          + " for " + line + ": the centre must assign");
    }
    Level up = level.up().orElseThrow();
    return new DispatchDecision.Escalate(ID, new IncidentEscalated(incident.id(), ACTOR, now,
        AutoAssignRule.NO_ELIGIBLE_WORKER + ": nobody at " + level + " acts for " + line, level, up,
        EscalationKind.NO_ELIGIBLE_WORKER, false, now));
  }
}
