package org.gridgov.core.incident;

import java.time.Instant;
import java.util.Objects;

/** Checks shared by every event's compact constructor. */
final class EventFields {
  /** Longest reason text kept (the Open311 description limit). */
  static final int MAX_TEXT = 4000;

  private EventFields() {}

  static void check(String event, IncidentId incident, Actor actor, Instant at, String reason) {
    Objects.requireNonNull(incident, event + ".incident must not be null");
    Objects.requireNonNull(actor, event + ".actor must not be null");
    Objects.requireNonNull(at, event + ".at must not be null");
    text(event, "reason", reason);
  }

  static String text(String event, String field, String value) {
    Objects.requireNonNull(value, event + "." + field + " must not be null");
    if (value.length() > MAX_TEXT) {
      throw new IllegalArgumentException(
          event + "." + field + " must be at most " + MAX_TEXT + " characters, was "
              + value.length());
    }
    return value;
  }

  static <T> T required(String event, String field, T value) {
    return Objects.requireNonNull(value, event + "." + field + " must not be null");
  }

  static void notBefore(String event, String field, Instant value, Instant at) {
    required(event, field, value);
    if (value.isBefore(at)) {
      throw new IllegalArgumentException(
          event + "." + field + " must not be before the event's instant " + at + ", was " + value);
    }
  }
}
