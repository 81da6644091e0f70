package org.gridgov.core.internal;

import java.time.Instant;

/**
 * Instants kept as an epoch second and a nano of second, as the hot paths keep the instants of a
 * case idle for days (its last event, a deadline, the end of a worker's queue): an {@code Instant}
 * object would be one more thing to fetch from memory each time it is compared. Internal.
 */
public final class Instants {
  private Instants() {}

  /**
   * {@code Instant.ofEpochSecond(second, nano).compareTo(t)} without building the instant:
   * negative, zero or positive as the kept instant is before, at or after {@code t}.
   */
  public static int compare(long second, int nano, Instant t) {
    int bySecond = Long.compare(second, t.getEpochSecond());
    return bySecond != 0 ? bySecond : Integer.compare(nano, t.getNano());
  }
}
