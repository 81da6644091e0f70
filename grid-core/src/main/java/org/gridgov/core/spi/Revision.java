package org.gridgov.core.spi;

import java.util.Objects;

/** A stored value with the revision it was saved under (1 for the first save). */
public record Revision<T>(T value, long revision) {
  public Revision {
    Objects.requireNonNull(value, "value");
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be at least 1, was " + revision);
    }
  }
}
