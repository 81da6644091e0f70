package org.gridgov.core.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridgov.core.Violation;

/** Reads one template node of a staffing templates file, collecting every violation. */
final class StaffingTemplateReader {
  private static final Set<String> TEMPLATE_FIELDS =
      Set.of("id", "name", "source", "gridsWithinUnit", "requirements");
  private static final Set<String> REQUIREMENT_FIELDS = Set.of("role", "minimumPerGrid");

  private StaffingTemplateReader() {}

  /** The template at {@code path}, or null when it broke a rule (added to {@code out}). */
  static StaffingTemplate read(JsonNode node, String path, List<Violation> out) {
    int before = out.size();
    if (!node.isObject()) {
      out.add(Violation.of(path, StaffingTemplates.INVALID_VALUE, "must be a map", null));
      return null;
    }
    StaffingTemplates.unknownFields(node, path, TEMPLATE_FIELDS, out);
    String id = text(node, path, "id", out);
    if (id != null && !StaffingTemplates.isToken(id)) {
      out.add(
          Violation.of(
              path + ".id",
              StaffingTemplates.INVALID_VALUE,
              "must be 1-64 letters, digits or . _ : -",
              id));
    }
    String name = text(node, path, "name", out);
    String source = text(node, path, "source", out);
    boolean within = true;
    JsonNode flag = node.get("gridsWithinUnit");
    if (flag != null && !flag.isBoolean()) {
      out.add(
          Violation.of(
              path + ".gridsWithinUnit",
              StaffingTemplates.INVALID_VALUE,
              "must be true or false",
              flag.asText()));
    } else if (flag != null) {
      within = flag.booleanValue();
    }
    ImmutableList.Builder<RoleRequirement> requirements = ImmutableList.builder();
    JsonNode list = node.get("requirements");
    if (list == null || !list.isArray()) {
      out.add(
          Violation.of(
              path + ".requirements",
              StaffingTemplates.MISSING_FIELD,
              "must be a list of requirements",
              null));
    } else {
      Set<Role> roles = new HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        RoleRequirement r = requirement(list.get(i), path + ".requirements[" + i + "]", out);
        if (r != null && !roles.add(r.role())) {
          out.add(
              Violation.of(
                  path + ".requirements[" + i + "].role",
                  StaffingTemplates.DUPLICATE_ROLE,
                  "role required twice",
                  r.role()));
        } else if (r != null) {
          requirements.add(r);
        }
      }
    }
    if (out.size() > before) {
      return null;
    }
    return new StaffingTemplate(id, name, source, requirements.build(), within);
  }

  private static RoleRequirement requirement(JsonNode node, String path, List<Violation> out) {
    if (!node.isObject()) {
      out.add(Violation.of(path, StaffingTemplates.INVALID_VALUE, "must be a map", null));
      return null;
    }
    StaffingTemplates.unknownFields(node, path, REQUIREMENT_FIELDS, out);
    String roleText = text(node, path, "role", out);
    Role role = null;
    if (roleText != null) {
      try {
        role = Role.of(roleText);
      } catch (IllegalArgumentException e) {
        out.add(
            Violation.of(
                path + ".role",
                StaffingTemplates.INVALID_VALUE,
                "must be lower case letters, digits and hyphens",
                roleText));
      }
    }
    JsonNode minimum = node.get("minimumPerGrid");
    if (minimum == null) {
      out.add(
          Violation.of(
              path + ".minimumPerGrid", StaffingTemplates.MISSING_FIELD, "is required", null));
      return null;
    }
    if (!minimum.isInt()) {
      out.add(
          Violation.of(
              path + ".minimumPerGrid",
              StaffingTemplates.INVALID_VALUE,
              "must be a whole number",
              minimum.asText()));
      return null;
    }
    if (minimum.intValue() < 0) {
      out.add(
          Violation.of(
              path + ".minimumPerGrid",
              StaffingTemplates.NEGATIVE_MINIMUM,
              "must not be negative",
              minimum.intValue()));
      return null;
    }
    return role == null ? null : RoleRequirement.of(role, minimum.intValue());
  }

  private static String text(JsonNode node, String path, String field, List<Violation> out) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
      out.add(
          Violation.of(
              path + "." + field,
              StaffingTemplates.MISSING_FIELD,
              "is required and must not be blank",
              null));
      return null;
    }
    return value.asText().strip();
  }
}
