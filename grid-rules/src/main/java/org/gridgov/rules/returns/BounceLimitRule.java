package org.gridgov.rules.returns;

import java.util.Optional;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.internal.Checks;
import org.gridgov.rules.Refusal;

/**
 * A department may send a case back as not its own, with a reason, until the case has bounced
 * {@code bounceLimit} times; after that the centre must arbitrate (or convene a joint meeting), and
 * an arbitrated line may not return the case at all.
 */
public record BounceLimitRule(int bounceLimit) {
  public static final RuleId ID = RuleId.of("returns.bounce-limit");
  public static final String BOUNCE_LIMIT_REACHED = "BOUNCE_LIMIT_REACHED";

  public BounceLimitRule {
    Checks.atLeast(ID, "bounceLimit", 0, bounceLimit);
  }

  /** A refusal when {@code incident} may not be returned again. */
  public Optional<Refusal> checkReturn(Incident incident) {
    if (incident.arbitrated()) {
      return Optional.of(
          new Refusal(
              ID,
              "ARBITRATED",
              "the centre decided "
                  + incident.line().map(Object::toString).orElse("?")
                  + " is responsible for incident "
                  + incident.id()
                  + " (arbitration or joint meeting)"));
    }
    if (incident.bounces() >= bounceLimit) {
      return Optional.of(
          new Refusal(
              ID,
              BOUNCE_LIMIT_REACHED,
              "incident "
                  + incident.id()
                  + " was returned "
                  + incident.bounces()
                  + " times (limit "
                  + bounceLimit
                  + "); the centre must arbitrate"));
    }
    return Optional.empty();
  }
}
