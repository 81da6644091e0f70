package org.gridgov.simulation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.WorkingTime;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.scoring.Period;
import org.gridgov.scoring.indicator.VisitRecord;

/**
 * The household visits of a run's grid workers ({@link Visiting}), a period at a time, on the days
 * each of them works: their own schedule ({@link Behaviour#workerHours} less the rest days of their
 * place in the rota, {@link Behaviour#workerRestDays}), or Monday to Friday when the run gives grid
 * workers no hours (around the clock, no rota: the default), at their role's rate ({@link
 * Visiting#rateOf}). Each worker's diligence and each worker-day's count are keyed draws ({@link
 * Randomness#ofKey}) from the run's visit seed, the worker's place in the roster and the day, so a
 * period's visits are the same whenever they are asked for and whatever else the run drew, two
 * policies on one seed get the same visits, and changing one role's rate changes the visits of that
 * role's holders only. A run's visits are not stored with its cases: to score a run again from its
 * stored histories, pass {@code Visits.of(config, roster).of(period)} along.
 */
public final class Visits {
  /**
   * When a working day's visits are made without a schedule: a worker away then makes none that
   * day. With a schedule, the start of the worker's hours that day.
   */
  private static final LocalTime VISITING_TIME = LocalTime.of(10, 0);

  /** Sets the visits' seed apart from the seeds the run draws from the config's. */
  private static final long VISITS_SALT = 0x7669736974734C4EL;

  /** The largest mean drawn by inversion ({@link #poisson}). */
  private static final double INVERSION_UP_TO = 30;

  private final ZoneId zone;
  private final long seed;

  /** The grid workers, by id, each with their grids and their diligence. */
  private final List<Visitor> visitors = new ArrayList<>();

  /**
   * A grid worker, their grids, mean visits a working day (their role's rate times their diligence)
   * and hours (null: none modelled).
   */
  private record Visitor(Worker worker, List<AreaCode> grids, double rate, WorkingTime time) {}

  /**
   * The visits of a run of {@code config} staffed with {@code roster}: their seed is the config's,
   * mixed apart from the run's other streams, so a test can rebuild them from the config alone.
   */
  public static Visits of(SimulationConfig config, Roster roster) {
    Checks.notNull(Simulation.RUN, "config", config);
    Checks.notNull(Simulation.RUN, "roster", roster);
    // the run's grids, as the district lists them: each in code order, every one staffed
    List<AreaCode> grids =
        roster.workers().stream()
            .flatMap(w -> w.grids().stream())
            .filter(grid -> grid.level() == Level.GRID)
            .distinct()
            .sorted()
            .toList();
    Map<WorkerId, WorkingTime> rota = Rota.schedules(config.behaviour(), roster, grids);
    WorkingTime hours = config.behaviour().workerHours().workingTime();
    return new Visits(
        config.visiting(),
        roster,
        config.zone(),
        new SplittableRandom(config.seed() ^ VISITS_SALT).nextLong(),
        worker -> rota.getOrDefault(worker, hours));
  }

  Visits(
      Visiting visiting,
      Roster roster,
      ZoneId zone,
      long seed,
      Function<WorkerId, WorkingTime> schedules) {
    this.zone = zone;
    this.seed = seed;
    List<Worker> workers = new ArrayList<>(roster.workers());
    workers.sort(Comparator.comparing(Worker::id));
    for (int i = 0; i < workers.size(); i++) {
      Worker worker = workers.get(i);
      List<AreaCode> grids =
          worker.grids().stream().filter(grid -> grid.level() == Level.GRID).sorted().toList();
      if (!grids.isEmpty()) {
        double s = visiting.spread();
        double diligence = Math.exp(s * normal(key(i, 0)) - s * s / 2); // mean 1
        // the diligence is drawn for every grid worker, whatever their role's rate, so that one
        // role's rate moves no other worker's draws
        visitors.add(
            new Visitor(
                worker,
                grids,
                visiting.rateOf(worker.roles()) * diligence,
                schedules.apply(worker.id())));
      }
    }
  }

  /** The visits made on the days of {@code period}, by worker, then day. */
  public List<VisitRecord> of(Period period) {
    Checks.notNull(Simulation.RUN, "period", period);
    List<VisitRecord> visits = new ArrayList<>();
    for (int i = 0; i < visitors.size(); i++) {
      Visitor visitor = visitors.get(i);
      if (visitor.rate() == 0) { // none asked of them (Visiting.none(), or their role's 0)
        continue;
      }
      for (LocalDate day = period.first(); !day.isAfter(period.last()); day = day.plusDays(1)) {
        Instant out = visitingTime(visitor.time(), day);
        if (out == null || visitor.worker().isAbsentAt(out)) {
          continue;
        }
        int count = poisson(visitor.rate(), key(i, day.toEpochDay()));
        for (int k = 0; k < count; k++) {
          AreaCode grid = visitor.grids().get(k % visitor.grids().size());
          visits.add(new VisitRecord(visitor.worker().id(), grid, "h" + day + "-" + k, day));
        }
      }
    }
    return visits;
  }

  /**
   * When a worker on {@code time} sets out on {@code day}: the start of their hours that day, or
   * ten o'clock from Monday to Friday without hours; null on a day they do not work.
   */
  private Instant visitingTime(WorkingTime time, LocalDate day) {
    if (time == null) {
      DayOfWeek weekday = day.getDayOfWeek();
      return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY
          ? null
          : day.atTime(VISITING_TIME).atZone(zone).toInstant();
    }
    if (!time.isWorkday(day)) {
      return null;
    }
    Instant start = time.next(day.atStartOfDay(zone).toInstant(), zone);
    return start.isBefore(day.plusDays(1).atStartOfDay(zone).toInstant()) ? start : null;
  }

  /** The key of worker {@code i}'s draw {@code draw} (0: diligence; else an epoch day + 1). */
  private long key(int worker, long draw) {
    return worker * 0x9E3779B97F4A7C15L + (draw + 1) * 0xC2B2AE3D27D4EB4FL;
  }

  /** A standard normal from two keyed uniforms (Box-Muller). */
  private double normal(long key) {
    double u1 = 1.0 - Randomness.ofKey(seed, key);
    double u2 = Randomness.ofKey(seed, key + 1);
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /**
   * A Poisson count with mean {@code mean} from keyed draws: by inversion of one uniform up to a
   * mean of {@value #INVERSION_UP_TO}, beyond it (a very diligent worker asked for many visits) the
   * normal approximation, where {@code exp(-mean)} would vanish.
   */
  private int poisson(double mean, long key) {
    if (mean > INVERSION_UP_TO) {
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(key)));
    }
    double u = Randomness.ofKey(seed, key);
    double term = Math.exp(-mean);
    double cumulative = term;
    int k = 0;
    while (u > cumulative && term > 0) {
      k++;
      term *= mean / k;
      cumulative += term;
    }
    return k;
  }
}
