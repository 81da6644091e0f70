package org.gridgov.governance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.PositiveDuration;
import org.gridgov.core.spi.Append;
import org.gridgov.core.spi.DueTimer;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.rules.Decision;
import org.gridgov.rules.Workload;
import org.gridgov.rules.dispatch.AutoAssignRule;
import org.gridgov.rules.dispatch.Candidates;
import org.gridgov.rules.dispatch.DispatchDecision;
import org.gridgov.rules.escalation.AuthorityRule;
import org.gridgov.rules.timer.OverdueRule;
import org.gridgov.rules.timer.RegistrationDueRule;
import org.gridgov.rules.timer.SupervisionRule;
import org.gridgov.rules.timer.SuspensionEndRule;
import org.gridgov.rules.timer.TimerDecision;
import org.gridgov.rules.timer.VerificationDueRule;

/**
 * Fires due timers: takes leased batches from the store until none is left, decides each with its
 * rule and appends the batch's decisions together ({@code appendAll}: one transaction on a JDBC
 * store), each with the version it took. An incident another node changed first is skipped (its
 * append ended the lease); one whose rule changes nothing keeps its lease, so it is not taken again
 * in the same round.
 *
 * <p>An overdue mark schedules supervision by the {@code supervisionAfter} of the policy in force
 * at the missed deadline, so the instant it falls due does not depend on how late the round runs.
 *
 * <p>A case that nobody at its level can take, or whose category is outside its level's authority,
 * goes up a level with its claim window ended, so it would be due again at once: dispatch decides
 * the next levels in the same step ({@link Walk}) and stores the escalations and the assignment in
 * one append, the same events the extra rounds would store, without taking the case again. Nobody
 * up to the district: the walk ends with a referral to the centre, which ends the case's timer; the
 * first round after the directory changes dispatches the referred cases someone now acts for.
 */
final class Timers {
  private final GridGovernance governance;
  private final String node;
  private final Duration lease;
  private final int batchSize;

  /**
   * The latest {@code now} whose leases, and the deadlines its timers set (a reply deadline, a
   * supervision: at most {@link PositiveDuration#MAX} after it), end by the latest instant every
   * store keeps.
   */
  private final Instant latestNow;

  /**
   * The directory revision whose referred cases this node has dispatched again; the one it was
   * built with counts as done (cases referred under it found nobody).
   */
  private final AtomicLong sweptRevision;

  /** {@code lease} is one the builder accepted: it fits in the instants a store keeps. */
  Timers(GridGovernance governance, String node, Duration lease, int batchSize) {
    this.governance = governance;
    this.node = node;
    this.lease = lease;
    this.batchSize = batchSize;
    this.sweptRevision = new AtomicLong(governance.directoryRevision());
    this.latestNow =
        IncidentEvent.MAX_INSTANT.minus(
            lease.compareTo(PositiveDuration.MAX) > 0 ? lease : PositiveDuration.MAX);
  }

  Instant latestNow() {
    return latestNow;
  }

