package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.primitives.ImmutableIntArray;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.line.LineId;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.escalation.SettlementReport;
import org.junit.jupiter.api.Test;

/** The rates and look-ups a result derives from its counts, on counts chosen by hand. */
class SimulationResultTest {
  private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);

  /**
   * 8 registered: 3 claimed, 2 assigned automatically, 1 by hand; 6 closed, 3 on time; 4 rated for
   * 14 points; 2 passed up on request, 1 for want of a worker; 5 quota refusals; 4 settled in
   * communities and 2 in streets; closures of 10 to 50 minutes.
   */
  private static SimulationResult result(
      List<DayCount> days, List<LineLoad> lines, int... closureMinutes) {
    Instant start = MONDAY.atStartOfDay(SimulationConfig.defaults().zone()).toInstant();
    return new SimulationResult(
        "kaixuan v1",
        "",
        42,
        start,
        start.plus(Duration.ofDays(3)),
        1,
        7,
        9,
        8,
        1,
        3,
        2,
        1,
        ImmutableMap.of(EscalationKind.REQUESTED, 2L, EscalationKind.NO_ELIGIBLE_WORKER, 1L),
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        6,
        3,
        4,
        14,
        0,
        2,
        ImmutableMap.of("QUOTA_EXHAUSTED", 5L),
        ImmutableList.copyOf(days),
        ImmutableList.of(),
        ImmutableList.copyOf(lines),
        ImmutableList.of(),
        ImmutableList.of(),
        SettlementReport.ofCounts(Map.of(Level.COMMUNITY, 4L, Level.STREET, 2L), Map.of()),
        ImmutableIntArray.copyOf(closureMinutes),
        ImmutableList.of(),
        SimulationConfig.defaults());
  }

  private static SimulationResult result() {
    return result(List.of(), List.of(), 10, 20, 30, 40, 50);
  }

  @Test
  void rates_theirPartOverTheirWhole() {
    SimulationResult result = result();

    assertThat(result.closureRate()).as("6 of 8").isEqualTo(0.75);
    assertThat(result.onTimeRate()).as("3 of 6").isEqualTo(0.5);
    assertThat(result.selfClaimRate()).as("3 of 3 + 2 + 1").isEqualTo(0.5);
    assertThat(result.meanSatisfaction()).as("14 over 4").isEqualTo(3.5);
    assertThat(result.escalated(EscalationKind.REQUESTED)).isEqualTo(2);
    assertThat(result.escalated(EscalationKind.NO_ELIGIBLE_WORKER)).isEqualTo(1);
    assertThat(result.escalated(EscalationKind.OUTSIDE_AUTHORITY)).isZero();
    assertThat(result.escalationRate()).as("2 requested of 8").isEqualTo(0.25);
    assertThat(result.refused("QUOTA_EXHAUSTED")).isEqualTo(5);
    assertThat(result.refused("STALE_STEP")).isZero();
    assertThat(result.settledShare(Level.COMMUNITY)).isCloseTo(4.0 / 6, within(1e-12));
    assertThat(result.settledShare(Level.STREET)).isCloseTo(2.0 / 6, within(1e-12));
    assertThat(result.settledShare(Level.DISTRICT)).isZero();
  }

  @Test
  void rates_nothingToDivideBy_zero() {
    assertThat(SimulationResult.ratio(3, 0)).isZero();
    assertThat(SimulationResult.ratio(3, 4)).isEqualTo(0.75);
    SimulationResult nothing =
        new SimulationResult(
            "kaixuan v1",
            "",
            42,
            Instant.EPOCH,
            Instant.EPOCH,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            ImmutableMap.of(),
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            ImmutableMap.of(),
            ImmutableList.of(),
            ImmutableList.of(),
            ImmutableList.of(),
            ImmutableList.of(),
            ImmutableList.of(),
            SettlementReport.ofCounts(Map.of(), Map.of()),
            ImmutableIntArray.of(),
            ImmutableList.of(),
            SimulationConfig.defaults());

    assertThat(nothing.meanSatisfaction()).isZero();
    assertThat(nothing.settledShare(Level.COMMUNITY)).isZero();
    assertThat(nothing.closureTime(50)).isEqualTo(Duration.ZERO);
    assertThatThrownBy(nothing::busiestLine)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "[simulation.result] busiestLine: no case was registered, so no line has a" + " share");
  }

  /** The nearest rank of p % of 5 closures is the ⌈5p/100⌉-th. */
  @Test
  void closureTime_nearestRank_pAbove0UpTo100() {
    SimulationResult result = result(List.of(), List.of(), 10, 20, 30, 40, 50);

    assertThat(result.closureTime(0.1)).hasMinutes(10);
    assertThat(result.closureTime(20)).as("exactly the first").hasMinutes(10);
    assertThat(result.closureTime(21)).hasMinutes(20);
    assertThat(result.closureTime(50)).as("the third").hasMinutes(30);
    assertThat(result.closureTime(100)).hasMinutes(50);
    assertThatThrownBy(() -> result.closureTime(0))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.result] p must be above 0 and at most 100, was 0.0");
    assertThatThrownBy(() -> result.closureTime(100.5))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("p must be above 0 and at most 100, was 100.5");
  }

  /**
   * Monday: 4 reported, 1 refused, 2 closed by the end; Tuesday: 3 reported, all closed; Wednesday:
   * 5 reported, none closed.
   */
  @Test
  void closureRateOfReportsUntil_theAcceptedReportsOfThoseDaysClosed() {
    SimulationResult result =
        result(
            List.of(
                new DayCount(MONDAY, 4, 0, 2, 1, 0, 0, 1),
                new DayCount(MONDAY.plusDays(1), 3, 5, 3, 0, 1, 0, 0),
                new DayCount(MONDAY.plusDays(2), 5, 0, 0, 0, 0, 0, 5)),
            List.of());

    assertThat(result.closureRateOfReportsUntil(MONDAY.minusDays(1))).isZero();
    assertThat(result.closureRateOfReportsUntil(MONDAY)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(result.closureRateOfReportsUntil(MONDAY.plusDays(1)))
        .isCloseTo(5.0 / 6, within(1e-12));
    assertThat(result.closureRateOfReportsUntil(MONDAY.plusDays(2)))
        .isCloseTo(5.0 / 11, within(1e-12));
  }

  @Test
  void busiestLine_theLargestShare() {
    LineLoad lighting = new LineLoad(LineId.of("street-lighting"), 5, 4, 0, 0.625, 0.8);
    LineLoad community = new LineLoad(LineId.of("community"), 3, 3, 0, 0.375, 1);

    assertThat(result(List.of(), List.of(lighting, community)).busiestLine()).isEqualTo(lighting);
    assertThat(result(List.of(), List.of(community, lighting)).busiestLine()).isEqualTo(lighting);
  }

  @Test
  void busiestLine_onEqualShares_theLineWhoseIdSortsFirst() {
    LineLoad water = new LineLoad(LineId.of("water"), 4, 4, 0, 0.5, 1);
    LineLoad lighting = new LineLoad(LineId.of("lighting"), 4, 2, 0, 0.5, 0.5);

    assertThat(result(List.of(), List.of(water, lighting)).busiestLine()).isEqualTo(lighting);
    assertThat(result(List.of(), List.of(lighting, water)).busiestLine()).isEqualTo(lighting);
  }

  /**
   * An assertion on a result that fails prints it: a district's month closes tens of thousands of
   * cases and ranks and pays thousands of workers, and the record's own string held every closure
   * time and every worker's line (a Kaixuan week's 130,000 characters, a Dongcheng month's
   * megabytes), so the failure's message buried what differed.
   */
  @Test
  void toString_theCounts_notEveryClosureWorkerOrDay() {
    SimulationResult result =
        result(List.of(), List.of(), java.util.stream.IntStream.range(0, 100_000).toArray());

    assertThat(result.toString())
        .hasSizeLessThan(2_000)
        .startsWith("SimulationResult[policy=kaixuan v1, setup=, seed=42, start=")
        .contains(
            "reported=9, registered=8, rejected=1, selfClaimed=3, autoAssigned=2,"
                + " manualAssigned=1, escalations={REQUESTED=2, NO_ELIGIBLE_WORKER=1}",
            "closed=6, closedOnTime=3, rated=4, satisfactionSum=14",
            "refusals={QUOTA_EXHAUSTED=5}",
            "closureMinutes=100000 values",
            "scores=0 months");
  }
}
