package org.gridgov.rules.timer;

import java.util.List;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.CaseResumed;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.incident.MarkedOverdue;
import org.gridgov.rules.Decision;

/** What a due deadline timer does. */
public sealed interface TimerDecision extends Decision {

  record MarkOverdue(RuleId rule, MarkedOverdue event) implements TimerDecision {
    @Override
    public List<IncidentEvent> events() {
      return List.of(event);
    }
  }

  record Supervise(RuleId rule, IncidentSupervised event) implements TimerDecision {
    @Override
    public List<IncidentEvent> events() {
      return List.of(event);
    }
  }

  record Resume(RuleId rule, CaseResumed event) implements TimerDecision {
    @Override
    public List<IncidentEvent> events() {
      return List.of(event);
    }
  }

  record NoChange(RuleId rule, String why) implements TimerDecision {
    @Override
    public List<IncidentEvent> events() {
      return List.of();
    }
  }
}
