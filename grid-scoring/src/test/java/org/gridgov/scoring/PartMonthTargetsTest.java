package org.gridgov.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.scoring.Town.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.scoring.indicator.VisitRecord;
import org.gridgov.scoring.policy.ScoringPresets;
import org.junit.jupiter.api.Test;

/**
 * A count target is a month's: a period of part of one calendar month is held to target × days ÷
 * days in the month, as its monthly pay is prorated. Kaixuan's worker score here: visits (weight
 * 0.20, target 40) and reports (0.20, target 10) apply, no case so no rate; figures by hand.
 */
class PartMonthTargetsTest {
  private static final Period MARCH =
      new Period(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31), ZONE);

  /** 1–10 March: 10 of March's 31 days. */
  private static final Period TEN_DAYS =
      new Period(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 10), ZONE);

  private static BigDecimal ownScore(Period period, int visits) {
    List<VisitRecord> records = new ArrayList<>();
    for (int i = 0; i < visits; i++) {
      records.add(new VisitRecord(A, G1, "door-" + i, period.first().plusDays(i % period.days())));
    }
    ScoringRun run = Scoring.of(ScoringPresets.kaixuan()).period(period);
    return run.score(List.of(), records, directory())
        .score(UnitRef.worker(A))
        .orElseThrow()
        .value();
  }

  @Test
  void visits_tenDaysOfMarch_heldToTenThirtyFirstsOfTheMonthsTarget() {
    // 13 visits against 40 × 10/31 = 12.9 (met: 1) and no report against 3.2 (0):
    // 100 × (0.20 × 1 + 0.20 × 0) ÷ 0.40 = 50.00; before the fix 13/40 = 0.325, so 16.25
    assertThat(ownScore(TEN_DAYS, 13)).isEqualByComparingTo("50.00");
    // the whole month: 13/40 = 0.325, 100 × 0.20 × 0.325 ÷ 0.40 = 16.25
    assertThat(ownScore(MARCH, 13)).isEqualByComparingTo("16.25");
  }

  @Test
  void monthShare_partOfOneMonth_daysOverItsLength_elseWhole() {
    assertThat(Scorer.monthShare(TEN_DAYS)).isEqualByComparingTo("0.3225806452");
    assertThat(Scorer.monthShare(MARCH)).isEqualByComparingTo("1");
    assertThat(
            Scorer.monthShare(
                new Period(LocalDate.of(2024, 3, 20), LocalDate.of(2024, 4, 9), ZONE)))
        .as("over two months: the targets as they are")
        .isEqualByComparingTo("1");
  }
}
