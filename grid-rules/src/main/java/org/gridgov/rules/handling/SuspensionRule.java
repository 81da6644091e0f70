package org.gridgov.rules.handling;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.policy.SuspensionPolicy;
import org.gridgov.rules.Refusal;

/**
 * Whether the centre may park a case in the 挂账 register under the policy in force, and until when:
 * not once the case has been parked {@code limit} times, and for {@code longest} at most. A
 * suspension asked for without an end lasts {@code longest} when the policy sets it, until the
 * centre resumes the case otherwise.
 */
public record SuspensionRule(SuspensionPolicy policy) {
  public static final RuleId ID = RuleId.of("suspension.limits");
  public static final String SUSPENSION_LIMIT_REACHED = "SUSPENSION_LIMIT_REACHED";
  public static final String SUSPENSION_TOO_LONG = "SUSPENSION_TOO_LONG";

  public SuspensionRule {
    Objects.requireNonNull(policy, "policy");
  }

  /** A refusal when {@code incident} may not be parked at {@code now} until {@code until}. */
  public Optional<Refusal> checkSuspend(Incident incident, Optional<Instant> until, Instant now) {
    if (policy.limit().isPresent() && incident.suspensions() >= policy.limit().get()) {
      return Optional.of(
          new Refusal(
              ID,
              SUSPENSION_LIMIT_REACHED,
              "incident "
                  + incident.id()
                  + " was suspended "
                  + incident.suspensions()
                  + " times (limit "
                  + policy.limit().get()
                  + ")"));
    }
    if (until.isPresent()
        && policy.longest().isPresent()
        && until.get().isAfter(now.plus(policy.longest().get()))) {
      return Optional.of(
          new Refusal(
              ID,
              SUSPENSION_TOO_LONG,
              "incident "
                  + incident.id()
                  + " may be suspended until "
                  + now.plus(policy.longest().get())
                  + " at the latest ("
                  + policy.longest().get()
                  + "), not "
                  + until.get()));
    }
    return Optional.empty();
  }

  /**
   * When a suspension made at {@code now} ends: {@code until} when the centre gave one, else {@code
   * longest} after {@code now} when the policy sets it, else never by itself.
   */
  public Optional<Instant> end(Optional<Instant> until, Instant now) {
    return until.isPresent() ? until : policy.longest().map(now::plus);
  }
}
