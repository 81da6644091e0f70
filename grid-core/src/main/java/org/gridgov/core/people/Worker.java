package org.gridgov.core.people;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.line.LineId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;

/**
 * A grid worker: the roles they hold, the unit they belong to (their community, or for a street
 * cadre their street), the grids they serve (one person may serve several), the lines they act for,
 * and their absences. The name is for display only; messages use the id. Roles, grids and lines
 * iterate in their natural order (by id or code), whatever order the given sets had.
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

  /**
   * @throws InvalidInputException about {@code worker <id>} naming the field: {@code
   *     input.required} for a missing id, name, unit or employment, or null roles, grids, lines or
   *     absences (or a null among them); {@code input.format} for a name no store keeps as it is
   *     (not shown); {@code input.range} for no roles, a unit that is no community, street or
   *     district, a grid that is no grid or micro-grid
   */
  public Worker {
    requireId(id);
    if (name == null || name.isBlank()) {
      throw refused(id, "name", InputRules.REQUIRED, "must not be blank", null);
    }
    // stored with the directory as JSON, which PostgreSQL refuses with a NUL in it
    String nameProblem = IncidentEvent.textProblem(name);
    if (nameProblem != null) {
      throw refused(id, "name", InputRules.FORMAT, nameProblem, null);
    }
    roles = copy(id, "roles", roles);
    if (roles.isEmpty()) {
      throw refused(id, "roles", InputRules.RANGE, "must not be empty", null);
    }
    if (unit == null) {
      throw refused(id, "unit", InputRules.REQUIRED, "is required", null);
    }
    if (unit.level() != Level.COMMUNITY
        && unit.level() != Level.STREET
        && unit.level() != Level.DISTRICT) {
      throw refused(
          id,
          "unit",
          InputRules.RANGE,
          "must be a COMMUNITY, a STREET or a DISTRICT",
          unit + " (" + unit.level() + ")");
    }
    grids = copy(id, "grids", grids);
    for (AreaCode grid : grids) {
      if (grid.level() != Level.GRID && grid.level() != Level.MICRO_GRID) {
        throw refused(
            id,
            "grids",
            InputRules.RANGE,
            "must hold GRID or MICRO_GRID codes",
            grid + " (" + grid.level() + ")");
      }
    }
    lines = copy(id, "lines", lines);
    if (employment == null) {
      throw refused(id, "employment", InputRules.REQUIRED, "is required", null);
    }
    if (absences == null || absences.contains(null)) {
      throw refused(id, "absences", InputRules.REQUIRED, "must not be null or hold nulls", null);
    }
    absences = ImmutableList.copyOf(absences);
  }

  /** A full-time worker without lines or absences. */
  public static Worker of(
      WorkerId id, String name, Set<Role> roles, AreaCode unit, Set<AreaCode> grids) {
    requireId(id);
    return new Worker(
        id,
        name,
        copy(id, "roles", roles),
        unit,
        copy(id, "grids", grids),
        ImmutableSet.of(),
        Employment.FULL_TIME,
        ImmutableList.of());
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
    if (absence == null) {
      throw refused(id, "absence", InputRules.REQUIRED, "is required", null);
    }
    return new Worker(
        id,
        name,
        roles,
        unit,
        grids,
        lines,
        employment,
        ImmutableList.<Absence>builder().addAll(absences).add(absence).build());
  }

  public Worker withLines(Collection<LineId> newLines) {
    return new Worker(
        id, name, roles, unit, grids, copy(id, "lines", newLines), employment, absences);
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
    if (values == null || !noNulls(values)) {
      throw refused(id, field, InputRules.REQUIRED, "must not be null or hold nulls", null);
    }
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
      throw Checks.invalid("worker", "id", InputRules.REQUIRED, "is required", null);
    }
  }

  private static InvalidInputException refused(
      WorkerId id, String field, RuleId rule, String message, Object value) {
    return Checks.invalid("worker " + id, field, rule, message, value);
  }
}
