package org.gridgov.core.people;

import java.time.Instant;
import java.util.Objects;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.internal.Checks;

/**
 * A period a worker is away, from {@code from} (inclusive) until {@code until} (exclusive). Both
 * instants lie from {@link IncidentEvent#MIN_INSTANT} to {@link IncidentEvent#MAX_INSTANT}, what
 * every store keeps ({@link IncidentEvent#instantProblem}): an absence with no known end runs until
 * {@code MAX_INSTANT}, not {@link Instant#MAX}, which no directory store can keep.
 */
public record Absence(Instant from, Instant until, AbsenceKind kind) {
  /**
   * @throws NullPointerException naming a null field
   * @throws InvalidInputException about the {@code absence} ({@code input.range}) at {@code from}
   *     or {@code until} when it lies outside what every store keeps, at {@code until} when it is
   *     not after {@code from}
   */
  public Absence {
    Objects.requireNonNull(from, "absence from");
    Objects.requireNonNull(until, "absence until");
    Objects.requireNonNull(kind, "absence kind");
    storable("from", from);
    storable("until", until);
    if (!from.isBefore(until)) {
      throw Checks.invalid(
          "absence", "until", InputRules.RANGE, "must be after from " + from, until);
    }
  }

  private static void storable(String field, Instant value) {
    String problem = IncidentEvent.instantProblem(value);
    if (problem != null) {
      throw Checks.invalid("absence", field, InputRules.RANGE, problem, value);
    }
  }

  /** Whether {@code instant} falls in {@code [from, until)}. */
  public boolean covers(Instant instant) {
    return !instant.isBefore(from) && instant.isBefore(until);
  }
}
