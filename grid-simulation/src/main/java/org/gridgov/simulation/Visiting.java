package org.gridgov.simulation;

import org.gridgov.core.RuleId;
import org.gridgov.core.internal.Checks;

/**
 * How often grid workers visit households (走访), which the scoring policies count (Kaixuan's
 * "residents contacted and visited"): on each day a grid worker works and is not away (the days
 * of their own schedule, {@link Behaviour#workerHours} less their rota's rest days; Monday to
 * Friday when grid workers have neither hours nor a rota, the default) they make a Poisson
 * number of visits in their grids, with a mean of {@code perWorkingDay}
 * times their own diligence, a factor drawn once per worker from a log-normal with mean 1 and
 * shape {@code spread}, so that workers differ as people do. Visits touch no case: they change
 * scores, rankings and pay, nothing else.
 *
 * @param perWorkingDay mean visits a grid worker makes on a working day, 0 for none
 * @param spread shape (sigma of the underlying normal) of the workers' diligence, 0 for alike
 */
public record Visiting(double perWorkingDay, double spread) {
  static final RuleId ID = RuleId.of("simulation.visiting");
  /** The most visits a day a worker can be asked to make on average. */
  public static final double MAX_PER_WORKING_DAY = 50;

  public Visiting {
    Checks.check(ID, "perWorkingDay", perWorkingDay >= 0 && perWorkingDay <= MAX_PER_WORKING_DAY,
        "must be between 0 and " + MAX_PER_WORKING_DAY + ", was " + perWorkingDay);
    Checks.check(ID, "spread", spread >= 0 && spread <= 2,
        "must be between 0 and 2, was " + spread);
  }

  /**
   * Two visits a working day, about 44 a month, with a spread of 0.5 (the middle half of the
   * workers between about 0.6 and 1.2 times the mean). [assumed] Both figures: the seeds give no
   * visit rate; Kaixuan's scoring preset targets 40 visits a month, itself an assumption.
   */
  public static Visiting defaults() {
    return new Visiting(2, 0.5);
  }

  /** No visits at all: scores as before visits were simulated. */
  public static Visiting none() {
    return new Visiting(0, 0);
  }
}
