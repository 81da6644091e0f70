package org.gridgov.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.people.Roster;
import org.gridgov.rules.Workload;
import org.gridgov.rules.dispatch.AutoAssignRule;
import org.gridgov.rules.dispatch.DispatchDecision;

/**
 * One engine taking the automatic assignment decision: gridgov's {@link AutoAssignRule} or the same
 * rule written for a rule engine. Every implementation has {@code AutoAssignRule.decide}'s
 * signature and returns the same decision for the same inputs.
 */
public interface Dispatcher {
  /** The names {@link #named} accepts, as used by {@code DispatchBenchmark}'s {@code engine}. */
  List<String> NAMES = List.of("gridgov", "drools", "drools-pooled", "easyrules");

  DispatchDecision decide(
      Incident incident, Roster roster, Workload workload, Duration replyWithin, Instant now);

  /** The dispatcher called {@code name}, one of {@link #NAMES}. */
  static Dispatcher named(String name) {
    return switch (name) {
      case "gridgov" -> AutoAssignRule::decide;
      case "drools" -> DroolsDispatcher.perDecisionSession();
      case "drools-pooled" -> DroolsDispatcher.pooledSession();
      case "easyrules" -> new EasyRulesDispatcher();
      default -> throw new IllegalArgumentException("no dispatcher " + name + "; known: " + NAMES);
    };
  }
}
