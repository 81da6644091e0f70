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
 * <p>{@code verifiers} says who may verify: any worker serving the case's grid or a supervisor over
 * it ({@link Verifiers#ANY_OTHER_WORKER}, the presets' rule), or only a supervisor over it, as the
 * seeds' centre sends one back to the site (指派监督员现场核查, {@link Verifiers#SUPERVISOR}). The handler
 * never verifies their own case.
 *
 * @param maxReworks failed verifications before supervision
 * @param within how soon after feedback a case in an area of each kind must be verified, in
 *     calendar time
 * @param verifiers who may verify; null reads as {@link Verifiers#ANY_OTHER_WORKER}
 */
public record VerificationPolicy(
    @Min(0) int maxReworks,
    ImmutableMap<AreaKind, @PositiveDuration Duration> within,
    Verifiers verifiers) {

  /** Who may verify (核查) a handled case; never its handler. */
  public enum Verifiers {
    /** A worker serving the case's grid, or a supervisor over it. */
    ANY_OTHER_WORKER,
    /** Only a supervisor (监督员) over the case's grid: serving it, or of a unit that contains it. */
    SUPERVISOR
  }

  public VerificationPolicy {
    within = within == null ? ImmutableMap.of() : ImmutableMap.copyOf(within);
    verifiers = verifiers == null ? Verifiers.ANY_OTHER_WORKER : verifiers;
  }

  /** Any worker of the grid other than the handler verifies. */
  public VerificationPolicy(int maxReworks, ImmutableMap<AreaKind, Duration> within) {
    this(maxReworks, within, Verifiers.ANY_OTHER_WORKER);
  }

  /**
   * No limit on when a case is verified; any worker of the grid other than the handler verifies.
   */
  public VerificationPolicy(int maxReworks) {
    this(maxReworks, ImmutableMap.of());
  }

  /** The verification limit in areas of {@code kind}, if the policy sets one. */
  public Optional<Duration> withinFor(AreaKind kind) {
    return Optional.ofNullable(within.get(kind));
  }
}
