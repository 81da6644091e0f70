package org.gridgov.core.policy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.internal.Checks;

/**
 * Working time (工作时): the limits of digital city management are often counted in working hours or
 * days (standards.md §4.2), so that a case reported on Friday evening is not overdue by Monday
 * morning. The hours of a working day (such as 08:30–12:00 and 13:30–17:30), the weekdays worked,
 * public holidays off and make-up workdays (调休) worked, and which of the dispatch limits count in
 * it; the others count in calendar time. Dates and hours are read in the policy's zone.
 *
 * @param hours the periods of a working day, in order, not overlapping
 * @param workdays the weekdays worked
 * @param holidays dates off although their weekday is worked
 * @param extraWorkdays dates worked although their weekday is not (调休)
 * @param appliesTo the limits counted in working time
 */
public record WorkingTime(
    ImmutableList<Period> hours,
    ImmutableSet<DayOfWeek> workdays,
    ImmutableSortedSet<LocalDate> holidays,
    ImmutableSortedSet<LocalDate> extraWorkdays,
    ImmutableSet<Limit> appliesTo) {

  /** A dispatch limit that may count in working time, named as its policy field. */
  public enum Limit {
    CLAIM_WINDOW("claimWindow"),
    REPLY("replyWithin"),
    SUPERVISION("supervisionAfter"),
    /** The registration limits, {@code dispatch.registerWithin}. */
    REGISTRATION("registerWithin"),
    /** The verification limits, {@code verification.within} (the one limit outside dispatch). */
    VERIFICATION("verification.within");

    private final String field;

    Limit(String field) {
      this.field = field;
    }

    /**
     * The field this limit is set by, in {@code dispatch} ({@code replyWithin} …) or as its path
     * ({@code verification.within}).
     */
    public String field() {
      return field;
    }

    /** The limit whose field is {@code field}, or empty. */
    public static Optional<Limit> ofField(String field) {
      for (Limit limit : values()) {
        if (limit.field.equals(field)) {
          return Optional.of(limit);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * One period of a working day, from {@code start} to {@code end}; an end of {@code 00:00} is the
   * end of the day (written {@code 24:00}).
   */
  public record Period(LocalTime start, LocalTime end) {
    public Period {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      if (endSecond(end) <= start.toSecondOfDay()) {
        throw new RuleConfigurationException(
            PolicyRules.WORKING_HOURS,
            "workingTime.hours",
            "a period must end after it starts, was " + start + "-" + end);
      }
    }

    /**
     * {@code 08:30-12:00}; {@code 24:00} for the end of the day. Empty when the text is not two
     * times or the period does not end after it starts.
     */
    public static Optional<Period> parse(String text) {
      String[] parts = text.strip().split("-", -1);
      if (parts.length != 2) {
        return Optional.empty();
      }
      try {
        String endText = parts[1].strip();
        return Optional.of(
            new Period(
                LocalTime.parse(parts[0].strip()),
                endText.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(endText)));
      } catch (java.time.format.DateTimeParseException | RuleConfigurationException e) {
        return Optional.empty();
      }
    }

    long startSecond() {
      return start.toSecondOfDay();
    }

    long endSecond() {
      return endSecond(end);
    }

    private static long endSecond(LocalTime end) {
      return end.equals(LocalTime.MIDNIGHT) ? 86_400 : end.toSecondOfDay();
    }

    @Override
    public String toString() {
      return start + "-" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString());
    }
  }

  public WorkingTime {
    hours = ImmutableList.copyOf(hours);
    workdays = ImmutableSet.copyOf(workdays);
    holidays = ImmutableSortedSet.copyOf(holidays);
    extraWorkdays = ImmutableSortedSet.copyOf(extraWorkdays);
    appliesTo = ImmutableSet.copyOf(appliesTo);
    // built in code, it cannot know which file's field it will be (dispatch.workingTime,
    // indicators.workingTime): a file's reader names that path itself
    Optional<Violation> problem =
        problem("workingTime", hours, workdays, holidays, extraWorkdays, appliesTo);
    if (problem.isPresent()) {
      throw new RuleConfigurationException(
          RuleId.of(problem.get().rule()), problem.get().path(), problem.get().message());
    }
  }

  /** What is wrong with these parts as a whole (the first of {@link #problems}). */
  public static Optional<Violation> problem(
      String at,
      ImmutableList<Period> hours,
      ImmutableSet<DayOfWeek> workdays,
      ImmutableSortedSet<LocalDate> holidays,
      ImmutableSortedSet<LocalDate> extraWorkdays,
      ImmutableSet<Limit> appliesTo) {
    return problems(at, hours, workdays, holidays, extraWorkdays, appliesTo).stream().findFirst();
  }

  /**
   * Everything wrong with these parts as a whole, each at its path under {@code at}, where a policy
   * file sets them ({@code dispatch.workingTime}): no hours, hours out of order or overlapping, no
   * weekday worked, a date both a holiday and a make-up workday, or no limit to apply to.
   */
  public static List<Violation> problems(
      String at,
      ImmutableList<Period> hours,
      ImmutableSet<DayOfWeek> workdays,
      ImmutableSortedSet<LocalDate> holidays,
      ImmutableSortedSet<LocalDate> extraWorkdays,
      ImmutableSet<Limit> appliesTo) {
    String path = at + ".";
    List<Violation> found = new ArrayList<>();
    if (hours.isEmpty()) {
      found.add(
          Violation.of(
              path + "hours", PolicyRules.WORKING_HOURS, "must name at least one period", null));
    }
    for (int i = 1; i < hours.size(); i++) {
      if (hours.get(i).startSecond() < hours.get(i - 1).endSecond()) {
        found.add(
            Violation.of(
                path + "hours[" + i + "]",
                PolicyRules.WORKING_HOURS,
                "must start after " + hours.get(i - 1) + " ends (in order, not overlapping)",
                hours.get(i)));
      }
    }
    if (workdays.isEmpty()) {
      found.add(
          Violation.of(
              path + "workdays", PolicyRules.WORKING_DAYS, "must name at least one weekday", null));
    }
    for (LocalDate date : holidays) {
      if (extraWorkdays.contains(date)) {
        found.add(
            Violation.of(
                path + "extraWorkdays", PolicyRules.WORKING_DAYS, "must not hold a holiday", date));
      }
    }
    if (appliesTo.isEmpty()) {
      found.add(
          Violation.of(
              path + "appliesTo", PolicyRules.WORKING_HOURS, "must name at least one limit", null));
    }
    return found;
  }

  /**
   * The working time any span of {@code calendar} time holds at least, wherever it starts: its
   * whole weeks' working hours less every listed holiday's (make-up workdays not counted).
   */
  public Duration leastWorkingIn(Duration calendar) {
    long daily = dailySeconds();
    long weeks = calendar.toDays() / 7;
    return Duration.ofSeconds(
        Math.max(0, weeks * workdays.size() * daily - (long) holidays.size() * daily));
  }

  /**
   * The violations of those {@code limits} (by their paths) that, counted in this working time, may
   * end more than {@code calendar} after they start: more than {@link #leastWorkingIn} it.
   */
  public List<Violation> limitsBeyond(Map<String, Duration> limits, Duration calendar) {
    Duration room = leastWorkingIn(calendar);
    List<Violation> beyond = new ArrayList<>();
    limits.forEach(
        (path, limit) -> {
          if (limit != null && limit.compareTo(room) > 0) {
            beyond.add(
                Violation.of(
                    path,
                    PolicyRules.WORKING_HOURS,
                    "counted in working time, may"
                        + " take more than "
                        + calendar.toDays()
                        + " days ("
                        + room.toHours()
                        + " working hours are sure to fall within them)",
                    limit));
          }
        });
    return beyond;
  }

  /** Whether {@code date} is worked: a workday not a holiday, or a make-up workday. */
  public boolean isWorkday(LocalDate date) {
    return extraWorkdays.contains(date)
        || workdays.contains(date.getDayOfWeek()) && !holidays.contains(date);
  }

  /**
   * The instant {@code amount} of working time after {@code start}, counting only the working
   * periods of working days in {@code zone}: a start outside them counts from the next period's
   * start, and a limit that ends exactly at a period's end ends there.
   *
   * @throws InvalidInputException about the {@code working time} at {@code amount} ({@code
   *     input.range}) when it is not positive
   */
  public Instant plus(Instant start, Duration amount, ZoneId zone) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(zone, "zone");
    if (amount.isNegative() || amount.isZero()) {
      throw Checks.invalid("working time", "amount", InputRules.RANGE, "must be positive", amount);
    }
    Duration left = amount;
    LocalDate first = start.atZone(zone).toLocalDate();
    LocalDate date = first;
    long weekly = dailySeconds() * workdays.size();
    while (true) {
      if (date.isAfter(first) && left.toSeconds() >= weekly) {
        // whole weeks with no listed date and no change of offset hold exactly the weekly hours:
        // skip them, keeping some time to count day by day (a limit ending with a week's last
        // period ends there, not at the next one's start)
        long weeks =
            Math.min(
                left.minusNanos(1).toSeconds() / weekly,
                ChronoUnit.DAYS.between(date, plainUntil(date, zone)) / 7);
        if (weeks > 0) {
          date = date.plusWeeks(weeks);
          left = left.minusSeconds(weeks * weekly);
          continue;
        }
      }
      if (isWorkday(date)) {
        for (Period period : hours) {
          Instant from = at(date, period.startSecond(), zone);
          Instant to = at(date, period.endSecond(), zone);
          Instant begin = from.isBefore(start) ? start : from;
          if (!begin.isBefore(to)) {
            continue;
          }
          Duration available = Duration.between(begin, to);
          if (left.compareTo(available) <= 0) {
            return begin.plus(left);
          }
          left = left.minus(available);
        }
      }
      date = date.plusDays(1);
    }
  }

  private long dailySeconds() {
    long daily = 0;
    for (Period period : hours) {
      daily += period.endSecond() - period.startSecond();
    }
    return daily;
  }

  /**
   * The first date from {@code date} on that is listed (a holiday or a make-up workday) or whose
   * hours an offset change may shorten or lengthen (the day before a transition too, for hours that
   * end at midnight); a far date when none comes.
   */
  private LocalDate plainUntil(LocalDate date, ZoneId zone) {
    LocalDate until = LocalDate.MAX;
    LocalDate holiday = holidays.ceiling(date);
    if (holiday != null) {
      until = holiday;
    }
    LocalDate extra = extraWorkdays.ceiling(date);
    if (extra != null && extra.isBefore(until)) {
      until = extra;
    }
    ZoneOffsetTransition transition =
        zone.getRules().nextTransition(date.atStartOfDay(zone).toInstant());
    if (transition != null) {
      LocalDate before = transition.getInstant().atZone(zone).toLocalDate().minusDays(1);
      if (before.isBefore(until)) {
        until = before.isBefore(date) ? date : before;
      }
    }
    return until;
  }

  /**
   * The first instant at or after {@code at} that is working time in {@code zone}: {@code at}
   * itself within a working period, else the start of the next one.
   */
  public Instant next(Instant at, ZoneId zone) {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(zone, "zone");
    LocalDate date = at.atZone(zone).toLocalDate();
    while (true) {
      if (isWorkday(date)) {
        for (Period period : hours) {
          Instant from = at(date, period.startSecond(), zone);
          Instant to = at(date, period.endSecond(), zone);
          if (at.isBefore(to)) {
            return from.isBefore(at) ? at : from;
          }
        }
      }
      date = date.plusDays(1);
    }
  }

  private static Instant at(LocalDate date, long secondOfDay, ZoneId zone) {
    if (secondOfDay == 86_400) {
      return date.plusDays(1).atStartOfDay(zone).toInstant();
    }
    java.time.LocalDateTime local = date.atTime(LocalTime.ofSecondOfDay(secondOfDay));
    java.time.zone.ZoneOffsetTransition skipped = zone.getRules().getTransition(local);
    // a time the clock skips (a daylight-saving gap) is where it jumps: a period from 00:30 to
    // 02:30 on a night the clock goes from 02:00 to 03:00 ends at that jump, not at 03:30
    return skipped != null && skipped.isGap()
        ? skipped.getInstant()
        : local.atZone(zone).toInstant();
  }

  @Override
  public String toString() {
    return "WorkingTime["
        + hours
        + " on "
        + workdays.stream().map(d -> d.name().substring(0, 3).toLowerCase(Locale.ROOT)).toList()
        + ", "
        + holidays.size()
        + " holidays, "
        + extraWorkdays.size()
        + " extra workdays, for "
        + appliesTo.stream().map(Limit::field).toList()
        + "]";
  }
}
