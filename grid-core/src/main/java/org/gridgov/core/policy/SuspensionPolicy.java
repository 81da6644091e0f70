package org.gridgov.core.policy;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/**
 * Limits on parking a case in the 挂账 register: how many times a case may be parked, and how long it
 * may stay there before it goes back to its handler by itself, due again after its reply limit.
 * Each part is optional; without either, a case may be parked any number of times, until the centre
 * resumes it, as the presets allow.
 *
 * @param limit the suspensions a case may have in all (0: none)
 * @param longest how long a case may stay parked, in calendar time: a suspension ends at most this
 *     long after it began, when the timer round resumes the case
 */
public record SuspensionPolicy(
    Optional<@Min(0) Integer> limit, Optional<@PositiveDuration Duration> longest) {

  private static final SuspensionPolicy NONE =
      new SuspensionPolicy(Optional.empty(), Optional.empty());

  public SuspensionPolicy {
    limit = limit == null ? Optional.empty() : limit;
    longest = longest == null ? Optional.empty() : longest;
  }

  /** No limit on parking cases. */
  public static SuspensionPolicy none() {
    return NONE;
  }

  /** Whether the policy limits suspensions at all. */
  public boolean limitsSuspension() {
    return limit.isPresent() || longest.isPresent();
  }
}
