package org.gridgov.storage.jdbc.json;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;

/**
 * Incident events as JSON documents with a stable type name ({@code incident.reported}) and a
 * schema version, for any adapter that stores events as text. The incident id is not part of the
 * document: it is the row's key. Instants are written in ISO-8601 UTC to the microsecond (finer
 * digits are truncated). Thread-safe.
 *
 * <pre>{@code
 * EncodedEvent row = EventCodec.encode(event);
 * IncidentEvent back = EventCodec.decode(id, row.type(), row.schemaVersion(), row.payload());
 * }</pre>
 *
 * <p>Compatibility: every document ever written stays readable. A change to an event's fields adds
 * a schema version and a reader for it; {@link #decode} keeps reading the older versions.
 */
public final class EventCodec {
  /** The schema version {@link #encode} writes. */
  public static final int SCHEMA_VERSION = 1;

  private static final Map<Class<?>, EventType<?>> BY_CLASS = new HashMap<>();
  private static final Map<String, EventType<?>> BY_NAME = new HashMap<>();

  static {
    for (EventType<?> type : EventTypes.V1) {
      BY_CLASS.put(type.type(), type);
      BY_NAME.put(type.name(), type);
    }
  }

  private EventCodec() {}

  /** An event as stored: type name, schema version and the JSON payload. */
  public record EncodedEvent(String type, int schemaVersion, String payload) {
    public EncodedEvent {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(payload, "payload");
    }
  }

  /**
   * The stable type name of an event class, such as {@code incident.reported}.
   *
   * @throws InvalidInputException at {@code type} ({@link InputRules#UNKNOWN}) for a class that is
   *     no event type of its own, such as {@code IncidentEvent} itself
   */
  public static String typeName(Class<? extends IncidentEvent> type) {
    EventType<?> known = BY_CLASS.get(Objects.requireNonNull(type, "type"));
    if (known == null) {
      throw new InvalidInputException(
          "stored event type",
          Violation.of("type", InputRules.UNKNOWN, "is no event type stored", type.getName()));
    }
    return known.name();
  }

  public static EncodedEvent encode(IncidentEvent event) {
    EventType<?> type = BY_CLASS.get(Objects.requireNonNull(event, "event").getClass());
    if (type == null) {
      throw new IllegalArgumentException("no stored type for " + event.getClass().getName());
    }
    JsonOut out = new JsonOut();
    type.write(event, out);
    return new EncodedEvent(type.name(), SCHEMA_VERSION, Json.write(out.node()));
  }

  /**
   * Reads a stored event of incident {@code incident}.
   *
   * @throws JsonFormatException when the type or schema version is unknown or the payload is not a
   *     valid event of that type; the message names the type and field, never a value
   */
  public static IncidentEvent decode(
      IncidentId incident, String type, int schemaVersion, String payload) {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    EventType<?> known = BY_NAME.get(type);
    if (known == null) {
      throw new JsonFormatException(
          "unknown event type '"
              + type
              + "' of incident "
              + incident
              + "; known: "
              + EventTypes.names());
    }
    if (schemaVersion < 1 || schemaVersion > SCHEMA_VERSION) {
      throw new JsonFormatException(
          "event type "
              + type
              + " of incident "
              + incident
              + " has schema version "
              + schemaVersion
              + "; this codec reads 1 to "
              + SCHEMA_VERSION);
    }
    JsonIn in = new JsonIn(Json.parse(payload, type), type);
    try {
      return known.reader().apply(incident, in);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new JsonFormatException(
          "event " + type + " of incident " + incident + " breaks its own rules: " + brokenRules(e),
          e);
    }
  }

  /**
   * Which of its rules a stored event breaks, as field and rule id (never the value, which may be a
   * resident's text); the exception's kind when it names none.
   */
  private static String brokenRules(RuntimeException e) {
    return e instanceof InvalidInputException invalid
        ? invalid.violations().stream()
            .map(v -> v.path() + " [" + v.rule() + "]")
            .collect(Collectors.joining(", "))
        : e.getClass().getSimpleName();
  }

  /** The event as it is stored: equal to {@code event} with instants cut to the microsecond. */
  public static IncidentEvent asStored(IncidentEvent event) {
    EncodedEvent encoded = encode(event);
    return decode(event.incident(), encoded.type(), encoded.schemaVersion(), encoded.payload());
  }
}
