package org.gridgov.scoring.indicator;

import java.util.Arrays;
import java.util.List;

/**
 * A growable list of primitive longs, so that durations are not boxed one by one. Values live in
 * chunks of {@value #CHUNK}: the first grows by doubling up to that size, the others are allocated
 * full, so a list of millions of values grows without copying them again and again.
 */
final class LongList {
  private static final int SHIFT = 12;
  static final int CHUNK = 1 << SHIFT;

  private long[][] chunks = {new long[8]};
  private int size;

  void add(long value) {
    int chunk = size >>> SHIFT;
    int offset = size & (CHUNK - 1);
    if (chunk == chunks.length) {
      chunks = Arrays.copyOf(chunks, chunk * 2);
    }
    long[] values = chunks[chunk];
    if (values == null) {
      values = new long[CHUNK];
      chunks[chunk] = values;
    } else if (offset == values.length) {
      values = Arrays.copyOf(values, Math.min(CHUNK, offset * 2));
      chunks[chunk] = values;
    }
    values[offset] = value;
    size++;
  }

  int size() {
    return size;
  }

  /** The nearest-rank {@link Percentiles} {@code ps} of the values. */
  Percentiles percentiles(List<Integer> ps) {
    long[] all = new long[size];
    for (int from = 0; from < size; from += CHUNK) {
      System.arraycopy(chunks[from >>> SHIFT], 0, all, from, Math.min(CHUNK, size - from));
    }
    return Percentiles.of(all, size, ps);
  }
}
