package org.gridgov.core.people;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.line.LineId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;

/**
 * A grid worker: the roles they hold, the unit they belong to (their community, or for a street
 * cadre their street), the grids they serve (one person may serve several), the lines they act
 * for, and their absences. The name is for display only; messages use the id. Roles, grids and
 * lines iterate in their natural order (by id or code), whatever order the given sets had.
 */
public record Worker(
    WorkerId id,
    String name,
    ImmutableSet<Role> roles,
    AreaCode unit,
    ImmutableSet<AreaCode> grids,
    ImmutableSet<LineId> lines,
    Employment employment,
    ImmutableList<Absence> absences) {

  public Worker {
    requireId(id);
    // stored with the directory as JSON, which PostgreSQL refuses with a NUL in it
    String nameProblem = name == null || name.isBlank() ? "must not be blank"
        : IncidentEvent.textProblem(name);
    require(id, "name", nameProblem == null, nameProblem);
    roles = copy(id, "roles", roles);
    require(id, "roles", !roles.isEmpty(), "must not be empty");
    require(id, "unit", unit != null, "must not be null");
    require(id, "unit", unit.level() == Level.COMMUNITY || unit.level() == Level.STREET
            || unit.level() == Level.DISTRICT,
        "must be a COMMUNITY, a STREET or a DISTRICT, was " + unit + " (" + unit.level() + ")");
    grids = copy(id, "grids", grids);
    for (AreaCode grid : grids) {
      require(id, "grids", grid.level() == Level.GRID || grid.level() == Level.MICRO_GRID,
          "must hold GRID or MICRO_GRID codes, was " + grid + " (" + grid.level() + ")");
    }
    lines = copy(id, "lines", lines);
    require(id, "employment", employment != null, "must not be null");
    require(id, "absences", absences != null && !absences.contains(null), "must not hold nulls");
    absences = ImmutableList.copyOf(absences);
  }

  /** A full-time worker without lines or absences. */
  public static Worker of(
      WorkerId id, String name, Set<Role> roles, AreaCode unit, Set<AreaCode> grids) {
    requireId(id);
    return new Worker(id, name, copy(id, "roles", roles), unit, copy(id, "grids", grids),
        ImmutableSet.of(), Employment.FULL_TIME, ImmutableList.of());
  }

  /** Whether an absence covers {@code instant}. On the dispatch hot path: a loop, no stream. */
  public boolean isAbsentAt(Instant instant) {
    for (int i = 0; i < absences.size(); i++) {
      if (absences.get(i).covers(instant)) {
        return true;
      }
    }
    return false;
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  public boolean serves(AreaCode grid) {
    return grids.contains(grid);
  }

  public boolean actsFor(LineId line) {
    return lines.contains(line);
  }

  public Worker withAbsence(Absence absence) {
    require(id, "absences", absence != null, "must not hold nulls");
    return new Worker(id, name, roles, unit, grids, lines, employment,
        ImmutableList.<Absence>builder().addAll(absences).add(absence).build());
  }

  public Worker withLines(Collection<LineId> newLines) {
    return new Worker(id, name, roles, unit, grids, copy(id, "lines", newLines), employment,
        absences);
  }

  public Worker withEmployment(Employment newEmployment) {
    return new Worker(id, name, roles, unit, grids, lines, newEmployment, absences);
  }

  /**
   * A copy in natural order, still hashed for {@code contains} on the dispatch path: an {@code
   * ImmutableSet} keeps the order it is given, and a {@code HashSet} or {@code Set.of} gives hash
   * order, which may change from one run to the next.
   */
  private static <T extends Comparable<? super T>> ImmutableSet<T> copy(
      WorkerId id, String field, Collection<T> values) {
    require(id, field, values != null && noNulls(values), "must not be null or hold nulls");
    return ImmutableSet.copyOf(values.stream().sorted().toList());
  }

  /** A loop, not {@code contains(null)}: {@code Set.of(...).contains(null)} throws. */
  private static boolean noNulls(Collection<?> values) {
    for (Object value : values) {
      if (value == null) {
        return false;
      }
    }
    return true;
  }

  private static void requireId(WorkerId id) {
    if (id == null) {
      throw new IllegalArgumentException("worker id must not be null");
    }
  }

  private static void require(WorkerId id, String field, boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("worker " + id + ": " + field + " " + message);
    }
  }
}
