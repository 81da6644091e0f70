package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.gridgov.core.policy.WorkingTime;

/** Schedules of any shape: written and read back by a setup file, and counted in their hours. */
class ScheduleProperties {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Provide
  Arbitrary<Schedule> schedules() {
    Arbitrary<List<WorkingTime.Period>> hours =
        Arbitraries.integers()
            .between(0, 47)
            .set()
            .ofMinSize(2)
            .ofMaxSize(6)
            .map(ScheduleProperties::periods);
    Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1);
    Arbitrary<Set<LocalDate>> dates =
        Arbitraries.integers()
            .between(0, 60)
            .set()
            .ofMaxSize(6)
            .map(
                offsets -> {
                  Set<LocalDate> set = new TreeSet<>();
                  offsets.forEach(o -> set.add(LocalDate.of(2024, 3, 1).plusDays(o)));
                  return set;
                });
    return Combinators.combine(hours, days, dates, dates)
        .as(
            (h, d, off, worked) -> {
              Set<LocalDate> extra = new TreeSet<>(worked);
              extra.removeAll(off); // a date cannot be both
              return new Schedule(
                  ImmutableList.copyOf(h),
                  ImmutableSet.copyOf(d),
                  ImmutableSortedSet.copyOf(off),
                  ImmutableSortedSet.copyOf(extra));
            });
  }

  /** Half-hour marks, sorted, paired into periods that do not overlap. */
  private static List<WorkingTime.Period> periods(Set<Integer> marks) {
    List<Integer> sorted = new ArrayList<>(new TreeSet<>(marks));
    List<WorkingTime.Period> periods = new ArrayList<>();
    for (int i = 0; i + 1 < sorted.size(); i += 2) {
      periods.add(new WorkingTime.Period(time(sorted.get(i)), time(sorted.get(i + 1) + 1)));
    }
    return periods;
  }

  private static LocalTime time(int halfHours) {
    return halfHours >= 48 ? LocalTime.MIDNIGHT : LocalTime.of(halfHours / 2, 30 * (halfHours % 2));
  }

  @Property(tries = 200)
  void aSetupFile_writesAndReadsBackAnySchedule(
      @ForAll("schedules") Schedule centre, @ForAll("schedules") Schedule departments) {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withBehaviour(
                SimulationConfig.defaults()
                    .behaviour()
                    .withCentreHours(centre)
                    .withDepartmentHours(departments))
            .withSetup("any");

    String yaml = SimulationSetup.toYaml(config);

    assertThat(
            SimulationSetup.fromYaml(
                new StringReader(yaml), "any.yaml", SimulationConfig.defaults()))
        .as(yaml)
        .isEqualTo(config);
  }

  @Property(tries = 200)
  void aDelay_endsInTheScheduleAfterItsStart(
      @ForAll("schedules") Schedule schedule,
      @ForAll @IntRange(min = 0, max = 60 * 24 * 30) int startMinute,
      @ForAll @IntRange(min = 1, max = 60 * 24 * 3) int minutes) {
    Instant start =
        LocalDate.of(2024, 3, 1)
            .atStartOfDay(SHANGHAI)
            .toInstant()
            .plus(Duration.ofMinutes(startMinute));
    WorkingTime time = schedule.workingTime();
    if (time == null) {
      return; // around the clock: calendar time, nothing to count
    }

    Instant end = time.plus(start, Duration.ofMinutes(minutes), SHANGHAI);

    assertThat(end).isAfterOrEqualTo(start.plus(Duration.ofMinutes(minutes)));
    assertThat(time.next(end.minusNanos(1), SHANGHAI))
        .as("the last minute is worked")
        .isEqualTo(end.minusNanos(1));
  }
}
