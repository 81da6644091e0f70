package org.gridgov.core.territory;

import java.util.Optional;

/**
 * The rungs of the administrative ladder, from the top down. A territory usually starts at a
 * district; a city or province above it is allowed. Grids belong to communities and micro-grids
 * (one building or stairwell unit) to grids.
 */
public enum Level {
  PROVINCE,
  CITY,
  DISTRICT,
  STREET,
  COMMUNITY,
  GRID,
  MICRO_GRID;

  private static final Level[] VALUES = values();

  /**
   * True when this level is strictly higher on the ladder (nearer the province) than {@code other}.
   */
  public boolean isAbove(Level other) {
    return ordinal() < other.ordinal();
  }

  /** True when this level is strictly lower on the ladder than {@code other}. */
  public boolean isBelow(Level other) {
    return ordinal() > other.ordinal();
  }

  /** The next level up, empty at the top. */
  public Optional<Level> up() {
    return ordinal() == 0 ? Optional.empty() : Optional.of(VALUES[ordinal() - 1]);
  }

  /** The next level down, empty at the bottom. */
  public Optional<Level> down() {
    return ordinal() == VALUES.length - 1 ? Optional.empty() : Optional.of(VALUES[ordinal() + 1]);
  }
}
