package org.gridgov.core.territory;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.incident.IncidentEvent;

/**
 * One area of a {@link Territory}: a district, street, community, grid or micro-grid, with its
 * name, its parent (empty for a root) and free attributes read from extra file columns (such as
 * {@code households} or {@code patches}). Attribute values are text; they are never personal data.
 */
public record Area(
    AreaCode code, String name, Optional<AreaCode> parent, ImmutableMap<String, String> attributes) {

  public Area {
    Objects.requireNonNull(code, "code");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("area " + code + ": name must not be blank");
    }
    storable(code, "name", name);
    Objects.requireNonNull(parent, "area " + code + ": parent must not be null (use empty)");
    attributes = ImmutableMap.copyOf(Objects.requireNonNull(attributes, "attributes"));
    attributes.forEach((key, value) -> {
      storable(code, "attribute name", key);
      storable(code, "attribute " + key, value);
    });
  }

  /**
   * A text the directory is saved with, which every store must keep as it is ({@link
   * IncidentEvent#textProblem}); named by the area and field, the text not shown.
   */
  private static void storable(AreaCode code, String field, String value) {
    String problem = IncidentEvent.textProblem(value);
    if (problem != null) {
      throw new IllegalArgumentException("area " + code + ": " + field + " " + problem);
    }
  }

  /** A root area (no parent) without attributes. */
  public static Area root(AreaCode code, String name) {
    return new Area(code, name, Optional.empty(), ImmutableMap.of());
  }

  /** An area below {@code parent} with {@code attributes}. */
  public static Area of(AreaCode code, String name, AreaCode parent, Map<String, String> attributes) {
    Objects.requireNonNull(parent, "area " + code + ": parent must not be null (use root)");
    return new Area(code, name, Optional.of(parent),
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
