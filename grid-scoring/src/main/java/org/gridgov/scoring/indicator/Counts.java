package org.gridgov.scoring.indicator;

import java.util.Arrays;
import java.util.StringJoiner;

/** An immutable snapshot of one unit's {@link Counter}s. */
public final class Counts {
  static final Counts ZERO = new Counts(new long[Counter.VALUES.length]);

  private final long[] values;

  Counts(long[] values) {
    this.values = values.clone();
  }

  public long get(Counter counter) {
    return values[counter.ordinal()];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Counts that && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  /** The non-zero counts, such as {@code {REPORTED=3, HANDLED=2}}. */
  @Override
  public String toString() {
    StringJoiner text = new StringJoiner(", ", "{", "}");
    for (Counter c : Counter.VALUES) {
      if (values[c.ordinal()] != 0) {
        text.add(c + "=" + values[c.ordinal()]);
      }
    }
    return text.toString();
  }
}
