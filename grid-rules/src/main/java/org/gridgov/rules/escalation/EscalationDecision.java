package org.gridgov.rules.escalation;

import java.util.List;
import java.util.Objects;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.rules.Decision;
import org.gridgov.rules.Refusal;

/** Whether a case may go up a level. */
public sealed interface EscalationDecision extends Decision {

  /** Pass it up; {@code event.overQuota()} flags a pass beyond a SOFT quota. */
  record Allow(RuleId rule, IncidentEscalated event) implements EscalationDecision {
    public Allow {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(event, "event");
    }

    @Override
    public List<IncidentEvent> events() {
      return List.of(event);
    }
  }

  /** Refused, with the reason and the figures. */
  record Refuse(RuleId rule, Refusal refusal) implements EscalationDecision {
    public Refuse {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(refusal, "refusal");
    }

    @Override
    public List<IncidentEvent> events() {
      return List.of();
    }
  }
}
