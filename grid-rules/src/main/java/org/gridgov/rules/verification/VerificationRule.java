package org.gridgov.rules.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.incident.VerificationFailed;
import org.gridgov.core.incident.VerificationPassed;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.people.WorkerId;
import org.gridgov.rules.Refusal;

/**
 * Verification is done by someone other than the handler. A failed verification sends the case back
 * to its handler for rework, due again after the case's handling deadline; once a case has failed
 * {@code maxReworks} times it is also put under supervision.
 */
public record VerificationRule(int maxReworks) {
  public static final RuleId ID = RuleId.of("verification.independent");

  public VerificationRule {
    Checks.atLeast(ID, "maxReworks", 0, maxReworks);
  }

  /** A refusal when {@code verifier} may not verify {@code incident}. */
  public java.util.Optional<Refusal> check(Incident incident, WorkerId verifier) {
    if (incident.handler().filter(verifier::equals).isPresent()) {
      return java.util.Optional.of(
          new Refusal(
              ID,
              "VERIFIER_IS_HANDLER",
              "worker "
                  + verifier
                  + " handled incident "
                  + incident.id()
                  + " and may not verify it"));
    }
    return java.util.Optional.empty();
  }

  /**
   * The events of a verification (call {@link #check} first).
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) when {@code replyWithin} is
   *     missing or not positive: the rework would be due before or when it is asked for
   */
  public List<IncidentEvent> events(
      Incident incident,
      WorkerId verifier,
      boolean passed,
      Duration replyWithin,
      Instant now,
      String reason) {
    Checks.positive(ID, "replyWithin", replyWithin);
    Actor actor = Actor.worker(verifier);
    if (passed) {
      return List.of(new VerificationPassed(incident.id(), actor, now, reason, verifier));
    }
    List<IncidentEvent> events = new ArrayList<>(2);
    events.add(
        new VerificationFailed(incident.id(), actor, now, reason, verifier, now.plus(replyWithin)));
    if (incident.reworks() + 1 >= maxReworks) {
      events.add(
          new IncidentSupervised(
              incident.id(),
              Actor.system(ID),
              now,
              "verification failed "
                  + (incident.reworks() + 1)
                  + " times (limit "
                  + maxReworks
                  + ")"));
    }
    return List.copyOf(events);
  }
}
