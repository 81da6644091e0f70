package org.gridgov.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.gridgov.scoring.Town.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.people.Role;
import org.gridgov.scoring.indicator.Indicator;
import org.gridgov.scoring.policy.IndicatorWeight;
import org.gridgov.scoring.policy.ScoringPolicy;
import org.gridgov.scoring.policy.ScoringPresets;
import org.gridgov.scoring.ranking.RankedEntry;
import org.gridgov.scoring.ranking.Ranking;
import org.junit.jupiter.api.Test;

/**
 * Kaixuan's monthly score on {@link Town#march()}, by hand: visits 0.20 (target 40), reported 0.20
 * (target 10), proactive claim, effective handling, reply index and rating index 0.15 each; team
 * bundling 0.6 own + 0.4 grid, the instructor 0 + 1. Count targets are a worker's: a grid's are
 * times its workers (G1: A, B, the supervisor and the cadre, 4; G2: C and the supervisor, 2).
 */
class ScoringTest {
  static ScoreCard kaixuanMarch() {
    return Scoring.of(ScoringPresets.kaixuan())
        .month(MARCH, ZONE)
        .score(march(), VISITS, directory());
  }

  private static BigDecimal score(ScoreCard card, UnitRef unit) {
    return card.score(unit).orElseThrow().value();
  }

  @Test
  void score_workers_weightedNormalisedIndicators() {
    ScoreCard card = kaixuanMarch();

    // A: 0.2 × 2/40 + 0.2 × 2/10 + 0.15 × (1 + 1 + 1 + 1) = 0.65
    assertThat(score(card, UnitRef.worker(A))).isEqualByComparingTo("65.00");
    // B: 0.2 × 1/40 + 0 + 0.15 × (0 + 0.5 + 0.75 + 0.4167) = 0.255005
    assertThat(score(card, UnitRef.worker(B))).isEqualByComparingTo("25.50");
    // C: effective handling and rating do not apply: 0.2 × 2/10 ÷ 0.7
    assertThat(score(card, UnitRef.worker(C))).isEqualByComparingTo("5.71");
    assertThat(card.score(UnitRef.worker(C)).orElseThrow().parts())
        .doesNotContainKeys(Indicator.EFFECTIVE_HANDLING_RATE, Indicator.RATING_INDEX);
  }

  @Test
  void roleScores_aWorkerOfTheRole_scoredByItsWeights_everyoneElseAsBefore() {
    ScoringPolicy k = ScoringPresets.kaixuan();
    ScoringPolicy bySocialWorkers =
        new ScoringPolicy(
            k.id(),
            k.version(),
            k.source(),
            k.indicators(),
            k.score(),
            k.threeRates(),
            k.team(),
            k.pay(),
            k.points(),
            k.duties(),
            com.google.common.collect.ImmutableMap.of(
                Role.SOCIAL_WORKER,
                com.google.common.collect.ImmutableMap.of(
                    Indicator.HANDLED_ON_TIME_RATE,
                    new IndicatorWeight(BigDecimal.ONE, Optional.empty(), Optional.empty()))));

    ScoreCard card =
        Scoring.of(bySocialWorkers).month(MARCH, ZONE).score(march(), VISITS, directory());

    assertThat(card.score(UnitRef.worker(B)).orElseThrow().parts())
        .as("B, a social worker: one of two feedbacks on time")
        .containsOnlyKeys(Indicator.HANDLED_ON_TIME_RATE);
    assertThat(score(card, UnitRef.worker(B))).isEqualByComparingTo("50.00");
    assertThat(score(card, UnitRef.worker(A)))
        .as("a grid manager: the preset's weights")
        .isEqualByComparingTo("65.00");
    assertThat(score(card, UnitRef.area(G1))).isEqualByComparingTo("42.50");
  }

  @Test
  void score_grids_sameFormula() {
    ScoreCard card = kaixuanMarch();

    // G1, 4 workers: 0.2 × 3/160 + 0.2 × 3/40 + 0.15 × (1/2 + 2/3 + 5/6 + 17/24) = 0.425
    assertThat(score(card, UnitRef.area(G1))).isEqualByComparingTo("42.50");
    // G2, 2 workers: reports 2 of 20, no visit; reply index and claim rate 0; the rest not due:
    // 0.2 × 0.1 ÷ 0.7
    assertThat(score(card, UnitRef.area(G2))).isEqualByComparingTo("2.86");
  }

