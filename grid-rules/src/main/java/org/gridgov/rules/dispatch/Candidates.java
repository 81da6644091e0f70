package org.gridgov.rules.dispatch;

import java.util.List;
import java.util.Optional;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.Refusal;
import org.gridgov.rules.escalation.ReportingUnit;

/**
 * Who may take a case: at the grid, the workers serving its grid who act for its line; at a higher
 * level, the workers belonging to that level's unit (the grid's community, street or district) who
 * act for the line and do not serve the case's grid: a case goes up because its grid could not, or
 * would not, settle it ("小事不出网格, 大事不出社区"), so it is not handed back to the grid's own workers, the
 * one who passed it up among them. Nobody outside the grid (or unit) or the line is ever a
 * candidate, whether the case is assigned automatically or by the centre ({@link #checkAssignee}).
 */
public final class Candidates {
  public static final RuleId ID = RuleId.of("dispatch.candidates");
  public static final String NOT_ELIGIBLE = "NOT_ELIGIBLE";

  private Candidates() {}

  /** The candidates for {@code incident} handled by {@code line} at the incident's level. */
  public static List<Worker> eligible(Incident incident, LineId line, Roster roster) {
    Level level = incident.level();
    if (level == Level.GRID) {
      return roster.inGridWithLine(incident.grid(), line);
    }
    List<Worker> inUnit = roster.inUnitWithLine(ReportingUnit.of(incident.grid(), level), line);
    for (int i = 0; i < inUnit.size(); i++) { // mostly none serves the grid: no copy
      if (inUnit.get(i).serves(incident.grid())) {
        return inUnit.stream().filter(w -> !w.serves(incident.grid())).toList();
      }
    }
    return inUnit;
  }

  /** Whether {@code worker} is a candidate for {@code incident} handled by {@code line}. */
  public static boolean isEligible(Worker worker, Incident incident, LineId line) {
    if (!worker.actsFor(line)) {
      return false;
    }
    Level level = incident.level();
    if (level == Level.GRID) {
      return worker.serves(incident.grid());
    }
    return worker.unit().equals(ReportingUnit.of(incident.grid(), level))
        && !worker.serves(incident.grid());
  }

  /**
   * A refusal when {@code worker} may not be given {@code incident} for {@code line}: not serving
   * its grid (at the grid) or not belonging to its unit (above), or not acting for the line.
   */
  public static Optional<Refusal> checkAssignee(Worker worker, Incident incident, LineId line) {
    if (isEligible(worker, incident, line)) {
      return Optional.empty();
    }
    Level level = incident.level();
    AreaCode grid = incident.grid();
    boolean inUnit = level != Level.GRID && worker.unit().equals(ReportingUnit.of(grid, level));
    String why;
    if (level == Level.GRID ? worker.serves(grid) : inUnit && !worker.serves(grid)) {
      why = "does not act for line " + line; // in the right place: the line is what is missing
    } else {
      why =
          (level == Level.GRID
                  ? "does not serve grid " + grid
                  : inUnit
                      ? "serves grid "
                          + grid
                          + ", from which incident "
                          + incident.id()
                          + " went up,"
                      : "does not belong to " + level + " " + ReportingUnit.of(grid, level))
              + " for "
              + line;
    }
    return Optional.of(
        new Refusal(
            ID,
            NOT_ELIGIBLE,
            "worker "
                + worker.id()
                + " "
                + why
                + ", where incident "
                + incident.id()
                + " is handled at "
                + level));
  }
}
