package org.gridgov.rules.escalation;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;

/**
 * A reporting unit's figures for one calendar month: how many problems it found (that month so far,
 * or in the month before under a {@link org.gridgov.core.policy.QuotaBasis#PREVIOUS_MONTH} policy)
 * and how many it has already passed up that month (emergencies and structural escalations
 * excluded).
 *
 * <p>Construction throws {@link InvalidInputException} naming {@code found} and {@code escalated},
 * each that is negative ({@link InputRules#RANGE}).
 */
public record QuotaUsage(AreaCode unit, Level level, YearMonth month, long found, long escalated) {
  public QuotaUsage {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(month, "month");
    if (found < 0 || escalated < 0) {
      throw negative(unit, level, month, found, escalated);
    }
  }

  /** The counter key under which a store keeps this unit's escalations for the month. */
  public static String counterKey(AreaCode unit, Level level, YearMonth month) {
    return "escalation:" + level + ":" + unit + ":" + month;
  }

  public String counterKey() {
    return counterKey(unit, level, month);
  }

  private static InvalidInputException negative(
      AreaCode unit, Level level, YearMonth month, long found, long escalated) {
    List<Violation> violations = new ArrayList<>(2);
    if (found < 0) {
      violations.add(Violation.of("found", InputRules.RANGE, "must not be negative", found));
    }
    if (escalated < 0) {
      violations.add(
          Violation.of("escalated", InputRules.RANGE, "must not be negative", escalated));
    }
    return new InvalidInputException(
        "quota usage of " + level + " " + unit + " in " + month, violations);
  }
}
