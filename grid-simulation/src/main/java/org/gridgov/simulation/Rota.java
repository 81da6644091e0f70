package org.gridgov.simulation;

import com.google.common.collect.Sets;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.WorkingTime;
import org.gridgov.core.territory.AreaCode;

/**
 * The grid workers' rota (轮休, {@link Behaviour#workerRestDays}): each grid worker's own schedule,
 * the workers' {@link Behaviour#workerHours} less the rest days of their place in the rota. Places
 * are one for each workday a rest may start on; within a grid they are staggered so that its
 * workers rest on different days as far as their number allows.
 */
final class Rota {
  private Rota() {}

  /**
   * Each grid worker of {@code grids} (by {@code roster}) to their schedule; empty without a rota.
   */
  static Map<WorkerId, WorkingTime> schedules(
      Behaviour behaviour, Roster roster, List<AreaCode> grids) {
    int rest = behaviour.workerRestDays();
    Map<WorkerId, WorkingTime> schedules = new HashMap<>();
    if (rest == 0) {
      return schedules;
    }
    Schedule workers = behaviour.workerHours();
    List<DayOfWeek> days = workers.workdays().stream().sorted().toList();
    WorkingTime[] places = new WorkingTime[days.size()];
    for (int place = 0; place < places.length; place++) {
      Set<DayOfWeek> worked = EnumSet.copyOf(days);
      for (int k = 0; k < rest; k++) {
        worked.remove(days.get((place + k) % days.size()));
      }
      places[place] =
          new Schedule(
                  workers.hours(),
                  Sets.immutableEnumSet(worked),
                  workers.holidays(),
                  workers.extraWorkdays())
              .workingTime();
    }
    Map<WorkerId, Integer> placed = new HashMap<>();
    for (AreaCode grid : grids) {
      place(roster.inGrid(grid).stream().map(Worker::id).toList(), rest, places.length, placed);
    }
    placed.forEach((worker, place) -> schedules.put(worker, places[place]));
    return schedules;
  }

  /**
   * Gives each of a grid's {@code staff} not yet {@code placed} (by an earlier grid of theirs) the
   * place among {@code n} (one for each workday a rest may start on) whose {@code rest} days the
   * fewest of the grid's placed workers rest on: staggered, so that the grid's first few workers
   * never rest on the same day; the j-th worker tries first the place that starts at the (j ×
   * rest)-th workday. A worker of several grids keeps the place their first grid gave them; the
   * others' places avoid it.
   */
  static void place(List<WorkerId> staff, int rest, int n, Map<WorkerId, Integer> placed) {
    int[] resting = new int[n]; // how many of the grid's placed workers rest on each workday
    for (WorkerId worker : staff) {
      Integer place = placed.get(worker);
      if (place != null) {
        for (int k = 0; k < rest; k++) {
          resting[(place + k) % n]++;
        }
      }
    }
    for (int j = 0; j < staff.size(); j++) {
      WorkerId id = staff.get(j);
      if (placed.containsKey(id)) {
        continue;
      }
      int best = -1;
      int bestCost = Integer.MAX_VALUE;
      for (int s = 0; s < n; s++) {
        int place = (j * rest + s) % n;
        int cost = 0;
        for (int k = 0; k < rest; k++) {
          cost += resting[(place + k) % n];
        }
        if (cost < bestCost) {
          best = place;
          bestCost = cost;
        }
      }
      placed.put(id, best);
      for (int k = 0; k < rest; k++) {
        resting[(best + k) % n]++;
      }
    }
  }
}
