package org.gridgov.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.gridgov.core.Money;
import org.gridgov.core.Violation;
import org.gridgov.core.internal.Decimals;
import org.gridgov.core.internal.Durations;

/**
 * Reads typed values out of a JSON/YAML tree by field path, collecting a violation for every
 * missing, unknown or malformed field instead of stopping at the first. A value that cannot be read
 * comes back as null (or 0 for numbers); its path is remembered so that validation does not report
 * it a second time.
 */
final class TreeReader {
  private final List<Violation> violations = new ArrayList<>();

  List<Violation> violations() {
    return violations;
  }

  static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /** The object at {@code path}, or null; reports unknown fields and a wrong type. */
  JsonNode object(JsonNode node, String path, boolean required, String... fields) {
    if (absent(node)) {
      if (required) {
        violations.add(Violation.of(path, PolicyRules.REQUIRED, "is required", null));
      }
      return null;
    }
    if (!node.isObject()) {
      return wrongType(path, "must be an object", node);
    }
    Set<String> known = Set.of(fields);
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      String name = property.getKey();
      if (!known.contains(name)) {
        violations.add(
            Violation.of(join(path, name), PolicyRules.UNKNOWN_FIELD,
                "is not a known field, expected one of " + Arrays.toString(fields), null));
      }
    }
    return node;
  }

  /** A map at {@code path} whose keys and values are read by the given functions. */
  <K, V> ImmutableMap<K, V> map(
      JsonNode node, String path, BiFunction<String, String, K> key, BiFunction<JsonNode, String, V> value) {
    if (absent(node)) {
      return ImmutableMap.of();
    }
    if (!node.isObject()) {
      wrongType(path, "must be an object", node);
      return ImmutableMap.of();
    }
    ImmutableMap.Builder<K, V> b = ImmutableMap.builder();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String entryPath = join(path, e.getKey());
      K k = key.apply(e.getKey(), entryPath);
      V v = value.apply(e.getValue(), entryPath);
      if (k != null && v != null) {
        b.put(k, v);
      }
    }
    return b.buildKeepingLast();
  }

  String text(JsonNode node, String path, boolean required) {
    if (absent(node)) {
      return missing(path, required);
    }
    if (!node.isTextual()) {
      return wrongType(path, "must be text", node);
    }
    return node.textValue();
  }

  int integer(JsonNode node, String path) {
    if (absent(node)) {
      missing(path, true);
      return 0;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      wrongType(path, "must be a whole number", node);
      return 0;
    }
    return node.intValue();
  }

  /** A yes/no field; false when absent. */
  boolean flag(JsonNode node, String path) {
    if (absent(node)) {
      return false;
    }
    if (!node.isBoolean()) {
      wrongType(path, "must be true or false", node);
      return false;
    }
    return node.booleanValue();
  }

  BigDecimal decimal(JsonNode node, String path, boolean required) {
    if (absent(node)) {
      return missing(path, required);
    }
    if (!node.isNumber()) {
      return wrongType(path, "must be a number", node);
    }
    BigDecimal value = node.decimalValue();
    return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  Duration duration(JsonNode node, String path, boolean required) {
    String text = text(node, path, required);
    if (text == null) {
      return null;
    }
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      return fail(path, PolicyRules.DURATION, "must be a duration such as 90s, 30m, 24h, 2d or PT24H", text);
    }
  }

  Money money(JsonNode node, String path, boolean required) {
    BigDecimal yuan = decimal(node, path, required);
    if (yuan == null) {
      return null;
    }
    if (yuan.signum() < 0) {
      return fail(path, PolicyRules.MONEY, "must not be negative", Decimals.shown(yuan));
    }
    if (yuan.compareTo(Money.MAX_AMOUNT.yuan()) > 0) {
      return fail(path, PolicyRules.MONEY, "must be at most " + Money.MAX_AMOUNT, Decimals.shown(yuan));
    }
    try {
      return Money.ofYuan(yuan);
    } catch (IllegalArgumentException e) {
      return fail(path, PolicyRules.MONEY, "must be whole fen (at most 2 decimals)", Decimals.shown(yuan));
    }
  }

  <E extends Enum<E>> E enumValue(String text, String path, Class<E> type) {
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      return fail(path, PolicyRules.ENUM, "must be one of " + Arrays.toString(type.getEnumConstants()), text);
    }
  }

  <T> T fail(String path, org.gridgov.core.RuleId rule, String message, Object value) {
    violations.add(Violation.of(path, rule, message, value));
    return null;
  }

  private <T> T missing(String path, boolean required) {
    if (required) {
      violations.add(Violation.of(path, PolicyRules.REQUIRED, "is required", null));
    }
    return null;
  }

  private <T> T wrongType(String path, String message, JsonNode node) {
    return fail(path, PolicyRules.TYPE, message, node.isContainerNode() ? node.getNodeType() : node.asText());
  }

  /** Whether {@code node} is missing or null, which an optional field may be. */
  static boolean absent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }
}
