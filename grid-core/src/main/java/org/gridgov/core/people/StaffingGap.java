package org.gridgov.core.people;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.territory.AreaCode;

/**
 * One staffing gap in {@code grid}. {@link GapKind#BELOW_MINIMUM} carries the role, the required
 * and the actual count; {@link GapKind#OUTSIDE_UNIT} the worker and their unit; {@link
 * GapKind#UNKNOWN_GRID} the worker. Unused fields are empty (and counts zero).
 */
public record StaffingGap(
    GapKind kind,
    AreaCode grid,
    Optional<Role> role,
    int required,
    int actual,
    Optional<WorkerId> worker,
    Optional<AreaCode> unit) {

  /** By grid code, then kind, then role, then worker. */
  public static final Comparator<StaffingGap> ORDER =
      Comparator.comparing(StaffingGap::grid)
          .thenComparing(StaffingGap::kind)
          .thenComparing(g -> g.role().map(Role::id).orElse(""))
          .thenComparing(g -> g.worker().map(WorkerId::value).orElse(""));

  public StaffingGap {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(worker, "worker");
    Objects.requireNonNull(unit, "unit");
  }

  public static StaffingGap belowMinimum(AreaCode grid, Role role, int required, int actual) {
    return new StaffingGap(
        GapKind.BELOW_MINIMUM,
        grid,
        Optional.of(role),
        required,
        actual,
        Optional.empty(),
        Optional.empty());
  }

  public static StaffingGap outsideUnit(WorkerId worker, AreaCode grid, AreaCode unit) {
    return new StaffingGap(
        GapKind.OUTSIDE_UNIT, grid, Optional.empty(), 0, 0, Optional.of(worker), Optional.of(unit));
  }

  public static StaffingGap unknownGrid(WorkerId worker, AreaCode grid) {
    return new StaffingGap(
        GapKind.UNKNOWN_GRID, grid, Optional.empty(), 0, 0, Optional.of(worker), Optional.empty());
  }

  /** A one-line description naming codes, ids, roles and the rule id; never personal data. */
  public String describe() {
    String what =
        switch (kind) {
          case BELOW_MINIMUM ->
              "role " + role.orElseThrow() + ": " + actual + " of " + required + " required";
          case OUTSIDE_UNIT ->
              "worker " + worker.orElseThrow() + " belongs to " + unit.orElseThrow();
          case UNKNOWN_GRID ->
              "worker " + worker.orElseThrow() + " serves a grid not in the territory";
        };
    return grid + ": " + what + " [" + kind.ruleId() + "]";
  }
}
