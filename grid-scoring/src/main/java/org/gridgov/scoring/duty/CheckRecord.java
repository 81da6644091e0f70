package org.gridgov.scoring.duty;

import java.time.LocalDate;
import java.util.Objects;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;

/**
 * A submitted check for a duty: a grid's self-check form, a community or street inspection, or a
 * work station's daily report. {@code newItems} is what the check found; a zero-report (零报告) is a
 * record with {@code newItems} 0, which still fulfils the duty.
 *
 * <p>Construction throws {@link InvalidInputException} at {@code newItems} ({@link
 * InputRules#RANGE}) when it is negative.
 */
public record CheckRecord(String duty, AreaCode unit, LocalDate date, WorkerId by, int newItems) {
  public CheckRecord {
    Objects.requireNonNull(duty, "check.duty");
    Objects.requireNonNull(unit, "check.unit");
    Objects.requireNonNull(date, "check.date");
    Objects.requireNonNull(by, "check.by");
    if (newItems < 0) {
      throw new InvalidInputException(
          "check record " + duty + " " + unit + " " + date,
          Violation.of("newItems", InputRules.RANGE, "must not be negative", newItems));
    }
  }
}
