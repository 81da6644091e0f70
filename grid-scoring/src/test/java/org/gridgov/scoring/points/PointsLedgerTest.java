package org.gridgov.scoring.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gridgov.core.InvalidInputException;
import org.gridgov.core.people.WorkerId;
import org.gridgov.scoring.points.LedgerResult.Outcome;
import org.junit.jupiter.api.Test;

class PointsLedgerTest {
  private static final WorkerId A = WorkerId.of("w-a");
  private static final WorkerId B = WorkerId.of("w-b");

  private static PointsLedger credited() {
    return PointsLedger.empty().credit("2024-03.w-a", A, 22, "March").ledger();
  }

  @Test
  void redeem_withinBalance_appliedAndBalanceFalls() {
    LedgerResult result = credited().redeem("r-1", A, 20, "rice 5 kg");

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(result.ledger().balance(A)).isEqualTo(2);
    assertThat(result.ledger().entries())
        .extracting(LedgerEntry::id)
        .containsExactly("2024-03.w-a", "r-1");
  }

  @Test
  void redeem_aboveBalance_refusedAndNothingChanges() {
    PointsLedger ledger = credited().redeem("r-1", A, 20, "rice").ledger();

    LedgerResult result = ledger.redeem("r-2", A, 5, "oil");

    assertThat(result.outcome()).isEqualTo(Outcome.INSUFFICIENT);
    assertThat(result.ledger()).isSameAs(ledger);
    assertThat(ledger.balance(A)).isEqualTo(2);
    assertThat(result.message()).contains("w-a").contains("r-2");
  }

  @Test
  void redeem_sameIdTwice_duplicateAndCountedOnce() {
    PointsLedger once = credited().redeem("r-1", A, 20, "rice").ledger();

    LedgerResult again = once.redeem("r-1", A, 20, "rice");

    assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(again.ledger().balance(A)).isEqualTo(2);
  }

  @Test
  void redeem_idReusedForAnotherEntry_conflict() {
    PointsLedger once = credited().redeem("r-1", A, 20, "rice").ledger();

    assertThat(once.redeem("r-1", A, 1, "rice").outcome()).isEqualTo(Outcome.CONFLICT);
    assertThat(once.redeem("r-1", B, 20, "rice").outcome()).isEqualTo(Outcome.CONFLICT);
  }

  @Test
  void credit_sameIdTwice_creditedOnce() {
    LedgerResult again = credited().credit("2024-03.w-a", A, 22, "March");

    assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(again.ledger().balance(A)).isEqualTo(22);
  }

  @Test
  void operations_leaveEarlierLedgersUnchanged() {
    PointsLedger before = credited();
    before.redeem("r-1", A, 20, "rice");

    assertThat(before.balance(A)).isEqualTo(22);
    assertThat(PointsLedger.empty().balance(A)).isZero();
  }

  @Test
  void entry_nonPositivePoints_refused() {
    assertThatThrownBy(() -> credited().redeem("r-1", A, 0, "nothing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("r-1");
  }

  @Test
  void entry_pointsAboveTheMaximum_refusedNamingEntryAndRule() {
    assertThat(PointsLedger.empty().credit("c-1", A, LedgerEntry.MAX_POINTS, "a lot").applied())
        .isTrue();
    assertThatThrownBy(
            () -> PointsLedger.empty().credit("c-1", A, LedgerEntry.MAX_POINTS + 1, "more"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("invalid ledger entry c-1")
        .hasMessageContaining(
            "points: must be between 1 and 1000000000, was 1000000001 [points.range]");
  }

  @Test
  void credit_hugePoints_neverWrapTheBalance() {
    LedgerResult first = PointsLedger.empty().credit("c-1", A, LedgerEntry.MAX_POINTS, "a lot");

    assertThat(first.ledger().credit("c-2", A, LedgerEntry.MAX_POINTS, "again").ledger().balance(A))
        .isEqualTo(2 * LedgerEntry.MAX_POINTS);
    assertThatThrownBy(() -> PointsLedger.empty().credit("c-3", A, Long.MAX_VALUE, "wraps"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("[points.range]");
  }

  @Test
  void redeem_exactlyTheBalance_appliedDownToZero() {
    LedgerResult result = credited().redeem("r-1", A, 22, "rice 5 kg and oil");

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(result.ledger().balance(A)).isZero();
  }
}
