package org.gridgov.rules.callback;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.policy.CallbackPolicy;
import org.gridgov.rules.Refusal;

/**
 * Whether the centre may reopen a closed case after the callback (重办) under the policy in force:
 * not once the case has been reopened {@code reopenLimit} times, nor from {@code reopenWithin}
 * after its closing on (the window is half-open, as claim windows are). A policy without either
 * allows every reopening.
 */
public record ReopenRule(CallbackPolicy policy) {
  public static final RuleId ID = RuleId.of("callback.reopen");
  public static final String REOPEN_LIMIT_REACHED = "REOPEN_LIMIT_REACHED";
  public static final String REOPEN_WINDOW_PASSED = "REOPEN_WINDOW_PASSED";

  public ReopenRule {
    Objects.requireNonNull(policy, "policy");
  }

  /** A refusal when the closed {@code incident} may not be reopened at {@code now}. */
  public Optional<Refusal> checkReopen(Incident incident, Instant now) {
    if (policy.reopenLimit().isPresent() && incident.reopens() >= policy.reopenLimit().get()) {
      return Optional.of(
          new Refusal(
              ID,
              REOPEN_LIMIT_REACHED,
              "incident "
                  + incident.id()
                  + " was reopened "
                  + incident.reopens()
                  + " times (limit "
                  + policy.reopenLimit().get()
                  + ")"));
    }
    if (policy.reopenWithin().isPresent()
        && incident.closedAt().isPresent()
        && !now.isBefore(incident.closedAt().get().plus(policy.reopenWithin().get()))) {
      return Optional.of(
          new Refusal(
              ID,
              REOPEN_WINDOW_PASSED,
              "incident "
                  + incident.id()
                  + " was closed at "
                  + incident.closedAt().get()
                  + ", "
                  + policy.reopenWithin().get()
                  + " or more ago"));
    }
    return Optional.empty();
  }
}
