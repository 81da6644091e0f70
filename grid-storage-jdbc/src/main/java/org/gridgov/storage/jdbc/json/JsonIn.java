package org.gridgov.storage.jdbc.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.ActorKind;

/**
 * Reads fields of one stored JSON object; every failure names the document and the field, and never
 * the stored value (it may hold personal data).
 */
final class JsonIn {
  private final JsonNode node;
  private final String document;

  JsonIn(JsonNode node, String document) {
    if (node == null || !node.isObject()) {
      throw new JsonFormatException(document + " is not a JSON object");
    }
    this.node = node;
    this.document = document;
  }

  String document() {
    return document;
  }

  boolean has(String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  String text(String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new JsonFormatException(document + "." + field + " is missing or not text");
    }
    return value.textValue();
  }

  Optional<String> optionalText(String field) {
    return has(field) ? Optional.of(text(field)) : Optional.empty();
  }

  boolean flag(String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isBoolean()) {
      throw new JsonFormatException(document + "." + field + " is missing or not a boolean");
    }
    return value.booleanValue();
  }

  long number(String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber()) {
      throw new JsonFormatException(document + "." + field + " is missing or not a whole number");
    }
    if (!value.canConvertToLong()) {
      throw outOfRange(field);
    }
    return value.longValue();
  }

  /** A whole number within an {@code int}: a larger one is refused, not cut to its low bits. */
  int integer(String field) {
    long value = number(field);
    if (value != (int) value) {
      throw outOfRange(field);
    }
    return (int) value;
  }

  private JsonFormatException outOfRange(String field) {
    return new JsonFormatException(document + "." + field + " is out of range");
  }

  Instant instant(String field) {
    return parse(field, text(field), Instant::parse);
  }

  Optional<Instant> optionalInstant(String field) {
    return has(field) ? Optional.of(instant(field)) : Optional.empty();
  }

  <E extends Enum<E>> E enumValue(String field, Class<E> type) {
    return parse(field, text(field), v -> Enum.valueOf(type, v));
  }

  /** The text at {@code field} turned into a value by {@code parser}, which may throw. */
  <T> T value(String field, Function<String, T> parser) {
    return parse(field, text(field), parser);
  }

  <T> Optional<T> optional(String field, Function<String, T> parser) {
    return has(field) ? Optional.of(value(field, parser)) : Optional.empty();
  }

  <T> List<T> list(String field, Function<String, T> parser) {
    List<T> result = new ArrayList<>();
    for (JsonNode item : array(field)) {
      if (!item.isTextual()) {
        throw new JsonFormatException(document + "." + field + " holds a value that is not text");
      }
      result.add(parse(field, item.textValue(), parser));
    }
    return result;
  }

  List<JsonIn> objects(String field) {
    List<JsonIn> result = new ArrayList<>();
    int i = 0;
    for (JsonNode item : array(field)) {
      result.add(new JsonIn(item, document + "." + field + "[" + i++ + "]"));
    }
    return result;
  }

  JsonIn object(String field) {
    return new JsonIn(node.get(field), document + "." + field);
  }

  /** The object at {@code field} as its names and texts, in the document's order. */
  Map<String, String> textsByName(String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isObject()) {
      throw new JsonFormatException(document + "." + field + " is missing or not an object");
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : value.properties()) {
      if (!property.getValue().isTextual()) {
        throw new JsonFormatException(document + "." + field + " holds a value that is not text");
      }
      result.put(property.getKey(), property.getValue().textValue());
    }
    return result;
  }

  Actor actor() {
    JsonIn actor = object("actor");
    ActorKind kind = actor.enumValue("kind", ActorKind.class);
    return actor.value("id", id -> new Actor(kind, id));
  }

  private JsonNode array(String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isArray()) {
      throw new JsonFormatException(document + "." + field + " is missing or not an array");
    }
    return value;
  }

  private <T> T parse(String field, String text, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
      throw new JsonFormatException(
          document + "." + field + " is not valid: " + e.getClass().getSimpleName());
    }
  }
}
