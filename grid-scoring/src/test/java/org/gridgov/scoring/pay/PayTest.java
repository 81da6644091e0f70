package org.gridgov.scoring.pay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.gridgov.scoring.Town.*;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.Directory;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Money;
import org.gridgov.core.Violation;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.PieceRates;
import org.gridgov.scoring.ScoreCard;
import org.gridgov.scoring.Scoring;
import org.gridgov.scoring.ScoringRun;
import org.gridgov.scoring.indicator.IndicatorReport;
import org.gridgov.scoring.policy.GradedPayPolicy;
import org.gridgov.scoring.policy.ScoringPresets;
import org.gridgov.scoring.policy.Tier;
import org.junit.jupiter.api.Test;

/**
 * Pay on the Kaixuan March card (A 58.25, B 34.55, cadre 48.12): see ScoringTest; Yangling's
 * allowance on Yangling's own March card.
 */
class PayTest {
  private static final ScoringRun KAIXUAN = Scoring.of(ScoringPresets.kaixuan()).month(MARCH, ZONE);
  private static final ScoringRun YANGLING =
      Scoring.of(ScoringPresets.yangling()).month(MARCH, ZONE);

  private static ScoreCard card() {
    return KAIXUAN.score(march(), VISITS, directory());
  }

  /** Yangling's own March card: a run pays only cards scored under its own policy. */
  private static ScoreCard yanglingCard() {
    return YANGLING.score(march(), VISITS, directory());
  }

  @Test
  void gradedPay_kaixuan_fortyPercentByTier() {
    PayStatement pay =
        KAIXUAN.gradedPay(
            card(),
            Map.of(
                A,
                Money.ofYuan("5000.00"),
                B,
                Money.ofYuan("4321.37"),
                CADRE,
                Money.ofYuan("6000.00")));

    // A: 2000 graded × 0.5 (58.25 is in [0, 60)) + 3000 fixed
    assertThat(pay.line(A).orElseThrow().total()).isEqualTo(Money.ofYuan("4000.00"));
    // B: graded 4321.37 × 0.4 = 1728.548 → 1728.55; fixed 2592.82; × 0.5 = 864.275 → 864.28
    PayLine b = pay.line(B).orElseThrow();
    assertThat(b.fixed()).isEqualTo(Money.ofYuan("2592.82"));
    assertThat(b.variable()).isEqualTo(Money.ofYuan("864.28"));
    assertThat(b.total()).isEqualTo(Money.ofYuan("3457.10"));
    assertThat(pay.total()).isEqualTo(pay.fixed().plus(pay.variable()));
    assertThat(pay.lines()).extracting(PayLine::worker).containsExactly(A, B, CADRE);
  }

  @Test
  void pieceRates_yangling_fiveYuanAReportPlusMajorEvents() {
    IndicatorReport report = YANGLING.indicators(march(), List.of(), directory());

    PayStatement pay =
        YANGLING.pieceRates(
            report, List.of(new MajorEventAward(A, IncidentId.of("i1"), Money.ofYuan("300"))));

    assertThat(pay.line(A).orElseThrow().total())
        .as("1 effective report + one major event")
        .isEqualTo(Money.ofYuan("305.00"));
    assertThat(pay.line(C).orElseThrow().total())
        .as("i3 rejected, i4 registered")
        .isEqualTo(Money.ofYuan("5.00"));
    assertThat(pay.line(B).orElseThrow().total()).isEqualTo(Money.ZERO);
  }

