package org.gridgov.scoring.ranking;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.internal.Checks;
import org.gridgov.scoring.UnitKind;
import org.gridgov.scoring.UnitRef;

/**
 * A ranking of one kind of unit for one period by standard competition ranking ("1224"): the order
 * is by score descending, ties in id order (a stable total order); a unit's rank is 1 + the number
 * of units with a strictly higher score, so tied units share a rank and the next rank skips.
 */
public record Ranking(String period, UnitKind kind, ImmutableList<RankedEntry> entries) {
  /** Missing scores (a null map or a unit without a score), or a negative count of entries. */
  public static final RuleId INPUT = RuleId.of("ranking.input");

  /** Score descending, then unit id ascending. */
  static final Comparator<Map.Entry<UnitRef, BigDecimal>> ORDER =
      Map.Entry.<UnitRef, BigDecimal>comparingByValue()
          .reversed()
          .thenComparing(Map.Entry.comparingByKey());

  public Ranking {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(kind, "kind");
    entries = ImmutableList.copyOf(entries);
  }

  /**
   * Ranks the units of {@code kind} among {@code scores} (other kinds are left out).
   *
   * @throws org.gridgov.core.RuleConfigurationException when {@code scores} is null ({@link
   *     #INPUT})
   * @throws InvalidInputException naming every unit of {@code kind} without a score ({@link
   *     #INPUT})
   */
  public static Ranking of(String period, UnitKind kind, Map<UnitRef, BigDecimal> scores) {
    Checks.notNull(INPUT, "scores", scores);
    requireScores("ranking " + period, "scores", kind, scores);
    List<Map.Entry<UnitRef, BigDecimal>> sorted = new ArrayList<>();
    scores.entrySet().stream().filter(e -> e.getKey().kind() == kind).forEach(sorted::add);
    sorted.sort(ORDER);
    ImmutableList.Builder<RankedEntry> entries = ImmutableList.builder();
    int rank = 0;
    for (int i = 0; i < sorted.size(); i++) {
      BigDecimal score = sorted.get(i).getValue();
      if (i == 0 || score.compareTo(sorted.get(i - 1).getValue()) != 0) {
        rank = i + 1;
      }
      entries.add(new RankedEntry(rank, sorted.get(i).getKey(), score));
    }
    return new Ranking(period, kind, entries.build());
  }

  /**
   * The first {@code n} entries in order (ties at the cut may be left out: check the ranks).
   *
   * @throws org.gridgov.core.RuleConfigurationException when {@code n} is negative ({@link #INPUT})
   */
  public ImmutableList<RankedEntry> top(int n) {
    Checks.atLeast(INPUT, "n", 0, n);
    return entries.subList(0, Math.min(n, entries.size()));
  }

  /** Refuses every unit of {@code kind} in {@code scores} whose score is null ({@link #INPUT}). */
  static void requireScores(
      String subject, String field, UnitKind kind, Map<UnitRef, BigDecimal> scores) {
    List<Violation> violations = new ArrayList<>();
    scores.forEach(
        (unit, score) -> {
          if (score == null && unit != null && unit.kind() == kind) {
            violations.add(Violation.of(field + "." + unit, INPUT, "must not be null", null));
          }
        });
    if (!violations.isEmpty()) {
      violations.sort(java.util.Comparator.comparing(Violation::path));
      throw new InvalidInputException(subject, violations);
    }
  }
}
