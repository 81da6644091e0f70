package org.gridgov.core.people;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.territory.Area;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.core.territory.Territory;

/**
 * Checks a roster against a {@link StaffingTemplate} over every {@link Level#GRID} of a territory
 * and reports all gaps at once.
 *
 * <ul>
 *   <li>A worker counts for every role they hold in every grid they serve directly (serving a
 *       micro-grid does not count for its grid).
 *   <li>Absent workers still count: staffing is about who is assigned; absence matters to dispatch,
 *       which picks someone present.
 *   <li>With {@link StaffingTemplate#gridsWithinUnit()}, a grid whose code does not lie inside the
 *       worker's unit is a {@link GapKind#OUTSIDE_UNIT} gap.
 *   <li>A served grid or micro-grid missing from the territory is a {@link GapKind#UNKNOWN_GRID}
 *       gap.
 * </ul>
 */
public final class StaffingCheck {
  private StaffingCheck() {}

  public static StaffingReport check(
      Territory territory, Roster roster, StaffingTemplate template) {
    List<StaffingGap> gaps = new ArrayList<>();
    for (Area grid : territory.at(Level.GRID)) {
      List<Worker> staff = roster.inGrid(grid.code());
      for (RoleRequirement requirement : template.requirements()) {
        int actual = (int) staff.stream().filter(w -> w.hasRole(requirement.role())).count();
        if (actual < requirement.minimumPerGrid()) {
          gaps.add(
              StaffingGap.belowMinimum(
                  grid.code(), requirement.role(), requirement.minimumPerGrid(), actual));
        }
      }
    }
    for (Worker worker : roster.workers()) {
      for (AreaCode grid : worker.grids()) {
        if (!territory.contains(grid)) {
          gaps.add(StaffingGap.unknownGrid(worker.id(), grid));
        } else if (template.gridsWithinUnit() && !worker.unit().isPrefixOf(grid)) {
          gaps.add(StaffingGap.outsideUnit(worker.id(), grid, worker.unit()));
        }
      }
    }
    return new StaffingReport(template.id(), ImmutableList.copyOf(gaps));
  }
}
