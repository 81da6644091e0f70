package org.gridgov.scoring.pay;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Money;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.people.WorkerId;
import org.gridgov.scoring.Period;

/**
 * The rule ids of pay inputs (base salaries, worker lists, awards, pools): a pay computation checks
 * its whole input first and refuses it with every violation, each naming its field and rule, before
 * a line is computed.
 */
public final class PayRules {
  /** A null worker in a worker list or a salary map, or a null award. */
  public static final RuleId INPUT = RuleId.of("pay.input");

  /**
   * A worker the score card does not hold (not on the roster the period was scored with), or an
   * award for a worker the indicator report does not hold.
   */
  public static final RuleId UNKNOWN_WORKER = RuleId.of("pay.unknown-worker");

  /** A worker listed twice, or with two lines in one {@link PayStatement}: paid twice. */
  public static final RuleId DUPLICATE_WORKER = RuleId.of("pay.duplicate-worker");

  /** A negative salary or pool. */
  public static final RuleId NEGATIVE = RuleId.of("pay.negative");

  /** A major-event award outside the policy's majorEventMin–majorEventMax. */
  public static final RuleId AWARD_RANGE = RuleId.of("pay.award-range");

  /** A second award for one incident. */
  public static final RuleId DUPLICATE_AWARD = RuleId.of("pay.duplicate-award");

  /**
   * Weights that cannot split an amount ({@link Allocation}): none for an amount that is not zero,
   * a null worker, a missing, negative or unbounded weight, only zero weights; or the one amount
   * whose absolute value a {@link Money} cannot hold.
   */
  public static final RuleId ALLOCATION = RuleId.of("pay.allocation");

  /**
   * A team pool for a code that is not a grid, or for a grid no worker with a pool weight serves.
   */
  public static final RuleId POOL_GRID = RuleId.of("pay.pool-grid");

  /** A salary or pool above {@link Money#MAX_AMOUNT} (¥100,000,000.00). */
  public static final RuleId TOO_LARGE = RuleId.of("pay.too-large");

  /**
   * A pay line or a statement's total beyond what {@link Money} holds: reached only by a pay part
   * built in code without the policy checks (a rate or factor beyond their maximum) or by
   * statements of more lines than any payroll has.
   */
  public static final RuleId OVERFLOW = RuleId.of("pay.overflow");

  /**
   * Monthly pay (graded pay, the allowance) for a period over more than one calendar month, a
   * quarter included: monthly amounts are paid by the days of the one month a period covers (a
   * part-month pro rata), and a period of several months has no single month to pay them by. Score
   * such a run month by month, as the simulator does.
   */
  public static final RuleId PERIOD = RuleId.of("pay.period");

  private PayRules() {}

  /**
   * The line computed by {@code line}; an overflow in it is refused as {@link #OVERFLOW} at {@code
   * lines.<worker>}, naming the worker and the amounts.
   */
  static PayLine line(String subject, WorkerId worker, Supplier<PayLine> line) {
    try {
      return line.get();
    } catch (ArithmeticException e) {
      throw overflow(subject, worker, e);
    }
  }

  /** {@code x + y}, part of {@code worker}'s pay; an overflow is refused as in {@link #line}. */
  static Money plus(String subject, WorkerId worker, Money x, Money y) {
    try {
      return x.plus(y);
    } catch (ArithmeticException e) {
      throw overflow(subject, worker, e);
    }
  }

  private static InvalidInputException overflow(
      String subject, WorkerId worker, ArithmeticException e) {
    return new InvalidInputException(
        subject,
        Violation.of(
            "lines." + worker,
            OVERFLOW,
            "pay of worker " + worker + " overflows: " + e.getMessage(),
            null));
  }

  /** Collects violations of one computation's input and throws them together. */
  static final class Check {
    private final String subject;
    private final List<Violation> violations = new ArrayList<>();

    Check(String subject) {
      this.subject = subject;
    }

    String subject() {
      return subject;
    }

    Check rule(boolean broken, String path, RuleId rule, String message, Object value) {
      if (broken) {
        violations.add(Violation.of(path, rule, message, value));
      }
      return this;
    }

    /**
     * {@code period} lies within one calendar month ({@link MonthShare}), else {@link #PERIOD} at
     * {@code period}.
     */
    Check withinOneMonth(Period period) {
      return rule(
          !MonthShare.fits(period),
          "period",
          PERIOD,
          "must lie within one calendar month:"
              + " monthly amounts are paid by the days of the month a period covers",
          period);
    }

    /**
     * {@code amount} is at most {@link Money#MAX_AMOUNT}, else {@link #TOO_LARGE} at {@code path}.
     */
    Check notTooLarge(Money amount, String path) {
      return rule(
          amount != null && amount.compareTo(Money.MAX_AMOUNT) > 0,
          path,
          TOO_LARGE,
          "must be at most " + Money.MAX_AMOUNT,
          amount);
    }

    void throwIfAny() {
      if (!violations.isEmpty()) {
        throw new InvalidInputException(subject, violations);
      }
    }
  }
}
