package org.gridgov.core.incident;

import java.time.Instant;
import org.gridgov.core.people.WorkerId;

/** Checks shared by every event's compact constructor. */
final class EventFields {
  private EventFields() {}

  static void check(String event, IncidentId incident, Actor actor, Instant at, String reason) {
    required(event, "incident", incident);
    required(event, "actor", actor);
    instant(event, "at", at);
    text(event, "reason", reason);
  }

  /**
   * {@code a} against {@code b} (negative, zero, positive) at the precision every store keeps, the
   * microsecond (finer digits cut, as the SQL timestamp types do). The rules that compare an
   * event's instant with the incident's state compare at this precision, so that a store that cuts
   * the digits and one that keeps them accept and refuse the same appends: the last event a JDBC
   * store hands back is already cut. Allocates nothing: the fold runs it on every event.
   */
  static int compareStored(Instant a, Instant b) {
    return compareStored(a, b.getEpochSecond(), b.getNano());
  }

  /** {@link #compareStored(Instant, Instant)} with {@code b} as its epoch second and nano. */
  static int compareStored(Instant a, long bSecond, int bNano) {
    int seconds = Long.compare(a.getEpochSecond(), bSecond);
    return seconds != 0 ? seconds : Integer.compare(a.getNano() / 1000, bNano / 1000);
  }

  /** Throws naming {@code event.field} unless every adapter can store {@code value}. */
  static void instant(String event, String field, Instant value) {
    required(event, field, value);
    String problem = IncidentEvent.instantProblem(value);
    if (problem != null) {
      throw new IllegalArgumentException(event + "." + field + " " + problem + ", was " + value);
    }
  }

  static String text(String event, String field, String value) {
    required(event, field, value);
    String problem = IncidentEvent.textProblem(value);
    if (problem != null) {
      throw new IllegalArgumentException(event + "." + field + " " + problem);
    }
    return value;
  }

  /**
   * Returns {@code value}, or throws a {@link NullPointerException} naming {@code event.field}. The
   * message is built only when thrown: every event passes here, on the dispatch hot path too.
   */
  static <T> T required(String event, String field, T value) {
    if (value == null) {
      throw new NullPointerException(event + "." + field + " must not be null");
    }
    return value;
  }

  /**
   * A worker who records a step done by {@code who} must be {@code who}: a handler could otherwise
   * record a verification in another worker's name. Other actors (a centre seat entering it) may.
   */
  static void actingAs(String event, String field, Actor actor, WorkerId who) {
    if (actor.kind() == ActorKind.WORKER && !actor.workerId().orElseThrow().equals(who)) {
      throw new IllegalArgumentException(event + "." + field + " must be the acting worker "
          + actor.id() + " when a worker records it, was " + who);
    }
  }

  static void notBefore(String event, String field, Instant value, Instant at) {
    instant(event, field, value);
    if (value.isBefore(at)) {
      throw new IllegalArgumentException(
          event + "." + field + " must not be before the event's instant " + at + ", was " + value);
    }
  }

  static void after(String event, String field, Instant value, Instant at) {
    instant(event, field, value);
    if (!value.isAfter(at)) {
      throw new IllegalArgumentException(
          event + "." + field + " must be after the event's instant " + at + ", was " + value);
    }
  }
}
