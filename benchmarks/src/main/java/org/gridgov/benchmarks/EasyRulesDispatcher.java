package org.gridgov.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.rules.Workload;
import org.gridgov.rules.dispatch.AutoAssignRule;
import org.gridgov.rules.dispatch.Candidates;
import org.gridgov.rules.dispatch.DispatchDecision;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rule;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;

/**
 * The auto-assign choice as an Easy Rules rule (fluent API). Each decision puts the incident, the
 * {@link CandidateFact}s and a {@link Choice} into new {@link Facts} and fires the rule set: the
 * rule applies when there is a candidate and picks present before absent, fewest open cases, then
 * the lowest id (Easy Rules matches no patterns over several facts, so the order is a comparator).
 */
final class EasyRulesDispatcher implements Dispatcher {
  private static final Comparator<CandidateFact> ORDER =
      Comparator.comparing(CandidateFact::isAbsent)
          .thenComparingInt(CandidateFact::getOpenCases)
          .thenComparing(CandidateFact::getId);

  private final Rules rules;
  private final RulesEngine engine = new DefaultRulesEngine();

  EasyRulesDispatcher() {
    Rule assign =
        new RuleBuilder()
            .name("dispatch.auto-assign")
            .description("a present worker with the fewest open cases, then the lowest id")
            .when(facts -> facts.get("incident") != null && !candidates(facts).isEmpty())
            .then(
                facts ->
                    facts
                        .<Choice>get("choice")
                        .set(candidates(facts).stream().min(ORDER).orElseThrow()))
            .build();
    this.rules = new Rules(assign);
  }

  private static List<CandidateFact> candidates(Facts facts) {
    return facts.get("candidates");
  }

  @Override
  public DispatchDecision decide(
      Incident incident, Roster roster, Workload workload, Duration replyWithin, Instant now) {
    DispatchDecision early = AutoAssignRule.notReady(incident, now);
    if (early != null) {
      return early;
    }
    LineId line = incident.line().orElseThrow();
    List<Worker> candidates = Candidates.eligible(incident, line, roster);
    List<CandidateFact> facts = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      Worker worker = candidates.get(i);
      facts.add(new CandidateFact(worker, workload.openCases(worker.id()), worker.isAbsentAt(now)));
    }
    Choice choice = new Choice();
    Facts known = new Facts();
    known.put("incident", incident);
    known.put("candidates", facts);
    known.put("choice", choice);
    engine.fire(rules, known);
    return AutoAssignRule.decided(incident, line, choice.worker(), replyWithin, now);
  }
}
