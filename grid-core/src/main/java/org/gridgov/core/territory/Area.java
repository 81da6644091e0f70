package org.gridgov.core.territory;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.internal.Checks;

/**
 * One area of a {@link Territory}: a district, street, community, grid or micro-grid, with its
 * name, its parent (empty for a root) and free attributes read from extra file columns (such as
 * {@code households} or {@code patches}). Attribute values are text; they are never personal data.
 */
public record Area(
    AreaCode code,
    String name,
    Optional<AreaCode> parent,
    ImmutableMap<String, String> attributes) {

  /**
   * @throws NullPointerException naming a null {@code code}, {@code parent} or {@code attributes}
   * @throws InvalidInputException about {@code area <code>}: at {@code name} when it is blank
   *     ({@code territory.blank-name}); at {@code name}, {@code attributes} (an attribute's name)
   *     or {@code attributes.<name>} when it is a text no store keeps as it is ({@code
   *     territory.text}, the text not shown)
   */
  public Area {
    Objects.requireNonNull(code, "code");
    if (name == null || name.isBlank()) {
      throw Checks.invalid(
          "area " + code, "name", TerritoryRules.BLANK_NAME, "must not be blank", null);
    }
    String nameProblem = IncidentEvent.textProblem(name);
    if (nameProblem != null) {
      throw unstorable(code, "name", nameProblem);
    }
    Objects.requireNonNull(parent, "area " + code + ": parent must not be null (use empty)");
    attributes = ImmutableMap.copyOf(Objects.requireNonNull(attributes, "attributes"));
    attributes.forEach(
        (key, value) -> {
          String keyProblem = IncidentEvent.textProblem(key);
          if (keyProblem != null) {
            throw unstorable(code, "attributes", "an attribute's name " + keyProblem);
          }
          String valueProblem = IncidentEvent.textProblem(value);
          if (valueProblem != null) {
            throw unstorable(code, "attributes." + key, valueProblem);
          }
        });
  }

  /**
   * The refusal of a text the directory is saved with that not every store keeps as it is ({@link
   * IncidentEvent#textProblem}): named by the area and the field, the text not shown.
   */
  private static InvalidInputException unstorable(AreaCode code, String path, String problem) {
    return Checks.invalid("area " + code, path, TerritoryRules.TEXT, problem, null);
  }

  /** A root area (no parent) without attributes. */
  public static Area root(AreaCode code, String name) {
    return new Area(code, name, Optional.empty(), ImmutableMap.of());
  }

  /** An area below {@code parent} with {@code attributes}. */
  public static Area of(
      AreaCode code, String name, AreaCode parent, Map<String, String> attributes) {
    Objects.requireNonNull(parent, "area " + code + ": parent must not be null (use root)");
    return new Area(
        code,
        name,
        Optional.of(parent),
        ImmutableMap.copyOf(Objects.requireNonNull(attributes, "attributes")));
  }

  public Level level() {
    return code.level();
  }

  /** The attribute {@code key}, such as {@code households}, or empty. */
  public Optional<String> attribute(String key) {
    return Optional.ofNullable(attributes.get(key));
  }
}
