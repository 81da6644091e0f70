package org.gridgov.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import org.gridgov.core.Money;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;

/**
 * Reads typed values out of a JSON/YAML tree by field path, collecting a violation for every
 * missing, unknown or malformed field instead of stopping at the first. A value that cannot be read
 * comes back as null (or 0 for {@link #integer(JsonNode, String)}); its violation is kept, so that
 * later checks need not report it again. One reader for every policy file: grid-core's policies and
 * grid-scoring's scoring policies, each naming its violations with the rule ids of its own {@link
 * Rules}. Internal: not part of the public API.
 */
public final class TreeReader {
  private final Rules rules;
  private final List<Violation> violations = new ArrayList<>();

  /**
   * The rule ids a reader's violations carry, and what it checks beyond the type of a value.
   *
   * @param range a whole number beyond an {@code int}; a decimal beyond the bounds
   * @param negativeMoney the rule of a negative amount of money, or null when amounts may be
   *     negative as read (the caller checks them)
   * @param maxIntegerDigits the most integer digits a decimal may have, 0 for no bound
   * @param maxDecimals the most decimals a decimal may have (with a bound on integer digits)
   * @param beyondBounds the message of a decimal beyond the bounds
   */
  public record Rules(
      RuleId required,
      RuleId unknownField,
      RuleId type,
      RuleId range,
      RuleId duration,
      RuleId money,
      RuleId enumeration,
      RuleId negativeMoney,
      int maxIntegerDigits,
      int maxDecimals,
      String beyondBounds) {
    public Rules {
      Objects.requireNonNull(required, "required");
      Objects.requireNonNull(unknownField, "unknownField");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(range, "range");
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(money, "money");
      Objects.requireNonNull(enumeration, "enumeration");
      if (maxIntegerDigits > 0 && beyondBounds == null) {
        throw new IllegalArgumentException("bounded decimals need the message of one beyond them");
      }
    }
  }

  public TreeReader(Rules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  public List<Violation> violations() {
    return violations;
  }

  public static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /** Whether {@code node} is missing or null, which an optional field may be. */
  public static boolean absent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  /**
   * The object at {@code path}, or null; reports a wrong type and, when {@code fields} are given,
   * every field not among them.
   */
  public JsonNode object(JsonNode node, String path, boolean required, String... fields) {
    if (absent(node)) {
      return missing(path, required);
    }
    if (!node.isObject()) {
      return wrongType(path, "must be an object", node);
    }
    if (fields.length > 0) {
      Set<String> known = Set.of(fields);
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        if (!known.contains(property.getKey())) {
          fail(
              join(path, property.getKey()),
              rules.unknownField(),
              "is not a known field, expected one of " + Arrays.toString(fields),
              null);
        }
      }
    }
    return node;
  }

