package org.gridgov.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A scoring period: the calendar days {@code first} to {@code last} inclusive in {@code zone}, that
 * is the instants {@code [from, to)}. A month is the usual period (Kaixuan ranks monthly).
 */
public record Period(LocalDate first, LocalDate last, ZoneId zone) {
  public Period {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(zone, "zone");
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("period last " + last + " is before first " + first);
    }
  }

  public static Period month(YearMonth month, ZoneId zone) {
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
    return !instant.isBefore(from()) && instant.isBefore(to());
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(first) && !date.isAfter(last);
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
    long days = last.toEpochDay() - first.toEpochDay() + 1;
    return new Period(first.minusDays(days), first.minusDays(1), zone);
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
