package org.gridgov.scoring.indicator;

import com.google.common.collect.ImmutableMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.core.category.CategoryCode;

/**
 * One unit's running counts and durations inside an {@link IndicatorEngine}. A tally may exist
 * before anything is counted for it (an {@link IncidentTrack} holds its line's and workers' tallies
 * from the moment they are named); it is {@linkplain #listed() listed} in the report once something
 * is counted, or from the start for seeded units and areas. Not thread-safe.
 */
final class Tally {
  /** Each indicator's slot in {@link #durations}, by its ordinal; -1 for one not a duration. */
  private static final int[] SLOTS = new int[Indicator.values().length];

  static {
    Arrays.fill(SLOTS, -1);
    for (int slot = 0; slot < Indicator.DURATIONS.size(); slot++) {
      SLOTS[Indicator.DURATIONS.get(slot).ordinal()] = slot;
    }
  }

  private final long[] counts = new long[Counter.VALUES.length];

  /** The durations of each {@link Indicator.Kind#DURATION} indicator, by its slot; null: none. */
  private final SecondsList[] durations = new SecondsList[Indicator.DURATIONS.size()];

  /** A grid's reports in P by the category reported, for the high-incidence share; null: none. */
  private HashMap<CategoryCode, long[]> reportsByCategory;

  private boolean listed;

  Tally(boolean listed) {
    this.listed = listed;
  }

  void add(Counter counter, long amount) {
    counts[counter.ordinal()] += amount;
    listed = true;
  }

  /** Adds one duration of a {@link Indicator.Kind#DURATION} indicator, in seconds. */
  void addDuration(Indicator indicator, long seconds) {
    int slot = SLOTS[indicator.ordinal()]; // a table: this runs for every duration counted
    if (slot < 0) {
      throw new IllegalArgumentException(indicator + " is not a duration indicator");
    }
    SecondsList list = durations[slot];
    if (list == null) {
      list = new SecondsList();
      durations[slot] = list;
    }
    list.add(seconds);
    listed = true;
  }

  /** Counts a report in P of {@code category} (a grid's tally only). */
  void addReport(CategoryCode category) {
    if (reportsByCategory == null) {
      reportsByCategory = new HashMap<>();
    }
    reportsByCategory.computeIfAbsent(category, c -> new long[1])[0]++;
  }

  /** Counts a report of {@code from} counted before under {@code to} instead. */
  void moveReport(CategoryCode from, CategoryCode to) {
    long[] old = reportsByCategory.get(from);
    if (--old[0] == 0) {
      reportsByCategory.remove(from);
    }
    addReport(to);
  }

  /** The reports in P by category counted with {@link #addReport}. */
  Map<CategoryCode, long[]> reportsByCategory() {
    return reportsByCategory == null ? Map.of() : reportsByCategory;
  }

  /** Lists the unit in the report even when nothing is counted for it. */
  void list() {
    listed = true;
  }

  /** Whether the unit appears in the report. */
  boolean listed() {
    return listed;
  }

  Counts counts() {
    return new Counts(counts);
  }

  /**
   * The percentiles of each duration indicator with a duration; reorders the durations, so it is
   * asked once, at the end.
   */
  ImmutableMap<Indicator, Percentiles> durations(List<Integer> ps) {
    ImmutableMap.Builder<Indicator, Percentiles> b = ImmutableMap.builder();
    for (int slot = 0; slot < durations.length; slot++) {
      if (durations[slot] != null) {
        b.put(Indicator.DURATIONS.get(slot), durations[slot].percentiles(ps));
      }
    }
    return b.buildOrThrow();
  }
}
