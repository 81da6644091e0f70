package org.gridgov.rules.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.CaseReferred;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.Workload;

/**
 * Once the self-claim window has passed, assigns an unclaimed case by line and grid: among the
 * candidates ({@link Candidates}) the one with the fewest open cases wins, ties broken by worker
 * id; absent workers are skipped when someone present can take it. With no candidate at all the
 * case goes up one level with reason {@code NO_ELIGIBLE_WORKER}, which does not count against the
 * level's quota; at the district, the top, it is referred to the centre ({@link CaseReferred}),
 * which takes it off the timer rounds.
 */
public final class AutoAssignRule {
  public static final RuleId ID = RuleId.of("dispatch.auto-assign");
  public static final String NO_ELIGIBLE_WORKER = "NO_ELIGIBLE_WORKER";
  private static final Actor ACTOR = Actor.system(ID);

  /**
   * The stored reasons, one text each instead of one built per decision (dispatch's most frequent
   * events): the line is the assignment's own field and the case's, so the text need not repeat it.
   */
  private static final String ASSIGNED = "claim window passed; fewest open cases in its line";

  private static final Map<Level, String> NOBODY_AT = nobodyAt();
  private static final String REFERRED =
      NO_ELIGIBLE_WORKER + ": nobody up to the top level acts for its line; the centre assigns it";
  private static final String REDISPATCHED =
      "referred to the centre; someone acts for its line since; fewest open cases in its line";

  private AutoAssignRule() {}

  private static Map<Level, String> nobodyAt() {
    Map<Level, String> reasons = new EnumMap<>(Level.class);
    for (Level level : Level.values()) {
      reasons.put(level, NO_ELIGIBLE_WORKER + ": nobody at " + level + " acts for its line");
    }
    return reasons;
  }

  /**
   * Decides for {@code incident} at {@code now}. {@code replyWithin} is the case's handling
   * deadline (the policy's per-category value).
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) when {@code replyWithin} is
   *     missing or not positive: the case would be due before or when it is assigned
   */
  public static DispatchDecision decide(
      Incident incident, Roster roster, Workload workload, Duration replyWithin, Instant now) {
    Checks.positive(ID, "replyWithin", replyWithin);
    DispatchDecision early = notReady(incident, now);
    if (early != null) {
      return early;
    }
    LineId line = incident.line().orElseThrow();
    return decision(
        incident,
        line,
        choose(Candidates.eligible(incident, line, roster), workload, now),
        replyWithin,
        now);
  }

  /**
   * Decides as {@link #decide(Incident, Roster, Workload, Duration, Instant)} among {@code
   * candidates}, which the caller took from {@link Candidates#eligible} for the incident's level
   * and line (so that it can look up their workload in one go).
   */
  public static DispatchDecision decide(
      Incident incident,
      List<Worker> candidates,
      Workload workload,
      Duration replyWithin,
      Instant now) {
    Checks.positive(ID, "replyWithin", replyWithin);
    DispatchDecision early = notReady(incident, now);
    if (early != null) {
      return early;
    }
    return decision(
        incident,
        incident.line().orElseThrow(),
        choose(candidates, workload, now),
        replyWithin,
        now);
  }

  /**
   * Decides again for a case referred to the centre ({@link Incident#awaitsCentre} with no claim
   * window), once the directory has changed: assign it among {@code candidates} (taken from {@link
   * Candidates#eligible} at its level) as {@link #decide} would, or leave it with the centre while
   * nobody there acts for its line.
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) when {@code replyWithin} is
   *     missing or not positive
   */
  public static DispatchDecision redispatch(
      Incident incident,
      List<Worker> candidates,
      Workload workload,
      Duration replyWithin,
      Instant now) {
    Checks.positive(ID, "replyWithin", replyWithin);
    if (incident.stage() != Stage.REGISTERED || !incident.awaitsCentre()) {
      return new DispatchDecision.NoChange(ID, "not referred to the centre");
    }
    Worker chosen = choose(candidates, workload, now);
    if (chosen == null) {
      return new DispatchDecision.NoChange(
          ID, "nobody at " + incident.level() + " acts for its" + " line yet");
    }
    return assign(incident, REDISPATCHED, chosen, incident.line().orElseThrow(), replyWithin, now);
  }

