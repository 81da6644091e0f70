package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.simulation.SimulationTest.KAIXUAN;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.gridgov.core.policy.DispatchPolicy;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.WorkingTime;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/** The example policy counting Kaixuan's reply limit and supervision in working hours. */
class WorkingHoursExampleTest {
  private static final PolicySet WORKING =
      PolicyLoader.fromPath(Path.of("examples/kaixuan-working-hours.yaml"));

  @Test
  void exampleFile_thePresetWithWorkingTime_holidaysOnWeekdays_makeUpDaysOnWeekends() {
    PolicySet kaixuan = Presets.kaixuan();
    DispatchPolicy preset = kaixuan.dispatch();
    WorkingTime working = WORKING.dispatch().workingTime().orElseThrow();

    assertThat(WORKING)
        .usingRecursiveComparison()
        .ignoringFields("id", "source", "dispatch")
        .isEqualTo(kaixuan);
    assertThat(WORKING.dispatch()).isEqualTo(preset.withWorkingTime(working));
    assertThat(working.appliesTo())
        .containsExactlyInAnyOrder(WorkingTime.Limit.REPLY, WorkingTime.Limit.SUPERVISION);
    assertThat(working.holidays())
        .as("a holiday on a weekend changes nothing")
        .allSatisfy(
            d -> assertThat(d.getDayOfWeek()).isBetween(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    assertThat(working.extraWorkdays())
        .allSatisfy(d -> assertThat(d.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    assertThat(working.isWorkday(LocalDate.of(2024, 10, 12))).isTrue();
  }

  @Test
  void aWeekOfKaixuan_sameCasesAsThePreset_moreOfThemAnsweredInTime() {
    Comparison week =
        Comparison.run(
            KAIXUAN,
            SimulationTest.week(),
            WORKING,
            Presets.kaixuan(),
            InMemoryGridStorage::create);

    assertThat(week.a().reported()).isEqualTo(week.b().reported());
    assertThat(week.a().onTimeRate()).isGreaterThan(week.b().onTimeRate());
    assertThat(week.a().overdue()).isLessThan(week.b().overdue());
  }
}
