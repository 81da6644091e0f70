package org.gridgov.storage.jdbc.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;
import org.gridgov.core.incident.Actor;

/** Writes fields into a JSON object; instants as ISO-8601 UTC, truncated to the microsecond. */
final class JsonOut {
  private final ObjectNode node;

  JsonOut() {
    this(JsonNodeFactory.instance.objectNode());
  }

  JsonOut(ObjectNode node) {
    this.node = node;
  }

  ObjectNode node() {
    return node;
  }

  static String instant(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).toString();
  }

  JsonOut text(String field, Object value) {
    node.put(field, String.valueOf(value));
    return this;
  }

  JsonOut optional(String field, Optional<?> value) {
    value.ifPresent(v -> text(field, v instanceof Instant i ? instant(i) : v));
    return this;
  }

  JsonOut instant(String field, Instant value) {
    node.put(field, instant(value));
    return this;
  }

  JsonOut flag(String field, boolean value) {
    node.put(field, value);
    return this;
  }

  JsonOut number(String field, long value) {
    node.put(field, value);
    return this;
  }

  /**
   * A set of values as a sorted array of their texts: a set built with {@code Set.of} iterates in
   * an order that changes between JVM runs, and the same set must give the same document.
   */
  JsonOut texts(String field, Collection<?> values) {
    ArrayNode array = node.putArray(field);
    values.stream().map(String::valueOf).sorted().forEach(array::add);
    return this;
  }

  JsonOut actor(Actor actor) {
    ObjectNode a = node.putObject("actor");
    a.put("kind", actor.kind().name());
    a.put("id", actor.id());
    return this;
  }

  JsonOut object(String field) {
    return new JsonOut(node.putObject(field));
  }
}
