package org.gridgov.scoring.pay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Money;
import org.gridgov.core.Violation;
import org.gridgov.core.people.WorkerId;
import org.junit.jupiter.api.Test;

class AllocationTest {
  private static final WorkerId X = WorkerId.of("x");
  private static final WorkerId Y = WorkerId.of("y");
  private static final WorkerId Z = WorkerId.of("z");

  @Test
  void largestRemainder_equalRemainders_smallerIdFirst() {
    var parts =
        Allocation.largestRemainder(
            Money.ofFen(100), Map.of(Z, BigDecimal.ONE, Y, BigDecimal.ONE, X, BigDecimal.ONE));

    assertThat(parts)
        .containsExactly(
            Map.entry(X, Money.ofFen(34)),
            Map.entry(Y, Money.ofFen(33)),
            Map.entry(Z, Money.ofFen(33)));
  }

  @Test
  void largestRemainder_negativeTotal_mirrorsPositive() {
    var parts =
        Allocation.largestRemainder(
            Money.ofFen(-100), Map.of(X, BigDecimal.ONE, Y, new BigDecimal("2")));

    assertThat(parts).containsEntry(X, Money.ofFen(-33)).containsEntry(Y, Money.ofFen(-67));
  }

  @Test
  void largestRemainder_smallestLong_refusedNotSplitIntoGarbage() {
    assertThat(
            Allocation.largestRemainder(
                Money.ofFen(-Long.MAX_VALUE), Map.of(X, BigDecimal.ONE, Y, BigDecimal.ONE)))
        .containsEntry(X, Money.ofFen(-Long.MAX_VALUE / 2 - 1))
        .containsEntry(Y, Money.ofFen(-Long.MAX_VALUE / 2));
    assertThatThrownBy(
            () ->
                Allocation.largestRemainder(
                    Money.ofFen(Long.MIN_VALUE), Map.of(X, BigDecimal.ONE, Y, BigDecimal.ONE)))
        .isInstanceOf(IllegalArgumentException.class)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "total: has no positive counterpart to split, was"
                + " -¥92233720368547758.08 [pay.allocation]");
  }

  @Test
  void largestRemainder_everyBadWeightListedWithTheRule_hugeExponentsAtOnce() {
    Map<WorkerId, BigDecimal> weights = new TreeMap<>();
    weights.put(X, new BigDecimal("-1"));
    weights.put(Y, new BigDecimal("1e-999999999"));
    weights.put(Z, null);

    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(() -> Allocation.largestRemainder(Money.ofFen(100), weights))
                .isInstanceOfSatisfying(
                    InvalidInputException.class,
                    e ->
                        assertThat(e.violations())
                            .extracting(Violation::toString)
                            .containsExactly(
                                "weights.x: must not be negative, was -1 [pay.allocation]",
                                "weights.y: must have at most 30 digits before the point and 100 after, was"
                                    + " 1E-999999999 [pay.allocation]",
                                "weights.z: is required [pay.allocation]")));
    assertThatThrownBy(() -> Allocation.largestRemainder(Money.ofFen(1), Map.of()))
        .hasMessageContaining(
            "weights: must not be empty: ¥0.01 cannot be split among nobody" + " [pay.allocation]");
    assertThat(Allocation.largestRemainder(Money.ZERO, Map.of())).isEmpty();
  }

  @Test
  void largestRemainder_badWeights_refused() {
    assertThatThrownBy(
            () -> Allocation.largestRemainder(Money.ofFen(1), Map.of(X, BigDecimal.ZERO)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Allocation.largestRemainder(Money.ofFen(1), Map.of(X, new BigDecimal("-1"))))
        .hasMessageContaining("x");
    assertThatThrownBy(() -> Allocation.largestRemainder(Money.ofFen(1), Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void largestRemainder_nullWorker_refusedNamingTheField() {
    Map<WorkerId, BigDecimal> weights = new java.util.HashMap<>();
    weights.put(X, BigDecimal.ONE);
    weights.put(null, BigDecimal.ONE);

    // before the fix: a bare NullPointerException from the TreeMap copy
    assertThatThrownBy(() -> Allocation.largestRemainder(Money.ofFen(100), weights))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("weights: a worker must not be null [pay.allocation]");
  }
}
