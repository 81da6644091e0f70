package org.gridgov.scoring.pay;

import java.util.Objects;
import org.gridgov.core.Money;
import org.gridgov.core.people.WorkerId;

/**
 * One worker's pay for a period: a fixed part, a part that depends on the assessment, and their
 * sum; {@code basis} says how the variable part was reached (a tier, a count of reports…).
 */
public record PayLine(WorkerId worker, Money fixed, Money variable, Money total, String basis) {
  public PayLine {
    Objects.requireNonNull(worker, "worker");
    Objects.requireNonNull(basis, "basis");
    Money sum;
    try {
      sum = fixed.plus(variable);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("pay of " + worker + ": " + fixed + " + " + variable
          + " is out of range", e);
    }
    if (!sum.equals(total)) {
      throw new IllegalArgumentException("pay of " + worker + ": " + fixed + " + " + variable
          + " is not " + total);
    }
  }

  public static PayLine of(WorkerId worker, Money fixed, Money variable, String basis) {
    return new PayLine(worker, fixed, variable, fixed.plus(variable), basis);
  }
}
