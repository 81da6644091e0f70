package org.gridgov.scoring.policy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import org.gridgov.core.territory.Level;

/**
 * A reporting duty: every unit at {@code level} must file {@code times} check records each day
 * ({@link Cadence#DAILY}) or each week ({@link Cadence#WEEKLY}). Kaixuan: grid self-check daily,
 * community and street inspections weekly; Baoshan: the work station's zero-report daily.
 */
public record DutyRule(Level level, Cadence every, int times) {
  /** How often a duty falls due. */
  public enum Cadence {
    DAILY,
    /** Monday to Sunday; a week belongs to the period that holds its Monday. */
    WEEKLY
  }

  public DutyRule {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(every, "every");
  }

  /**
   * The day that names the slot a record dated {@code date} fills: the date itself for a daily
   * duty, the Monday of its week for a weekly one. A record belongs to the period that holds its
   * slot, for compliance and for points alike.
   */
  public LocalDate slotOf(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return every == Cadence.DAILY
        ? date
        : date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
