package org.gridgov.scoring.pay;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.gridgov.core.Money;
import org.gridgov.core.people.WorkerId;
import org.gridgov.scoring.ScoreCard;
import org.gridgov.scoring.Town;
import org.gridgov.scoring.UnitRef;
import org.gridgov.scoring.policy.ScoringPresets;

class PayProperties {

  @Property
  void largestRemainder_partsAddUpToTheFenAndStayWithinOneFenOfExact(
      @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long fen,
      @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 1000) Integer> weights) {
    if (weights.stream().allMatch(w -> w == 0)) {
      weights = List.of(1);
    }
    Map<WorkerId, BigDecimal> byWorker = new HashMap<>();
    for (int i = 0; i < weights.size(); i++) {
      byWorker.put(WorkerId.of("w" + i), BigDecimal.valueOf(weights.get(i)));
    }
    BigDecimal sum = BigDecimal.valueOf(weights.stream().mapToInt(Integer::intValue).sum());

    ImmutableSortedMap<WorkerId, Money> parts =
        Allocation.largestRemainder(Money.ofFen(fen), byWorker);

    assertThat(parts.values().stream().mapToLong(Money::fen).sum()).isEqualTo(fen);
    parts.forEach(
        (w, m) -> {
          BigDecimal exact =
              BigDecimal.valueOf(fen)
                  .multiply(byWorker.get(w))
                  .divide(sum, 6, RoundingMode.HALF_UP);
          assertThat(BigDecimal.valueOf(m.fen()).subtract(exact).abs()).isLessThan(BigDecimal.ONE);
        });
  }

  @Property
  void gradedPay_linesReconcileToTheFen(
      @ForAll("salaries") List<Long> fen, @ForAll("scores") List<Integer> centiScores) {
    Map<WorkerId, Money> base = new HashMap<>();
    ImmutableSortedMap.Builder<UnitRef, BigDecimal> bundled = ImmutableSortedMap.naturalOrder();
    for (int i = 0; i < fen.size(); i++) {
      WorkerId w = WorkerId.of("w" + i);
      base.put(w, Money.ofFen(fen.get(i)));
      bundled.put(
          UnitRef.worker(w), BigDecimal.valueOf(centiScores.get(i % centiScores.size()), 2));
    }
    ScoreCard card =
        new ScoreCard(
            Town.PERIOD, "p", ImmutableSortedMap.of(), bundled.build(), ImmutableSortedMap.of());
    var graded = ScoringPresets.kaixuan().pay().orElseThrow().graded().orElseThrow();

    PayStatement pay = GradedPay.compute(graded, card, base);

    assertThat(pay.total()).isEqualTo(pay.fixed().plus(pay.variable()));
    for (PayLine line : pay.lines()) {
      Money salary = base.get(line.worker());
      Money gradedPart = salary.minus(line.fixed());
      assertThat(gradedPart).isEqualTo(salary.times(graded.share(), RoundingMode.HALF_UP));
      assertThat(line.variable().fen()).isLessThanOrEqualTo(Math.round(gradedPart.fen() * 1.2) + 1);
    }
  }

  @Provide
  Arbitrary<List<Long>> salaries() {
    return Arbitraries.longs().between(0, 5_000_000L).list().ofMinSize(1).ofMaxSize(30);
  }

  @Provide
  Arbitrary<List<Integer>> scores() {
    return Arbitraries.integers().between(0, 10_000).list().ofMinSize(1).ofMaxSize(30);
  }
}
