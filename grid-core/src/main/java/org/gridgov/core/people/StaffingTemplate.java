package org.gridgov.core.people;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.Set;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.internal.Ids;

/**
 * How each grid of a place is staffed: the roles it needs and how many of each (Kaixuan's "one
 * grid, five roles", Dongcheng's "7 + X", …), named after the {@code source} place. With {@code
 * gridsWithinUnit}, a worker's grids must lie inside their unit (community or street). Templates
 * are data: see {@link StaffingTemplates}.
 */
public record StaffingTemplate(
    String id,
    String name,
    String source,
    ImmutableList<RoleRequirement> requirements,
    boolean gridsWithinUnit) {

  /**
   * @throws InvalidInputException about the {@code staffing template <id>} naming the field: {@code
   *     input.required} for a missing id, name or source, or null requirements (or a null among
   *     them); {@code input.format} for an id that is no token; {@code staffing.duplicate-role} for
   *     a role required twice
   */
  public StaffingTemplate {
    Ids.token("staffing template", "id", id);
    if (name == null || name.isBlank()) {
      throw refused(id, "name", InputRules.REQUIRED, "must not be blank", null);
    }
    if (source == null || source.isBlank()) {
      throw refused(id, "source", InputRules.REQUIRED, "must not be blank", null);
    }
    if (requirements == null || requirements.contains(null)) {
      throw refused(
          id, "requirements", InputRules.REQUIRED, "must not be null or hold nulls", null);
    }
    requirements = ImmutableList.copyOf(requirements);
    Set<Role> seen = new HashSet<>();
    for (RoleRequirement requirement : requirements) {
      if (!seen.add(requirement.role())) {
        throw refused(
            id,
            "requirements",
            StaffingTemplates.DUPLICATE_ROLE,
            "must name each role once",
            requirement.role());
      }
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

  private static InvalidInputException refused(
      String id, String field, RuleId rule, String message, Object value) {
    return Checks.invalid("staffing template " + id, field, rule, message, value);
  }
}
