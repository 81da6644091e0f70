package org.gridgov.core.policy;

import com.google.common.collect.ImmutableMap;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;
import org.gridgov.core.territory.AreaKind;

/**
 * Verification (核查): failed verifications (返工) allowed before the case is flagged for supervision,
 * and how soon after the handler's feedback the case must be verified, by the kind of its grid's
 * area (Taiyuan: 1 h in the city and the fringe, 2 h in rural areas; standards.md §4.2). A
 * verification still missing when its limit passes is supervised (督办) by the timer round. Without
 * {@code within} for a kind, verification there has no limit, as the presets have.
 *
 * @param maxReworks failed verifications before supervision
 * @param within how soon after feedback a case in an area of each kind must be verified, in
 *     calendar time
 */
public record VerificationPolicy(
    @Min(0) int maxReworks, ImmutableMap<AreaKind, @PositiveDuration Duration> within) {

  public VerificationPolicy {
    within = within == null ? ImmutableMap.of() : ImmutableMap.copyOf(within);
  }

  /** No limit on when a case is verified. */
  public VerificationPolicy(int maxReworks) {
    this(maxReworks, ImmutableMap.of());
  }

  /** The verification limit in areas of {@code kind}, if the policy sets one. */
  public Optional<Duration> withinFor(AreaKind kind) {
    return Optional.ofNullable(within.get(kind));
  }
}
