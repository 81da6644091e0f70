package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.territory.Territory;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

class CitySimulationTest {
  private static final SimulationConfig CONFIG =
      SimulationConfig.defaults()
          .withSeed(11)
          .withPeriod(LocalDate.of(2024, 3, 4), 3)
          .withArrivals(Arrivals.defaults().withRate(1.5));

  private static Map<String, Territory> city(int districts) {
    Map<String, Territory> city = new LinkedHashMap<>();
    for (int i = 1; i <= districts; i++) {
      city.put("d" + i, SimulationTest.KAIXUAN);
    }
    return city;
  }

  @Test
  void run_oneOrThreeThreads_identicalDistrictsInTheGivenOrder() {
    CityResult serial =
        CitySimulation.run(city(3), CONFIG, Presets.kaixuan(), InMemoryGridStorage::create, 1);
    CityResult parallel =
        CitySimulation.run(city(3), CONFIG, Presets.kaixuan(), InMemoryGridStorage::create, 3);

    assertThat(parallel).isEqualTo(serial);
    assertThat(parallel.districts())
        .extracting(CityResult.District::name)
        .containsExactly("d1", "d2", "d3");
  }

  @Test
  void run_eachDistrictIsASimulationWithItsOwnSeed_totalsAddUp() {
    CityResult city =
        CitySimulation.run(city(2), CONFIG, Presets.kaixuan(), InMemoryGridStorage::create, 2);

    SimulationResult second =
        Simulation.run(
            SimulationTest.KAIXUAN,
            CONFIG.withSeed(Runs.seed(11, 1)),
            Presets.kaixuan(),
            InMemoryGridStorage.create());
    assertThat(city.district("d2")).isEqualTo(second);
    assertThat(city.district("d1").reported()).isNotEqualTo(second.reported());
    assertThat(city.reported()).isEqualTo(city.district("d1").reported() + second.reported());
    assertThat(city.closed()).isEqualTo(city.district("d1").closed() + second.closed());
    assertThat(second.openAtEnd()).as("three days leave cases open").isPositive();
    assertThat(city.openAtEnd()).isEqualTo(city.district("d1").openAtEnd() + second.openAtEnd());
    assertThat(city.closureRate()).isEqualTo((double) city.closed() / city.registered());
  }

  /**
   * A district's failure reaches the caller as it was thrown, its type and message kept, and names
   * the district and its seed, so that it can be run again alone.
   */
  @Test
  void run_aDistrictFailing_throwsItsOwnException_namingTheDistrictAndItsSeed() {
    AtomicInteger stores = new AtomicInteger();
    IllegalStateException noStore = new IllegalStateException("no store for the second");
    Supplier<GridStorage> secondFails =
        () -> {
          if (stores.incrementAndGet() == 2) {
            throw noStore;
          }
          return InMemoryGridStorage.create();
        };

    // one thread: d1 runs whole, then d2 asks for its store
    assertThatThrownBy(() -> CitySimulation.run(city(3), CONFIG, Presets.kaixuan(), secondFails, 1))
        .isSameAs(noStore);

    assertThat(noStore.getSuppressed())
        .singleElement()
        .isInstanceOfSatisfying(
            RunFailed.class,
            run -> {
              assertThat(run.run()).isEqualTo("district d2 (seed " + Runs.seed(11, 1) + ")");
              assertThat(run).hasMessage(run.run() + " failed");
            });
  }

  @Test
  void run_badArguments_rejectedNamingTheField() {
    assertThatThrownBy(
            () ->
                CitySimulation.run(
                    Map.of(), CONFIG, Presets.kaixuan(), InMemoryGridStorage::create, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("districts");
    assertThatThrownBy(
            () ->
                CitySimulation.run(
                    city(1), CONFIG, Presets.kaixuan(), InMemoryGridStorage::create, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads must be at least 1, was 0");
    assertThatThrownBy(
            () ->
                CitySimulation.run(
                    Map.of(" ", SimulationTest.KAIXUAN),
                    CONFIG,
                    Presets.kaixuan(),
                    InMemoryGridStorage::create,
                    1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a name");
    // before the fix: bare NullPointerExceptions; now named under the city's rule as the rest
    assertThatThrownBy(
            () ->
                CitySimulation.run(null, CONFIG, Presets.kaixuan(), InMemoryGridStorage::create, 1))
        .isInstanceOf(org.gridgov.core.RuleConfigurationException.class)
        .hasMessage("[simulation.city] districts must not be null");
    assertThatThrownBy(
            () ->
                CitySimulation.run(
                    city(1), null, Presets.kaixuan(), InMemoryGridStorage::create, 1))
        .isInstanceOf(org.gridgov.core.RuleConfigurationException.class)
        .hasMessage("[simulation.city] config must not be null");
    assertThatThrownBy(
            () ->
                CitySimulation.run(
                    city(1), CONFIG, Presets.kaixuan(), InMemoryGridStorage::create, 0))
        .isInstanceOf(org.gridgov.core.RuleConfigurationException.class)
        .hasMessage("[simulation.city] threads must be at least 1, was 0");
  }

  @Test
  void district_unknownName_rejected() {
    CityResult city =
        CitySimulation.run(city(1), CONFIG, Presets.kaixuan(), InMemoryGridStorage::create, 1);

    assertThatThrownBy(() -> city.district("nowhere"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("city result");
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo("name");
                        assertThat(v.rule()).isEqualTo("input.unknown");
                        assertThat(v.message())
                            .isEqualTo("names no district of the run, expected one of [d1]");
                        assertThat(v.value()).isEqualTo("nowhere");
                      });
            });
  }
}
