package org.gridgov.rules.escalation;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.policy.ShareRange;
import org.gridgov.core.territory.Level;

/**
 * Where closed cases were settled: the count and share at each level, checked against a target
 * split such as Dongcheng's 80–85 % in the community, 10–15 % through the street, at most 5 % at
 * the district. The grid counts toward the community ("small matters stay in the grid, big matters
 * in the community").
 */
public record SettlementReport(
    long settled, ImmutableMap<Level, Long> counts, ImmutableList<TargetCheck> checks) {

  /** One level's share against its target range. */
  public record TargetCheck(Level level, BigDecimal share, ShareRange target) {
    public boolean met() {
      return target.contains(share);
    }
  }

  /** The report for the closed (or archived after closing) incidents among {@code incidents}. */
  public static SettlementReport of(Collection<Incident> incidents, Map<Level, ShareRange> targets) {
    Map<Level, Long> counts = new EnumMap<>(Level.class);
    long settled = 0;
    for (Incident incident : incidents) {
      if (incident.closedAt().isEmpty()) {
        continue;
      }
      Level level = incident.level() == Level.GRID ? Level.COMMUNITY : incident.level();
      counts.merge(level, 1L, Long::sum);
      settled++;
    }
    ImmutableList.Builder<TargetCheck> checks = ImmutableList.builder();
    for (Level level : Level.values()) {
      ShareRange target = targets.get(level);
      if (target != null) {
        checks.add(new TargetCheck(level, share(counts.getOrDefault(level, 0L), settled), target));
      }
    }
    return new SettlementReport(settled, ImmutableMap.copyOf(counts), checks.build());
  }

  /** The share settled at {@code level}: 0 when nothing was settled. */
  public BigDecimal share(Level level) {
    return share(counts.getOrDefault(level, 0L), settled);
  }

  public boolean allTargetsMet() {
    return checks.stream().allMatch(TargetCheck::met);
  }

  private static BigDecimal share(long part, long whole) {
    return whole == 0
        ? BigDecimal.ZERO
        : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
  }
}
