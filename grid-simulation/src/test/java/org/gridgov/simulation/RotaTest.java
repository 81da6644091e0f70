package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.simulation.SimulationTest.KAIXUAN;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.incident.ActorKind;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.WorkingTime;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/**
 * Grid workers on a rota (轮休): each rests some of the workdays of a week, staggered across a
 * grid's workers, and acts on the others only.
 */
class RotaTest {
  private static SimulationConfig week(int restDays) {
    SimulationConfig week = SimulationTest.week()
        .withArrivals(Arrivals.defaults().withRate(6.2));
    return week.withBehaviour(week.behaviour().withWorkerRestDays(restDays));
  }

  /** The local weekdays each grid worker took a step on (a claim, a reply, a verification …). */
  private static Map<String, Set<DayOfWeek>> daysOfEachGridWorker(SimulationConfig config) {
    InMemoryGridStorage storage = InMemoryGridStorage.create();
    SimulationResult result = Simulation.run(KAIXUAN, config, Presets.kaixuan(), storage);
    Map<String, Set<DayOfWeek>> days = new HashMap<>();
    for (List<IncidentEvent> history : storage.incidents().historiesAliveBetween(Instant.EPOCH,
        result.end().plusSeconds(1), null, 1_000_000)) {
      for (IncidentEvent event : history) {
        if (event.actor().kind() == ActorKind.WORKER && event.actor().id().startsWith("w-")
            && !(event instanceof IncidentReported)) {
          days.computeIfAbsent(event.actor().id(), w -> EnumSet.noneOf(DayOfWeek.class))
              .add(event.at().atZone(config.zone()).getDayOfWeek());
        }
      }
    }
    return days;
  }

  @Test
  void twoRestDaysAWeek_noGridWorkerActsOnMoreThanFive_theGridsCoveredEveryDay() {
    Map<String, Set<DayOfWeek>> rota = daysOfEachGridWorker(week(2));
    Map<String, Set<DayOfWeek>> everyDay = daysOfEachGridWorker(week(0));

    assertThat(rota).isNotEmpty().allSatisfy((worker, days) ->
        assertThat(days).as(worker).hasSizeLessThanOrEqualTo(5));
    assertThat(rota.values().stream().flatMap(Set::stream).distinct())
        .as("some grid workers on duty every day").hasSize(7);
    assertThat(everyDay.values()).as("without the rota, workers act on six or seven days")
        .anySatisfy(days -> assertThat(days).hasSizeGreaterThan(5));
  }

  @Test
  void restDays_mustLeaveEachWorkerAWorkday() {
    Behaviour weekdays = Behaviour.defaults().withWorkerHours(new Schedule(
        com.google.common.collect.ImmutableList.of(
            WorkingTime.Period.parse("08:00-18:00").orElseThrow()),
        com.google.common.collect.ImmutableSet.copyOf(EnumSet.range(DayOfWeek.MONDAY,
            DayOfWeek.FRIDAY)), com.google.common.collect.ImmutableSortedSet.of(),
        com.google.common.collect.ImmutableSortedSet.of()));

    assertThat(weekdays.withWorkerRestDays(4).workerRestDays()).isEqualTo(4);
    assertThatThrownBy(() -> weekdays.withWorkerRestDays(5))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.behaviour] workerRestDays must be 0 or more and leave each grid"
            + " worker a workday of the 5 workerHours has a week, was 5");
    assertThatThrownBy(() -> Behaviour.defaults().withWorkerRestDays(-1))
        .isInstanceOf(RuleConfigurationException.class).hasMessageContaining("workerRestDays");
  }
}
