package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.escalation.SettlementReport;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/** The simulation against the figures of the seeds, with stated tolerances. */
class SeedChecksTest {

  /**
   * Yangling by the end of 2017 (seed 003): "全區累計上報網格事件10984件,辦結10980件,辦結率99.6%" — 10,984 grid
   * events reported in about two years, 10,980 closed, 4 still open. The printed 99.6 % does not
   * follow from the counts, which give 99.96 %; 99.6 % of 10,984 would leave 44 open, not 4. The
   * default {@code unsolvableShare} (4 in 10,000) is the counts' share. On a sample of Yangling's
   * size (Yangling's template and policy on Kaixuan street, with departments staffed to keep up, at
   * 2 problems a grid a day, an arrival rate chosen for the sample size and not Yangling's own,
   * which was about 0.04), of the about 11,500 accepted cases reported in the first 122 days, 15
   * days later at least 99.5 % are closed, so both the printed 99.6 % and the counts' 99.96 % pass,
   * and at least one is still open: a loop that closes every case is not Yangling's (4.6 are
   * expected open; a Poisson count of that mean is 0 with 1 % probability). The denominator is the
   * accepted reports: the 2 % refused at registration are neither closed nor open, the seed saying
   * nothing of refusals.
   */
  @Test
  void yangling_adequateStaffing_closesAbout99point6Percent_notAll() {
    LocalDate lastReportDay = LocalDate.of(2017, 6, 30);
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2017, 3, 1), 137)
            .withStaffing(Staffing.dongcheng().withTemplate("yangling").withDepartments(6, 10))
            .withArrivals(Arrivals.defaults().withRate(2.0));

    SimulationResult r =
        Simulation.run(
            SimulationTest.KAIXUAN, config, Presets.yangling(), InMemoryGridStorage.create());

    long accepted = 0;
    long closed = 0;
    for (DayCount day : r.days()) {
      if (!day.day().isAfter(lastReportDay)) {
        accepted += day.reported() - day.rejectedOfReported();
        closed += day.closedOfReported();
      }
    }
    assertThat(accepted).isBetween(10_000L, 13_000L);
    assertThat((double) closed / accepted).as("closed of accepted").isBetween(0.995, 1.0);
    assertThat(accepted - closed).as("accepted cases still open").isPositive();
  }

  /**
   * Dongcheng's target split (seed 001): 80–85 % settled in the community, 10–15 % through the
   * street, at most 5 % reported to the district. The default staffing misses it (the catalogue's
   * district lines take about 23 %); the shipped setup that moves two departments to the streets
   * and gives grid managers market and environment inspections meets every band under Dongcheng's
   * policy, on a week of the real district.
   */
  @Test
  void dongcheng_reportToStreetSetup_meetsTheTargetSplit_theDefaultStaffingDoesNot() {
    SimulationConfig week =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 3, 4), 7)
            .withArrivals(Arrivals.defaults().withRate(1.0));
    SimulationConfig reportToStreet =
        SimulationSetup.fromPath(
            java.nio.file.Path.of("examples/setup-report-to-street.yaml"), week);

    SettlementReport plain =
        Simulation.run(
                Divisions.dongcheng(), week, Presets.dongcheng(), InMemoryGridStorage.create())
            .settlement();
    SettlementReport moved =
        Simulation.run(
                Divisions.dongcheng(),
                reportToStreet,
                Presets.dongcheng(),
                InMemoryGridStorage.create())
            .settlement();

    assertThat(moved.settled()).isGreaterThan(3000);
    assertThat(moved.checks())
        .hasSize(3)
        .allSatisfy(
            check -> assertThat(check.met()).as(check.level() + " " + check.share()).isTrue());
    assertThat(plain.share(Level.DISTRICT)).isGreaterThan(new BigDecimal("0.15"));
    assertThat(plain.allTargetsMet()).isFalse();
  }

  /**
   * Baoshan's C town, February 2016 (seed 004): "一共收到热线工单 254 件, 其中需要处理的工单数为 174 件 … 镇城管中队 (133 件)
   * … 几乎承接了 80%的热线工单, 使其对案件的实际解决率很低:仅有 16.83%的案件能够解决". The squad received 133 of the 174 hotline
   * tickets needing action, 76.4 % ("nearly 80 %"), and actually solved 16.83 % of its cases (not a
   * whole number of 133: the seed does not say over what). An overloaded department reproduces the
   * pattern: its share is the overload's input (80 %), so 80 % ± 5 points (76.4 % inside) checks
   * that the arrivals and dispatch honour it; its solve rate (closed ÷ received within the month)
   * is the model's output, 16.83 % ± 5 points, while the other lines solve most of theirs. That
   * solve rate is a calibration, not a prediction: the seed gives neither the squad's size nor its
   * load per hand, so the load (every 12345 request as a case, 6.2 per grid per day on Kaixuan
   * street's 48 grids, where C town had 174 tickets in the month) and the 8 hands were chosen to
   * meet it; the check holds the calibration, and fails if the hands' capacity changes (4 hands
   * solve 8 %, 16 solve 35 %).
   */
  @Test
  void baoshan_overloadedDepartment_receivesAbout80PercentAndSolvesFew() {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2016, 2, 1), 29)
            .withArrivals(Arrivals.defaults().withRate(6.2))
            .withOverload(Overload.baoshan(8));

    SimulationResult r =
        Simulation.run(
            SimulationTest.KAIXUAN, config, Presets.kaixuan(), InMemoryGridStorage.create());

    LineLoad heavy = r.busiestLine();
    assertThat(heavy.line().value()).isEqualTo("urban-management");
    assertThat(heavy.share()).isCloseTo(0.80, within(0.05));
    assertThat(heavy.solveRate()).isCloseTo(0.1683, within(0.05));
    assertThat(r.lines())
        .filteredOn(l -> !l.line().equals(heavy.line()) && l.received() > 50)
        .allSatisfy(l -> assertThat(l.solveRate()).isGreaterThan(0.6));
    // the department cannot keep up: its backlog grows every week of the month
    List<Long> weekEnds = List.of(6, 13, 20, 27).stream().map(d -> r.days().get(d).open()).toList();
    assertThat(weekEnds).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
    assertThat(weekEnds.get(3)).isGreaterThan(3 * weekEnds.get(0));
  }
}
