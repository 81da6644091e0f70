package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.gridgov.core.policy.Presets;
import org.gridgov.storage.jdbc.JdbcGridStorage;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/** The same seed gives the same run on the in-memory store and on the JDBC store (H2). */
class StorageParityTest {

  @Test
  void run_sameSeed_memoryAndH2GiveIdenticalResults() {
    SimulationConfig config = SimulationConfig.defaults()
        .withPeriod(LocalDate.of(2024, 3, 4), 3)
        .withArrivals(Arrivals.defaults().withRate(1.5));

    SimulationResult memory = Simulation.run(SimulationTest.KAIXUAN, config, Presets.kaixuan(),
        InMemoryGridStorage.create());
    SimulationResult h2 = Simulation.run(SimulationTest.KAIXUAN, config, Presets.kaixuan(),
        JdbcGridStorage.h2InMemory("parity"));

    assertThat(memory.reported()).isGreaterThan(100);
    assertThat(memory.closed()).isPositive();
    assertThat(h2).isEqualTo(memory);
  }

  @Test
  void run_weekdayOfficesARotaAndPatrolsByDay_theSameOnMemoryAndH2() {
    SimulationConfig offices = SimulationSetup.fromPath(
        java.nio.file.Path.of("examples/setup-weekday-offices.yaml"), SimulationConfig.defaults());
    SimulationConfig config = offices.withPeriod(LocalDate.of(2024, 3, 7), 5) // Thursday to Monday
        .withArrivals(offices.arrivals().withRate(1.5));

    SimulationResult memory = Simulation.run(SimulationTest.KAIXUAN, config, Presets.kaixuan(),
        InMemoryGridStorage.create());
    SimulationResult h2 = Simulation.run(SimulationTest.KAIXUAN, config, Presets.kaixuan(),
        JdbcGridStorage.h2InMemory("parity-offices"));

    assertThat(config.behaviour().workerRestDays()).isEqualTo(2);
    assertThat(memory.closed()).isPositive();
    assertThat(h2).isEqualTo(memory);
  }

  @Test
  void run_linesWithoutStaff_referralsTheSameOnMemoryAndH2() {
    SimulationConfig config = SimulationConfig.defaults()
        .withPeriod(LocalDate.of(2024, 3, 4), 3)
        .withArrivals(Arrivals.defaults().withRate(1.5))
        .withStaffing(Staffing.dongcheng().withDepartments(0, 0));

    SimulationResult memory = Simulation.run(SimulationTest.KAIXUAN, config, Presets.kaixuan(),
        InMemoryGridStorage.create());
    SimulationResult h2 = Simulation.run(SimulationTest.KAIXUAN, config, Presets.kaixuan(),
        JdbcGridStorage.h2InMemory("parity-referred"));

    assertThat(memory.referred()).isPositive();
    assertThat(h2).isEqualTo(memory);
  }
}
