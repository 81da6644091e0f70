package org.gridgov.rules.escalation;

import java.util.Optional;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.policy.EscalationPolicy;
import org.gridgov.rules.Refusal;

/**
 * A level may only close the categories within its authority (the policy's {@code
 * escalation.authority}); anything else must go up first.
 */
public record AuthorityRule(EscalationPolicy policy) {
  public static final RuleId ID = RuleId.of("escalation.authority");

  /** A refusal when {@code incident} may not be closed at the level now handling it. */
  public Optional<Refusal> checkClose(Incident incident) {
    if (policy.mayClose(incident.level(), incident.category())) {
      return Optional.empty();
    }
    return Optional.of(new Refusal(ID, "OUTSIDE_AUTHORITY",
        "category " + incident.category() + " is outside the authority of " + incident.level()
            + "; incident " + incident.id() + " must go up before it is closed"));
  }
}