  AdvanceResult advance(Instant now) {
    IncidentStore store = governance.storage().incidents();
    int taken = 0;
    int assigned = 0;
    int conflicts = 0;
    long revision = governance.directoryRevision();
    if (revision != sweptRevision.get()) {
      // marked done only once done: a failure leaves it for the next round (two rounds running at
      // once may both do it; the appends' version check keeps each case assigned once), and so
      // does a case another writer changed first, which may still wait for the centre
      int[] redispatched = redispatchReferred(store, now);
      if (redispatched[1] == 0) {
        sweptRevision.set(revision);
      }
      assigned += redispatched[0];
      conflicts += redispatched[1];
    }
    int escalated = 0;
    int overdue = 0;
    int supervised = 0;
    int referred = 0;
    int resumed = 0;
    int unchanged = 0;
    List<DueTimer> batch;
    while (!(batch = store.claimDue(now, batchSize, node, lease)).isEmpty()) {
      Map<IncidentId, Decision> decided = new HashMap<>();
      Map<WorkerId, Integer> assignedInBatch = new HashMap<>();
      List<Append> appends = new ArrayList<>(batch.size());
      for (DueTimer due : batch) {
        taken++;
        Decision decision = decide(due, now, assignedInBatch);
        assigned(decision)
            .ifPresent(a -> assignedInBatch.merge(a.event().assignee(), 1, Integer::sum));
        List<IncidentEvent> events = decision.events();
        if (events.isEmpty()) {
          unchanged++;
          continue;
        }
        decided.put(due.incident().id(), decision);
        appends.add(Append.of(due.incident().id(), due.incident().version(), events));
      }
      List<Incident> appended = appends.isEmpty() ? List.of() : store.appendAll(appends);
      conflicts += appends.size() - appended.size();
      for (Incident incident : appended) {
        Decision decision = decided.get(incident.id());
        governance.appended(incident, decision.events());
        if (decision instanceof Walk walk) {
          escalated += walk.escalations();
          assigned += walk.assignment().isPresent() ? 1 : 0;
          referred += walk.referred() ? 1 : 0;
        } else if (decision instanceof DispatchDecision.Assign) {
          assigned++;
        } else if (decision instanceof DispatchDecision.Escalate) {
          escalated++;
        } else if (decision instanceof DispatchDecision.Refer) {
          referred++;
        } else if (decision instanceof TimerDecision.MarkOverdue) {
          overdue++;
        } else if (decision instanceof TimerDecision.Supervise) {
          supervised++;
        } else if (decision instanceof TimerDecision.Resume) {
          resumed++;
        }
      }
    }
    return new AdvanceResult(
        now,
        taken,
        assigned,
        escalated,
        overdue,
        supervised,
        referred,
        resumed,
        unchanged,
        conflicts);
  }

  /**
   * Dispatches again the cases referred to the centre (no claim window, no timer) that someone at
   * their level now acts for: run once per directory revision this node takes up, so that adding
   * staff lets the waiting cases flow without the centre assigning each. Returns the cases assigned
   * and those another writer changed first.
   */
  private int[] redispatchReferred(IncidentStore store, Instant now) {
    List<Incident> referred = governance.referred();
    if (referred.isEmpty()) {
      return new int[2];
    }
    var roster = governance.directory().roster();
    Map<WorkerId, Integer> assignedHere = new HashMap<>();
    Map<IncidentId, List<IncidentEvent>> decided = new HashMap<>();
    List<Append> appends = new ArrayList<>();
    for (Incident incident : referred) {
      List<Worker> candidates =
          Candidates.eligible(incident, incident.line().orElseThrow(), roster);
      if (candidates.isEmpty()) {
        continue;
      }
      Instant at = GridGovernance.notBefore(now, incident);
      if (AutoAssignRule.redispatch(
              incident,
              candidates,
              workload(candidates, assignedHere),
              governance.replyWithin(incident, at),
              at)
          instanceof DispatchDecision.Assign assign) {
        assignedHere.merge(assign.event().assignee(), 1, Integer::sum);
        decided.put(incident.id(), assign.events());
        appends.add(Append.of(incident.id(), incident.version(), assign.events()));
      }
    }
    int assigned = 0;
    for (int from = 0; from < appends.size(); from += batchSize) {
      for (Incident incident :
          store.appendAll(appends.subList(from, Math.min(appends.size(), from + batchSize)))) {
        governance.appended(incident, decided.get(incident.id()));
        assigned++;
      }
    }
    return new int[] {assigned, appends.size() - assigned};
  }

  /** {@code assignedInBatch}: cases given out earlier in this batch, not yet in the store. */
  private Decision decide(DueTimer due, Instant now, Map<WorkerId, Integer> assignedInBatch) {
    Incident incident = due.incident();
    Instant at = GridGovernance.notBefore(now, incident);
    return switch (due.timer().kind()) {
      case REGISTRATION_DUE -> RegistrationDueRule.decide(incident, at);
      case CLAIM_WINDOW -> dispatch(incident, at, assignedInBatch);
      // the policy in force at the missed deadline (the timer's due instant), not when this
      // round happens to run: a late round must not change when supervision falls due
      case REPLY_DEADLINE ->
          new OverdueRule(governance.supervisionAfter(due.timer().dueAt())).decide(incident, at);
      case SUPERVISION -> SupervisionRule.decide(incident, at);
      case VERIFICATION_DUE -> VerificationDueRule.decide(incident, at);
      case SUSPENSION_END ->
          SuspensionEndRule.decide(incident, governance.replyWithin(incident, at), at);
    };
  }

