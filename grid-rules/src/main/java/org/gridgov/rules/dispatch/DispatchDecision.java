package org.gridgov.rules.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.CaseReferred;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.rules.Decision;

/** What dispatch decided for an incident waiting to be handled. */
public sealed interface DispatchDecision extends Decision {

  /** Assign the case to a worker. */
  record Assign(RuleId rule, IncidentAssigned event) implements DispatchDecision {
    public Assign {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(event, "event");
    }

    @Override
    public List<IncidentEvent> events() {
      return List.of(event);
    }
  }

  /** Nobody at this level can take the case: pass it up one level. */
  record Escalate(RuleId rule, IncidentEscalated event) implements DispatchDecision {
    public Escalate {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(event, "event");
    }

    @Override
    public List<IncidentEvent> events() {
      return List.of(event);
    }
  }

  /** Nobody up to the top level acts for the case's line: hand it to the centre. */
  record Refer(RuleId rule, CaseReferred event) implements DispatchDecision {
    public Refer {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(event, "event");
    }

    @Override
    public List<IncidentEvent> events() {
      return List.of(event);
    }
  }

  /** The self-claim window is still open until {@code until}. */
  record Wait(RuleId rule, Instant until) implements DispatchDecision {
    @Override
    public List<IncidentEvent> events() {
      return List.of();
    }
  }

  /** Nothing to do, and why. */
  record NoChange(RuleId rule, String why) implements DispatchDecision {
    @Override
    public List<IncidentEvent> events() {
      return List.of();
    }
  }
}
