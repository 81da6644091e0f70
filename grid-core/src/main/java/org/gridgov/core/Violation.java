package org.gridgov.core;

import java.util.Objects;

/**
 * One broken rule in some input: where ({@code path}, a field path such as {@code
 * escalation.quota.STREET} or a row such as {@code grids.csv:12}), which rule, what it says and the
 * offending value as text. Values are ids, codes and numbers, never personal data.
 */
public record Violation(String path, String rule, String message, String value)
    implements java.io.Serializable { // carried by InvalidInputException
  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }

  public static Violation of(String path, RuleId rule, String message, Object value) {
    return new Violation(path, rule.value(), message, value == null ? null : String.valueOf(value));
  }

  public static Violation of(String path, String rule, String message, Object value) {
    return new Violation(path, rule, message, value == null ? null : String.valueOf(value));
  }

  /** {@code path: message, was value [rule]}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(path).append(": ").append(message);
    if (value != null) {
      text.append(", was ").append(value);
    }
    return text.append(" [").append(rule).append(']').toString();
  }
}
