package org.gridgov.scoring.pay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.gridgov.core.Money;
import org.gridgov.core.people.WorkerId;
import org.junit.jupiter.api.Test;

class AllocationTest {
  private static final WorkerId X = WorkerId.of("x");
  private static final WorkerId Y = WorkerId.of("y");
  private static final WorkerId Z = WorkerId.of("z");

  @Test
  void largestRemainder_equalRemainders_smallerIdFirst() {
    var parts = Allocation.largestRemainder(Money.ofFen(100), Map.of(Z, BigDecimal.ONE, Y, BigDecimal.ONE,
        X, BigDecimal.ONE));

    assertThat(parts).containsExactly(Map.entry(X, Money.ofFen(34)), Map.entry(Y, Money.ofFen(33)),
        Map.entry(Z, Money.ofFen(33)));
  }

  @Test
  void largestRemainder_negativeTotal_mirrorsPositive() {
    var parts = Allocation.largestRemainder(Money.ofFen(-100), Map.of(X, BigDecimal.ONE, Y, new BigDecimal("2")));

    assertThat(parts).containsEntry(X, Money.ofFen(-33)).containsEntry(Y, Money.ofFen(-67));
  }

  @Test
  void largestRemainder_smallestLong_refusedNotSplitIntoGarbage() {
    assertThat(Allocation.largestRemainder(Money.ofFen(-Long.MAX_VALUE), Map.of(X, BigDecimal.ONE, Y, BigDecimal.ONE)))
        .containsEntry(X, Money.ofFen(-Long.MAX_VALUE / 2 - 1)).containsEntry(Y, Money.ofFen(-Long.MAX_VALUE / 2));
    assertThatThrownBy(() -> Allocation.largestRemainder(Money.ofFen(Long.MIN_VALUE),
        Map.of(X, BigDecimal.ONE, Y, BigDecimal.ONE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot split -¥92233720368547758.08: its amount has no positive counterpart to split");
  }

  @Test
  void largestRemainder_badWeights_refused() {
    assertThatThrownBy(() -> Allocation.largestRemainder(Money.ofFen(1), Map.of(X, BigDecimal.ZERO)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Allocation.largestRemainder(Money.ofFen(1), Map.of(X, new BigDecimal("-1"))))
        .hasMessageContaining("x");
    assertThatThrownBy(() -> Allocation.largestRemainder(Money.ofFen(1), Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
