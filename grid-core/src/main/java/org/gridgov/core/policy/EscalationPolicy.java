package org.gridgov.core.policy;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Optional;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.territory.Level;

/**
 * Escalation quotas (Kaixuan's 十一制): per reporting level, the largest share of the problems a unit
 * found that it may pass up in a calendar month, the problems found in that month so far or in the
 * month before ({@link QuotaBasis}). Quotas apply to the street and below.
 *
 * <p>{@code authority} says which categories a level may close ("small matters stay in the grid"):
 * per level, category code prefixes such as {@code E04} (a major class) or {@code P0113} (one
 * category). A level without an entry may close every category. Entries are for the street and
 * lower levels only: the district is the top of the ladder dispatch walks, and closes every
 * category ({@code policy.authority-level}).
 */
public record EscalationPolicy(
    @NotNull QuotaMode mode,
    ImmutableMap<Level, @NotNull @Share BigDecimal> quota,
    ImmutableMap<Level, ImmutableSet<String>> authority,
    @NotNull QuotaBasis quotaBasis) {

  public EscalationPolicy {
    quota = quota == null ? ImmutableMap.of() : ImmutableMap.copyOf(quota);
    authority = authority == null ? ImmutableMap.of() : ImmutableMap.copyOf(authority);
  }

  /** A policy whose quotas count what a unit has found so far in the month ({@link QuotaBasis}). */
  public EscalationPolicy(
      QuotaMode mode,
      ImmutableMap<Level, BigDecimal> quota,
      ImmutableMap<Level, ImmutableSet<String>> authority) {
    this(mode, quota, authority, QuotaBasis.MONTH_SO_FAR);
  }

  /** A policy without closing restrictions. */
  public EscalationPolicy(QuotaMode mode, ImmutableMap<Level, BigDecimal> quota) {
    this(mode, quota, ImmutableMap.of());
  }

  /** Whether a case of {@code category} may be closed while handled at {@code level}. */
  public boolean mayClose(Level level, CategoryCode category) {
    ImmutableSet<String> prefixes = authority.get(level);
    if (prefixes == null) {
      return true;
    }
    String code = category.toString();
    for (String prefix : prefixes) {
      if (code.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The quota of units at {@code level}, empty when that level may escalate freely. */
  public Optional<BigDecimal> quotaFor(Level level) {
    return Optional.ofNullable(quota.get(level));
  }
}
