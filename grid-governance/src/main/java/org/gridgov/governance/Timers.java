package org.gridgov.governance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.people.Worker;
import org.gridgov.core.spi.DueTimer;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.spi.StaleVersionException;
import org.gridgov.rules.Decision;
import org.gridgov.rules.Workload;
import org.gridgov.rules.dispatch.AutoAssignRule;
import org.gridgov.rules.dispatch.Candidates;
import org.gridgov.rules.dispatch.DispatchDecision;
import org.gridgov.rules.timer.OverdueRule;
import org.gridgov.rules.timer.SupervisionRule;
import org.gridgov.rules.timer.TimerDecision;

/**
 * Fires due timers: takes leased batches from the store until none is left, decides each with its
 * rule and appends with the version it took. An incident another node changed first is skipped
 * (its append ended the lease); one whose rule changes nothing keeps its lease, so it is not taken
 * again in the same round.
 */
final class Timers {
  private final GridGovernance governance;
  private final String node;
  private final Duration lease;
  private final int batchSize;

  Timers(GridGovernance governance, String node, Duration lease, int batchSize) {
    this.governance = governance;
    this.node = node;
    this.lease = lease;
    this.batchSize = batchSize;
  }

  AdvanceResult advance(Instant now) {
    IncidentStore store = governance.storage().incidents();
    int taken = 0;
    int assigned = 0;
    int escalated = 0;
    int overdue = 0;
    int supervised = 0;
    int unchanged = 0;
    int conflicts = 0;
    List<DueTimer> batch;
    while (!(batch = store.claimDue(now, batchSize, node, lease)).isEmpty()) {
      for (DueTimer due : batch) {
        taken++;
        Decision decision = decide(due, now);
        List<IncidentEvent> events = decision.events();
        if (events.isEmpty()) {
          unchanged++;
          continue;
        }
        try {
          governance.append(due.incident(), events);
        } catch (StaleVersionException conflict) {
          conflicts++;
          continue;
        }
        if (decision instanceof DispatchDecision.Assign) {
          assigned++;
        } else if (decision instanceof DispatchDecision.Escalate) {
          escalated++;
        } else if (decision instanceof TimerDecision.MarkOverdue) {
          overdue++;
        } else if (decision instanceof TimerDecision.Supervise) {
          supervised++;
        }
      }
    }
    return new AdvanceResult(now, taken, assigned, escalated, overdue, supervised, unchanged,
        conflicts);
  }

  private Decision decide(DueTimer due, Instant now) {
    Incident incident = due.incident();
    Instant at = now.isBefore(incident.lastChangedAt()) ? incident.lastChangedAt() : now;
    return switch (due.timer().kind()) {
      case CLAIM_WINDOW -> dispatch(incident, at);
      case REPLY_DEADLINE -> new OverdueRule(
          governance.policyAt(at).dispatch().supervisionAfter()).decide(incident, at);
      case SUPERVISION -> SupervisionRule.decide(incident, at);
    };
  }

  private DispatchDecision dispatch(Incident incident, Instant now) {
    var roster = governance.currentDirectory().roster();
    List<Worker> candidates = Candidates.eligible(incident, incident.line().orElseThrow(), roster);
    Workload workload = Workload.of(governance.storage().incidents().openCounts(
        candidates.stream().map(Worker::id).collect(Collectors.toList())));
    return AutoAssignRule.decide(incident, roster, workload,
        governance.replyWithin(incident, now), now);
  }
}
