package org.gridgov.scoring.pay;

import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gridgov.core.Money;
import org.gridgov.core.internal.Decimals;
import org.gridgov.core.people.WorkerId;
import org.gridgov.scoring.policy.ScoringRules;

/**
 * Splits an amount among workers in proportion to weights, to the fen, so that the parts add up to
 * the whole exactly (largest remainder method): each worker first gets the floor of total × w ÷ Σw
 * in fen; the fen left over go one each to the largest remainders, ties to the smaller worker id. A
 * negative total is split as its absolute value, then negated; the one total without an absolute
 * value, {@code Money.ofFen(Long.MIN_VALUE)}, is refused.
 */
public final class Allocation {
  private Allocation() {}

  /**
   * @throws org.gridgov.core.InvalidInputException listing every problem ({@link
   *     PayRules#ALLOCATION}): no weights for an amount that is not zero, a null worker, a missing
   *     or negative weight, one beyond {@link ScoringRules#MAX_INTEGER_DIGITS} digits before the
   *     point or {@link ScoringRules#MAX_DECIMALS} after, only zero weights, or the amount {@code
   *     Money.ofFen(Long.MIN_VALUE)}
   */
  public static ImmutableSortedMap<WorkerId, Money> largestRemainder(
      Money total, Map<WorkerId, BigDecimal> weights) {
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(weights, "weights");
    PayRules.Check check =
        new PayRules.Check("allocation of " + total)
            .rule(
                weights.isEmpty() && total.fen() != 0,
                "weights",
                PayRules.ALLOCATION,
                "must not be empty: " + total + " cannot be split among nobody",
                null)
            // Math.abs would leave it negative, and the parts would come out positive
            .rule(
                total.fen() == Long.MIN_VALUE,
                "total",
                PayRules.ALLOCATION,
                "has no positive counterpart to split",
                total);
    BigDecimal sum = BigDecimal.ZERO;
    boolean summed = true;
    for (Map.Entry<WorkerId, BigDecimal> e : weights.entrySet()) {
      if (e.getKey() == null) { // a HashMap may hold one: it has no line to be paid on
        check.rule(true, "weights", PayRules.ALLOCATION, "a worker must not be null", null);
        summed = false;
        continue;
      }
      String path = "weights." + e.getKey();
      BigDecimal weight = e.getValue();
      if (weight == null
          || weight.signum() < 0
          || !Decimals.within(weight, ScoringRules.MAX_INTEGER_DIGITS, ScoringRules.MAX_DECIMALS)) {
        check.rule(
            true,
            path,
            PayRules.ALLOCATION,
            weight == null
                ? "is required"
                : weight.signum() < 0 ? "must not be negative" : ScoringRules.BEYOND_BOUNDS,
            weight == null ? null : weight.toString());
        summed = false;
        continue;
      }
      sum = sum.add(weight);
    }
    check
        .rule(
            summed && !weights.isEmpty() && sum.signum() == 0,
            "weights",
            PayRules.ALLOCATION,
            "must not all be zero",
            null)
        .throwIfAny();
    if (weights.isEmpty()) {
      return ImmutableSortedMap.of();
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
    remainders.sort(
        Map.Entry.<WorkerId, BigDecimal>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    for (int i = 0; i < whole - given; i++) {
      parts.merge(remainders.get(i).getKey(), 1L, Long::sum);
    }
    ImmutableSortedMap.Builder<WorkerId, Money> result = ImmutableSortedMap.naturalOrder();
    parts.forEach((w, fen) -> result.put(w, Money.ofFen(total.fen() < 0 ? -fen : fen)));
    return result.build();
  }
}
