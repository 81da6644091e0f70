package org.gridgov.scoring.indicator;

import java.util.List;

/** One unit's running counts and durations inside an {@link IndicatorEngine}. Not thread-safe. */
final class Tally {
  final long[] counts = new long[Counter.VALUES.length];
  final LongList responseSeconds = new LongList();
  final LongList handlingSeconds = new LongList();

  void add(Counter counter, long amount) {
    counts[counter.ordinal()] += amount;
  }

  Counts counts() {
    return new Counts(counts);
  }

  Percentiles responseTime(List<Integer> ps) {
    return Percentiles.of(responseSeconds.sortedCopy(), ps);
  }

  Percentiles handlingTime(List<Integer> ps) {
    return Percentiles.of(handlingSeconds.sortedCopy(), ps);
  }
}
