package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.simulation.SimulationTest.KAIXUAN;
import static org.gridgov.simulation.SimulationTest.week;

import java.util.Map;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.line.LineId;
import org.gridgov.core.policy.Presets;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/** What a run refuses before it starts, each naming the field and the rule. */
class SimulationInputsTest {

  @Test
  void withOverload_null_refusedNamingTheField() {
    assertThatThrownBy(() -> SimulationConfig.defaults().withOverload(null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.config] overload must not be null");
  }

  @Test
  void staffing_nullRoleLines_refusedAtConstruction() {
    assertThatThrownBy(() -> new Staffing(2, 5, "dongcheng", null, 4, 6))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.staffing] roleLines must not be null");
  }

  @Test
  void arrivals_nullParts_refusedNamingTheField() {
    Arrivals d = Arrivals.defaults();
    assertThatThrownBy(() -> new Arrivals(0.3, null, d.weekly(), d.categories(), d.sources()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.arrivals] hourly must not be null");
    assertThatThrownBy(() -> new Arrivals(0.3, d.hourly(), d.weekly(), null, d.sources()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.arrivals] categories must not be null");
    assertThatThrownBy(() -> d.withCategories(null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.arrivals] categories must not be null");
  }

  @Test
  void run_nullArguments_refusedNamingTheArgument() {
    assertThatThrownBy(() -> Simulation.run(null, week(), Presets.kaixuan(),
        InMemoryGridStorage.create()))
        .isInstanceOf(RuleConfigurationException.class).hasMessageContaining("territory");
    assertThatThrownBy(() -> Simulation.run(KAIXUAN, null, Presets.kaixuan(),
        InMemoryGridStorage.create()))
        .isInstanceOf(RuleConfigurationException.class).hasMessageContaining("config");
    assertThatThrownBy(() -> Simulation.run(KAIXUAN, week(), null,
        InMemoryGridStorage.create()))
        .isInstanceOf(RuleConfigurationException.class).hasMessageContaining("policy");
  }

  @Test
  void overload_everyCategoryInTheOverloadedLine_refusedNamingTheField() {
    SimulationConfig config = week().withArrivals(Arrivals.defaults()
        .withCategories(Map.of("E02", 1.0))).withOverload(Overload.baoshan(8));
    assertThatThrownBy(() -> Simulation.run(KAIXUAN, config, Presets.kaixuan(),
        InMemoryGridStorage.create()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("categories");
  }

  @Test
  void overload_ofACommunityLine_isRefusedInsteadOfDroppingItsWorkers() {
    // before the fix: runs, the 8 workers are never placed (same roster size as without the
    // overload) and the line's 205 cases in 3 days are never closed (solveRate 0.0)
    SimulationConfig config = week().withPeriod(java.time.LocalDate.of(2024, 3, 4), 3)
        .withOverload(new Overload(LineId.of("community"), 0.5, 8));
    assertThatThrownBy(() -> Simulation.run(KAIXUAN, config, Presets.kaixuan(),
        InMemoryGridStorage.create()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("[simulation.run] overload line community works at no street or"
            + " district");
  }
}
