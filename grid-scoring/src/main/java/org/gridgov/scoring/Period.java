package org.gridgov.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;

/**
 * A scoring period: the calendar days {@code first} to {@code last} inclusive in {@code zone}, that
 * is the instants {@code [from, to)}. A month is the usual period (Kaixuan ranks monthly).
 *
 * <p>Construction throws {@link InvalidInputException} when {@code last} is before {@code first}
 * ({@link #ORDER}) or a day lies outside {@link #MIN_DAY} to {@link #MAX_DAY} ({@link #RANGE}).
 */
public record Period(LocalDate first, LocalDate last, ZoneId zone) {
  /** The earliest first day: the day of the earliest instant an event may hold, 1900-01-01. */
  public static final LocalDate MIN_DAY = LocalDate.of(1900, 1, 1);

  /**
   * The latest last day: the day of the latest instant an event may hold, 9999-12-31, so that
   * {@link #to()} and the cut-offs after it are instants.
   */
  public static final LocalDate MAX_DAY = LocalDate.of(9999, 12, 31);

  /** A day before {@link #MIN_DAY} or after {@link #MAX_DAY}. */
  public static final RuleId RANGE = RuleId.of("period.range");

  /** A last day before the first. */
  public static final RuleId ORDER = RuleId.of("period.order");

  /**
   * A score card or indicator report of another period (or zone) than the run it is given to, or a
   * most-improved comparison with a card that is not of the period before.
   */
  public static final RuleId MISMATCH = RuleId.of("period.mismatch");

  public Period {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(zone, "zone");
    if (first.isBefore(MIN_DAY) || last.isAfter(MAX_DAY) || last.isBefore(first)) {
      List<Violation> violations = new ArrayList<>();
      inRange(violations, "first", first);
      inRange(violations, "last", last);
      if (last.isBefore(first)) {
        violations.add(Violation.of("last", ORDER, "must not be before first " + first, last));
      }
      throw new InvalidInputException("period " + first + ".." + last, violations);
    }
  }

  private static void inRange(List<Violation> violations, String field, LocalDate day) {
    if (day.isBefore(MIN_DAY) || day.isAfter(MAX_DAY)) {
      violations.add(
          Violation.of(field, RANGE, "must be between " + MIN_DAY + " and " + MAX_DAY, day));
    }
  }

  public static Period month(YearMonth month, ZoneId zone) {
    Objects.requireNonNull(month, "month");
    return new Period(month.atDay(1), month.atEndOfMonth(), zone);
  }

  /** The first instant of the period (inclusive). */
  public Instant from() {
    return first.atStartOfDay(zone).toInstant();
  }

  /** The instant after the period (exclusive). */
  public Instant to() {
    return last.plusDays(1).atStartOfDay(zone).toInstant();
  }

  public boolean contains(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return !instant.isBefore(from()) && instant.isBefore(to());
  }

  public boolean contains(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return !date.isBefore(first) && !date.isAfter(last);
  }

  /** How many days the period has, its first and last included. */
  public long days() {
    return last.toEpochDay() - first.toEpochDay() + 1;
  }

  /**
   * The calendar month the period lies in, whole or in part; empty when it runs over more than one
   * (monthly amounts are paid by the days of this month a period covers).
   */
  public Optional<YearMonth> calendarMonth() {
    YearMonth month = YearMonth.from(first);
    return month.equals(YearMonth.from(last)) ? Optional.of(month) : Optional.empty();
  }

  /**
   * The period of the same length just before this one: for whole months (a month, a quarter, a
   * year) the same number of whole months before, so the previous quarter of 2024-Q1 is
   * 2023-10-01..2023-12-31 whatever the months' lengths; otherwise the same number of days before.
   */
  public Period previous() {
    if (first.getDayOfMonth() == 1 && last.equals(YearMonth.from(last).atEndOfMonth())) {
      long months = ChronoUnit.MONTHS.between(YearMonth.from(first), YearMonth.from(last)) + 1;
      return new Period(first.minusMonths(months), first.minusDays(1), zone);
    }
    return new Period(first.minusDays(days()), first.minusDays(1), zone);
  }

  /** {@code 2024-03} for a whole month, else {@code 2024-03-04..2024-03-10}. */
  public String label() {
    if (first.getDayOfMonth() == 1 && last.equals(YearMonth.from(first).atEndOfMonth())) {
      return YearMonth.from(first).toString();
    }
    return first + ".." + last;
  }

  @Override
  public String toString() {
    return label() + " " + zone;
  }
}
