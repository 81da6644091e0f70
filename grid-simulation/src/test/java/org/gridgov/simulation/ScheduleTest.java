package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.policy.WorkingTime;
import org.junit.jupiter.api.Test;

/** Schedules of the simulated people: their parts checked as a working time's, their arithmetic. */
class ScheduleTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final WorkingTime.Period MORNING = period("08:30-12:00");
  private static final WorkingTime.Period AFTERNOON = period("13:30-17:30");
  private static final ImmutableSet<DayOfWeek> WEEKDAYS =
      ImmutableSet.of(
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY);

  private static WorkingTime.Period period(String text) {
    return WorkingTime.Period.parse(text).orElseThrow();
  }

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(ZONE).toInstant();
  }

  @Test
  void always_isAllDayEveryDay_andHasNoWorkingTimeToCountIn() {
    assertThat(Schedule.ALWAYS.always()).isTrue();
    assertThat(Schedule.ALWAYS.everyDay()).isTrue();
    assertThat(Schedule.ALWAYS.workingTime()).isNull();
    assertThat(Schedule.ALWAYS).hasToString("00:00-24:00");
    assertThat(Schedule.daily(MORNING).always()).isFalse();
    assertThat(
            new Schedule(
                    ImmutableList.of(MORNING),
                    ImmutableSet.copyOf(DayOfWeek.values()),
                    ImmutableSortedSet.of(),
                    ImmutableSortedSet.of(LocalDate.of(2024, 2, 4)))
                .everyDay())
        .as("a make-up day listed is not written away")
        .isFalse();
  }

  @Test
  void weekdaysWithAHolidayAndAMakeUpDay_countDelaysInTheirHoursOnly() {
    // a Friday off and the Sunday after worked instead
    Schedule offices =
        new Schedule(
            ImmutableList.of(MORNING, AFTERNOON),
            WEEKDAYS,
            ImmutableSortedSet.of(LocalDate.of(2024, 4, 5)),
            ImmutableSortedSet.of(LocalDate.of(2024, 4, 7)));
    WorkingTime time = offices.workingTime();

    // two hours asked at 17:00 on Thursday: half an hour that evening, the rest on Sunday
    assertThat(time.plus(at("2024-04-04T17:00"), Duration.ofHours(2), ZONE))
        .isEqualTo(at("2024-04-07T10:00"));
    assertThat(time.next(at("2024-04-06T11:00"), ZONE))
        .as("Saturday: the Sunday worked")
        .isEqualTo(at("2024-04-07T08:30"));
    assertThat(time.next(at("2024-04-08T12:15"), ZONE))
        .as("Monday's lunch")
        .isEqualTo(at("2024-04-08T13:30"));
    assertThat(offices.everyDay()).isFalse();
    assertThat(offices)
        .hasToString(
            "[08:30-12:00, 13:30-17:30] on [mon, tue, wed, thu, fri],"
                + " 1 holidays, 1 extra workdays");
  }

  @Test
  void ofAPolicysWorkingTime_takesItsHoursAndDays() {
    WorkingTime policy =
        new WorkingTime(
            ImmutableList.of(MORNING),
            WEEKDAYS,
            ImmutableSortedSet.of(LocalDate.of(2024, 5, 1)),
            ImmutableSortedSet.of(),
            ImmutableSet.of(WorkingTime.Limit.REPLY));

    Schedule schedule = Schedule.of(policy);

    assertThat(schedule)
        .isEqualTo(
            new Schedule(
                ImmutableList.of(MORNING),
                WEEKDAYS,
                ImmutableSortedSet.of(LocalDate.of(2024, 5, 1)),
                ImmutableSortedSet.of()));
    assertThat(schedule.workingTime().plus(at("2024-04-30T11:00"), Duration.ofHours(2), ZONE))
        .as("May Day off")
        .isEqualTo(policy.plus(at("2024-04-30T11:00"), Duration.ofHours(2), ZONE))
        .isEqualTo(at("2024-05-02T09:30"));
  }

  @Test
  void badParts_refusedNamingThePartAndTheWorkingTimeRule() {
    assertThatThrownBy(
            () ->
                new Schedule(
                    ImmutableList.of(), WEEKDAYS, ImmutableSortedSet.of(), ImmutableSortedSet.of()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[policy.working-hours] schedule.hours must name at least one period");
    assertThatThrownBy(
            () ->
                new Schedule(
                    ImmutableList.of(AFTERNOON, MORNING),
                    WEEKDAYS,
                    ImmutableSortedSet.of(),
                    ImmutableSortedSet.of()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith("[policy.working-hours] schedule.hours[1] must start after");
    assertThatThrownBy(
            () ->
                new Schedule(
                    ImmutableList.of(MORNING),
                    ImmutableSet.of(),
                    ImmutableSortedSet.of(),
                    ImmutableSortedSet.of()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[policy.working-days] schedule.workdays must name at least one weekday");
    LocalDate day = LocalDate.of(2024, 10, 1);
    assertThatThrownBy(
            () ->
                new Schedule(
                    ImmutableList.of(MORNING),
                    WEEKDAYS,
                    ImmutableSortedSet.of(day),
                    ImmutableSortedSet.of(day)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[policy.working-days] schedule.extraWorkdays must not hold a holiday");
  }
}
