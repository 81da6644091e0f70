package org.gridgov.core.people;

import java.time.Instant;
import java.util.Objects;

/** A period a worker is away, from {@code from} (inclusive) until {@code until} (exclusive). */
public record Absence(Instant from, Instant until, AbsenceKind kind) {
  public Absence {
    Objects.requireNonNull(from, "absence from");
    Objects.requireNonNull(until, "absence until");
    Objects.requireNonNull(kind, "absence kind");
    if (!from.isBefore(until)) {
      throw new IllegalArgumentException(
          "absence from must be before until, was " + from + " to " + until);
    }
  }

  /** Whether {@code instant} falls in {@code [from, until)}. */
  public boolean covers(Instant instant) {
    return !instant.isBefore(from) && instant.isBefore(until);
  }
}
