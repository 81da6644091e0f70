package org.gridgov.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.scoring.Town.G1;
import static org.gridgov.scoring.Town.G2;
import static org.gridgov.scoring.Town.MARCH;
import static org.gridgov.scoring.Town.URBAN;
import static org.gridgov.scoring.Town.ZONE;
import static org.gridgov.scoring.Town.march;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.Directory;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;
import org.gridgov.core.territory.Territory;
import org.gridgov.scoring.indicator.Indicator;
import org.gridgov.scoring.indicator.VisitRecord;
import org.gridgov.scoring.policy.IndicatorWeight;
import org.gridgov.scoring.policy.ScoringPolicy;
import org.gridgov.scoring.policy.ScoringPresets;
import org.gridgov.scoring.ranking.RankedEntry;
import org.junit.jupiter.api.Test;

/**
 * A count target is per worker and month (Kaixuan's visits 40, reports 10: a social worker's month,
 * seed 000 "社工网格内联系走访居民的数量"): an area or a line is held to it times its workers in the directory,
 * so that communities of different sizes rank on work per worker, as Kaixuan ranks its communities
 * and departments monthly on visits and reports (seed 000: "设置走访次数、 问题上报数…每月按科室和社区实行动态排名").
 * Kaixuan's preset with no case: visits (0.20) and reports (0.20) apply, reports are 0, so a unit
 * scores 100 × 0.20 × visits share ÷ 0.40 = 50 × share.
 */
class AreaTargetsTest {
  private static final AreaCode STREET = AreaCode.parse("330102011");

  /** 景芳 (Town's community), grids G1 and G2. */
  private static final AreaCode JINGFANG = Town.COMMUNITY;

  /** 景昙, the next community of the street, given one grid here. */
  private static final AreaCode JINGTAN = AreaCode.parse("330102011001");

  private static final AreaCode JT1 = AreaCode.of("330102011001001", Level.GRID);
  private static final AreaCode G3 = AreaCode.of("330102011002003", Level.GRID);

  private static final WorkerId X1 = WorkerId.of("x1");
  private static final WorkerId X2 = WorkerId.of("x2");
  private static final WorkerId X3 = WorkerId.of("x3");
  private static final WorkerId X4 = WorkerId.of("x4");
  private static final WorkerId Y1 = WorkerId.of("y1");

  private static Territory territory() {
    return Territory.builder()
        .addAll(Divisions.jingfangExample())
        .add("330102011001001", "grid", "GRID", "330102011001", Map.of(), "test", 1)
        .build();
  }

  private static Worker worker(WorkerId id, Role role, AreaCode unit, Set<AreaCode> grids) {
    return Worker.of(id, "name-" + id, Set.of(role), unit, grids);
  }

  /** 景芳: four social workers, two in G1 and two in G2; 景昙: one, in JT1. */
  private static List<Worker> fiveWorkers() {
    return List.of(
        worker(X1, Role.SOCIAL_WORKER, JINGFANG, Set.of(G1)),
        worker(X2, Role.SOCIAL_WORKER, JINGFANG, Set.of(G1)),
        worker(X3, Role.SOCIAL_WORKER, JINGFANG, Set.of(G2)),
        worker(X4, Role.SOCIAL_WORKER, JINGFANG, Set.of(G2)),
        worker(Y1, Role.SOCIAL_WORKER, JINGTAN, Set.of(JT1)));
  }

  private static Directory directory(List<Worker> workers) {
    return Directory.of(territory(), Roster.of(workers));
  }

  private static void visit(List<VisitRecord> into, WorkerId worker, AreaCode grid, int times) {
    for (int i = 0; i < times; i++) {
      into.add(
          new VisitRecord(worker, grid, worker + "-door-" + i, LocalDate.of(2024, 3, 1 + i % 31)));
    }
  }

  /** Every 景芳 worker visits 10 times in their grid (40 in all), 景昙's one worker 40 times. */
  private static List<VisitRecord> visits() {
    List<VisitRecord> visits = new ArrayList<>();
    visit(visits, X1, G1, 10);
    visit(visits, X2, G1, 10);
    visit(visits, X3, G2, 10);
    visit(visits, X4, G2, 10);
    visit(visits, Y1, JT1, 40);
    return visits;
  }

