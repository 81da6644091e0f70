package org.gridgov.core.people;

import java.util.Objects;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.internal.Checks;

/** At least {@code minimumPerGrid} workers holding {@code role} serve each grid. */
public record RoleRequirement(Role role, int minimumPerGrid) {
  /**
   * @throws NullPointerException naming a null {@code role}
   * @throws InvalidInputException about the {@code role requirement <role>} at {@code
   *     minimumPerGrid} ({@code staffing.negative-minimum}) when it is negative
   */
  public RoleRequirement {
    Objects.requireNonNull(role, "role");
    if (minimumPerGrid < 0) {
      throw Checks.invalid(
          "role requirement " + role,
          "minimumPerGrid",
          StaffingTemplates.NEGATIVE_MINIMUM,
          "must not be negative",
          minimumPerGrid);
    }
  }

  public static RoleRequirement of(Role role, int minimumPerGrid) {
    return new RoleRequirement(role, minimumPerGrid);
  }
}
