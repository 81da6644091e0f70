package org.gridgov.core.people;

import java.util.Objects;

/** At least {@code minimumPerGrid} workers holding {@code role} serve each grid. */
public record RoleRequirement(Role role, int minimumPerGrid) {
  public RoleRequirement {
    Objects.requireNonNull(role, "role");
    if (minimumPerGrid < 0) {
      throw new IllegalArgumentException(
          "minimumPerGrid of role " + role + " must not be negative, was " + minimumPerGrid);
    }
  }

  public static RoleRequirement of(Role role, int minimumPerGrid) {
    return new RoleRequirement(role, minimumPerGrid);
  }
}
