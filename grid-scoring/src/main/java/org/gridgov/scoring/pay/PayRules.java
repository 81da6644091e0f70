package org.gridgov.scoring.pay;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;

/**
 * The rule ids of pay inputs (base salaries, worker lists, awards, pools): a pay computation checks
 * its whole input first and refuses it with every violation, each naming its field and rule, before
 * a line is computed.
 */
public final class PayRules {
  /** A worker the score card does not hold: not on the roster the period was scored with. */
  public static final RuleId UNKNOWN_WORKER = RuleId.of("pay.unknown-worker");
  /** A worker listed twice, who would be paid twice. */
  public static final RuleId DUPLICATE_WORKER = RuleId.of("pay.duplicate-worker");
  /** A negative salary or pool. */
  public static final RuleId NEGATIVE = RuleId.of("pay.negative");
  /** A major-event award outside the policy's majorEventMin–majorEventMax. */
  public static final RuleId AWARD_RANGE = RuleId.of("pay.award-range");
  /** A second award for one incident. */
  public static final RuleId DUPLICATE_AWARD = RuleId.of("pay.duplicate-award");

  private PayRules() {}

  /** Collects violations of one computation's input and throws them together. */
  static final class Check {
    private final String subject;
    private final List<Violation> violations = new ArrayList<>();

    Check(String subject) {
      this.subject = subject;
    }

    Check rule(boolean broken, String path, RuleId rule, String message, Object value) {
      if (broken) {
        violations.add(Violation.of(path, rule, message, value));
      }
      return this;
    }

    void throwIfAny() {
      if (!violations.isEmpty()) {
        throw new InvalidInputException(subject, violations);
      }
    }
  }
}
