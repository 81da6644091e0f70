package org.gridgov.rules.timer;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.MarkedOverdue;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.internal.Checks;

/**
 * A handler who has not replied by the deadline makes the case overdue; supervision (督办) is then
 * due {@code supervisionAfter} after the missed deadline (or at once when the rule runs later than
 * that). Callers take {@code supervisionAfter} from the policy in force at the deadline, not when
 * the timer happens to fire, so that a late timer does not move supervision.
 */
public record OverdueRule(Duration supervisionAfter) {
  public static final RuleId ID = RuleId.of("timer.overdue");
  private static final Actor ACTOR = Actor.system(ID);

  /**
   * The stored reason, one text for every mark: the deadline is the mark's own field, and printing
   * it into each reason showed as about 1.5 % of a simulated year (and 0.7 s of its JIT's time).
   */
  private static final String NO_REPLY = "no reply by the deadline";

  public OverdueRule {
    Checks.positive(ID, "supervisionAfter", supervisionAfter);
  }

  public TimerDecision decide(Incident incident, Instant now) {
    if (incident.stage() != Stage.DISPATCHED || incident.overdue()) {
      return new TimerDecision.NoChange(
          ID,
          "incident is " + incident.stage() + (incident.overdue() ? " and already overdue" : ""));
    }
    Instant deadline = incident.replyBy().orElseThrow();
    if (now.isBefore(deadline)) {
      return new TimerDecision.NoChange(ID, "the deadline " + deadline + " has not passed");
    }
    Instant superviseAt = deadline.plus(supervisionAfter);
    if (superviseAt.isBefore(now)) {
      superviseAt = now;
    }
    return new TimerDecision.MarkOverdue(
        ID,
        new MarkedOverdue(incident.id(), ACTOR, now, NO_REPLY, deadline, Optional.of(superviseAt)));
  }
}
