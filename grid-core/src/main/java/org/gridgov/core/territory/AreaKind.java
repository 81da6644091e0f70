package org.gridgov.core.territory;

import java.util.Optional;

/**
 * What kind of place an area is for the time limits that differ by it (standards.md §4.2: Taiyuan
 * verifies within 1 h in the city and the urban–rural fringe, 2 h in rural areas; Shenzhen's
 * per-category table sets limits by area kind too). An area takes its kind from its {@value
 * #ATTRIBUTE} attribute, else from its nearest ancestor that has one, else it is {@link #URBAN}.
 */
public enum AreaKind {
  /** 城区: the built-up city. */
  URBAN,
  /** 城乡结合部: the urban–rural fringe. */
  FRINGE,
  /** 农村: rural areas. */
  RURAL;

  /** The territory file's column, and the area attribute, that sets an area's kind. */
  public static final String ATTRIBUTE = "area_kind";

  /**
   * The kind named {@code text} exactly ({@code URBAN}, {@code FRINGE}, {@code RURAL}), or empty.
   */
  public static Optional<AreaKind> parse(String text) {
    for (AreaKind kind : values()) {
      if (kind.name().equals(text)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
