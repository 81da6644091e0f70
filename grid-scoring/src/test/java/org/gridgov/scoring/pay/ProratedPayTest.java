package org.gridgov.scoring.pay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.gridgov.scoring.Town.*;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Money;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.people.WorkerId;
import org.gridgov.scoring.Period;
import org.gridgov.scoring.ScoreCard;
import org.gridgov.scoring.Scoring;
import org.gridgov.scoring.ScoringRun;
import org.gridgov.scoring.UnitRef;
import org.gridgov.scoring.indicator.IndicatorReport;
import org.gridgov.scoring.policy.GradedPayPolicy;
import org.gridgov.scoring.policy.ScoringPresets;
import org.gridgov.scoring.policy.Tier;
import org.junit.jupiter.api.Test;

/**
 * Monthly amounts (base salaries, a tier's amount, the allowance) over a period that is part of one
 * calendar month: amount × days ÷ days in the month, half-up to the fen, then split as a whole
 * month's is; a period over more than one month is refused. Every figure is worked out by hand.
 */
class ProratedPayTest {
  /** 1–10 March 2024: 10 of March's 31 days. */
  private static final Period TEN_MARCH_DAYS =
      new Period(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 10), ZONE);

  private static final ScoringRun KAIXUAN =
      Scoring.of(ScoringPresets.kaixuan()).period(TEN_MARCH_DAYS);

  private static String rules(InvalidInputException e) {
    return e.violations().stream().map(v -> v.path() + " " + v.rule()).toList().toString();
  }

  /** A card of {@code period} under {@code policyId} with the given bundled worker scores. */
  private static ScoreCard card(Period period, String policyId, Map<WorkerId, String> scores) {
    ImmutableSortedMap.Builder<UnitRef, BigDecimal> bundled = ImmutableSortedMap.naturalOrder();
    scores.forEach((w, s) -> bundled.put(UnitRef.worker(w), new BigDecimal(s)));
    return new ScoreCard(
        period, policyId, ImmutableSortedMap.of(), bundled.build(), ImmutableSortedMap.of());
  }

  @Test
  void gradedPay_tenDaysOfMarch_baseProratedThenSplit() {
    ScoreCard card = card(TEN_MARCH_DAYS, "kaixuan", Map.of(A, "58.25", B, "92.00"));

    PayStatement pay =
        KAIXUAN.gradedPay(card, Map.of(A, Money.ofYuan("5000.00"), B, Money.ofYuan("4321.37")));

    // A: 5000 × 10/31 = 1612.903… → 1612.90; graded 40 % = 645.16, fixed 967.74; tier 1 × 0.5
    PayLine a = pay.line(A).orElseThrow();
    assertThat(a.fixed()).isEqualTo(Money.ofYuan("967.74"));
    assertThat(a.variable()).isEqualTo(Money.ofYuan("322.58"));
    assertThat(a.total()).isEqualTo(Money.ofYuan("1290.32"));
    // B: 432137 fen × 10/31 = 139399.03… → 1393.99; graded 557.596 → 557.60, fixed 836.39
    // (fixed + graded = 1393.99 exactly); tier 4 × 1.2 = 669.12
    PayLine b = pay.line(B).orElseThrow();
    assertThat(b.fixed()).isEqualTo(Money.ofYuan("836.39"));
    assertThat(b.variable()).isEqualTo(Money.ofYuan("669.12"));
    assertThat(b.total()).isEqualTo(Money.ofYuan("1505.51"));
    assertThat(pay.total()).isEqualTo(Money.ofYuan("2795.83"));
    assertThat(pay.period()).isEqualTo("2024-03-01..2024-03-10");
    assertThat(a.basis()).contains("10/31 of the month");
  }

  @Test
  void gradedPay_halfAFenProrated_roundsHalfUp() {
    // 16–30 April: 15 of 30 days; ¥1.01 × 15/30 = 50.5 fen → 51 (half-even or floor would give 50)
    Period period = new Period(LocalDate.of(2024, 4, 16), LocalDate.of(2024, 4, 30), ZONE);
    ScoringRun run = Scoring.of(ScoringPresets.kaixuan()).period(period);

    PayLine a =
        run.gradedPay(card(period, "kaixuan", Map.of(A, "58.25")), Map.of(A, Money.ofYuan("1.01")))
            .line(A)
            .orElseThrow();

    // graded 0.51 × 0.4 = 0.204 → 0.20, fixed 0.31; × 0.5 = 0.10
    assertThat(a.fixed()).isEqualTo(Money.ofYuan("0.31"));
    assertThat(a.variable()).isEqualTo(Money.ofYuan("0.10"));
  }

  @Test
  void gradedPay_tierAmount_proratedLikeTheBase() {
    GradedPayPolicy amounts =
        new GradedPayPolicy(
            new BigDecimal("0.40"),
            ImmutableList.of(
                new Tier(
                    BigDecimal.ZERO,
                    new BigDecimal("100"),
                    Optional.empty(),
                    Optional.of(Money.ofYuan("310.00")))));
    ScoreCard card = card(TEN_MARCH_DAYS, "kaixuan", Map.of(A, "58.25"));

    PayLine a =
        GradedPay.compute(amounts, card, Map.of(A, Money.ofYuan("3100.00"))).line(A).orElseThrow();

    // base 3100 × 10/31 = 1000.00: graded 400.00, fixed 600.00; the tier's ¥310 a month → 100.00
    assertThat(a.fixed()).isEqualTo(Money.ofYuan("600.00"));
    assertThat(a.variable()).isEqualTo(Money.ofYuan("100.00"));
  }

  @Test
  void allowance_tenDaysOfALeapFebruary_monthlyProratedThenSplit() {
    Period period = new Period(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 10), ZONE);
    ScoringRun run = Scoring.of(ScoringPresets.yangling()).period(period);
    ScoreCard card = card(period, "yangling", Map.of(A, "80.00", B, "75.00"));

    PayStatement pay = run.allowance(card, List.of(A, B));

    // 500 × 10/29 = 172.413… → 172.41: basic 40 % = 68.964 → 68.96, assessed 103.45
    PayLine a = pay.line(A).orElseThrow();
    assertThat(a.fixed()).isEqualTo(Money.ofYuan("68.96"));
    assertThat(a.variable()).as("103.45 × 0.80").isEqualTo(Money.ofYuan("82.76"));
    assertThat(a.total()).isEqualTo(Money.ofYuan("151.72"));
    PayLine b = pay.line(B).orElseThrow();
    assertThat(b.variable()).as("103.45 × 0.75 = 77.5875").isEqualTo(Money.ofYuan("77.59"));
    assertThat(b.total()).isEqualTo(Money.ofYuan("146.55"));
    assertThat(a.basis()).contains("10/29 of the month");

    // the whole of February, given as its days, is paid as a month: 200 + 300 × 0.80
    Period february = new Period(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29), ZONE);
    PayLine whole =
        Scoring.of(ScoringPresets.yangling())
            .period(february)
            .allowance(card(february, "yangling", Map.of(A, "80.00")), List.of(A))
            .line(A)
            .orElseThrow();
    assertThat(whole.total()).isEqualTo(Money.ofYuan("440.00"));
    assertThat(whole.basis()).doesNotContain("of the month");
  }

  @Test
  void oneDay_paidOneDayOfItsMonth() {
    Period day = new Period(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 1, 31), ZONE);
    ScoringRun run = Scoring.of(ScoringPresets.kaixuan()).period(day);

    PayLine a =
        run.gradedPay(card(day, "kaixuan", Map.of(A, "58.25")), Map.of(A, Money.ofYuan("6000.00")))
            .line(A)
            .orElseThrow();

    // 6000 × 1/31 = 193.548… → 193.55: graded 77.42, fixed 116.13; × 0.5 = 38.71
    assertThat(a.fixed()).isEqualTo(Money.ofYuan("116.13"));
    assertThat(a.variable()).isEqualTo(Money.ofYuan("38.71"));
    assertThat(a.basis()).contains("1/31 of the month");
  }

  @Test
  void periodOverTwoMonthsOrAQuarter_monthlyPayRefusedNamingThePeriod() {
    Period straddling = new Period(LocalDate.of(2024, 3, 15), LocalDate.of(2024, 4, 14), ZONE);
    Period quarter = new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31), ZONE);
    ScoringRun kaixuan = Scoring.of(ScoringPresets.kaixuan()).period(straddling);
    ScoringRun yangling = Scoring.of(ScoringPresets.yangling()).period(quarter);

    InvalidInputException graded =
        catchThrowableOfType(
            InvalidInputException.class,
            () ->
                kaixuan.gradedPay(
                    card(straddling, "kaixuan", Map.of(A, "58.25")),
                    Map.of(
                        A, Money.ofYuan("5000.00"), WorkerId.of("w-typo"), Money.ofYuan("1.00"))));
    InvalidInputException allowance =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> yangling.allowance(card(quarter, "yangling", Map.of(A, "80.00")), List.of(A)));

    assertThat(rules(graded))
        .as("with every other violation of the input")
        .isEqualTo("[period pay.period, baseSalaries.w-typo pay.unknown-worker]");
    assertThat(graded)
        .hasMessageContaining("period: ")
        .hasMessageContaining("2024-03-15..2024-04-14")
        .hasMessageContaining("[pay.period]");
    assertThat(rules(allowance)).isEqualTo("[period pay.period]");
    assertThat(allowance).hasMessageContaining("2024-01-01..2024-03-31");
  }

  @Test
  void perCaseRatesAndTeamPools_notProratedNorRefused_monthlyPayRefusedBeside() {
    Period twoMonths = new Period(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 30), ZONE);
    ScoringRun yanglingTwoMonths = Scoring.of(ScoringPresets.yangling()).period(twoMonths);
    ScoringRun yangling = Scoring.of(ScoringPresets.yangling()).period(TEN_MARCH_DAYS);
    IndicatorReport twoMonthsReport = yanglingTwoMonths.indicators(march(), List.of(), directory());
    MajorEventAward award = new MajorEventAward(A, IncidentId.of("i1"), Money.ofYuan("300"));

    PayStatement tenDays =
        yangling.pieceRates(yangling.indicators(march(), List.of(), directory()), List.of(award));
    PayStatement overTwoMonths = yanglingTwoMonths.pieceRates(twoMonthsReport, List.of(award));
    PayStatement pool = KAIXUAN.teamPool(Money.ofYuan("100.00"), G1, directory());

    assertThat(tenDays.line(A).orElseThrow().total())
        .as("1 report × 5 + 300, in full")
        .isEqualTo(Money.ofYuan("305.00"));
    assertThat(overTwoMonths.line(A).orElseThrow().total())
        .as("i1 and i5 (registered 1 April) × 5 + 300")
        .isEqualTo(Money.ofYuan("310.00"));
    assertThat(pool.total()).as("the pool given is split whole").isEqualTo(Money.ofYuan("100.00"));
    assertThat(pool.line(A).orElseThrow().total()).isEqualTo(Money.ofYuan("50.00"));
    assertThat(
            catchThrowableOfType(
                InvalidInputException.class,
                () ->
                    yanglingTwoMonths.allowance(
                        card(twoMonths, "yangling", Map.of(A, "80.00")), List.of(A))))
        .as("the allowance of the same run has no single month")
        .isNotNull();
  }

  @Test
  void gradedPay_basis_namesTheScoreTierAndWhatWasProrated() {
    Period march = Period.month(MARCH, ZONE);
    GradedPayPolicy amounts =
        new GradedPayPolicy(
            new BigDecimal("0.40"),
            ImmutableList.of(
                new Tier(
                    BigDecimal.ZERO,
                    new BigDecimal("60"),
                    Optional.empty(),
                    Optional.of(Money.ofYuan("310.00"))),
                new Tier(
                    new BigDecimal("60"),
                    new BigDecimal("100"),
                    Optional.empty(),
                    Optional.of(Money.ofYuan("620.00")))));
    Map<WorkerId, Money> base = Map.of(A, Money.ofYuan("3100.00"), B, Money.ofYuan("3100.00"));
    Map<WorkerId, String> scores = Map.of(A, "58.25", B, "92.00");

    PayStatement factors =
        Scoring.of(ScoringPresets.kaixuan())
            .month(MARCH, ZONE)
            .gradedPay(card(march, "kaixuan", scores), base);
    PayStatement partFactors = KAIXUAN.gradedPay(card(TEN_MARCH_DAYS, "kaixuan", scores), base);
    PayStatement whole = GradedPay.compute(amounts, card(march, "kaixuan", scores), base);
    PayStatement part = GradedPay.compute(amounts, card(TEN_MARCH_DAYS, "kaixuan", scores), base);

    assertThat(factors.lines())
        .extracting(PayLine::basis)
        .containsExactly(
            "score 58.25, tier 1 × 0.5 of ¥1240.00", "score 92.00, tier 4 × 1.2 of ¥1240.00");
    assertThat(partFactors.lines())
        .extracting(PayLine::basis)
        .containsExactly(
            "score 58.25, tier 1 × 0.5 of ¥400.00, 10/31 of the month's base ¥3100.00",
            "score 92.00, tier 4 × 1.2 of ¥400.00, 10/31 of the month's base ¥3100.00");
    assertThat(whole.lines())
        .extracting(PayLine::basis)
        .containsExactly("score 58.25, tier 1 amount", "score 92.00, tier 2 amount");
    assertThat(part.lines())
        .extracting(PayLine::basis)
        .containsExactly(
            "score 58.25, tier 1 amount, 10/31 of the month's base ¥3100.00 and amount ¥310.00",
            "score 92.00, tier 2 amount, 10/31 of the month's base ¥3100.00 and amount ¥620.00");
  }
}
