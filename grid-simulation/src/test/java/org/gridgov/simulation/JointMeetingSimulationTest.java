package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.simulation.SimulationTest.KAIXUAN;

import java.nio.file.Path;
import java.time.Duration;
import org.gridgov.core.policy.Presets;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/**
 * A study of lines without staff on a simulated week of Kaixuan street, with the example files: no
 * department staff in the streets, so the street lines' cases are referred to the centre, which
 * either leaves them open or convenes joint meetings that give them to a line with staff.
 */
class JointMeetingSimulationTest {
  private static final SimulationConfig UNSTAFFED =
      SimulationSetup.fromPath(
          Path.of("examples/setup-streets-unstaffed.yaml"), SimulationTest.week());
  private static final SimulationConfig MEETINGS =
      SimulationSetup.fromPath(
          Path.of("examples/setup-streets-unstaffed-meetings.yaml"), SimulationTest.week());

  @Test
  void exampleFiles_areTheDefaultsButForTheirStreetStaffAndMeetings() {
    SimulationConfig week = SimulationTest.week();
    assertThat(UNSTAFFED.staffing()).isEqualTo(week.staffing().withDepartments(0, 6));
    assertThat(week.staffing().perDistrictLine()).isEqualTo(6);
    assertThat(UNSTAFFED.behaviour()).isEqualTo(week.behaviour());
    assertThat(MEETINGS.staffing()).isEqualTo(UNSTAFFED.staffing());
    assertThat(MEETINGS.behaviour())
        .isEqualTo(week.behaviour().withJointMeetingAfter(Duration.ofDays(3)));
  }

  @Test
  void aWeek_meetingsCloseReferredCases_theLinesWithoutStaffStillShow() {
    Comparison study =
        Comparison.run(
            KAIXUAN,
            new Scenario(MEETINGS, Presets.kaixuan()),
            new Scenario(UNSTAFFED, Presets.kaixuan()),
            InMemoryGridStorage::create);
    SimulationResult meetings = study.a();
    SimulationResult unstaffed = study.b();

    assertThat(study.row("reported").delta()).as("the same arrivals").hasValue(0);
    assertThat(unstaffed.referred()).isPositive().isEqualTo(meetings.referred());
    assertThat(unstaffed.convened()).isZero();
    assertThat(meetings.convened())
        .isPositive()
        .isLessThanOrEqualTo(meetings.referred())
        .isEqualTo((long) study.row("convened in joint meetings").a().getAsDouble());
    assertThat(meetings.closed()).isGreaterThan(unstaffed.closed());
    assertThat(meetings.openAtEnd()).isLessThan(unstaffed.openAtEnd());
    for (SimulationResult run : java.util.List.of(meetings, unstaffed)) {
      assertThat(run.lines())
          .allSatisfy(l -> assertThat(l.solveRate()).as(l.line().value()).isBetween(0.0, 1.0));
      // a line nobody staffs closes nothing of its own, meetings or not
      assertThat(run.lines())
          .filteredOn(l -> l.referred() > 0)
          .isNotEmpty()
          .allSatisfy(l -> assertThat(l.closed()).as(l.line().value()).isZero());
    }
    long receivedWith = meetings.lines().stream().mapToLong(LineLoad::received).sum();
    long receivedWithout = unstaffed.lines().stream().mapToLong(LineLoad::received).sum();
    assertThat(receivedWith)
        .as("each case a meeting gave to a lead line is received there too")
        .isGreaterThan(receivedWithout);
  }
}