  @Test
  void pieceRates_awardOutsideRange_refused() {
    IndicatorReport report = YANGLING.indicators(march(), List.of(), directory());

    assertThatThrownBy(
            () ->
                YANGLING.pieceRates(
                    report,
                    List.of(new MajorEventAward(A, IncidentId.of("i1"), Money.ofYuan("600")))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("awards[0].amount: must be between ¥300.00 and ¥500.00, was ¥600.00")
        .hasMessageContaining("[pay.award-range]");
  }

  @Test
  void pieceRates_oneIncidentAwardedTwice_refusedNothingPaid() {
    IndicatorReport report = YANGLING.indicators(march(), List.of(), directory());
    MajorEventAward award = new MajorEventAward(A, IncidentId.of("i1"), Money.ofYuan("300"));

    assertThatThrownBy(
            () ->
                YANGLING.pieceRates(
                    report,
                    List.of(
                        award, new MajorEventAward(B, IncidentId.of("i1"), Money.ofYuan("400")))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("awards[1].incident: is already awarded, was i1")
        .hasMessageContaining("[pay.duplicate-award]");
  }

  @Test
  void gradedPay_unknownWorkerOrNegativeSalary_refusedWithEveryViolation() {
    assertThatThrownBy(
            () ->
                KAIXUAN.gradedPay(
                    card(),
                    Map.of(
                        A,
                        Money.ofYuan("5000.00"),
                        WorkerId.of("W-A"),
                        Money.ofYuan("5000.00"),
                        B,
                        Money.ofYuan("-1.00"))))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactlyInAnyOrder(
                        tuple("baseSalaries.W-A", "pay.unknown-worker"),
                        tuple("baseSalaries.w-b", "pay.negative")));
  }

  @Test
  void allowance_workerTwiceOrUnknown_refused() {
    assertThatThrownBy(
            () -> YANGLING.allowance(yanglingCard(), List.of(A, B, A, WorkerId.of("nobody"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("workers[2]: is listed twice, was w-a")
        .hasMessageContaining("workers[3]: is not a worker on the score card, was nobody");
  }

  @Test
  void teamPool_negative_refused() {
    assertThatThrownBy(() -> KAIXUAN.teamPool(Money.ofYuan("-100.00"), G1, directory()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("pool: must not be negative, was -¥100.00")
        .hasMessageContaining("[pay.negative]");
  }

  @Test
  void teamPool_notAGridOrNobodyWeighted_refusedNamingTheGridAndRule() {
    Directory onlySupervisor =
        directory()
            .withRoster(
                Roster.of(
                    directory().roster().workers().stream()
                        .filter(w -> w.id().equals(S))
                        .toList()));

    assertThatThrownBy(() -> KAIXUAN.teamPool(Money.ofYuan("100.00"), COMMUNITY, directory()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "grid: must be a GRID code, was a COMMUNITY, was 330102011002" + " [pay.pool-grid]");
    assertThatThrownBy(() -> KAIXUAN.teamPool(Money.ofYuan("-1.00"), G1, onlySupervisor))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("pool: must not be negative, was -¥1.00 [pay.negative]")
        .hasMessageContaining(
            "grid: is served by no worker whose role has a pool weight, was "
                + G1
                + " [pay.pool-grid]");
    assertThatThrownBy(() -> KAIXUAN.teamPool(null, G1, directory()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("pool");
  }

  @Test
  void allowance_yangling_basicPlusAssessedByScore() {
    ScoreCard card = yanglingCard();
    PayStatement pay = YANGLING.allowance(card, List.of(A, B));

    // Yangling's own card (no team part: the own score): 200 basic + 300 × 0.80 = 240
    assertThat(card.workerScore(A)).isEqualByComparingTo("80.00");
    assertThat(pay.line(A).orElseThrow().total()).isEqualTo(Money.ofYuan("440.00"));
    // 200 + 300 × 0.75 = 225
    assertThat(card.workerScore(B)).isEqualByComparingTo("75.00");
    assertThat(pay.line(B).orElseThrow().total()).isEqualTo(Money.ofYuan("425.00"));
  }

  @Test
  void teamPool_gridOne_splitByRoleWeightsToTheFen() {
    PayStatement pay = KAIXUAN.teamPool(Money.ofYuan("100.00"), G1, directory());

    // weights A 3 (manager), B 2 (social worker), cadre 1 (instructor); the supervisor has none
    assertThat(pay.line(A).orElseThrow().total()).isEqualTo(Money.ofYuan("50.00"));
    assertThat(pay.line(B).orElseThrow().total()).isEqualTo(Money.ofYuan("33.33"));
    assertThat(pay.line(CADRE).orElseThrow().total())
        .as("largest remainder 4/6 gets the last fen")
        .isEqualTo(Money.ofYuan("16.67"));
    assertThat(pay.line(S)).isEmpty();
    assertThat(pay.total()).isEqualTo(Money.ofYuan("100.00"));
  }

  @Test
  void gradedPay_salaryAboveTheMaximum_refusedNamingWorkerAndRule() {
    assertThat(KAIXUAN.gradedPay(card(), Map.of(A, Money.MAX_AMOUNT)).line(A).orElseThrow().total())
        .as("the maximum itself is paid")
        .isEqualTo(Money.ofYuan("80000000.00"));

    assertThatThrownBy(
            () ->
                KAIXUAN.gradedPay(
                    card(),
                    Map.of(A, Money.ofYuan("100000000.01"), B, Money.ofFen(Long.MAX_VALUE))))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactlyInAnyOrder(
                        tuple("baseSalaries.w-a", "pay.too-large"),
                        tuple("baseSalaries.w-b", "pay.too-large")))
        .hasMessageContaining(
            "baseSalaries.w-a: must be at most ¥100000000.00, was ¥100000000.01 [pay.too-large]");
  }

  @Test
  void teamPool_aboveTheMaximum_refused() {
    assertThatThrownBy(() -> KAIXUAN.teamPool(Money.ofYuan("100000000.01"), G1, directory()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "pool: must be at most ¥100000000.00, was ¥100000000.01 [pay.too-large]");
  }

  @Test
  void gradedPay_policyBuiltInCodeWithAnAbsurdFactor_overflowNamesTheWorker() {
    GradedPayPolicy absurd =
        new GradedPayPolicy(
            new java.math.BigDecimal("0.4"),
            ImmutableList.of(
                new Tier(
                    java.math.BigDecimal.ZERO,
                    new java.math.BigDecimal("100"),
                    Optional.of(new java.math.BigDecimal("1e30")),
                    Optional.empty())));

    assertThatThrownBy(() -> GradedPay.compute(absurd, card(), Map.of(A, Money.ofYuan("5000.00"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "lines.w-a: pay of worker w-a overflows: money out of range: ¥2000.00 × 1E+30")
        .hasMessageContaining("[pay.overflow]");
  }

  @Test
  void pieceRates_ratesBuiltInCodeBeyondRange_overflowNamesTheWorker() {
    IndicatorReport report = YANGLING.indicators(march(), List.of(), directory());
    PieceRates huge =
        new PieceRates(Money.ofFen(Long.MAX_VALUE), Money.ZERO, Money.ofFen(Long.MAX_VALUE));

    assertThatThrownBy(
            () ->
                PieceRatePay.compute(
                    huge,
                    report,
                    List.of(new MajorEventAward(A, IncidentId.of("i1"), Money.ofYuan("300")))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "lines.w-a: pay of worker w-a overflows: 1 reports × ¥92233720368547758.07"
                + " + 1 major events ¥300.00")
        .hasMessageContaining("[pay.overflow]");
  }

  @Test
  void statement_linesAddingUpBeyondRange_refusedWhenBuilt() {
    List<PayLine> lines =
        List.of(
            PayLine.of(A, Money.ofFen(Long.MAX_VALUE), Money.ZERO, "all"),
            PayLine.of(B, Money.ofYuan("0.01"), Money.ZERO, "a fen"));

    assertThatThrownBy(() -> new PayStatement("2024-03", "graded", ImmutableList.copyOf(lines)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("invalid pay statement graded 2024-03")
        .hasMessageContaining(
            "lines: the total of 2 lines overflows: money out of range: "
                + "¥92233720368547758.07 + ¥0.01")
        .hasMessageContaining("[pay.overflow]");
  }

  @Test
  void line_partsAddingUpBeyondRange_refusedNamingTheWorker() {
    assertThatThrownBy(
            () -> new PayLine(A, Money.ofFen(Long.MAX_VALUE), Money.ofFen(1), Money.ZERO, "x"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("pay line of worker w-a");
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo("total");
                        assertThat(v.rule()).isEqualTo("pay.overflow");
                        assertThat(v.message())
                            .isEqualTo(
                                "fixed ¥92233720368547758.07 + variable ¥0.01 is beyond what Money holds");
                      });
            });
  }

  @Test
  void line_totalNotTheSumOfItsParts_refusedAtTotal() {
    assertThatThrownBy(
            () ->
                new PayLine(
                    A, Money.ofYuan("100.00"), Money.ofYuan("20.00"), Money.ofYuan("100.00"), "x"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.path()).isEqualTo("total");
                          assertThat(v.rule()).isEqualTo("input.range");
                          assertThat(v.message())
                              .isEqualTo("must be fixed ¥100.00 + variable ¥20.00 = ¥120.00");
                          assertThat(v.value()).isEqualTo("¥100.00");
                        }));
  }

  @Test
  void missingPayPart_refusedNamingIt() {
    assertThatThrownBy(() -> YANGLING.gradedPay(yanglingCard(), Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pay.graded");
  }

  @Test
  void pieceRates_awardToAWorkerNotInTheReport_refusedNotPaid() {
    IndicatorReport report = YANGLING.indicators(march(), VISITS, directory());
    MajorEventAward typo =
        new MajorEventAward(WorkerId.of("w-typo"), IncidentId.of("i1"), Money.ofYuan("300.00"));

    assertThatThrownBy(() -> YANGLING.pieceRates(report, List.of(typo)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "awards[0].worker: is not a worker of the indicator report, was w-typo")
        .hasMessageContaining("[pay.unknown-worker]");
  }

  @Test
  void nullWorkersOrAwards_refusedNamingTheirPlace() {
    IndicatorReport report = YANGLING.indicators(march(), VISITS, directory());
    Map<WorkerId, Money> salaries = new java.util.HashMap<>();
    salaries.put(null, Money.ofYuan("5000.00"));

    assertThatThrownBy(() -> YANGLING.allowance(yanglingCard(), java.util.Arrays.asList(A, null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("workers[1]: must not be null [pay.input]");
    assertThatThrownBy(
            () -> YANGLING.pieceRates(report, java.util.Arrays.asList((MajorEventAward) null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("awards[0]: must not be null [pay.input]");
    assertThatThrownBy(() -> KAIXUAN.gradedPay(card(), salaries))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("baseSalaries: a worker must not be null [pay.input]");
    assertThatThrownBy(() -> YANGLING.pieceRates(report, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("awards");
    assertThatThrownBy(() -> YANGLING.allowance(yanglingCard(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("workers");
  }

  @Test
  void statement_twoLinesForOneWorker_refusedWhenBuilt() {
    List<PayLine> lines =
        List.of(
            PayLine.of(A, Money.ofYuan("1.00"), Money.ZERO, "one"),
            PayLine.of(B, Money.ofYuan("2.00"), Money.ZERO, "b"),
            PayLine.of(A, Money.ofYuan("3.00"), Money.ZERO, "again"));

    // before the fix: accepted; line(A) returned one of the two, total() counted both
    InvalidInputException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            InvalidInputException.class,
            () -> new PayStatement("2024-03", "graded", ImmutableList.copyOf(lines)));

    assertThat(e.violations())
        .extracting(v -> v.path() + " " + v.rule())
        .containsExactly("lines.w-a pay.duplicate-worker");
    assertThat(e)
        .hasMessageContaining("invalid pay statement graded 2024-03")
        .hasMessageContaining("lines.w-a: has 2 lines");
    assertThat(
            new PayStatement("2024-03", "graded", ImmutableList.copyOf(lines.subList(0, 2)))
                .total())
        .isEqualTo(Money.ofYuan("3.00"));
    assertThatThrownBy(() -> new PayStatement("2024-03", "graded", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("lines");
  }

  @Test
  void pieceRates_awardAtTheRangesBounds_accepted() {
    IndicatorReport report = YANGLING.indicators(march(), List.of(), directory());

    PayStatement pay =
        YANGLING.pieceRates(
            report,
            List.of(
                new MajorEventAward(A, IncidentId.of("i1"), Money.ofYuan("500")),
                new MajorEventAward(C, IncidentId.of("i4"), Money.ofYuan("300"))));

    assertThat(pay.line(A).orElseThrow().total())
        .as("the maximum, 500, is allowed")
        .isEqualTo(Money.ofYuan("505.00"));
    assertThat(pay.line(C).orElseThrow().total())
        .as("the minimum, 300, is allowed")
        .isEqualTo(Money.ofYuan("305.00"));
  }

  @Test
  void statement_aWorkerListedTwiceOrThrice_refusedSayingHowManyLines() {
    List<PayLine> lines =
        List.of(
            PayLine.of(A, Money.ofYuan("1.00"), Money.ZERO, "a"),
            PayLine.of(C, Money.ofYuan("2.00"), Money.ZERO, "c"),
            PayLine.of(B, Money.ofYuan("3.00"), Money.ZERO, "b"),
            PayLine.of(C, Money.ofYuan("4.00"), Money.ZERO, "c again"),
            PayLine.of(B, Money.ofYuan("5.00"), Money.ZERO, "b again"),
            PayLine.of(C, Money.ofYuan("6.00"), Money.ZERO, "c a third time"));

    InvalidInputException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            InvalidInputException.class,
            () -> new PayStatement("2024-03", "graded", ImmutableList.copyOf(lines)));

    assertThat(e).isNotNull();
    assertThat(e.violations())
        .extracting(Violation::toString)
        .containsExactly(
            "lines.w-b: has 2 lines, a worker has one, was w-b [pay.duplicate-worker]",
            "lines.w-c: has 3 lines, a worker has one, was w-c [pay.duplicate-worker]");
  }
}
