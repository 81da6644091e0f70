package org.gridgov.core.policy;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/**
 * The callback (回访) after closing: how many times, and for how long after its closing, the centre
 * may reopen a case (重办) whose caller is not satisfied. Each part is optional; without either, any
 * closed case not yet archived may be reopened, as the presets allow.
 *
 * @param reopenLimit the reopenings a case may have in all (0: none)
 * @param reopenWithin how long after a closing the case may be reopened
 */
public record CallbackPolicy(
    Optional<@Min(0) Integer> reopenLimit, Optional<@PositiveDuration Duration> reopenWithin) {

  private static final CallbackPolicy NONE = new CallbackPolicy(Optional.empty(), Optional.empty());

  public CallbackPolicy {
    reopenLimit = reopenLimit == null ? Optional.empty() : reopenLimit;
    reopenWithin = reopenWithin == null ? Optional.empty() : reopenWithin;
  }

  /** No limit on reopening. */
  public static CallbackPolicy none() {
    return NONE;
  }

  /** Whether the policy limits reopening at all. */
  public boolean limitsReopening() {
    return reopenLimit.isPresent() || reopenWithin.isPresent();
  }
}