  /**
   * The decision for a case not (yet) open to assignment: no change unless it is registered, a wait
   * while its claim window runs; null when a worker is to be chosen. Public, with {@link #decided},
   * so that the rule-engine comparisons in the benchmarks frame their own choice with this rule's
   * very decisions.
   */
  public static DispatchDecision notReady(Incident incident, Instant now) {
    if (incident.stage() != Stage.REGISTERED) {
      return new DispatchDecision.NoChange(ID, "incident is " + incident.stage());
    }
    Instant claimUntil = incident.claimUntil().orElse(null);
    if (claimUntil == null) {
      return new DispatchDecision.NoChange(ID, "referred to the centre");
    }
    if (now.isBefore(claimUntil)) {
      return new DispatchDecision.Wait(ID, claimUntil);
    }
    return null;
  }

  /**
   * The decision once the worker is chosen: assign {@code chosen}; with nobody (null), pass the
   * case up a level, or at the district refer it to the centre.
   */
  public static DispatchDecision decided(
      Incident incident, LineId line, Worker chosen, Duration replyWithin, Instant now) {
    Checks.positive(ID, "replyWithin", replyWithin);
    return decision(incident, line, chosen, replyWithin, now);
  }

  /** {@link #decided} with {@code replyWithin} already checked by the public entry point. */
  private static DispatchDecision decision(
      Incident incident, LineId line, Worker chosen, Duration replyWithin, Instant now) {
    if (chosen != null) {
      return assign(incident, ASSIGNED, chosen, line, replyWithin, now);
    }
    Level level = incident.level();
    if (level.up().isEmpty() || level == Level.DISTRICT) {
      return new DispatchDecision.Refer(
          ID, new CaseReferred(incident.id(), ACTOR, now, REFERRED, line, level));
    }
    Level up = level.up().orElseThrow();
    return new DispatchDecision.Escalate(
        ID,
        new IncidentEscalated(
            incident.id(),
            ACTOR,
            now,
            NOBODY_AT.get(level),
            level,
            up,
            EscalationKind.NO_ELIGIBLE_WORKER,
            false,
            now));
  }

  private static DispatchDecision assign(
      Incident incident,
      String reason,
      Worker chosen,
      LineId line,
      Duration replyWithin,
      Instant now) {
    return new DispatchDecision.Assign(
        ID,
        new IncidentAssigned(
            incident.id(), ACTOR, now, reason, chosen.id(), line, now.plus(replyWithin)));
  }

  /**
   * Fewest open cases, then lowest id; present workers first, absent only when none is present. A
   * candidate's absences are looked at only when it could win: a district line has dozens of
   * candidates, and most lose on their load to someone present.
   */
  static Worker choose(List<Worker> candidates, Workload workload, Instant now) {
    Worker best = null;
    int bestLoad = Integer.MAX_VALUE;
    boolean bestAbsent = true;
    for (int i = 0; i < candidates.size(); i++) {
      Worker worker = candidates.get(i);
      int load = workload.openCases(worker.id());
      boolean lighter =
          best == null
              || load < bestLoad
              || (load == bestLoad && worker.id().compareTo(best.id()) < 0);
      if (!lighter && !bestAbsent) {
        continue; // present best, and this one is no lighter
      }
      boolean absent = worker.isAbsentAt(now);
      if (best != null && absent && !bestAbsent) {
        continue;
      }
      boolean better = lighter || (bestAbsent && !absent);
      if (better) {
        best = worker;
        bestLoad = load;
        bestAbsent = absent;
      }
    }
    return best;
  }
}
