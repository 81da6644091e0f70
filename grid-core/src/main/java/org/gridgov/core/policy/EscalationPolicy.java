package org.gridgov.core.policy;

import com.google.common.collect.ImmutableMap;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Optional;
import org.gridgov.core.territory.Level;

/**
 * Escalation quotas (Kaixuan's 十一制): per reporting level, the largest share of the problems a
 * unit found in a calendar month that it may pass up. Quotas apply to the street and below.
 */
public record EscalationPolicy(
    @NotNull QuotaMode mode, ImmutableMap<Level, @NotNull @Share BigDecimal> quota) {

  public EscalationPolicy {
    quota = quota == null ? ImmutableMap.of() : ImmutableMap.copyOf(quota);
  }

  /** The quota of units at {@code level}, empty when that level may escalate freely. */
  public Optional<BigDecimal> quotaFor(Level level) {
    return Optional.ofNullable(quota.get(level));
  }
}
