package org.gridgov.rules;

import java.util.Objects;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;

/**
 * A rule saying no: the rule, a stable upper-case code such as {@code QUOTA_EXHAUSTED} or {@code
 * BOUNCE_LIMIT_REACHED}, and a message naming ids, figures and fields (never personal data).
 *
 * <p>Construction throws {@link InvalidInputException} at {@code code} ({@link InputRules#FORMAT})
 * when it is not UPPER_SNAKE_CASE.
 */
public record Refusal(RuleId rule, String code, String message)
    implements java.io.Serializable { // carried by CommandRefusedException
  public Refusal {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    if (!code.matches("[A-Z][A-Z0-9_]*")) {
      throw new InvalidInputException(
          "refusal of rule " + rule,
          Violation.of("code", InputRules.FORMAT, "must be UPPER_SNAKE_CASE", code));
    }
  }

  @Override
  public String toString() {
    return "[" + rule + "] " + code + ": " + message;
  }
}
