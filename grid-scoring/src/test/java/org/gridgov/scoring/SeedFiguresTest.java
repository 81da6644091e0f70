package org.gridgov.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.scoring.Town.*;

import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.Money;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.Level;
import org.gridgov.scoring.duty.CheckRecord;
import org.gridgov.scoring.duty.DutyCompliance;
import org.gridgov.scoring.indicator.Indicator;
import org.gridgov.scoring.pay.PayLine;
import org.gridgov.scoring.pay.PayStatement;
import org.gridgov.scoring.points.PointsStatement;
import org.gridgov.scoring.policy.DutyRule;
import org.gridgov.scoring.policy.DutyRule.Cadence;
import org.gridgov.scoring.policy.ScoringPolicy;
import org.gridgov.scoring.policy.ScoringPresets;
import org.gridgov.scoring.ranking.RankedEntry;
import org.junit.jupiter.api.Test;

/**
 * The figures and rules the source documents ({@code /work/shared/seeds/}, cited as file:line)
 * state about scoring, checked against the presets and the rules that apply them. Figures the
 * presets mark [assumed] are not the seeds' and are not checked here.
 */
class SeedFiguresTest {
  private static final ScoringRun YANGLING_MARCH =
      Scoring.of(ScoringPresets.yangling()).month(MARCH, ZONE);
  private static final ScoringRun YANGLING_APRIL =
      Scoring.of(ScoringPresets.yangling()).month(YearMonth.of(2024, 4), ZONE);

  private static Money paid(PayStatement pay, org.gridgov.core.people.WorkerId worker) {
    return pay.line(worker).map(PayLine::total).orElse(Money.ZERO);
  }

  /**
   * 003_d1e763c3b98c797c.txt:15 "依據上報事件的質量,每條獎勵5元": each quality report earns 5 yuan, once. A's i1
   * is registered in March; A's i5, reported at 23:00 on 31 March, is registered at 01:00 on 1
   * April. Paid month by month, the two quality reports earn 2 × 5 = 10 yuan, each in one month.
   */
  @Test
  void yangling_eachQualityReportPaidFiveYuanOnce_evenWhenRegisteredTheMonthAfterItsReport() {
    PayStatement march =
        YANGLING_MARCH.pieceRates(
            YANGLING_MARCH.indicators(march(), List.of(), directory()), List.of());
    PayStatement april =
        YANGLING_APRIL.pieceRates(
            YANGLING_APRIL.indicators(march(), List.of(), directory()), List.of());

    assertThat(paid(march, A)).as("i1, registered in March").isEqualTo(Money.ofYuan("5.00"));
    assertThat(paid(april, A)).as("i5, registered in April").isEqualTo(Money.ofYuan("5.00"));
    assertThat(paid(march, C).plus(paid(april, C)))
        .as("C: i3 rejected (no quality report), i4 registered in March")
        .isEqualTo(Money.ofYuan("5.00"));
  }

  /** A card of March under {@code policyId} with the given bundled worker scores. */
  private static ScoreCard card(String policyId, java.util.Map<WorkerId, String> scores) {
    ImmutableSortedMap.Builder<UnitRef, BigDecimal> bundled = ImmutableSortedMap.naturalOrder();
    scores.forEach((w, score) -> bundled.put(UnitRef.worker(w), new BigDecimal(score)));
    return new ScoreCard(
        PERIOD, policyId, ImmutableSortedMap.of(), bundled.build(), ImmutableSortedMap.of());
  }

  /**
   * 003_d1e763c3b98c797c.txt:29 "工作補貼可按每人月500元標準預算,40%用於基本工作補貼,60%用於考核": 200 yuan basic whatever
   * the score, 300 by assessment, so a full score is paid the whole 500 budget and a zero score the
   * basic 200.
   */
  @Test
  void yangling_allowance_500AMonth_40PercentBasic_60PercentByAssessment() {
    PayStatement pay =
        YANGLING_MARCH.allowance(
            card("yangling", java.util.Map.of(A, "100.00", B, "0.00")), List.of(A, B));

    assertThat(pay.line(A).orElseThrow())
        .extracting(PayLine::fixed, PayLine::variable, PayLine::total)
        .containsExactly(Money.ofYuan("200.00"), Money.ofYuan("300.00"), Money.ofYuan("500.00"));
    assertThat(pay.line(B).orElseThrow())
        .extracting(PayLine::fixed, PayLine::variable, PayLine::total)
        .containsExactly(Money.ofYuan("200.00"), Money.ZERO, Money.ofYuan("200.00"));
  }

