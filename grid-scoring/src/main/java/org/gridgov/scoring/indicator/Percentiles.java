package org.gridgov.scoring.indicator;

import com.google.common.collect.ImmutableSortedMap;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Percentiles of durations by the nearest-rank method: with the n values sorted ascending, the
 * p-th percentile (0 &lt; p ≤ 100) is the value at rank ⌈p × n ÷ 100⌉ (1-based). It is always one
 * of the observed values; with no values every percentile is empty.
 */
public record Percentiles(long count, ImmutableSortedMap<Integer, Duration> values) {
  public static final Percentiles NONE = new Percentiles(0, ImmutableSortedMap.of());

  /** The {@code p}-th percentile, empty when there were no values or {@code p} was not asked. */
  public Optional<Duration> p(int p) {
    return Optional.ofNullable(values.get(p));
  }

  /** The nearest-rank percentiles {@code ps} of {@code sorted} (seconds, ascending). */
  static Percentiles of(long[] sorted, List<Integer> ps) {
    if (sorted.length == 0) {
      return NONE;
    }
    ImmutableSortedMap.Builder<Integer, Duration> b = ImmutableSortedMap.naturalOrder();
    for (int p : ps) {
      b.put(p, Duration.ofSeconds(sorted[rank(p, sorted.length) - 1]));
    }
    return new Percentiles(sorted.length, b.build());
  }

  /** ⌈p × n ÷ 100⌉, at least 1. */
  static int rank(int p, int n) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("a percentile is in (0, 100], was " + p);
    }
    return Math.max(1, (int) ((p * (long) n + 99) / 100));
  }
}
