package org.gridgov.scoring.pay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Objects;
import org.gridgov.core.Money;
import org.gridgov.scoring.Period;

/**
 * The part of its calendar month a pay period covers, by which the monthly amounts of a pay scheme
 * (a base salary, a tier's amount, an allowance) are paid: a whole month pays them as they are; a
 * period of {@code days} of a month of {@code monthLength} days pays amount × days ÷ monthLength,
 * rounded half-up to the fen as every pay share is ({@link Money#times}). A run cut into calendar
 * months (a simulation from the 15th) would otherwise pay its first and last part-months in full.
 * Only a period within one month has such a share ({@link #fits}); pay refuses any other ({@link
 * PayRules#PERIOD}).
 */
record MonthShare(int days, int monthLength) {

  /** Whether {@code period} lies within one calendar month, so that it has a share of it. */
  static boolean fits(Period period) {
    return period.calendarMonth().isPresent();
  }

  /**
   * @throws IllegalArgumentException when {@code period} is not within one month: check first
   */
  static MonthShare of(Period period) {
    YearMonth month =
        Objects.requireNonNull(period, "period")
            .calendarMonth()
            .orElseThrow(
                () ->
                    new IllegalArgumentException("period " + period + " is not within one month"));
    return new MonthShare((int) period.days(), month.lengthOfMonth());
  }

  boolean whole() {
    return days == monthLength;
  }

  /**
   * {@code monthly} for the days covered: itself for a whole month, else × days ÷ monthLength
   * half-up to the fen. Never larger than {@code monthly}, so it cannot overflow.
   */
  Money prorate(Money monthly) {
    if (whole()) {
      return monthly;
    }
    BigDecimal part =
        BigDecimal.valueOf(monthly.fen())
            .multiply(BigDecimal.valueOf(days))
            .divide(BigDecimal.valueOf(monthLength), 0, RoundingMode.HALF_UP);
    return Money.ofFen(part.longValueExact());
  }

  /** {@code 10/31}, as a pay line's basis says it. */
  @Override
  public String toString() {
    return days + "/" + monthLength;
  }
}
