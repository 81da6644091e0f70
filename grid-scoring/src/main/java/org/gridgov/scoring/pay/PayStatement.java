package org.gridgov.scoring.pay;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.gridgov.core.Money;
import org.gridgov.core.people.WorkerId;

/** The pay lines of one period and scheme, by worker id; the totals add up to the fen. */
public record PayStatement(String period, String scheme, ImmutableList<PayLine> lines) {
  public PayStatement {
    lines = ImmutableList.sortedCopyOf(java.util.Comparator.comparing(PayLine::worker), lines);
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
