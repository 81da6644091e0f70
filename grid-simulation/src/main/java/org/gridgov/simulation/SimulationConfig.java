package org.gridgov.simulation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.gridgov.core.RuleId;
import org.gridgov.core.internal.Checks;

/**
 * Everything a run depends on besides the territory and the policy: the seed, the period, the
 * staffing, the arrival process and the behaviour. Same config, territory, policy and seed: same
 * result, on any storage adapter.
 *
 * @param tick how often timers are fired ({@code GridGovernance.advance}); timers fire at most one
 *     tick late
 */
public record SimulationConfig(long seed, LocalDate start, int days, ZoneId zone,
    Staffing staffing, Arrivals arrivals, Behaviour behaviour, Optional<Overload> overload,
    Duration tick) {
  static final RuleId ID = RuleId.of("simulation.config");

  public SimulationConfig {
    Checks.notNull(ID, "start", start);
    Checks.between(ID, "days", 1, 3660, days);
    Checks.notNull(ID, "zone", zone);
    Checks.notNull(ID, "staffing", staffing);
    Checks.notNull(ID, "arrivals", arrivals);
    Checks.notNull(ID, "behaviour", behaviour);
    Checks.notNull(ID, "overload", overload);
    Checks.positive(ID, "tick", tick);
  }

  /** One month of March 2024 in Beijing time, seed 42, Dongcheng staffing, default behaviour. */
  public static SimulationConfig defaults() {
    return new SimulationConfig(42, LocalDate.of(2024, 3, 1), 31, ZoneId.of("Asia/Shanghai"),
        Staffing.dongcheng(), Arrivals.defaults(), Behaviour.defaults(), Optional.empty(),
        Duration.ofMinutes(15));
  }

  public SimulationConfig withSeed(long value) {
    return new SimulationConfig(value, start, days, zone, staffing, arrivals, behaviour, overload,
        tick);
  }

  public SimulationConfig withPeriod(LocalDate from, int length) {
    return new SimulationConfig(seed, from, length, zone, staffing, arrivals, behaviour, overload,
        tick);
  }

  public SimulationConfig withStaffing(Staffing value) {
    return new SimulationConfig(seed, start, days, zone, value, arrivals, behaviour, overload,
        tick);
  }

  public SimulationConfig withArrivals(Arrivals value) {
    return new SimulationConfig(seed, start, days, zone, staffing, value, behaviour, overload,
        tick);
  }

  public SimulationConfig withBehaviour(Behaviour value) {
    return new SimulationConfig(seed, start, days, zone, staffing, arrivals, value, overload,
        tick);
  }

  public SimulationConfig withOverload(Overload value) {
    return new SimulationConfig(seed, start, days, zone, staffing, arrivals, behaviour,
        Optional.of(value), tick);
  }

  public SimulationConfig withTick(Duration value) {
    return new SimulationConfig(seed, start, days, zone, staffing, arrivals, behaviour, overload,
        value);
  }
}