  /**
   * 000_b0e606dbe0f192d4.txt:24 "网格内各项工作的考核比重占社工每月工资总额的百分之四十": 40 % of the monthly pay is graded by
   * the assessment and 60 % is fixed; at the tier paying the graded part as it is (factor 1.0, an
   * assumed tier) the worker is paid the monthly pay exactly.
   */
  @Test
  void kaixuan_gradedPay_fortyPercentOfTheMonthlyPayIsGraded_sixtyFixed() {
    PayStatement pay =
        Scoring.of(ScoringPresets.kaixuan())
            .month(MARCH, ZONE)
            .gradedPay(
                card("kaixuan", java.util.Map.of(A, "80.00")),
                java.util.Map.of(A, Money.ofYuan("4321.37")));

    // 4321.37 × 0.40 = 1728.548 → 1728.55 graded; the fixed 60 % is the rest, 2592.82
    assertThat(pay.line(A).orElseThrow())
        .extracting(PayLine::fixed, PayLine::variable, PayLine::total)
        .containsExactly(Money.ofYuan("2592.82"), Money.ofYuan("1728.55"), Money.ofYuan("4321.37"));
  }

  /**
   * 002 (lines 58 and 76): L community's points reward each worker's results ("静态+动态") and are
   * exchanged for goods, so a report earns its dynamic points once, as Yangling's piece rate is
   * paid once: A's i5, reported on 31 March and registered on 1 April, earns its 5 points in April
   * (the preset's [assumed] 5 a report), where a count of each month's own reports registered by
   * its cut-off would give it none in either month.
   */
  @Test
  void lCommunity_eachReportEarnsItsPointsOnce_evenWhenRegisteredTheMonthAfterItsReport() {
    ScoringRun april = Scoring.of(ScoringPresets.lCommunity()).month(YearMonth.of(2024, 4), ZONE);

    List<PointsStatement> points =
        april.points(april.indicators(march(), List.of(), directory()), List.of(), directory());

    assertThat(points)
        .filteredOn(p -> p.worker().equals(A))
        .extracting(PointsStatement::dynamicPoints)
        .as("i5, registered in April, A's only result there: one report's 5 points")
        .containsExactly(5L);
  }

  /**
   * 000_b0e606dbe0f192d4.txt:27 "设置走访次数、问题上报数、主动认领率、处理实效率、答复反馈指数等指标,每月…实行动态排名" and
   * 000_b0e606dbe0f192d4.txt:24 "引导群众根据走访态度、解决时效、工作满意度等指标进行打分": the five monthly indicators and the
   * residents' rating all carry weight in Kaixuan's score.
   */
  @Test
  void kaixuan_scoresTheFiveMonthlyIndicatorsAndTheResidentsRating() {
    assertThat(ScoringPresets.kaixuan().score())
        .containsKeys(
            Indicator.VISITS,
            Indicator.REPORTED,
            Indicator.PROACTIVE_CLAIM_RATE,
            Indicator.EFFECTIVE_HANDLING_RATE,
            Indicator.REPLY_INDEX,
            Indicator.RATING_INDEX)
        .allSatisfy((indicator, weight) -> assertThat(weight.weight()).isPositive());
  }

  /**
   * 000_b0e606dbe0f192d4.txt:27 "问题上传24小时内由机关和社区干部主动认领,24小时内无人认领的…自动分配,分配到的工作人员必须在72小时内处理并反馈": a
   * case is taken up within 24 h (response) and answered within 72 h of that, 96 h in all.
   */
  @Test
  void kaixuan_windows_claimWithin24h_thenHandledWithin72h() {
    ScoringPolicy kaixuan = ScoringPresets.kaixuan();

    assertThat(kaixuan.indicators().respondWithin()).isEqualTo(Duration.ofHours(24));
    assertThat(kaixuan.indicators().closeWithin())
        .isEqualTo(Duration.ofHours(24).plus(Duration.ofHours(72)));
  }

  /**
   * 000_b0e606dbe0f192d4.txt:22 "社区网格工作人员每日对网格巡查自查不少于1次…社区每周对辖区进行检查…街道专职控违队每周对下辖14个社区…进行督查": the
   * grid's self-check daily, at least once; the community's and the street's inspections weekly.
   */
  @Test
  void kaixuan_duties_dailySelfCheckAtLeastOnce_weeklyCommunityAndStreetInspections() {
    assertThat(ScoringPresets.kaixuan().duties())
        .containsEntry("grid-self-check", new DutyRule(Level.GRID, Cadence.DAILY, 1))
        .containsEntry("community-inspection", new DutyRule(Level.COMMUNITY, Cadence.WEEKLY, 1))
        .containsEntry("street-inspection", new DutyRule(Level.STREET, Cadence.WEEKLY, 1));
  }

