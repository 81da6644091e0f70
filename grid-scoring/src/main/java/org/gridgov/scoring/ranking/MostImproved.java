package org.gridgov.scoring.ranking;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.gridgov.core.internal.Checks;
import org.gridgov.scoring.UnitKind;
import org.gridgov.scoring.UnitRef;

/**
 * Most improved: the units scored in both periods, ranked by the change (current − previous)
 * descending with the same competition ranking and id tie-break as {@link Ranking}. A unit new this
 * period has no change and is left out.
 */
public record MostImproved(String period, UnitKind kind, ImmutableList<Improvement> entries) {
  public MostImproved {
    Objects.requireNonNull(period, "period");
    entries = ImmutableList.copyOf(entries);
  }

  /**
   * @throws org.gridgov.core.RuleConfigurationException when {@code current} or {@code previous} is
   *     null ({@link Ranking#INPUT})
   * @throws org.gridgov.core.InvalidInputException naming every unit of {@code kind} without a
   *     score ({@link Ranking#INPUT})
   */
  public static MostImproved of(
      String period,
      UnitKind kind,
      Map<UnitRef, BigDecimal> current,
      Map<UnitRef, BigDecimal> previous) {
    Checks.notNull(Ranking.INPUT, "current", current);
    Checks.notNull(Ranking.INPUT, "previous", previous);
    Ranking.requireScores("most improved " + period, "current", kind, current);
    Ranking.requireScores("most improved " + period, "previous", kind, previous);
    Map<UnitRef, BigDecimal> deltas = new HashMap<>();
    current.forEach(
        (unit, score) -> {
          BigDecimal before = previous.get(unit);
          if (before != null && unit.kind() == kind) {
            deltas.put(unit, score.subtract(before));
          }
        });
    ImmutableList.Builder<Improvement> entries = ImmutableList.builder();
    for (RankedEntry e : Ranking.of(period, kind, deltas).entries()) {
      entries.add(
          new Improvement(
              e.rank(), e.unit(), previous.get(e.unit()), current.get(e.unit()), e.score()));
    }
    return new MostImproved(period, kind, entries.build());
  }

  /** The most improved unit(s): every entry ranked 1. */
  public ImmutableList<Improvement> leaders() {
    return entries.stream().filter(e -> e.rank() == 1).collect(ImmutableList.toImmutableList());
  }
}
