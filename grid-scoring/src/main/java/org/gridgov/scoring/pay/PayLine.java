package org.gridgov.scoring.pay;

import java.util.Objects;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Money;
import org.gridgov.core.Violation;
import org.gridgov.core.people.WorkerId;

/**
 * One worker's pay for a period: a fixed part, a part that depends on the assessment, and their
 * sum; {@code basis} says how the variable part was reached (a tier, a count of reports…).
 *
 * <p>Construction throws {@link InvalidInputException} at {@code total} when it is not {@code fixed
 * + variable} ({@link InputRules#RANGE}), or that sum is beyond what a {@link Money} holds ({@link
 * PayRules#OVERFLOW}).
 */
public record PayLine(WorkerId worker, Money fixed, Money variable, Money total, String basis) {
  public PayLine {
    Objects.requireNonNull(worker, "worker");
    Objects.requireNonNull(basis, "basis");
    Money sum;
    try {
      sum = fixed.plus(variable);
    } catch (ArithmeticException e) {
      throw refused(
          worker,
          Violation.of(
              "total",
              PayRules.OVERFLOW,
              "fixed " + fixed + " + variable " + variable + " is beyond what Money holds",
              total));
    }
    if (!sum.equals(total)) {
      throw refused(
          worker,
          Violation.of(
              "total",
              InputRules.RANGE,
              "must be fixed " + fixed + " + variable " + variable + " = " + sum,
              total));
    }
  }

  public static PayLine of(WorkerId worker, Money fixed, Money variable, String basis) {
    return new PayLine(worker, fixed, variable, fixed.plus(variable), basis);
  }

  private static InvalidInputException refused(WorkerId worker, Violation violation) {
    return new InvalidInputException("pay line of worker " + worker, violation);
  }
}
