package org.gridgov.scoring.indicator;

import java.util.Arrays;
import java.util.List;

/**
 * A growable list of durations in whole seconds, kept as primitive ints (a year of a district's
 * tallies holds millions of them): a duration beyond an int's range, about 68 years either way,
 * counts as that bound. Values live in chunks of {@value #CHUNK}: the first grows by doubling up to
 * that size, the others are allocated full, so a list of millions of values grows without copying
 * them again and again.
 */
final class SecondsList {
  private static final int SHIFT = 12;
  static final int CHUNK = 1 << SHIFT;

  private int[][] chunks = {new int[8]};
  private int size;

  void add(long seconds) {
    int chunk = size >>> SHIFT;
    int offset = size & (CHUNK - 1);
    if (chunk == chunks.length) {
      chunks = Arrays.copyOf(chunks, chunk * 2);
    }
    int[] values = chunks[chunk];
    if (values == null) {
      values = new int[CHUNK];
      chunks[chunk] = values;
    } else if (offset == values.length) {
      values = Arrays.copyOf(values, Math.min(CHUNK, offset * 2));
      chunks[chunk] = values;
    }
    values[offset] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, seconds));
    size++;
  }

  int size() {
    return size;
  }

  /** The nearest-rank {@link Percentiles} {@code ps} of the values. */
  Percentiles percentiles(List<Integer> ps) {
    long[] all = new long[size];
    for (int i = 0; i < size; i++) {
      all[i] = chunks[i >>> SHIFT][i & (CHUNK - 1)];
    }
    return Percentiles.of(all, size, ps);
  }
}
