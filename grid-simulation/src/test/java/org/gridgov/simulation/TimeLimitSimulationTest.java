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
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.AreaKind;
import org.gridgov.core.territory.Level;
import org.gridgov.core.territory.Territory;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/**
 * Time limits by grade and area kind in a simulated district: the example policy giving Kaixuan's
 * urgent cases 4 h instead of 72 h, and a rural street whose kind reaches its synthetic grids.
 */
class TimeLimitSimulationTest {
  private static final PolicySet URGENT =
      PolicyLoader.fromPath(Path.of("examples/kaixuan-urgent-4h.yaml"));

  @Test
  void exampleFile_isThePresetWithOneRowForUrgentCases() {
    PolicySet kaixuan = Presets.kaixuan();

    assertThat(URGENT)
        .usingRecursiveComparison()
        .ignoringFields("id", "source", "dispatch")
        .isEqualTo(kaixuan);
    assertThat(URGENT.dispatch())
        .isEqualTo(
            kaixuan
                .dispatch()
                .withTimeLimits(
                    List.of(TimeLimit.forGrade(TimeLimit.Grade.URGENT, Duration.ofHours(4)))));
  }

  @Test
  void aWeekOfKaixuan_sameCasesAsThePreset_fewerAnsweredInTime() {
    Comparison week =
        Comparison.run(
            KAIXUAN, SimulationTest.week(), URGENT, Presets.kaixuan(), InMemoryGridStorage::create);

    assertThat(week.a().reported()).isEqualTo(week.b().reported());
    assertThat(week.a().overdue()).isGreaterThan(week.b().overdue());
    assertThat(week.a().onTimeRate()).isLessThan(week.b().onTimeRate());
  }

  /** Kaixuan with its street marked {@code area_kind: RURAL}, as a {@code --district} CSV can. */
  private static Territory ruralKaixuan() {
    return KAIXUAN.withAttribute(AreaCode.parse("330102011"), AreaKind.ATTRIBUTE, "RURAL");
  }

  @Test
  void aRuralStreet_itsSyntheticGridsAreRural_andARuralRowTightensTheirLimits() {
    Territory rural = ruralKaixuan();
    SimulationConfig config = SimulationTest.week();
    Territory simulated =
        SyntheticDistrict.build(rural, config, new Randomness(config.seed()).split())
            .directory()
            .territory();
    PolicySet tight =
        new PolicySet(
            "kaixuan-rural-12h",
            1,
            Presets.kaixuan().effectiveFrom(),
            Presets.kaixuan().zone(),
            "test",
            Presets.kaixuan()
                .dispatch()
                .withTimeLimits(
                    List.of(TimeLimit.forAreaKind(AreaKind.RURAL, Duration.ofHours(12)))),
            Presets.kaixuan().returns(),
            Presets.kaixuan().verification(),
            Presets.kaixuan().escalation(),
            Presets.kaixuan().targets(),
            Presets.kaixuan().pay());

    assertThat(simulated.at(Level.GRID))
        .isNotEmpty()
        .allSatisfy(grid -> assertThat(simulated.kindOf(grid.code())).isEqualTo(AreaKind.RURAL));
    Comparison inRural =
        Comparison.run(rural, config, tight, Presets.kaixuan(), InMemoryGridStorage::create);
    Comparison inUrban =
        Comparison.run(KAIXUAN, config, tight, Presets.kaixuan(), InMemoryGridStorage::create);
    assertThat(inRural.a().overdue()).isGreaterThan(inRural.b().overdue());
    assertThat(inUrban.a().overdue())
        .as("no area is rural: the row matches nothing")
        .isEqualTo(inUrban.b().overdue());
  }
}