  /**
   * A map at {@code path} whose keys and values are read by the given functions; empty if absent.
   */
  public <K, V> ImmutableMap<K, V> map(
      JsonNode node,
      String path,
      BiFunction<String, String, K> key,
      BiFunction<JsonNode, String, V> value) {
    JsonNode n = object(node, path, false);
    if (n == null) {
      return ImmutableMap.of();
    }
    ImmutableMap.Builder<K, V> b = ImmutableMap.builder();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      String entryPath = join(path, e.getKey());
      K k = key.apply(e.getKey(), entryPath);
      V v = value.apply(e.getValue(), entryPath);
      if (k != null && v != null) {
        b.put(k, v);
      }
    }
    return b.buildKeepingLast();
  }

  /** The entries of an object, each read by {@code value}; unreadable entries are left out. */
  public <V> Map<String, V> entries(
      JsonNode node, String path, BiFunction<JsonNode, String, V> value) {
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

  /** The elements of a list, each read by {@code value} at {@code path[i]}; empty if absent. */
  public <V> ImmutableList<V> list(
      JsonNode node, String path, BiFunction<JsonNode, String, V> value) {
    if (absent(node)) {
      return ImmutableList.of();
    }
    if (!node.isArray()) {
      wrongType(path, "must be a list", node);
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

  /**
   * A list of texts at {@code path}, each read by {@code item} from the text and its path (null for
   * a bad one, reported by {@code item}); empty when absent, reported when {@code required}.
   */
  public <V> ImmutableList<V> texts(
      JsonNode node, String path, boolean required, BiFunction<String, String, V> item) {
    if (required && absent(node)) {
      missing(path, true);
    }
    return list(
        node,
        path,
        (value, at) -> {
          String text = text(value, at, true);
          return text == null ? null : item.apply(text, at);
        });
  }

  /**
   * Durations by {@code type}'s constants (grades, area kinds): one duration for every constant, or
   * a map naming some of them; in the constants' order, empty when absent.
   */
  public <E extends Enum<E>> ImmutableMap<E, Duration> durationsBy(
      JsonNode node, String path, Class<E> type) {
    if (absent(node)) {
      return ImmutableMap.of();
    }
    EnumMap<E, Duration> limits = new EnumMap<>(type);
    if (node.isValueNode()) {
      Duration every = duration(node, path, true);
      if (every != null) {
        for (E constant : type.getEnumConstants()) {
          limits.put(constant, every);
        }
      }
    } else {
      limits.putAll(
          map(
              node,
              path,
              (key, at) -> enumValue(key, at, type),
              (value, at) -> duration(value, at, true)));
    }
    return ImmutableMap.copyOf(limits);
  }

  public String text(JsonNode node, String path, boolean required) {
    if (absent(node)) {
      return missing(path, required);
    }
    return node.isTextual() ? node.textValue() : wrongType(path, "must be text", node);
  }

  /** A whole number within an {@code int}, or null. */
  public Integer integer(JsonNode node, String path, boolean required) {
    if (absent(node)) {
      return missing(path, required);
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      return wrongType(path, "must be a whole number", node);
    }
    long value = node.longValue();
    return value == (int) value ? (int) value : fail(path, rules.range(), "is too large", value);
  }

  /** A required whole number; 0 when it cannot be read (its violation kept). */
  public int integer(JsonNode node, String path) {
    Integer value = integer(node, path, true);
    return value == null ? 0 : value;
  }

  /** A yes/no field; false when absent. */
  public boolean flag(JsonNode node, String path) {
    if (absent(node)) {
      return false;
    }
    if (!node.isBoolean()) {
      wrongType(path, "must be true or false", node);
      return false;
    }
    return node.booleanValue();
  }

  /** A number, trailing zeros stripped (zero as {@link BigDecimal#ZERO}), within the bounds. */
  public BigDecimal decimal(JsonNode node, String path, boolean required) {
    if (absent(node)) {
      return missing(path, required);
    }
    if (!node.isNumber()) {
      return wrongType(path, "must be a number", node);
    }
    BigDecimal value = node.decimalValue();
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    value = value.stripTrailingZeros();
    if (rules.maxIntegerDigits() > 0
        && !Decimals.within(value, rules.maxIntegerDigits(), rules.maxDecimals())) {
      // toString, not toPlainString: 1e999999999 is eleven characters, its plain form a billion
      return fail(path, rules.range(), rules.beyondBounds(), value.toString());
    }
    return value;
  }

  public Duration duration(JsonNode node, String path, boolean required) {
    String text = text(node, path, required);
    if (text == null) {
      return null;
    }
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      return fail(
          path, rules.duration(), "must be a duration such as 90s, 30m, 24h, 2d or PT24H", text);
    }
  }

  /** An amount in yuan, whole fen, at most {@link Money#MAX_AMOUNT}. */
  public Money money(JsonNode node, String path, boolean required) {
    BigDecimal yuan = decimal(node, path, required);
    if (yuan == null) {
      return null;
    }
    if (rules.negativeMoney() != null && yuan.signum() < 0) {
      return fail(path, rules.negativeMoney(), "must not be negative", Decimals.shown(yuan));
    }
    if (yuan.compareTo(Money.MAX_AMOUNT.yuan()) > 0) {
      return fail(path, rules.money(), "must be at most " + Money.MAX_AMOUNT, Decimals.shown(yuan));
    }
    try {
      return Money.ofYuan(yuan);
    } catch (IllegalArgumentException e) {
      return fail(
          path, rules.money(), "must be whole fen (at most 2 decimals)", Decimals.shown(yuan));
    }
  }

  /** The constant of {@code type} named {@code text} exactly; null for null text. */
  public <E extends Enum<E>> E enumValue(String text, String path, Class<E> type) {
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      return fail(
          path,
          rules.enumeration(),
          "must be one of " + Arrays.toString(type.getEnumConstants()),
          text);
    }
  }

  /** Records a violation; returns null, for the caller to return as the value not read. */
  public <T> T fail(String path, RuleId rule, String message, Object value) {
    violations.add(Violation.of(path, rule, message, value));
    return null;
  }

  private <T> T missing(String path, boolean required) {
    return required ? fail(path, rules.required(), "is required", null) : null;
  }

  private <T> T wrongType(String path, String message, JsonNode node) {
    return fail(
        path, rules.type(), message, node.isContainerNode() ? node.getNodeType() : node.asText());
  }
}
