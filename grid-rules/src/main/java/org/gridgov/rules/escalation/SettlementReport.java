package org.gridgov.rules.escalation;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.internal.Checks;
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
  /**
   * Counts that cannot be reported: a null argument, a count at the grid (it is its community's), a
   * missing or negative count, or counts whose total a {@code long} does not hold.
   */
  public static final RuleId ID = RuleId.of("escalation.settlement");

  /**
   * One level's share against its target. {@code share} is rounded to 4 places for display; {@code
   * met} compares the exact fraction, so 15.005 % is not within a 15 % maximum.
   */
  public record TargetCheck(Level level, BigDecimal share, ShareRange target, boolean met) {
    static TargetCheck of(Level level, long part, long whole, ShareRange target) {
      BigDecimal exactPart = BigDecimal.valueOf(part);
      BigDecimal w = BigDecimal.valueOf(whole);
      boolean met =
          whole == 0
              ? target.contains(BigDecimal.ZERO)
              : exactPart.compareTo(target.min().multiply(w)) >= 0
                  && exactPart.compareTo(target.max().multiply(w)) <= 0;
      return new TargetCheck(level, SettlementReport.share(part, whole), target, met);
    }
  }

  /**
   * The report for the closed (or archived after closing) incidents among {@code incidents}.
   *
   * @throws org.gridgov.core.RuleConfigurationException when an argument is null ({@link #ID})
   */
  public static SettlementReport of(
      Collection<Incident> incidents, Map<Level, ShareRange> targets) {
    Checks.notNull(ID, "incidents", incidents);
    Checks.notNull(ID, "targets", targets);
    Map<Level, Long> counts = new EnumMap<>(Level.class);
    int i = 0;
    for (Incident incident : incidents) {
      if (incident == null) {
        throw new RuleConfigurationException(ID, "incidents[" + i + "]", "must not be null");
      }
      i++;
      if (incident.closedAt().isPresent()) {
        counts.merge(settledAt(incident.level()), 1L, Long::sum);
      }
    }
    return ofCounts(counts, targets);
  }

  /**
   * The level a case closed at {@code level} counts toward: the grid's count is its community's.
   */
  public static Level settledAt(Level level) {
    return level == Level.GRID ? Level.COMMUNITY : level;
  }

  /**
   * The report for closed cases already counted by the level that settled them ({@link
   * #settledAt}), as a streaming consumer of events keeps them.
   *
   * @throws org.gridgov.core.RuleConfigurationException when an argument is null ({@link #ID})
   * @throws InvalidInputException naming every count at the grid, missing or negative, and the
   *     level whose count takes the total beyond {@link Long#MAX_VALUE} ({@link #ID}): the total
   *     would wrap negative and every share and target check would be wrong
   */
  public static SettlementReport ofCounts(Map<Level, Long> counts, Map<Level, ShareRange> targets) {
    Checks.notNull(ID, "counts", counts);
    Checks.notNull(ID, "targets", targets);
    List<Violation> violations = new ArrayList<>();
    long settled = 0;
    boolean overflowed = false;
    for (Level level : Level.values()) { // in level order, whatever the map's
      if (!counts.containsKey(level)) {
        continue;
      }
      Long count = counts.get(level);
      String path = "counts." + level;
      if (level == Level.GRID) {
        violations.add(
            Violation.of(
                path,
                ID,
                "must be counted toward the community, a level" + " above the grid",
                count));
      } else if (count == null || count < 0) {
        violations.add(Violation.of(path, ID, "must be at least 0", count));
      } else if (!overflowed) {
        try {
          settled = Math.addExact(settled, count);
        } catch (ArithmeticException e) {
          overflowed = true;
          violations.add(
              Violation.of(
                  path,
                  ID,
                  "the total of the counts up to this level must" + " be at most " + Long.MAX_VALUE,
                  count));
        }
      }
    }
    for (Level level : counts.keySet()) { // a HashMap may hold one; Map.of refuses the query
      if (level == null) {
        violations.add(Violation.of("counts", ID, "a level must not be null", null));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("settlement counts", violations);
    }
    ImmutableList.Builder<TargetCheck> checks = ImmutableList.builder();
    for (Level level : Level.values()) {
      ShareRange target = targets.get(level);
      if (target != null) {
        checks.add(TargetCheck.of(level, counts.getOrDefault(level, 0L), settled, target));
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
