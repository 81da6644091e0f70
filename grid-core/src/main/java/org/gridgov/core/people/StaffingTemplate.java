package org.gridgov.core.people;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.Set;
import org.gridgov.core.internal.Ids;

/**
 * How each grid of a place is staffed: the roles it needs and how many of each (Kaixuan's "one
 * grid, five roles", Dongcheng's "7 + X", …), named after the {@code source} place. With {@code
 * gridsWithinUnit}, a worker's grids must lie inside their unit (community or street).
 * Templates are data: see {@link StaffingTemplates}.
 */
public record StaffingTemplate(
    String id,
    String name,
    String source,
    ImmutableList<RoleRequirement> requirements,
    boolean gridsWithinUnit) {

  public StaffingTemplate {
    Ids.token("staffing template id", id);
    check(id, "name", name != null && !name.isBlank(), "must not be blank");
    check(id, "source", source != null && !source.isBlank(), "must not be blank");
    check(id, "requirements", requirements != null && !requirements.contains(null),
        "must not be null or hold nulls");
    requirements = ImmutableList.copyOf(requirements);
    Set<Role> seen = new HashSet<>();
    for (RoleRequirement requirement : requirements) {
      check(id, "requirements", seen.add(requirement.role()),
          "name role " + requirement.role() + " more than once");
    }
  }

  /** The minimum per grid for {@code role}, 0 when the template does not require it. */
  public int minimum(Role role) {
    return requirements.stream()
        .filter(r -> r.role().equals(role))
        .mapToInt(RoleRequirement::minimumPerGrid)
        .findFirst()
        .orElse(0);
  }

  private static void check(String id, String field, boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("staffing template " + id + ": " + field + " " + message);
    }
  }
}
