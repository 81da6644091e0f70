package org.gridgov.scoring.pay;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Money;
import org.gridgov.core.Violation;
import org.gridgov.core.people.WorkerId;

/**
 * The pay lines of one period and scheme, by worker id; the totals add up to the fen.
 *
 * <p>Construction throws {@link org.gridgov.core.InvalidInputException} naming every worker with
 * more than one line ({@link PayRules#DUPLICATE_WORKER}: paid twice, and {@link #line} would show
 * one of them); or ({@link PayRules#OVERFLOW}) when built with lines whose fixed, variable or total
 * amounts add up beyond what {@link Money} holds, so that the totals below never fail; lines within
 * {@link Money#MAX_AMOUNT} never do for any payroll.
 */
public record PayStatement(String period, String scheme, ImmutableList<PayLine> lines) {
  public PayStatement {
    lines =
        ImmutableList.sortedCopyOf(
            Comparator.comparing(PayLine::worker), Objects.requireNonNull(lines, "lines"));
    List<Violation> twice = new ArrayList<>();
    for (int i = 0, next; i < lines.size(); i = next) { // sorted: a worker's lines are adjacent
      WorkerId worker = lines.get(i).worker();
      next = i + 1;
      while (next < lines.size() && lines.get(next).worker().equals(worker)) {
        next++;
      }
      if (next - i > 1) {
        twice.add(
            Violation.of(
                "lines." + worker,
                PayRules.DUPLICATE_WORKER,
                "has " + (next - i) + " lines, a worker has one",
                worker));
      }
    }
    if (!twice.isEmpty()) {
      throw new InvalidInputException("pay statement " + scheme + " " + period, twice);
    }
    Money fixed = Money.ZERO;
    Money variable = Money.ZERO;
    Money total = Money.ZERO;
    try { // the same sums, in the same order, as fixed(), variable() and total() below
      for (PayLine line : lines) {
        fixed = fixed.plus(line.fixed());
        variable = variable.plus(line.variable());
        total = total.plus(line.total());
      }
    } catch (ArithmeticException e) {
      throw new InvalidInputException(
          "pay statement " + scheme + " " + period,
          Violation.of(
              "lines",
              PayRules.OVERFLOW,
              "the total of " + lines.size() + " lines overflows: " + e.getMessage(),
              null));
    }
  }

  public Optional<PayLine> line(WorkerId worker) {
    return lines.stream().filter(l -> l.worker().equals(worker)).findFirst();
  }

  public Money fixed() {
    return lines.stream().map(PayLine::fixed).reduce(Money.ZERO, Money::plus);
  }

  public Money variable() {
    return lines.stream().map(PayLine::variable).reduce(Money.ZERO, Money::plus);
  }

  /** The sum of every line's total, which is always fixed() + variable(). */
  public Money total() {
    return lines.stream().map(PayLine::total).reduce(Money.ZERO, Money::plus);
  }
}
