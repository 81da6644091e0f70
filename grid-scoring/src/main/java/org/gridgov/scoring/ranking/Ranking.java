package org.gridgov.scoring.ranking;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridgov.scoring.UnitKind;
import org.gridgov.scoring.UnitRef;

/**
 * A ranking of one kind of unit for one period by standard competition ranking ("1224"): the
 * order is by score descending, ties in id order (a stable total order); a unit's rank is 1 + the
 * number of units with a strictly higher score, so tied units share a rank and the next rank
 * skips.
 */
public record Ranking(String period, UnitKind kind, ImmutableList<RankedEntry> entries) {
  /** Score descending, then unit id ascending. */
  static final Comparator<Map.Entry<UnitRef, BigDecimal>> ORDER =
      Map.Entry.<UnitRef, BigDecimal>comparingByValue().reversed()
          .thenComparing(Map.Entry.comparingByKey());

  public Ranking {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(kind, "kind");
    entries = ImmutableList.copyOf(entries);
  }

  /** Ranks the units of {@code kind} among {@code scores} (other kinds are left out). */
  public static Ranking of(String period, UnitKind kind, Map<UnitRef, BigDecimal> scores) {
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

  /** The first {@code n} entries in order (ties at the cut may be left out: check the ranks). */
  public ImmutableList<RankedEntry> top(int n) {
    return entries.subList(0, Math.min(n, entries.size()));
  }
}
