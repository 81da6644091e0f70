package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.gridgov.core.people.Roster;
import org.gridgov.core.policy.Presets;
import org.gridgov.storage.jdbc.JdbcGridStorage;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/** The same seed gives the same run on the in-memory store and on the JDBC store (H2). */
class StorageParityTest {

  @Test
  void run_sameSeed_memoryAndH2GiveIdenticalResults() {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 3, 4), 3)
            .withArrivals(Arrivals.defaults().withRate(1.5));

    SimulationResult memory =
        Simulation.run(
            SimulationTest.KAIXUAN, config, Presets.kaixuan(), InMemoryGridStorage.create());
    SimulationResult h2 =
        Simulation.run(
            SimulationTest.KAIXUAN,
            config,
            Presets.kaixuan(),
            JdbcGridStorage.h2InMemory("parity"));

    assertThat(memory.reported()).isGreaterThan(100);
    assertThat(memory.closed()).isPositive();
    assertThat(h2).isEqualTo(memory);
  }

  @Test
  void run_weekdayOfficesARotaAndPatrolsByDay_theSameOnMemoryAndH2() {
    SimulationConfig offices =
        SimulationSetup.fromPath(
            java.nio.file.Path.of("examples/setup-weekday-offices.yaml"),
            SimulationConfig.defaults());
    SimulationConfig config =
        offices
            .withPeriod(LocalDate.of(2024, 3, 7), 5) // Thursday to Monday
            .withArrivals(offices.arrivals().withRate(1.5));

    SimulationResult memory =
        Simulation.run(
            SimulationTest.KAIXUAN, config, Presets.kaixuan(), InMemoryGridStorage.create());
    SimulationResult h2 =
        Simulation.run(
            SimulationTest.KAIXUAN,
            config,
            Presets.kaixuan(),
            JdbcGridStorage.h2InMemory("parity-offices"));

    assertThat(config.behaviour().workerRestDays()).isEqualTo(2);
    assertThat(memory.closed()).isPositive();
    assertThat(h2).isEqualTo(memory);
  }

  @Test
  void run_linesWithoutStaff_referralsTheSameOnMemoryAndH2() {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 3, 4), 3)
            .withArrivals(Arrivals.defaults().withRate(1.5))
            .withStaffing(Staffing.dongcheng().withDepartments(0, 0));

    SimulationResult memory =
        Simulation.run(
            SimulationTest.KAIXUAN, config, Presets.kaixuan(), InMemoryGridStorage.create());
    SimulationResult h2 =
        Simulation.run(
            SimulationTest.KAIXUAN,
            config,
            Presets.kaixuan(),
            JdbcGridStorage.h2InMemory("parity-referred"));

    assertThat(memory.referred()).isPositive();
    assertThat(h2).isEqualTo(memory);
  }

  /**
   * Absences begun before the run's start (30 days long on average, so about a quarter of the
   * workers are away from the first day, most of them since before it) are stored with the
   * directory and read back as they were, and the run is the same on both stores.
   */
  @Test
  void run_absencesBegunBeforeTheStart_storedAsBuilt_theSameOnMemoryAndH2() {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 3, 4), 3)
            .withArrivals(Arrivals.defaults().withRate(1.5))
            .withBehaviour(Behaviour.defaults().toBuilder().absenceDays(30).build());
    Instant start = config.start().atStartOfDay(config.zone()).toInstant();
    JdbcGridStorage store = JdbcGridStorage.h2InMemory("parity-absences");

    SimulationResult memory =
        Simulation.run(
            SimulationTest.KAIXUAN, config, Presets.kaixuan(), InMemoryGridStorage.create());
    SimulationResult h2 = Simulation.run(SimulationTest.KAIXUAN, config, Presets.kaixuan(), store);
    Roster built =
        SyntheticDistrict.build(
                SimulationTest.KAIXUAN, config, new Randomness(config.seed()).split())
            .directory()
            .roster();
    Roster stored = store.directory().load().orElseThrow().value().roster();

    assertThat(built.workers())
        .filteredOn(w -> w.absences().stream().anyMatch(a -> a.from().isBefore(start)))
        .as("away since before the start")
        .hasSizeGreaterThan(built.size() / 10);
    assertThat(stored.workers()).isEqualTo(built.workers());
    assertThat(memory.closed()).isPositive();
    assertThat(h2).isEqualTo(memory);
  }
}
