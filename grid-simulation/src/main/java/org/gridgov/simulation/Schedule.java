package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.Sets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.policy.WorkingTime;

/**
 * When a group of simulated people works (the centre, grid workers, department staff): the hours of
 * a working day on the weekdays worked, public holidays off and make-up workdays (调休) worked, read
 * in the run's zone. The same parts as a policy's {@link WorkingTime}, without the limits it
 * applies to: a policy counts its limits in working time, a schedule says when people act. Their
 * steps take their drawn delays in these hours, so a report made on Saturday waits for Monday when
 * the centre works weekdays.
 *
 * @param hours the periods of a working day, in order, not overlapping
 * @param workdays the weekdays worked
 * @param holidays dates off although their weekday is worked
 * @param extraWorkdays dates worked although their weekday is not
 */
public record Schedule(
    ImmutableList<WorkingTime.Period> hours,
    ImmutableSet<DayOfWeek> workdays,
    ImmutableSortedSet<LocalDate> holidays,
    ImmutableSortedSet<LocalDate> extraWorkdays) {
  private static final ImmutableSet<DayOfWeek> EVERY_DAY =
      Sets.immutableEnumSet(EnumSet.allOf(DayOfWeek.class));

  /** Whatever a working time built from a schedule applies to: only its arithmetic is used. */
  private static final ImmutableSet<WorkingTime.Limit> MOOT =
      Sets.immutableEnumSet(EnumSet.allOf(WorkingTime.Limit.class));

  /** Around the clock, every day: people who act whenever their step falls due. */
  public static final Schedule ALWAYS = daily(Behaviour.ALL_DAY);

  public Schedule {
    hours = ImmutableList.copyOf(hours);
    workdays = ImmutableSet.copyOf(workdays);
    holidays = ImmutableSortedSet.copyOf(holidays);
    extraWorkdays = ImmutableSortedSet.copyOf(extraWorkdays);
    Optional<Violation> problem =
        WorkingTime.problem("schedule", hours, workdays, holidays, extraWorkdays, MOOT);
    if (problem.isPresent()) {
      throw new RuleConfigurationException(
          RuleId.of(problem.get().rule()), problem.get().path(), problem.get().message());
    }
  }

  /** {@code hours} every day of the week, holidays included. */
  public static Schedule daily(WorkingTime.Period hours) {
    return new Schedule(
        ImmutableList.of(hours), EVERY_DAY, ImmutableSortedSet.of(), ImmutableSortedSet.of());
  }

  /**
   * The hours and days of a policy's working time, such as {@code dispatch.workingTime}: people who
   * work the hours their limits are counted in.
   */
  public static Schedule of(WorkingTime time) {
    return new Schedule(time.hours(), time.workdays(), time.holidays(), time.extraWorkdays());
  }

  /** Whether this is {@link #ALWAYS}: all day, every day, no holiday. */
  public boolean always() {
    return equals(ALWAYS);
  }

  /**
   * Whether this is {@link #daily} of one period: the same hours every day of the week, no holiday
   * or make-up day listed, what a setup file may write as those hours alone ({@code 08:30-17:30}).
   */
  public boolean everyDay() {
    return hours.size() == 1
        && workdays.size() == 7
        && holidays.isEmpty()
        && extraWorkdays.isEmpty();
  }

  /** This schedule as a working time, for its arithmetic; null when {@link #always()}. */
  WorkingTime workingTime() {
    return always() ? null : new WorkingTime(hours, workdays, holidays, extraWorkdays, MOOT);
  }

  @Override
  public String toString() {
    return everyDay()
        ? hours.get(0).toString()
        : hours
            + " on "
            + workdays.stream().map(d -> d.name().substring(0, 3).toLowerCase(Locale.ROOT)).toList()
            + ", "
            + holidays.size()
            + " holidays, "
            + extraWorkdays.size()
            + " extra workdays";
  }
}
