package org.gridgov.governance;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;

/** Collects every problem with a command's input, then throws them together. */
final class Inputs {
  static final RuleId REQUIRED = InputRules.REQUIRED;
  static final RuleId UNKNOWN = InputRules.UNKNOWN;
  static final RuleId RANGE = InputRules.RANGE;
  static final RuleId FORMAT = InputRules.FORMAT;

  private final String command;
  private final List<Violation> violations = new ArrayList<>();

  Inputs(String command) {
    this.command = command;
  }

  Inputs require(String field, Object value) {
    if (value == null) {
      violations.add(Violation.of(field, REQUIRED, "is required", null));
    }
    return this;
  }

  Inputs check(boolean ok, String field, RuleId rule, String message, Object value) {
    if (!ok) {
      violations.add(Violation.of(field, rule, message, value));
    }
    return this;
  }

  boolean isEmpty() {
    return violations.isEmpty();
  }

  void throwIfAny() {
    if (!violations.isEmpty()) {
      throw new InvalidInputException("command " + command, violations);
    }
  }
}
