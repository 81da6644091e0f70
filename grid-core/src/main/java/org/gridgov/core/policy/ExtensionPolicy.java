package org.gridgov.core.policy;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/**
 * Limits on extending a case's reply deadline (延期): how many extensions a case may have, how far
 * one may move the deadline, and whether it must be asked for before the deadline passes (a common
 * rule: "延期申请应在处置时限内提出"). Each part is optional; without any, the centre may extend any case being
 * handled by any length, as the presets allow.
 *
 * @param limit the extensions a case may have in all (0: none)
 * @param longest the furthest one extension may move the deadline past the current one (past the
 *     moment of extending once the deadline has passed), counted as {@code dispatch.replyWithin}
 *     is: in working time where the policy's {@code workingTime} applies to it
 * @param beforeDeadline whether an extension must be made before the deadline passes, so that an
 *     overdue case can no longer be extended
 */
public record ExtensionPolicy(
    Optional<@Min(0) Integer> limit,
    Optional<@PositiveDuration Duration> longest,
    boolean beforeDeadline) {

  private static final ExtensionPolicy NONE =
      new ExtensionPolicy(Optional.empty(), Optional.empty(), false);

  public ExtensionPolicy {
    limit = limit == null ? Optional.empty() : limit;
    longest = longest == null ? Optional.empty() : longest;
  }

  /** No limit on extending. */
  public static ExtensionPolicy none() {
    return NONE;
  }

  /** Whether the policy limits extensions at all. */
  public boolean limitsExtension() {
    return limit.isPresent() || longest.isPresent() || beforeDeadline;
  }
}
