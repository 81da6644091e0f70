package org.gridgov.scoring.indicator;

import java.time.LocalDate;
import java.util.Objects;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.internal.Ids;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;

/**
 * A worker visited a household or a unit (走访) in a grid on a day. The incident model has no visit
 * event, so visits come in as these records (from a visit log, a ledger or an app). Each record is
 * one visit; {@code household} is an opaque token (a door number or an id, never a name).
 *
 * <p>Construction throws {@link InvalidInputException} at {@code grid} ({@link
 * IndicatorEngine#VISIT}) when it is not a GRID code: a visit counts for its grid and the areas
 * above it.
 */
public record VisitRecord(WorkerId worker, AreaCode grid, String household, LocalDate date) {
  public VisitRecord {
    Objects.requireNonNull(worker, "visit.worker");
    Objects.requireNonNull(grid, "visit.grid");
    Objects.requireNonNull(date, "visit.date");
    Ids.tokenUnshown("visit.household", household); // a door number may say whose door
    if (grid.level() != Level.GRID) {
      throw new InvalidInputException(
          "visit record of worker " + worker + " on " + date,
          Violation.of(
              "grid", IndicatorEngine.VISIT, "must be a GRID code, was a " + grid.level(), grid));
    }
  }
}
