package org.gridgov.scoring.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.gridgov.core.Money;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.internal.Decimals;
import org.gridgov.core.internal.Durations;

/**
 * Reads typed values out of a JSON/YAML tree by field path, collecting a violation for every
 * missing, unknown or malformed field (the style of grid-core's policy reader, with the {@code
 * scoring.*} rule ids). A value that cannot be read comes back as null.
 */
final class TreeReader {
  private final List<Violation> violations = new ArrayList<>();

  List<Violation> violations() {
    return violations;
  }

  static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  JsonNode object(JsonNode node, String path, boolean required, String... fields) {
    if (absent(node)) {
      return required ? fail(path, ScoringRules.REQUIRED, "is required", null) : null;
    }
    if (!node.isObject()) {
      return fail(path, ScoringRules.TYPE, "must be an object", node.getNodeType());
    }
    if (fields.length > 0) {
      Set<String> known = Set.of(fields);
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        if (!known.contains(property.getKey())) {
          fail(join(path, property.getKey()), ScoringRules.UNKNOWN_FIELD,
              "is not a known field, expected one of " + Arrays.toString(fields), null);
        }
      }
    }
    return node;
  }

  /** The entries of an object, each read by {@code value}; unreadable entries are left out. */
  <V> Map<String, V> entries(JsonNode node, String path, BiFunction<JsonNode, String, V> value) {
    Map<String, V> result = new LinkedHashMap<>();
    JsonNode n = object(node, path, false);
    if (n != null) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        V v = value.apply(e.getValue(), join(path, e.getKey()));
        if (v != null) {
          result.put(e.getKey(), v);
        }
      }
    }
    return result;
  }

  /** The elements of a list, each read by {@code value} at {@code path[i]}. */
  <V> ImmutableList<V> list(JsonNode node, String path, BiFunction<JsonNode, String, V> value) {
    if (absent(node)) {
      return ImmutableList.of();
    }
    if (!node.isArray()) {
      fail(path, ScoringRules.TYPE, "must be a list", node.getNodeType());
      return ImmutableList.of();
    }
    ImmutableList.Builder<V> b = ImmutableList.builder();
    for (int i = 0; i < node.size(); i++) {
      V v = value.apply(node.get(i), path + "[" + i + "]");
      if (v != null) {
        b.add(v);
      }
    }
    return b.build();
  }

  String text(JsonNode node, String path, boolean required) {
    if (absent(node)) {
      return required ? fail(path, ScoringRules.REQUIRED, "is required", null) : null;
    }
    return node.isTextual() ? node.textValue() : fail(path, ScoringRules.TYPE, "must be text", node.asText());
  }

  Integer integer(JsonNode node, String path, boolean required) {
    if (absent(node)) {
      return required ? fail(path, ScoringRules.REQUIRED, "is required", null) : null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      return fail(path, ScoringRules.TYPE, "must be a whole number", node.asText());
    }
    long value = node.longValue();
    return value == (int) value ? (int) value : fail(path, ScoringRules.RANGE, "is too large", value);
  }

  BigDecimal decimal(JsonNode node, String path, boolean required) {
    if (absent(node)) {
      return required ? fail(path, ScoringRules.REQUIRED, "is required", null) : null;
    }
    if (!node.isNumber()) {
      return fail(path, ScoringRules.TYPE, "must be a number", node.asText());
    }
    BigDecimal value = node.decimalValue();
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    value = value.stripTrailingZeros();
    if (!Decimals.within(value, ScoringRules.MAX_INTEGER_DIGITS, ScoringRules.MAX_DECIMALS)) {
      // toString, not toPlainString: 1e999999999 is eleven characters, its plain form a billion
      return fail(path, ScoringRules.RANGE, ScoringRules.BEYOND_BOUNDS, value.toString());
    }
    return value;
  }

  Duration duration(JsonNode node, String path, boolean required) {
    String text = text(node, path, required);
    if (text == null) {
      return null;
    }
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      return fail(path, ScoringRules.DURATION, "must be a duration such as 30m, 24h, 2d or PT24H", text);
    }
  }

  Money money(JsonNode node, String path, boolean required) {
    BigDecimal yuan = decimal(node, path, required);
    if (yuan == null) {
      return null;
    }
    if (yuan.compareTo(Money.MAX_AMOUNT.yuan()) > 0) {
      return fail(path, ScoringRules.MONEY, "must be at most " + Money.MAX_AMOUNT, yuan.toPlainString());
    }
    try {
      return Money.ofYuan(yuan);
    } catch (IllegalArgumentException e) {
      return fail(path, ScoringRules.MONEY, "must be whole fen (at most 2 decimals)", yuan.toPlainString());
    }
  }

  <E extends Enum<E>> E enumValue(String text, String path, Class<E> type) {
    try {
      return text == null ? null : Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      return fail(path, ScoringRules.ENUM, "must be one of " + Arrays.toString(type.getEnumConstants()), text);
    }
  }

  <T> T fail(String path, RuleId rule, String message, Object value) {
    violations.add(Violation.of(path, rule, message, value));
    return null;
  }

  /** Whether {@code node} is missing or null, which an optional field may be. */
  static boolean absent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }
}
