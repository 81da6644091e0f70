package org.gridgov.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.gridgov.scoring.Town.*;

import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Money;
import org.gridgov.core.Violation;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.scoring.indicator.IndicatorReport;
import org.gridgov.scoring.indicator.VisitRecord;
import org.gridgov.scoring.policy.ScoringPolicy;
import org.gridgov.scoring.policy.ScoringPresets;
import org.junit.jupiter.api.Test;

/** What a run refuses: inputs of another period, visits the directory does not know, nulls. */
class ScoringRunInputTest {
  private static final ScoringRun KAIXUAN = Scoring.of(ScoringPresets.kaixuan()).month(MARCH, ZONE);
  private static final ScoringRun L = Scoring.of(ScoringPresets.lCommunity()).month(MARCH, ZONE);
  private static final ScoringRun YANGLING =
      Scoring.of(ScoringPresets.yangling()).month(MARCH, ZONE);
  private static final YearMonth FEBRUARY = YearMonth.of(2024, 2);

  private static String rules(InvalidInputException e) {
    return e.violations().stream().map(v -> v.path() + " " + v.rule()).toList().toString();
  }

  @Test
  void visitRecord_aHouseholdThatIsNoToken_refusedWithoutShowingIt() {
    assertThatThrownBy(
            () ->
                new VisitRecord(
                    WorkerId.of("w-a"),
                    AreaCode.of("330102011002001", Level.GRID),
                    "张三 13800138000",
                    LocalDate.of(2024, 3, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("visit.household")
        .hasMessageNotContaining("13800138000")
        .hasMessageNotContaining("张三");
  }

  @Test
  void visitRecord_aCodeThatIsNoGrid_refusedAsAVisitNamingTheGrid() {
    assertThatThrownBy(() -> new VisitRecord(A, COMMUNITY, "b3-101", LocalDate.of(2024, 3, 4)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("visit record of worker w-a on 2024-03-04");
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo("grid");
                        assertThat(v.rule()).isEqualTo("indicators.visit");
                        assertThat(v.message()).isEqualTo("must be a GRID code, was a COMMUNITY");
                        assertThat(v.value()).isEqualTo("330102011002");
                      });
            });
  }

  @Test
  void score_reportOfAnotherMonthOrZone_refusedNamingThePeriods() {
    IndicatorReport february =
        Scoring.of(ScoringPresets.kaixuan())
            .month(FEBRUARY, ZONE)
            .indicators(march(), VISITS, directory());
    IndicatorReport utc =
        Scoring.of(ScoringPresets.kaixuan())
            .month(MARCH, ZoneOffset.UTC)
            .indicators(march(), VISITS, directory());

    InvalidInputException other =
        catchThrowableOfType(
            InvalidInputException.class, () -> KAIXUAN.score(february, directory()));
    InvalidInputException zone =
        catchThrowableOfType(InvalidInputException.class, () -> KAIXUAN.score(utc, directory()));

    assertThat(rules(other)).isEqualTo("[report.period period.mismatch]");
    assertThat(other)
        .hasMessageContaining(
            "report.period: must be the run's period 2024-03 Asia/Shanghai, was 2024-02 Asia/Shanghai");
    assertThat(rules(zone)).isEqualTo("[report.period period.mismatch]");
  }

  @Test
  void payAndPoints_cardOrReportOfAnotherMonth_refusedNotLabelledWithIt() {
    ScoringRun february = Scoring.of(ScoringPresets.kaixuan()).month(FEBRUARY, ZONE);
    ScoreCard febCard = february.score(march(), VISITS, directory());
    IndicatorReport febReport =
        Scoring.of(ScoringPresets.lCommunity())
            .month(FEBRUARY, ZONE)
            .indicators(march(), VISITS, directory());
    IndicatorReport febYangling =
        Scoring.of(ScoringPresets.yangling())
            .month(FEBRUARY, ZONE)
            .indicators(march(), VISITS, directory());

    assertThat(
            rules(
                catchThrowableOfType(
                    InvalidInputException.class,
                    () -> KAIXUAN.gradedPay(febCard, Map.of(A, Money.ofYuan("5000.00"))))))
        .isEqualTo("[card.period period.mismatch]");
    assertThat(
            rules(
                catchThrowableOfType(
                    InvalidInputException.class, () -> YANGLING.allowance(febCard, List.of(A)))))
        .as("a Kaixuan card of February: both named at once")
        .isEqualTo("[card.period period.mismatch, card.policyId scoring.policy-mismatch]");
    assertThat(
            rules(
                catchThrowableOfType(
                    InvalidInputException.class,
                    () -> YANGLING.pieceRates(febYangling, List.of()))))
        .isEqualTo("[report.period period.mismatch]");
    assertThat(
            rules(
                catchThrowableOfType(
                    InvalidInputException.class,
                    () -> L.points(febReport, List.of(), directory()))))
        .isEqualTo("[report.period period.mismatch]");
  }

  @Test
  void mostImproved_cardsSwappedOrNotThePreviousPeriod_refused() {
    ScoreCard march = KAIXUAN.score(march(), VISITS, directory());
    ScoreCard february =
        Scoring.of(ScoringPresets.kaixuan())
            .month(FEBRUARY, ZONE)
            .score(march(), VISITS, directory());

    InvalidInputException swapped =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> KAIXUAN.mostImproved(UnitKind.WORKER, february, march));
    InvalidInputException same =
        catchThrowableOfType(
            InvalidInputException.class, () -> KAIXUAN.mostImproved(UnitKind.WORKER, march, march));

    assertThat(rules(swapped))
        .isEqualTo("[current.period period.mismatch, previous.period period.mismatch]");
    assertThat(swapped)
        .hasMessageContaining(
            "previous.period: must be the period before the"
                + " run's, 2024-02 Asia/Shanghai, was 2024-03 Asia/Shanghai");
    assertThat(rules(same)).isEqualTo("[previous.period period.mismatch]");
    assertThat(KAIXUAN.mostImproved(UnitKind.WORKER, march, february).entries()).isNotEmpty();
  }

