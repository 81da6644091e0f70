package org.gridgov.scoring.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gridgov.core.people.WorkerId;

class PointsLedgerProperties {
  record Op(boolean credit, String id, int worker, long points) {}

  @Property
  void anySequence_balancesNeverNegative_andReplayingChangesNothing(@ForAll("ops") List<Op> ops) {
    PointsLedger ledger = PointsLedger.empty();
    List<Op> applied = new java.util.ArrayList<>();
    for (Op op : ops) {
      LedgerResult result = apply(ledger, op);
      ledger = result.ledger();
      if (result.applied()) {
        applied.add(op);
      }
      for (int w = 0; w < 3; w++) {
        assertThat(ledger.balance(WorkerId.of("w" + w))).isNotNegative();
      }
    }
    PointsLedger replayed = ledger;
    for (Op op : applied) {
      LedgerResult again = apply(replayed, op);
      assertThat(again.outcome()).isEqualTo(LedgerResult.Outcome.DUPLICATE);
      replayed = again.ledger();
    }
    assertThat(replayed.entries()).isEqualTo(ledger.entries());
    for (int w = 0; w < 3; w++) {
      WorkerId id = WorkerId.of("w" + w);
      assertThat(replayed.balance(id)).isEqualTo(ledger.balance(id));
      long sum = ledger.entries(id).stream().mapToLong(LedgerEntry::signed).sum();
      assertThat(ledger.balance(id)).isEqualTo(sum);
    }
  }

  private static LedgerResult apply(PointsLedger ledger, Op op) {
    WorkerId w = WorkerId.of("w" + op.worker());
    return op.credit()
        ? ledger.credit(op.id(), w, op.points(), "")
        : ledger.redeem(op.id(), w, op.points(), "");
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    return Combinators.combine(
            Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 15),
            Arbitraries.integers().between(0, 2),
            Arbitraries.longs().between(1, 50))
        .as((credit, id, worker, points) -> new Op(credit, "e" + id, worker, points))
        .list()
        .ofMaxSize(40);
  }
}
