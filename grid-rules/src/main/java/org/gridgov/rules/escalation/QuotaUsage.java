package org.gridgov.rules.escalation;

import java.time.YearMonth;
import java.util.Objects;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;

/**
 * A reporting unit's figures for one calendar month: how many problems it found and how many it
 * has already passed up (emergencies and structural escalations excluded).
 */
public record QuotaUsage(AreaCode unit, Level level, YearMonth month, long found, long escalated) {
  public QuotaUsage {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(month, "month");
    if (found < 0 || escalated < 0) {
      throw new IllegalArgumentException(
          "found and escalated must not be negative, were " + found + " and " + escalated);
    }
  }

  /** The counter key under which a store keeps this unit's escalations for the month. */
  public static String counterKey(AreaCode unit, Level level, YearMonth month) {
    return "escalation:" + level + ":" + unit + ":" + month;
  }

  public String counterKey() {
    return counterKey(unit, level, month);
  }
}
