package org.gridgov.scoring.indicator;

import com.google.common.collect.ImmutableSortedMap;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Percentiles of durations by the nearest-rank method: with the n values sorted ascending, the p-th
 * percentile (0 &lt; p ≤ 100) is the value at rank ⌈p × n ÷ 100⌉ (1-based). It is always one of the
 * observed values; with no values every percentile is empty. The {@link #mean()} comes with them
 * (平均处置时长 and 平均受理时长 of standards.md §5 are means).
 *
 * @param sumSeconds the sum of the {@code count} durations, in whole seconds
 */
public record Percentiles(
    long count, long sumSeconds, ImmutableSortedMap<Integer, Duration> values) {
  public static final Percentiles NONE = new Percentiles(0, 0, ImmutableSortedMap.of());
  private static final int INSERTION_SORT_BELOW = 16;

  /** The {@code p}-th percentile, empty when there were no values or {@code p} was not asked. */
  public Optional<Duration> p(int p) {
    return Optional.ofNullable(values.get(p));
  }

  /** The mean duration (to the nanosecond, rounded down), empty when there were no values. */
  public Optional<Duration> mean() {
    return count == 0
        ? Optional.empty()
        : Optional.of(Duration.ofSeconds(sumSeconds).dividedBy(count));
  }

  /**
   * The nearest-rank percentiles {@code ps} of the first {@code count} {@code values} (seconds, in
   * any order). Reorders those values: each asked rank is found by selection, in linear time on
   * average, rather than by sorting them all.
   */
  static Percentiles of(long[] values, int count, List<Integer> ps) {
    if (count == 0) {
      return NONE;
    }
    long sum = 0;
    for (int i = 0; i < count; i++) {
      sum += values[i];
    }
    int[] indexes = new int[ps.size()];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = rank(ps.get(i), count) - 1;
    }
    int[] ascending = indexes.clone();
    Arrays.sort(ascending);
    int from = 0;
    for (int index : ascending) {
      select(values, from, count, index);
      from = index;
    }
    ImmutableSortedMap.Builder<Integer, Duration> b = ImmutableSortedMap.naturalOrder();
    for (int i = 0; i < indexes.length; i++) {
      b.put(ps.get(i), Duration.ofSeconds(values[indexes[i]]));
    }
    return new Percentiles(count, sum, b.build());
  }

  /**
   * Puts the value of rank {@code k + 1} among {@code values[from, to)} at index {@code k}, with no
   * larger value before it and no smaller one after it, so that later selections of higher ranks
   * only need {@code [k, to)}. Quickselect with a three-way partition (runs of equal durations are
   * common); after about 2 log₂ n rounds without reaching {@code k} it sorts the rest instead, so
   * the worst case stays O(n log n).
   */
  private static void select(long[] values, int from, int to, int k) {
    int rounds = 2 * (32 - Integer.numberOfLeadingZeros(to - from));
    while (to - from > INSERTION_SORT_BELOW) {
      if (rounds-- == 0) {
        Arrays.sort(values, from, to);
        return;
      }
      long pivot = median(values[from], values[(from + to) >>> 1], values[to - 1]);
      int less = from;
      int more = to;
      int i = from;
      while (i < more) {
        long v = values[i];
        if (v < pivot) {
          values[i++] = values[less];
          values[less++] = v;
        } else if (v > pivot) {
          values[i] = values[--more];
          values[more] = v;
        } else {
          i++;
        }
      }
      if (k < less) {
        to = less;
      } else if (k >= more) {
        from = more;
      } else {
        return;
      }
    }
    for (int i = from + 1; i < to; i++) {
      long v = values[i];
      int j = i - 1;
      while (j >= from && values[j] > v) {
        values[j + 1] = values[j];
        j--;
      }
      values[j + 1] = v;
    }
  }

  private static long median(long a, long b, long c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }

  /** ⌈p × n ÷ 100⌉, at least 1. */
  static int rank(int p, int n) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("a percentile is in (0, 100], was " + p);
    }
    return Math.max(1, (int) ((p * (long) n + 99) / 100));
  }
}
