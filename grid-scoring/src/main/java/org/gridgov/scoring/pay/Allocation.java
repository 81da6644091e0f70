package org.gridgov.scoring.pay;

import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gridgov.core.Money;
import org.gridgov.core.people.WorkerId;

/**
 * Splits an amount among workers in proportion to weights, to the fen, so that the parts add up
 * to the whole exactly (largest remainder method): each worker first gets the floor of total × w ÷
 * Σw in fen; the fen left over go one each to the largest remainders, ties to the smaller worker
 * id. A negative total is split as its absolute value, then negated; the one total without an
 * absolute value, {@code Money.ofFen(Long.MIN_VALUE)}, is refused.
 */
public final class Allocation {
  private Allocation() {}

  public static ImmutableSortedMap<WorkerId, Money> largestRemainder(Money total,
      Map<WorkerId, BigDecimal> weights) {
    if (weights.isEmpty()) {
      if (total.fen() != 0) {
        throw new IllegalArgumentException("cannot split " + total + " among nobody");
      }
      return ImmutableSortedMap.of();
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<WorkerId, BigDecimal> e : weights.entrySet()) {
      if (e.getValue().signum() < 0) {
        throw new IllegalArgumentException("weight of " + e.getKey() + " must not be negative, was "
            + e.getValue().toPlainString());
      }
      sum = sum.add(e.getValue());
    }
    if (sum.signum() == 0) {
      throw new IllegalArgumentException("weights must not all be zero");
    }
    if (total.fen() == Long.MIN_VALUE) {
      // Math.abs would leave it negative, and the parts would come out positive
      throw new IllegalArgumentException("cannot split " + total
          + ": its amount has no positive counterpart to split");
    }
    long whole = Math.abs(total.fen());
    SortedMap<WorkerId, Long> parts = new TreeMap<>();
    List<Map.Entry<WorkerId, BigDecimal>> remainders = new ArrayList<>();
    long given = 0;
    for (Map.Entry<WorkerId, BigDecimal> e : new TreeMap<>(weights).entrySet()) {
      BigDecimal exact = BigDecimal.valueOf(whole).multiply(e.getValue());
      BigDecimal[] qr = exact.divideAndRemainder(sum);
      long floor = qr[0].longValueExact();
      parts.put(e.getKey(), floor);
      remainders.add(Map.entry(e.getKey(), qr[1]));
      given += floor;
    }
    remainders.sort(Map.Entry.<WorkerId, BigDecimal>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    for (int i = 0; i < whole - given; i++) {
      parts.merge(remainders.get(i).getKey(), 1L, Long::sum);
    }
    ImmutableSortedMap.Builder<WorkerId, Money> result = ImmutableSortedMap.naturalOrder();
    parts.forEach((w, fen) -> result.put(w, Money.ofFen(total.fen() < 0 ? -fen : fen)));
    return result.build();
  }
}
