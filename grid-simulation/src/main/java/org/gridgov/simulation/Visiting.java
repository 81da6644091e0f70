package org.gridgov.simulation;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Set;
import org.gridgov.core.RuleId;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.people.Role;

/**
 * How often grid workers visit households (走访), which the scoring policies count (Kaixuan's
 * "residents contacted and visited"): on each day a grid worker works and is not away (the days of
 * their own schedule, {@link Behaviour#workerHours} less their rota's rest days; Monday to Friday
 * when grid workers have neither hours nor a rota, the default) they make a Poisson number of
 * visits in their grids, with a mean of their role's rate ({@code perRole}, else {@code
 * perWorkingDay}) times their own diligence, a factor drawn once per worker from a log-normal with
 * mean 1 and shape {@code spread}, so that workers differ as people do. Visits touch no case: they
 * change scores, rankings and pay, nothing else.
 *
 * @param perWorkingDay mean visits a grid worker makes on a working day, 0 for none; the rate of
 *     every role {@code perRole} leaves out
 * @param spread shape (sigma of the underlying normal) of the workers' diligence, 0 for alike
 * @param perRole mean visits a working day of the holders of a grid role, where it differs from
 *     {@code perWorkingDay} (0: the role makes none), as the roles differ in the field: a police
 *     officer or a judicial worker placed in a grid visits far less than its full-time grid
 *     workers. Each a role of the run's staffing template, which {@link SimulationConfig} checks
 *     (this record cannot know the template). Empty by default: every role at {@code perWorkingDay}
 */
public record Visiting(double perWorkingDay, double spread, ImmutableMap<Role, Double> perRole) {
  static final RuleId ID = RuleId.of("simulation.visiting");

  /** The most visits a day a worker can be asked to make on average. */
  public static final double MAX_PER_WORKING_DAY = 50;

  public Visiting {
    Checks.check(
        ID,
        "perWorkingDay",
        inRange(perWorkingDay),
        "must be between 0 and " + MAX_PER_WORKING_DAY + ", was " + perWorkingDay);
    Checks.check(
        ID, "spread", spread >= 0 && spread <= 2, "must be between 0 and 2, was " + spread);
    Checks.notNull(ID, "perRole", perRole);
    perRole.forEach(
        (role, rate) ->
            Checks.check(
                ID,
                "perRole." + role,
                inRange(rate),
                "must be between 0 and " + MAX_PER_WORKING_DAY + ", was " + rate));
  }

  /** Every role at {@code perWorkingDay}. */
  public Visiting(double perWorkingDay, double spread) {
    this(perWorkingDay, spread, ImmutableMap.of());
  }

  private static boolean inRange(double rate) {
    return rate >= 0 && rate <= MAX_PER_WORKING_DAY;
  }

  /**
   * Two visits a working day, about 44 a month, for every role, with a spread of 0.5 (the middle
   * half of the workers between about 0.6 and 1.2 times the mean). [assumed] Both figures: the
   * seeds give no visit rate, nor any by role; Kaixuan's scoring preset targets 40 visits a month,
   * itself an assumption.
   */
  public static Visiting defaults() {
    return new Visiting(2, 0.5);
  }

  /** No visits at all: scores as before visits were simulated. */
  public static Visiting none() {
    return new Visiting(0, 0);
  }

  /** These visits with {@code rates} by role (replacing any), each role's mean a working day. */
  public Visiting withPerRole(Map<Role, Double> rates) {
    Checks.noNullEntries(ID, "perRole", rates);
    return new Visiting(perWorkingDay, spread, ImmutableMap.copyOf(rates));
  }

  /**
   * The mean visits a working day of a worker holding {@code roles}, before their diligence: the
   * highest of their roles' rates, each role {@code perRole} leaves out at {@code perWorkingDay} (a
   * grid manager who is also a party secretary visits as a grid manager); {@code perWorkingDay}
   * itself, the very value, when {@code perRole} is empty, so that a run without rates by role
   * draws exactly the visits it did before they existed.
   */
  public double rateOf(Set<Role> roles) {
    if (perRole.isEmpty()) {
      return perWorkingDay;
    }
    double rate = -1;
    for (Role role : roles) {
      rate = Math.max(rate, perRole.getOrDefault(role, perWorkingDay));
    }
    return rate < 0 ? perWorkingDay : rate;
  }
}
