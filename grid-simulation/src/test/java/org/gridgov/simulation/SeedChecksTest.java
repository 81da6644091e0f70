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
   * Yangling by the end of 2017: 10,984 grid events reported, 10,980 closed ("99.6 %" in the text;
   * the counts give 99.96 %). With adequate staffing and Yangling's setup the loop closes about as
   * many: we require 99.6 % ± 0.4 points of the accepted cases reported in the first 20 of 35 days,
   * that is from 99.2 % to all of them. About 1,800 cases at the default 4 unsolvable in 10,000
   * expect fewer than one left open, so closing every one of them is inside the range.
   */
  @Test
  void yangling_adequateStaffing_closesAbout99point6Percent() {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2017, 3, 1), 35)
            .withStaffing(Staffing.dongcheng().withTemplate("yangling").withDepartments(6, 10))
            .withArrivals(Arrivals.defaults().withRate(2.0));

    SimulationResult r =
        Simulation.run(
            SimulationTest.KAIXUAN, config, Presets.yangling(), InMemoryGridStorage.create());

    assertThat(r.closureRateOfReportsUntil(LocalDate.of(2017, 3, 20))).isBetween(0.992, 1.0);
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
   * Baoshan's C town, February 2016: the urban management squad received about 80 % of the tickets
   * needing action (133 of 174) and solved 16.83 % of its cases. An overloaded department
   * reproduces the pattern: at every 12345 request as a case (6.2 per grid per day) and with 8
   * hands for Kaixuan street's 15 communities, its share is 80 % ± 5 points and its solve rate
   * 16.83 % ± 5 points, while the other lines solve most of theirs.
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
