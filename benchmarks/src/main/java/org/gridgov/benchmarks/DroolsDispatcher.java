package org.gridgov.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.drools.model.codegen.ExecutableModelProject;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.rules.Workload;
import org.gridgov.rules.dispatch.AutoAssignRule;
import org.gridgov.rules.dispatch.Candidates;
import org.gridgov.rules.dispatch.DispatchDecision;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.utils.KieHelper;

/**
 * The auto-assign choice in Drools ({@code auto-assign.drl}, built once with the executable model).
 * Each decision opens a session, inserts the incident and one {@link CandidateFact} per candidate,
 * fires, reads the {@link Choice} global and disposes of the session: either a new session each
 * time ({@link #perDecisionSession}) or one reset by a {@link KieSessionsPool} ({@link
 * #pooledSession}), Drools' own way to save session creation.
 */
final class DroolsDispatcher implements Dispatcher {
  static final String DRL = "org/gridgov/benchmarks/auto-assign.drl";

  private final Supplier<KieSession> sessions;

  private DroolsDispatcher(Supplier<KieSession> sessions) {
    this.sessions = sessions;
  }

  static DroolsDispatcher perDecisionSession() {
    return new DroolsDispatcher(kieBase()::newKieSession);
  }

  static DroolsDispatcher pooledSession() {
    return new DroolsDispatcher(kieBase().newKieSessionsPool(1)::newKieSession);
  }

  /**
   * Builds the DRL with the executable model (Drools throws listing its messages on an error; its
   * {@code verify()} would take the MVEL build path, which drools-engine leaves out).
   */
  static KieBase kieBase() {
    return new KieHelper()
        .addContent(resource(DRL), ResourceType.DRL)
        .build(ExecutableModelProject.class);
  }

  private static String resource(String name) {
    try (InputStream in = DroolsDispatcher.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    Choice choice = new Choice();
    KieSession session = sessions.get();
    try {
      session.setGlobal("choice", choice);
      session.insert(incident);
      for (int i = 0; i < candidates.size(); i++) {
        Worker worker = candidates.get(i);
        session.insert(
            new CandidateFact(worker, workload.openCases(worker.id()), worker.isAbsentAt(now)));
      }
      session.fireAllRules();
    } finally {
      session.dispose();
    }
    return AutoAssignRule.decided(incident, line, choice.worker(), replyWithin, now);
  }
}