  /** Kaixuan's policy under another id, as a place that copied it would name it. */
  private static ScoringRun renamedKaixuan(YearMonth month) {
    ScoringPolicy p = ScoringPresets.kaixuan();
    return Scoring.of(
            new ScoringPolicy(
                "kaixuan-copy",
                p.version(),
                p.source(),
                p.indicators(),
                p.score(),
                p.threeRates(),
                p.team(),
                p.pay(),
                p.points(),
                p.duties()))
        .month(month, ZONE);
  }

  @Test
  void payAndMostImproved_cardOfAnotherPolicy_refusedNamingBothIds() {
    ScoreCard kaixuan = KAIXUAN.score(march(), VISITS, directory());
    ScoreCard kaixuanFebruary =
        Scoring.of(ScoringPresets.kaixuan())
            .month(FEBRUARY, ZONE)
            .score(march(), VISITS, directory());
    ScoringRun copy = renamedKaixuan(MARCH);
    ScoreCard copyFebruary = renamedKaixuan(FEBRUARY).score(march(), VISITS, directory());

    InvalidInputException graded =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> copy.gradedPay(kaixuan, Map.of(A, Money.ofYuan("5000.00"))));
    InvalidInputException allowance =
        catchThrowableOfType(
            InvalidInputException.class, () -> YANGLING.allowance(kaixuan, List.of(A)));
    InvalidInputException improved =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> copy.mostImproved(UnitKind.WORKER, kaixuan, kaixuanFebruary));
    InvalidInputException previous =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> KAIXUAN.mostImproved(UnitKind.WORKER, kaixuan, copyFebruary));

    assertThat(rules(graded)).isEqualTo("[card.policyId scoring.policy-mismatch]");
    assertThat(graded)
        .hasMessageContaining("card.policyId: must be the run's policy kaixuan-copy, was kaixuan");
    assertThat(rules(allowance)).isEqualTo("[card.policyId scoring.policy-mismatch]");
    assertThat(allowance)
        .hasMessageContaining("card.policyId: must be the run's policy yangling, was kaixuan");
    assertThat(rules(improved))
        .isEqualTo(
            "[current.policyId scoring.policy-mismatch, previous.policyId scoring.policy-mismatch]");
    assertThat(rules(previous)).isEqualTo("[previous.policyId scoring.policy-mismatch]");
    assertThat(previous)
        .hasMessageContaining(
            "previous.policyId: must be the run's policy kaixuan, was kaixuan-copy");
    assertThat(
            copy.gradedPay(
                    copy.score(march(), VISITS, directory()), Map.of(A, Money.ofYuan("5000.00")))
                .line(A))
        .as("its own card is paid")
        .isPresent();
  }

  @Test
  void cardLookups_nullArguments_refusedNamingTheArgument() {
    ScoreCard card = KAIXUAN.score(march(), VISITS, directory());
    // before the fix: bare NullPointerExceptions from the sorted maps, or an empty answer
    assertThatThrownBy(() -> card.score(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("unit");
    assertThatThrownBy(() -> card.threeRates(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("unit");
    assertThatThrownBy(() -> card.values(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("kind");
    assertThatThrownBy(() -> card.ranking(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("kind");
  }

  @Test
  void card_nullPartsOrBlankPolicyId_refusedWhenBuilt() {
    ImmutableSortedMap<UnitRef, Score> none = ImmutableSortedMap.of();
    ImmutableSortedMap<UnitRef, BigDecimal> noValues = ImmutableSortedMap.of();
    ImmutableSortedMap<UnitRef, ThreeRates> noRates = ImmutableSortedMap.of();

    assertThatThrownBy(() -> new ScoreCard(null, "kaixuan", none, noValues, noRates))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("period");
    assertThatThrownBy(() -> new ScoreCard(PERIOD, null, none, noValues, noRates))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("policyId");
    assertThatThrownBy(() -> new ScoreCard(PERIOD, " ", none, noValues, noRates))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .extracting(Violation::rule)
                    .isEqualTo(InputRules.FORMAT.value()))
        .hasMessageContaining("policyId");
    assertThatThrownBy(() -> new ScoreCard(PERIOD, "kaixuan", null, noValues, noRates))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("scores");
    assertThatThrownBy(() -> new ScoreCard(PERIOD, "kaixuan", none, null, noRates))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("bundled");
    assertThatThrownBy(() -> new ScoreCard(PERIOD, "kaixuan", none, noValues, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("threeRates");
    assertThat(new ScoreCard(PERIOD, "kaixuan", none, noValues, noRates).policyId())
        .isEqualTo("kaixuan");
  }

  @Test
  void indicators_visitOfAWorkerOrGridTheDirectoryDoesNotKnow_refusedWithEveryOne() {
    AreaCode elsewhere = AreaCode.of("330102011009001", Level.GRID);
    List<VisitRecord> visits =
        Arrays.asList(
            new VisitRecord(A, G1, "b3-101", LocalDate.of(2024, 3, 5)),
            new VisitRecord(WorkerId.of("w-typo"), G1, "b3-102", LocalDate.of(2024, 3, 5)),
            null,
            new VisitRecord(A, elsewhere, "b9-101", LocalDate.of(2024, 3, 6)));

    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class, () -> KAIXUAN.score(march(), visits, directory()));

    assertThat(rules(e))
        .isEqualTo(
            "[visits[1].worker indicators.visit, visits[2] "
                + "indicators.visit, visits[3].grid indicators.visit]");
    assertThat(e)
        .hasMessageContaining("visits[1].worker: is not a worker on the roster, was w-typo")
        .hasMessageContaining(
            "visits[3].grid: is not a grid of the territory, was 330102011009001");
  }

  @Test
  void pointsRanking_nullStatementOrAWorkerTwice_refusedNamingEachNothingRanked() {
    List<org.gridgov.scoring.points.PointsStatement> points =
        Arrays.asList(
            new org.gridgov.scoring.points.PointsStatement(A, 2, 3, 5, 0),
            null,
            new org.gridgov.scoring.points.PointsStatement(B, 1, 0, 1, 0),
            new org.gridgov.scoring.points.PointsStatement(A, 9, 0, 9, 0));

    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> L.pointsRanking(points));

    assertThat(e.subject()).isEqualTo("points ranking 2024-03");
    assertThat(rules(e)).isEqualTo("[points[1] ranking.input, points[3].worker ranking.input]");
    assertThatThrownBy(() -> L.pointsRanking(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("points");
  }

  @Test
  void runMethods_nullArguments_refusedNamingTheArgument() {
    ScoreCard card = KAIXUAN.score(march(), VISITS, directory());
    assertThatThrownBy(() -> KAIXUAN.score((IndicatorReport) null, directory()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("report");
    assertThatThrownBy(() -> KAIXUAN.indicators(march(), null, directory()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("visits");
    assertThatThrownBy(() -> KAIXUAN.indicators(march(), VISITS, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("directory");
    assertThatThrownBy(() -> KAIXUAN.gradedPay(card, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("baseSalaries");
    assertThatThrownBy(() -> KAIXUAN.mostImproved(UnitKind.WORKER, card, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("previous");
    assertThatThrownBy(() -> KAIXUAN.teamPool(Money.ofYuan("1.00"), G1, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("directory");
    assertThatThrownBy(() -> Scoring.of(ScoringPresets.kaixuan()).month(null, ZONE))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("month");
  }

  @Test
  void indicators_nullHistoryOrNullEvent_refusedNamingItsPlace() {
    List<List<org.gridgov.core.incident.IncidentEvent>> withNullHistory =
        new java.util.ArrayList<>(march());
    withNullHistory.add(1, null);
    List<List<org.gridgov.core.incident.IncidentEvent>> withNullEvent =
        new java.util.ArrayList<>(march());
    List<org.gridgov.core.incident.IncidentEvent> i2 = new java.util.ArrayList<>(march().get(1));
    i2.set(2, null);
    withNullEvent.set(1, i2);

    // before the fix: a bare NullPointerException from the engine, naming nothing
    InvalidInputException history =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> KAIXUAN.indicators(withNullHistory, VISITS, directory()));
    InvalidInputException event =
        catchThrowableOfType(
            InvalidInputException.class, () -> KAIXUAN.score(withNullEvent, VISITS, directory()));

    assertThat(rules(history)).isEqualTo("[histories[1] indicators.history]");
    assertThat(history).hasMessageContaining("histories[1]: must not be null");
    assertThat(rules(event)).isEqualTo("[histories[1][2] indicators.history]");
    assertThat(event).hasMessageContaining("histories[1][2]: must not be null");
  }

  @Test
  void periodUnitRefAndCard_nullArguments_refusedNamingTheArgument() {
    ScoreCard card = KAIXUAN.score(march(), VISITS, directory());
    // before the fix: bare NullPointerExceptions ("because instant is null", "worker"…)
    assertThatThrownBy(() -> PERIOD.contains((java.time.Instant) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("instant");
    assertThatThrownBy(() -> PERIOD.contains((LocalDate) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("date");
    assertThatThrownBy(() -> UnitRef.worker(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("worker");
    assertThatThrownBy(() -> UnitRef.line(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("line");
    assertThatThrownBy(() -> UnitRef.area(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("area");
    assertThatThrownBy(() -> UnitRef.kindOf(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("level");
    assertThatThrownBy(() -> card.workerScore(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("worker");
    assertThatThrownBy(() -> card.hasWorker(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("worker");
  }
}
