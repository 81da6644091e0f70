package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.simulation.SimulationTest.KAIXUAN;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.TimeLimit;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/** The example policy giving Kaixuan's urgent cases 4 h instead of 72 h. */
class UrgentLimitExampleTest {
  private static final PolicySet URGENT =
      PolicyLoader.fromPath(Path.of("examples/kaixuan-urgent-4h.yaml"));

  @Test
  void exampleFile_isThePresetWithOneRowForUrgentCases() {
    PolicySet kaixuan = Presets.kaixuan();

    assertThat(URGENT).usingRecursiveComparison().ignoringFields("id", "source", "dispatch")
        .isEqualTo(kaixuan);
    assertThat(URGENT.dispatch()).isEqualTo(kaixuan.dispatch().withTimeLimits(
        List.of(TimeLimit.forGrade(TimeLimit.Grade.URGENT, Duration.ofHours(4)))));
  }

  @Test
  void aWeekOfKaixuan_sameCasesAsThePreset_fewerAnsweredInTime() {
    Comparison week = Comparison.run(KAIXUAN, SimulationTest.week(), URGENT, Presets.kaixuan(),
        InMemoryGridStorage::create);

    assertThat(week.a().reported()).isEqualTo(week.b().reported());
    assertThat(week.a().overdue()).isGreaterThan(week.b().overdue());
    assertThat(week.a().onTimeRate()).isLessThan(week.b().onTimeRate());
  }
}