  @Test
  void bundled_membersAndCadreShareTheGridScore() {
    ScoreCard card = kaixuanMarch();

    assertThat(card.workerScore(A)).as("0.6 × 65 + 0.4 × 42.50").isEqualByComparingTo("56.00");
    assertThat(card.workerScore(B)).as("0.6 × 25.50 + 0.4 × 42.50").isEqualByComparingTo("32.30");
    assertThat(card.workerScore(CADRE))
        .as("instructor: the grid's score")
        .isEqualByComparingTo("42.50");
    assertThat(card.workerScore(S)).as("0.4 × mean(42.50, 2.86)").isEqualByComparingTo("9.07");
  }

  @Test
  void ranking_workers_byBundledScore() {
    assertThat(kaixuanMarch().ranking(UnitKind.WORKER).entries())
        .extracting(RankedEntry::rank, e -> e.unit().id())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "w-a"),
            org.assertj.core.groups.Tuple.tuple(2, "w-cadre"),
            org.assertj.core.groups.Tuple.tuple(3, "w-b"),
            org.assertj.core.groups.Tuple.tuple(4, "w-sup"),
            org.assertj.core.groups.Tuple.tuple(5, "w-c"));
  }

  @Test
  void rankingAmong_ranksTheChosenWorkersAgainstEachOtherOnly() {
    ScoreCard card = kaixuanMarch();

    // the whole ranking is w-a, w-cadre, w-b, w-sup, w-c: without A and the cadre, B leads
    Ranking chosen =
        card.ranking(
            UnitKind.WORKER,
            List.of(UnitRef.worker(C), UnitRef.worker(B), UnitRef.worker(S), UnitRef.worker(B)));

    assertThat(chosen.entries())
        .extracting(RankedEntry::rank, e -> e.unit().id(), RankedEntry::score)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "w-b", card.workerScore(B)),
            org.assertj.core.groups.Tuple.tuple(2, "w-sup", card.workerScore(S)),
            org.assertj.core.groups.Tuple.tuple(3, "w-c", card.workerScore(C)));
    assertThat(chosen.period()).isEqualTo(card.period().label());
    assertThat(card.ranking(UnitKind.GRID, List.of(UnitRef.area(G2))).entries())
        .extracting(e -> e.unit().id(), RankedEntry::rank)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(G2.value(), 1));
    assertThat(card.ranking(UnitKind.WORKER, List.of()).entries()).isEmpty();
  }

  @Test
  void rankingAmong_unitsNullOfAnotherKindOrNotScored_refusedNamingEach() {
    ScoreCard card = kaixuanMarch();
    List<UnitRef> among = new java.util.ArrayList<>();
    among.add(UnitRef.worker(A));
    among.add(null);
    among.add(UnitRef.area(G1));
    among.add(new UnitRef(UnitKind.WORKER, "w-nobody"));

    InvalidInputException refused =
        catchThrowableOfType(
            InvalidInputException.class, () -> card.ranking(UnitKind.WORKER, among));

    assertThat(refused).isNotNull();
    assertThat(refused.violations())
        .extracting(v -> v.path() + " " + v.rule() + " " + v.message())
        .containsExactly(
            "among[1] ranking.input must not be null",
            "among[2] ranking.input must be a WORKER unit, was a GRID unit",
            "among[3] ranking.input was not scored in "
                + card.period().label()
                + " under "
                + card.policyId());
    assertThatThrownBy(() -> card.ranking(UnitKind.WORKER, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("among");
    assertThatThrownBy(() -> card.ranking(null, List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("kind");
  }

  @Test
  void threeRates_beijingWeights_compositeOfApplicableRates() {
    ScoreCard card =
        Scoring.of(ScoringPresets.beijing12345())
            .month(MARCH, ZONE)
            .score(march(), List.of(), directory());

    ThreeRates g1 = card.threeRates(UnitRef.area(G1)).orElseThrow();
    // response 0 (assigned at the 24 h limit), resolution 1, satisfaction 0: 100 × 0.45 = 45
    assertThat(g1.composite()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("45.00"));
    assertThat(card.threeRates(UnitRef.area(G2)).orElseThrow().composite())
        .as("no 12345 case in G2")
        .isEmpty();
    assertThat(score(card, UnitRef.area(G1))).isEqualByComparingTo("45.00");
  }

  @Test
  void zeroBelow_rateUnderThreshold_scoresZero() {
    ScoringPolicy strict = ScoringPresets.yangling();
    ScoringPolicy policy =
        new ScoringPolicy(
            strict.id(),
            2,
            strict.source(),
            strict.indicators(),
            com.google.common.collect.ImmutableMap.of(
                Indicator.EFFECTIVE_REPORT_RATE,
                new org.gridgov.scoring.policy.IndicatorWeight(
                    BigDecimal.ONE,
                    java.util.Optional.of(new BigDecimal("0.7")),
                    java.util.Optional.empty())),
            strict.threeRates(),
            strict.team(),
            strict.pay(),
            strict.points(),
            strict.duties());

    ScoreCard card = Scoring.of(policy).month(MARCH, ZONE).score(march(), List.of(), directory());

    assertThat(score(card, UnitRef.area(G1))).as("2/3 < 0.7").isEqualByComparingTo("0");
    assertThat(score(card, UnitRef.area(COMMUNITY))).as("3/5 < 0.7").isEqualByComparingTo("0");
  }

  @Test
  void zeroBelow_lowerIsBetterRate_comparedWithTheScoreNotTheRate() {
    ScoringPolicy k = ScoringPresets.kaixuan();
    ScoringPolicy policy =
        new ScoringPolicy(
            k.id(),
            2,
            k.source(),
            k.indicators(),
            com.google.common.collect.ImmutableMap.of(
                Indicator.REWORK_RATE,
                new org.gridgov.scoring.policy.IndicatorWeight(
                    BigDecimal.ONE,
                    java.util.Optional.of(new BigDecimal("0.6")),
                    java.util.Optional.empty())),
            k.threeRates(),
            java.util.Optional.empty(),
            k.pay(),
            k.points(),
            k.duties());

    ScoreCard card = Scoring.of(policy).month(MARCH, ZONE).score(march(), VISITS, directory());

    assertThat(score(card, UnitRef.worker(A))).as("no rework: 1 − 0").isEqualByComparingTo("100");
    assertThat(score(card, UnitRef.worker(B)))
        .as("1 rework in 2: 1 − 0.5 < 0.6")
        .isEqualByComparingTo("0");
  }

  @Test
  void of_invalidPolicyBuiltInCode_refusedWithEveryViolation() {
    ScoringPolicy k = ScoringPresets.kaixuan();
    ScoringPolicy broken =
        new ScoringPolicy(
            k.id(),
            0,
            k.source(),
            k.indicators(),
            com.google.common.collect.ImmutableMap.of(
                Indicator.REPLY_INDEX, org.gridgov.scoring.policy.IndicatorWeight.of("0.5")),
            k.threeRates(),
            k.team(),
            k.pay(),
            k.points(),
            k.duties());

    assertThatThrownBy(() -> Scoring.of(broken))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("version")
        .hasMessageContaining("[scoring.weight-sum]");
  }

  @Test
  void of_policyBuiltInCodeWithMissingAmounts_refusedNamingEach() {
    ScoringPolicy y = ScoringPresets.yangling();
    org.gridgov.scoring.policy.PayScheme pay =
        new org.gridgov.scoring.policy.PayScheme(
            java.util.Optional.empty(),
            java.util.Optional.of(
                new org.gridgov.core.policy.PieceRates(
                    org.gridgov.core.Money.ofYuan("5"), null, null)),
            java.util.Optional.of(
                new org.gridgov.core.policy.Allowance(
                    null, new BigDecimal("0.4"), new BigDecimal("0.6"))));
    ScoringPolicy broken =
        new ScoringPolicy(
            y.id(),
            1,
            y.source(),
            y.indicators(),
            y.score(),
            y.threeRates(),
            y.team(),
            java.util.Optional.of(pay),
            y.points(),
            y.duties());

    assertThatThrownBy(() -> Scoring.of(broken))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(org.gridgov.core.Violation::path)
                    .contains(
                        "pay.allowance.monthly",
                        "pay.pieceRates.majorEventMin",
                        "pay.pieceRates.majorEventMax"));
    assertThatThrownBy(() -> new ScoringRun(broken, PERIOD))
        .as("a run built directly is checked too")
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("pay.allowance.monthly: is required");
  }

  @Test
  void period_monthInZone_boundsAndPrevious() {
    assertThat(PERIOD.from()).isEqualTo(java.time.Instant.parse("2024-02-29T16:00:00Z"));
    assertThat(PERIOD.to()).isEqualTo(java.time.Instant.parse("2024-03-31T16:00:00Z"));
    assertThat(PERIOD.previous().label()).isEqualTo("2024-02");
    assertThat(
            new Period(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 10), ZONE)
                .previous()
                .label())
        .isEqualTo("2024-02-26..2024-03-03");
  }

  @Test
  void previous_wholeMonthsPeriod_theSameNumberOfWholeMonthsBefore() {
    Period q1 = new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31), ZONE);
    Period year = new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), ZONE);

    assertThat(q1.previous())
        .as("Q4 2023, not the 91 days before")
        .isEqualTo(new Period(LocalDate.of(2023, 10, 1), LocalDate.of(2023, 12, 31), ZONE));
    assertThat(year.previous())
        .as("2023, not the 366 days before")
        .isEqualTo(new Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), ZONE));
    assertThat(Period.month(java.time.YearMonth.of(2024, 3), ZONE).previous())
        .isEqualTo(Period.month(java.time.YearMonth.of(2024, 2), ZONE));
  }

  @Test
  void daysAndCalendarMonth_partOfAMonth_wholeMonth_overTwoMonths() {
    Period tenDays = new Period(LocalDate.of(2024, 2, 20), LocalDate.of(2024, 2, 29), ZONE);
    Period overTwo = new Period(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 1), ZONE);

    assertThat(tenDays.days()).isEqualTo(10);
    assertThat(tenDays.calendarMonth()).contains(YearMonth.of(2024, 2));
    assertThat(PERIOD.days()).as("March").isEqualTo(31);
    assertThat(PERIOD.calendarMonth()).contains(YearMonth.of(2024, 3));
    assertThat(overTwo.days()).isEqualTo(2);
    assertThat(overTwo.calendarMonth()).as("over a month's end").isEmpty();
  }

  @Test
  void period_dayBeyondTheStoredInstantsOrOutOfOrder_invalidInputNamingFieldAndRule() {
    InvalidInputException beyond =
        catchThrowableOfType(
            InvalidInputException.class, () -> new Period(LocalDate.MIN, LocalDate.MAX, ZONE));
    InvalidInputException lastMonth =
        catchThrowableOfType(
            InvalidInputException.class, () -> Period.month(YearMonth.of(999_999_999, 12), ZONE));
    InvalidInputException reversed =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> new Period(LocalDate.of(2024, 3, 10), LocalDate.of(2024, 3, 4), ZONE));

    assertThat(beyond).isNotNull();
    assertThat(beyond.violations())
        .extracting(v -> v.path() + " " + v.rule())
        .containsExactly("first period.range", "last period.range");
    assertThat(lastMonth).isNotNull();
    assertThat(lastMonth.getMessage()).contains("must be between 1900-01-01 and 9999-12-31");
    assertThat(reversed.violations())
        .extracting(v -> v.path() + " " + v.rule())
        .containsExactly("last period.order");
    assertThat(Period.month(YearMonth.of(9999, 12), ZONE).to())
        .as("the latest period still has an end")
        .isEqualTo(Instant.parse("9999-12-31T16:00:00Z"));
  }

  @Test
  void values_ofOneKind_onlyThatKindsUnits() {
    ScoreCard card = kaixuanMarch();

    assertThat(card.values(UnitKind.GRID))
        .isNotEmpty()
        .allSatisfy((unit, value) -> assertThat(unit.kind()).isEqualTo(UnitKind.GRID));
    assertThat(card.values(UnitKind.COMMUNITY))
        .isNotEmpty()
        .allSatisfy((unit, value) -> assertThat(unit.kind()).isEqualTo(UnitKind.COMMUNITY));
  }
}
