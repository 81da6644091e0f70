package org.gridgov.core.incident;

import java.time.Instant;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.people.WorkerId;

/**
 * Checks shared by every event's compact constructor. A refusal is an {@link InvalidInputException}
 * about the event of its incident ({@code reported event of incident i1}) at the field (a record
 * component, such as {@code at}); a missing field is a {@link NullPointerException} naming {@code
 * event.field}. Every event passes here, on the dispatch hot path too, so a refusal's text is built
 * only when it is thrown.
 */
final class EventFields {
  private EventFields() {}

  static void check(String event, IncidentId incident, Actor actor, Instant at, String reason) {
    required(event, "incident", incident);
    required(event, "actor", actor);
    instant(event, incident, "at", at);
    text(event, incident, "reason", reason);
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

  /** Throws naming {@code field} ({@code input.range}) unless every adapter can store it. */
  static void instant(String event, IncidentId incident, String field, Instant value) {
    required(event, field, value);
    String problem = IncidentEvent.instantProblem(value);
    if (problem != null) {
      throw refused(event, incident, field, InputRules.RANGE, problem, value);
    }
  }

  /** Throws naming {@code field} ({@code input.format}, the text not shown) unless storable. */
  static String text(String event, IncidentId incident, String field, String value) {
    required(event, field, value);
    String problem = IncidentEvent.textProblem(value);
    if (problem != null) {
      throw refused(event, incident, field, InputRules.FORMAT, problem, null);
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
  static void actingAs(String event, IncidentId incident, String field, Actor actor, WorkerId who) {
    if (actor.kind() == ActorKind.WORKER && !actor.id().equals(who.value())) {
      throw refused(
          event,
          incident,
          field,
          InputRules.RANGE,
          "must be the acting worker " + actor.id() + " when a worker records it",
          who);
    }
  }

  static void notBefore(
      String event, IncidentId incident, String field, Instant value, Instant at) {
    instant(event, incident, field, value);
    if (value.isBefore(at)) {
      throw refused(
          event,
          incident,
          field,
          InputRules.RANGE,
          "must not be before the event's instant " + at,
          value);
    }
  }

  static void after(String event, IncidentId incident, String field, Instant value, Instant at) {
    instant(event, incident, field, value);
    if (!value.isAfter(at)) {
      throw refused(
          event,
          incident,
          field,
          InputRules.RANGE,
          "must be after the event's instant " + at,
          value);
    }
  }

  /** The refusal of {@code event}'s {@code field}, about that event of {@code incident}. */
  static InvalidInputException refused(
      String event, IncidentId incident, String field, RuleId rule, String message, Object value) {
    return Checks.invalid(event + " event of incident " + incident, field, rule, message, value);
  }
}