  /**
   * 000_b0e606dbe0f192d4.txt:22 "街道专职控违队每周对下辖14个社区防违控违情况进行督查": the street files one inspection a
   * week; a week without one is missing, a second one in a week does not make up for another.
   */
  @Test
  void kaixuan_streetInspection_weekly_aWeekWithoutOneIsMissing() {
    List<CheckRecord> records = new ArrayList<>();
    records.add(new CheckRecord("street-inspection", STREET, LocalDate.of(2024, 3, 5), A, 0));
    records.add(new CheckRecord("street-inspection", STREET, LocalDate.of(2024, 3, 13), A, 0));
    records.add(new CheckRecord("street-inspection", STREET, LocalDate.of(2024, 3, 14), A, 2));
    records.add(new CheckRecord("street-inspection", STREET, LocalDate.of(2024, 3, 31), A, 0));

    DutyCompliance street =
        Scoring.of(ScoringPresets.kaixuan())
            .month(MARCH, ZONE)
            .duties(records, directory(), STREET)
            .find("street-inspection", STREET)
            .orElseThrow();

    assertThat(street.due()).as("the weeks of 4, 11, 18 and 25 March").isEqualTo(4);
    assertThat(street.missing()).containsExactly(LocalDate.of(2024, 3, 18));
  }

  /**
   * 004_a383d060480ed35e.txt:70 "村居工作站每天必须向街镇…网格中心报告…即使没有出现新情况,也要在报表上填上“零”": one report a day from
   * each village or residential work station (a community).
   */
  @Test
  void zeroReport_dailyFromEachCommunityWorkStation() {
    assertThat(ScoringPresets.beijing12345().duties())
        .containsEntry("zero-report", new DutyRule(Level.COMMUNITY, Cadence.DAILY, 1));
  }

  /**
   * 002_f02dcd00148ffe65.txt:58 "按照积分排名和比例进行“最美网格员”评选" and 002_f02dcd00148ffe65.txt:76
   * "按照积分进行排名,评选“最美网格员”": L community ranks its grid workers by points. On March (see PointsTest: A
   * 22, B 6) C earns 5 points (i4, an effective report), S and the cadre none: by points B is ahead
   * of C, while L community's score card puts C (2 reports) ahead of B.
   */
  @Test
  void lCommunity_ranksWorkersByTheirPoints() {
    ScoringRun l = Scoring.of(ScoringPresets.lCommunity()).month(MARCH, ZONE);
    var report = l.indicators(march(), VISITS, directory());
    List<CheckRecord> checks =
        List.of(
            new CheckRecord("grid-self-check", G1, LocalDate.of(2024, 3, 4), A, 0),
            new CheckRecord("grid-self-check", G1, LocalDate.of(2024, 3, 5), A, 0),
            new CheckRecord("grid-self-check", G1, LocalDate.of(2024, 3, 6), A, 0),
            new CheckRecord("grid-self-check", G1, LocalDate.of(2024, 3, 7), A, 0),
            new CheckRecord("grid-self-check", G1, LocalDate.of(2024, 3, 8), A, 0),
            new CheckRecord("grid-self-check", G1, LocalDate.of(2024, 3, 4), B, 0));
    List<PointsStatement> points = l.points(report, checks, directory());
    assertThat(points)
        .extracting(PointsStatement::worker, PointsStatement::total)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(A, 22L),
            org.assertj.core.groups.Tuple.tuple(B, 6L),
            org.assertj.core.groups.Tuple.tuple(C, 5L),
            org.assertj.core.groups.Tuple.tuple(S, 0L),
            org.assertj.core.groups.Tuple.tuple(CADRE, 0L));

    assertThat(l.pointsRanking(points).entries())
        .extracting(RankedEntry::rank, e -> e.unit().id(), e -> e.score().longValueExact())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, A.value(), 22L),
            org.assertj.core.groups.Tuple.tuple(2, B.value(), 6L),
            org.assertj.core.groups.Tuple.tuple(3, C.value(), 5L),
            org.assertj.core.groups.Tuple.tuple(4, CADRE.value(), 0L),
            org.assertj.core.groups.Tuple.tuple(4, S.value(), 0L));
    assertThat(l.score(report, directory()).ranking(UnitKind.WORKER).entries())
        .as("the score card's order is another")
        .extracting(e -> e.unit().id())
        .startsWith(A.value(), C.value(), B.value());
  }
}
