package org.gridgov.rules.handling;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.policy.ExtensionPolicy;
import org.gridgov.rules.Refusal;

/**
 * Whether a case's reply deadline may be extended (延期) to a given instant under the policy in
 * force: not once it has been extended {@code limit} times, not after its deadline has passed when
 * the policy asks for extensions {@code beforeDeadline}, and not further than {@code longest} past
 * the current deadline ({@link #floor}). A policy without limits allows every extension.
 */
public record ExtensionRule(ExtensionPolicy policy) {
  public static final RuleId ID = RuleId.of("extension.limits");
  public static final String EXTENSION_LIMIT_REACHED = "EXTENSION_LIMIT_REACHED";
  public static final String DEADLINE_PASSED = "DEADLINE_PASSED";
  public static final String EXTENSION_TOO_LONG = "EXTENSION_TOO_LONG";

  public ExtensionRule {
    Objects.requireNonNull(policy, "policy");
  }

  /**
   * What an extension at {@code now} moves the deadline from: the current deadline while it is
   * ahead, {@code now} once it has passed (or when the case has none).
   */
  public static Instant floor(Incident incident, Instant now) {
    return incident.replyBy().filter(r -> r.isAfter(now)).orElse(now);
  }

  /**
   * A refusal when {@code incident}'s deadline may not be extended to {@code replyBy} at {@code
   * now}; {@code furthest} is the latest instant the policy's {@code longest} allows from the
   * {@link #floor}, counted by the caller (in working time where the policy says so), and is empty
   * when the policy sets no {@code longest}.
   */
  public Optional<Refusal> checkExtend(
      Incident incident, Instant replyBy, Optional<Instant> furthest, Instant now) {
    if (policy.limit().isPresent() && incident.extensions() >= policy.limit().get()) {
      return Optional.of(
          new Refusal(
              ID,
              EXTENSION_LIMIT_REACHED,
              "incident "
                  + incident.id()
                  + " was extended "
                  + incident.extensions()
                  + " times (limit "
                  + policy.limit().get()
                  + ")"));
    }
    if (policy.beforeDeadline()
        && incident.replyBy().isPresent()
        && !now.isBefore(incident.replyBy().get())) {
      return Optional.of(
          new Refusal(
              ID,
              DEADLINE_PASSED,
              "incident "
                  + incident.id()
                  + " was due at "
                  + incident.replyBy().get()
                  + ": extensions are made before the"
                  + " deadline"));
    }
    if (furthest.isPresent() && replyBy.isAfter(furthest.get())) {
      return Optional.of(
          new Refusal(
              ID,
              EXTENSION_TOO_LONG,
              "incident "
                  + incident.id()
                  + " may be extended from "
                  + floor(incident, now)
                  + " to "
                  + furthest.get()
                  + " at the latest ("
                  + policy.longest().orElseThrow()
                  + "), not "
                  + replyBy));
    }
    return Optional.empty();
  }
}
