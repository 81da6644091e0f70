package org.gridgov.rules;

import java.util.Objects;
import org.gridgov.core.RuleId;

/**
 * A rule saying no: the rule, a stable upper-case code such as {@code QUOTA_EXHAUSTED} or
 * {@code BOUNCE_LIMIT_REACHED}, and a message naming ids, figures and fields (never personal data).
 */
public record Refusal(RuleId rule, String code, String message)
    implements java.io.Serializable { // carried by CommandRefusedException
  public Refusal {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    if (!code.matches("[A-Z][A-Z0-9_]*")) {
      throw new IllegalArgumentException("refusal code must be UPPER_SNAKE_CASE, was " + code);
    }
  }

  @Override
  public String toString() {
    return "[" + rule + "] " + code + ": " + message;
  }
}
