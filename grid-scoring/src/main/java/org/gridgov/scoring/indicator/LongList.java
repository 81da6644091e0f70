package org.gridgov.scoring.indicator;

import java.util.Arrays;
import java.util.List;

/** A growable list of primitive longs, so that durations are not boxed one by one. */
final class LongList {
  private long[] values = new long[8];
  private int size;

  void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  /** The nearest-rank {@link Percentiles} {@code ps} of the values; reorders them. */
  Percentiles percentiles(List<Integer> ps) {
    return Percentiles.of(values, size, ps);
  }
}
