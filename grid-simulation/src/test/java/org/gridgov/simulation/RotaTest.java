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
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.WorkingTime;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/**
 * Grid workers on a rota (轮休): each rests some of the workdays of a week, staggered across a grid's
 * workers, and acts on the others only.
 */
class RotaTest {
  private static SimulationConfig week(int restDays) {
    SimulationConfig week = SimulationTest.week().withArrivals(Arrivals.defaults().withRate(6.2));
    return week.withBehaviour(week.behaviour().withWorkerRestDays(restDays));
  }

  /**
   * The local weekdays each grid worker took a step on (a claim, a reply, a verification, a report
   * from patrol …).
   */
  private static Map<String, Set<DayOfWeek>> daysOfEachGridWorker(SimulationConfig config) {
    InMemoryGridStorage storage = InMemoryGridStorage.create();
    SimulationResult result = Simulation.run(KAIXUAN, config, Presets.kaixuan(), storage);
    Map<String, Set<DayOfWeek>> days = new HashMap<>();
    for (List<IncidentEvent> history :
        storage
            .incidents()
            .historiesAliveBetween(Instant.EPOCH, result.end().plusSeconds(1), null, 1_000_000)) {
      for (IncidentEvent event : history) {
        if (event.actor().kind() == ActorKind.WORKER && event.actor().id().startsWith("w-")) {
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

    assertThat(rota)
        .isNotEmpty()
        .allSatisfy((worker, days) -> assertThat(days).as(worker).hasSizeLessThanOrEqualTo(5));
    assertThat(rota.values().stream().flatMap(Set::stream).distinct())
        .as("some grid workers on duty every day")
        .hasSize(7);
    assertThat(everyDay.values())
        .as("without the rota, workers act on six or seven days")
        .anySatisfy(days -> assertThat(days).hasSizeGreaterThan(5));
  }

  @Test
  void whenAGridsWorkersAllRest_itsPatrolFindingsWaitForTheFirstBack_noneReportedFromRest() {
    // six rest days a week: a grid's five workers all rest on two days of the week
    Map<String, Set<DayOfWeek>> rota = daysOfEachGridWorker(week(6));

    assertThat(rota)
        .isNotEmpty()
        .allSatisfy((worker, days) -> assertThat(days).as(worker).hasSize(1));
  }

  @Test
  void restDays_mustLeaveEachWorkerAWorkday() {
    Behaviour weekdays =
        Behaviour.defaults()
            .withWorkerHours(
                new Schedule(
                    com.google.common.collect.ImmutableList.of(
                        WorkingTime.Period.parse("08:00-18:00").orElseThrow()),
                    com.google.common.collect.ImmutableSet.copyOf(
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)),
                    com.google.common.collect.ImmutableSortedSet.of(),
                    com.google.common.collect.ImmutableSortedSet.of()));

    assertThat(weekdays.withWorkerRestDays(4).workerRestDays()).isEqualTo(4);
    assertThatThrownBy(() -> weekdays.withWorkerRestDays(5))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.behaviour] workerRestDays must be 0 or more and leave each grid"
                + " worker a workday of the 5 workerHours has a week, was 5");
    assertThatThrownBy(() -> Behaviour.defaults().withWorkerRestDays(-1))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("workerRestDays");
  }

  @Test
  void aGridsWorkers_restOnDifferentDays_evenBesideAWorkerPlacedByAnotherGrid() {
    WorkerId shared = WorkerId.of("w-shared");
    WorkerId second = WorkerId.of("w-second");
    WorkerId third = WorkerId.of("w-third");
    Map<WorkerId, Integer> placed = new HashMap<>();

    Rota.place(List.of(shared, WorkerId.of("w-first-grid")), 2, 7, placed);
    assertThat(placed).containsEntry(shared, 0).containsEntry(WorkerId.of("w-first-grid"), 2);
    // in its second grid the shared worker comes last; the grid's first worker would take the
    // first place (Monday and Tuesday off), the shared worker's, and moves to the next free one
    Rota.place(List.of(second, third, shared), 2, 7, placed);

    assertThat(placed).containsEntry(shared, 0).containsEntry(second, 2).containsEntry(third, 4);
  }

  @Test
  void moreWorkersThanRestsFit_shareTheDaysEvenly() {
    List<WorkerId> staff =
        java.util.stream.IntStream.range(0, 6).mapToObj(i -> WorkerId.of("w-" + i)).toList();
    Map<WorkerId, Integer> placed = new HashMap<>();

    Rota.place(staff, 2, 7, placed);

    int[] resting = new int[7];
    placed
        .values()
        .forEach(
            place -> {
              resting[place]++;
              resting[(place + 1) % 7]++;
            });
    // 12 rest days over 7 workdays: five days with two resting, two with one, none with three
    assertThat(resting).containsOnly(1, 2);
    assertThat(java.util.Arrays.stream(resting).sum()).isEqualTo(12);
  }

  /**
   * A place's cost is the placed workers resting on its own rest days only: with one rest day of
   * five and a placed worker resting on the third, the second worker keeps their first choice, the
   * second workday, though the third follows it.
   */
  @Test
  void place_costsOnlyThePlacesOwnRestDays() {
    WorkerId placedBefore = WorkerId.of("w-a");
    WorkerId next = WorkerId.of("w-b");
    Map<WorkerId, Integer> placed = new HashMap<>(Map.of(placedBefore, 2));

    Rota.place(List.of(placedBefore, next), 1, 5, placed);

    assertThat(placed).containsEntry(next, 1).containsEntry(placedBefore, 2);
  }

  @Test
  void anyGridOnItsOwn_restsEvenly_andApartWhileTheRestDaysFit() {
    for (int n = 1; n <= 7; n++) {
      for (int rest = 1; rest < n; rest++) {
        for (int size = 1; size <= 20; size++) {
          List<WorkerId> staff =
              java.util.stream.IntStream.range(0, size)
                  .mapToObj(i -> WorkerId.of("w-" + i))
                  .toList();
          Map<WorkerId, Integer> placed = new HashMap<>();
          Rota.place(staff, rest, n, placed);

          int[] resting = new int[n];
          for (int place : placed.values()) {
            assertThat(place).isBetween(0, n - 1);
            for (int k = 0; k < rest; k++) {
              resting[(place + k) % n]++;
            }
          }
          String at = n + " workdays, " + rest + " resting, " + size + " workers";
          int most = java.util.Arrays.stream(resting).max().orElseThrow();
          int least = java.util.Arrays.stream(resting).min().orElseThrow();
          assertThat(most - least).as(at).isLessThanOrEqualTo(1);
          if (size * rest <= n) {
            assertThat(most).as(at + ": nobody shares a rest day").isEqualTo(1);
          }
        }
      }
    }
  }
}