  /** The assignment a decision makes, if any. */
  private static Optional<DispatchDecision.Assign> assigned(Decision decision) {
    if (decision instanceof DispatchDecision.Assign assign) {
      return Optional.of(assign);
    }
    return decision instanceof Walk walk ? walk.assignment() : Optional.empty();
  }

  /**
   * Dispatch at the case's level and, while nobody there can take it, at the levels above (each
   * step decided on the state the previous one leaves), as one decision.
   */
  private Decision dispatch(
      Incident incident, Instant now, Map<WorkerId, Integer> assignedInBatch) {
    DispatchDecision first = dispatchAtLevel(incident, now, assignedInBatch);
    if (!(first instanceof DispatchDecision.Escalate up)) {
      return first;
    }
    List<DispatchDecision> steps = new ArrayList<>();
    steps.add(first);
    Incident after = incident.apply(up.event());
    DispatchDecision next;
    while ((next = dispatchAtLevel(after, now, assignedInBatch))
        instanceof DispatchDecision.Escalate further) {
      steps.add(next);
      after = after.apply(further.event());
    }
    if (!next.events().isEmpty()) {
      steps.add(next);
    }
    return Walk.of(steps);
  }

  private DispatchDecision dispatchAtLevel(
      Incident incident, Instant now, Map<WorkerId, Integer> assignedInBatch) {
    DispatchDecision early = AutoAssignRule.notReady(incident, now);
    if (early != null) {
      return early;
    }
    Optional<IncidentEscalated> up =
        new AuthorityRule(governance.policyIn(now).escalation()).passUp(incident, now);
    if (up.isPresent()) {
      return new DispatchDecision.Escalate(AuthorityRule.ID, up.get());
    }
    var roster = governance.directory().roster();
    List<Worker> candidates = Candidates.eligible(incident, incident.line().orElseThrow(), roster);
    return AutoAssignRule.decide(
        incident,
        candidates,
        workload(candidates, assignedInBatch),
        governance.replyWithin(incident, now),
        now);
  }

  /**
   * Dispatch's decisions for one case, in order: one or more escalations for want of anyone at a
   * level, then the assignment at the level where someone was found, or, when nobody was up to the
   * district, the referral to the centre.
   */
  private record Walk(List<DispatchDecision> steps, List<IncidentEvent> events)
      implements Decision {
    static Walk of(List<DispatchDecision> steps) {
      List<IncidentEvent> events = new ArrayList<>(steps.size());
      steps.forEach(step -> events.addAll(step.events()));
      return new Walk(List.copyOf(steps), List.copyOf(events));
    }

    @Override
    public RuleId rule() {
      return AutoAssignRule.ID;
    }

    int escalations() {
      return (int) steps.stream().filter(DispatchDecision.Escalate.class::isInstance).count();
    }

    Optional<DispatchDecision.Assign> assignment() {
      return steps.get(steps.size() - 1) instanceof DispatchDecision.Assign assign
          ? Optional.of(assign)
          : Optional.empty();
    }

    boolean referred() {
      return steps.get(steps.size() - 1) instanceof DispatchDecision.Refer;
    }
  }

  /**
   * The candidates' open cases: those in the store and those given out in this round and not yet
   * stored ({@code assignedHere}).
   */
  private Workload workload(List<Worker> candidates, Map<WorkerId, Integer> assignedHere) {
    Map<WorkerId, Integer> open = openCounts(candidates);
    return worker -> open.getOrDefault(worker, 0) + assignedHere.getOrDefault(worker, 0);
  }

  /** The candidates' open cases in the store; not asked when there is no choice to make. */
  private Map<WorkerId, Integer> openCounts(List<Worker> candidates) {
    if (candidates.size() < 2) {
      return Map.of();
    }
    List<WorkerId> ids = new ArrayList<>(candidates.size());
    for (Worker candidate : candidates) {
      ids.add(candidate.id());
    }
    return governance.storage().incidents().openCounts(ids);
  }
}
