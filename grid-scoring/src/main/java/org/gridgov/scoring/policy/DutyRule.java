package org.gridgov.scoring.policy;

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
}