  private static ScoreCard kaixuan(List<VisitRecord> visits, Directory directory) {
    return Scoring.of(ScoringPresets.kaixuan())
        .month(MARCH, ZONE)
        .score(List.of(), visits, directory);
  }

  private static BigDecimal visitsPart(ScoreCard card, UnitRef unit) {
    return card.score(unit).orElseThrow().parts().get(Indicator.VISITS);
  }

  private static BigDecimal score(ScoreCard card, UnitRef unit) {
    return card.score(unit).orElseThrow().value();
  }

  @Test
  void communities_sameVisits_moreWorkers_lessOfTheTarget_rankedApart() {
    ScoreCard card = kaixuan(visits(), directory(fiveWorkers()));

    // 景芳: 40 visits by 4 workers against 4 × 40 = 160; 景昙: 40 by 1 against 40. Both 40 visits
    // reached a target of 40 unscaled, and both scored 50.00
    assertThat(visitsPart(card, UnitRef.area(JINGFANG))).isEqualByComparingTo("0.25");
    assertThat(visitsPart(card, UnitRef.area(JINGTAN))).isEqualByComparingTo("1");
    assertThat(card.ranking(UnitKind.COMMUNITY).entries())
        .extracting(RankedEntry::rank, e -> e.unit().id(), RankedEntry::score)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, JINGTAN.value(), new BigDecimal("50.00")),
            org.assertj.core.groups.Tuple.tuple(2, JINGFANG.value(), new BigDecimal("12.50")));
  }

  @Test
  void streetAndGrids_heldToTheTargetTimesTheirWorkers() {
    ScoreCard card = kaixuan(visits(), directory(fiveWorkers()));

    // the street: 80 visits by 5 workers against 200; G1: 20 by 2 against 80
    assertThat(visitsPart(card, UnitRef.area(STREET))).isEqualByComparingTo("0.4");
    assertThat(score(card, UnitRef.area(STREET))).isEqualByComparingTo("20.00");
    assertThat(visitsPart(card, UnitRef.area(G1))).isEqualByComparingTo("0.25");
    assertThat(score(card, UnitRef.area(G1))).isEqualByComparingTo("12.50");
    // reports too: none here, so 0 of 5 × 10, applicable as before
    assertThat(card.score(UnitRef.area(STREET)).orElseThrow().parts().get(Indicator.REPORTED))
        .isEqualByComparingTo("0");
  }

  @Test
  void workers_stillHeldToTheTargetAsItIs() {
    ScoreCard card = kaixuan(visits(), directory(fiveWorkers()));

    // 10 of 40 and no report: 50 × 0.25; 40 of 40: 50
    assertThat(score(card, UnitRef.worker(X1))).isEqualByComparingTo("12.50");
    assertThat(score(card, UnitRef.worker(Y1))).isEqualByComparingTo("50.00");
    // a worker alone in a grid: the grid's target is one worker's, so the bundled score
    // (0.6 own + 0.4 grid) is what it was
    assertThat(score(card, UnitRef.area(JT1))).isEqualByComparingTo("50.00");
    assertThat(card.workerScore(Y1)).isEqualByComparingTo("50.00");
    // two in G1, each with 10: grid 20 of 80, so 0.6 × 12.50 + 0.4 × 12.50
    assertThat(card.workerScore(X1)).isEqualByComparingTo("12.50");
  }

  @Test
  void workersOfAnArea_thoseWhoseUnitOrGridsLieWithinIt() {
    List<Worker> workers = new ArrayList<>(fiveWorkers());
    // 景芳's secretary, no grid: a worker of 景芳 and the street, of no grid
    workers.add(worker(WorkerId.of("x5"), Role.GRID_MANAGER, JINGFANG, Set.of()));
    // a street cadre bound to G1: a worker of G1, of 景芳 and of the street
    workers.add(worker(WorkerId.of("cadre"), Role.INSTRUCTOR, STREET, Set.of(G1)));
    // a worker of a micro-grid of G1: of G1, 景芳 and the street
    workers.add(
        worker(
            WorkerId.of("x6"),
            Role.GRID_MANAGER,
            JINGFANG,
            Set.of(AreaCode.of("330102011002001001", Level.MICRO_GRID))));
    ScoreCard card = kaixuan(visits(), directory(workers));

    // 景芳: 40 of 7 × 40; G1: 20 of 4 × 40; G2: 20 of 2 × 40; the street: 80 of 8 × 40
    assertThat(visitsPart(card, UnitRef.area(JINGFANG))).isEqualByComparingTo("0.1428571429");
    assertThat(visitsPart(card, UnitRef.area(G1))).isEqualByComparingTo("0.125");
    assertThat(visitsPart(card, UnitRef.area(G2))).isEqualByComparingTo("0.25");
    assertThat(visitsPart(card, UnitRef.area(STREET))).isEqualByComparingTo("0.25");
    assertThat(visitsPart(card, UnitRef.area(JINGTAN))).isEqualByComparingTo("1");
  }

  @Test
  void anAreaWithNoWorker_countsLeftOutAsNotApplicable() {
    List<VisitRecord> visits = new ArrayList<>();
    visit(visits, X1, G3, 5); // G3 has no worker in the directory
    ScoreCard card = kaixuan(visits, directory(fiveWorkers()));

    Score g3 = card.score(UnitRef.area(G3)).orElseThrow();
    assertThat(g3.parts()).doesNotContainKeys(Indicator.VISITS, Indicator.REPORTED);
    assertThat(g3.value()).as("nothing applies: 0.00, as README says").isEqualByComparingTo("0");
    // 景芳: 5 of 4 × 40
    assertThat(visitsPart(card, UnitRef.area(JINGFANG))).isEqualByComparingTo("0.03125");
  }

  /** Closings (a count of every unit kind) weighed alone, target 5. */
  private static ScoringPolicy closings() {
    ScoringPolicy k = ScoringPresets.kaixuan();
    return new ScoringPolicy(
        k.id(),
        2,
        k.source(),
        k.indicators(),
        ImmutableMap.of(
            Indicator.CLOSED,
            new IndicatorWeight(
                BigDecimal.ONE, Optional.empty(), Optional.of(BigDecimal.valueOf(5)))),
        k.threeRates(),
        Optional.empty(),
        k.pay(),
        k.points(),
        k.duties());
  }

  @Test
  void lines_heldToTheTargetTimesTheWorkersActingForThem() {
    // Town's March: two closings (i1 handled by A, i2 by B), both of G1 and the urban line
    ScoreCard card =
        Scoring.of(closings()).month(MARCH, ZONE).score(march(), List.of(), Town.directory());

    // every one of Town's 5 workers acts for the urban line: 2 of 25
    assertThat(score(card, UnitRef.line(URBAN))).isEqualByComparingTo("8.00");
    // G1's workers: A, B, the supervisor and the cadre: 2 of 20
    assertThat(score(card, UnitRef.area(G1))).isEqualByComparingTo("10.00");
    // the handler A: 1 of 5, as before
    assertThat(score(card, UnitRef.worker(Town.A))).isEqualByComparingTo("20.00");
  }

  @Test
  void aLineNoWorkerActsFor_countsLeftOut() {
    Directory noLines =
        Directory.of(
            Town.directory().territory(),
            Roster.of(
                Town.directory().roster().workers().stream()
                    .map(w -> w.withLines(Set.of()))
                    .toList()));

    ScoreCard card = Scoring.of(closings()).month(MARCH, ZONE).score(march(), List.of(), noLines);

    assertThat(card.score(UnitRef.line(URBAN)).orElseThrow().parts())
        .doesNotContainKey(Indicator.CLOSED);
    assertThat(card.score(UnitRef.area(G2)).orElseThrow().parts().get(Indicator.CLOSED))
        .as("G2 has workers (C, the supervisor): no closing, 0 of 2 × 5")
        .isEqualByComparingTo("0");
  }
}
