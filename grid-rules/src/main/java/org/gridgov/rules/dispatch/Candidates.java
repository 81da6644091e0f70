package org.gridgov.rules.dispatch;

import java.util.List;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.escalation.ReportingUnit;

/**
 * Who may take a case: at the grid, the workers serving its grid who act for its line; at a higher
 * level, the workers belonging to that level's unit (the grid's community, street or district) who
 * act for the line. Nobody outside the grid (or unit) or the line is ever a candidate.
 */
public final class Candidates {
  private Candidates() {}

  /** The candidates for {@code incident} handled by {@code line} at the incident's level. */
  public static List<Worker> eligible(Incident incident, LineId line, Roster roster) {
    Level level = incident.level();
    if (level == Level.GRID) {
      return roster.inGridWithLine(incident.grid(), line);
    }
    return roster.inUnitWithLine(ReportingUnit.of(incident.grid(), level), line);
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
    return worker.unit().equals(ReportingUnit.of(incident.grid(), level));
  }
}
