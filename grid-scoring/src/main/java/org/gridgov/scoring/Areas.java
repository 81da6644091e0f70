package org.gridgov.scoring;

import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;

/**
 * The community and street of a grid from its code alone (codes nest by prefix: a grid's community
 * is its first 12 digits, its street its first 9), as {@code ReportingUnit} does in grid-rules.
 */
public final class Areas {
  private Areas() {}

  /** The area at {@code level} (GRID, COMMUNITY or STREET) containing {@code grid}. */
  public static AreaCode of(AreaCode grid, Level level) {
    if (grid.level() != Level.GRID) {
      throw new IllegalArgumentException("expected a GRID code, was " + grid + " (" + grid.level() + ")");
    }
    return switch (level) {
      case GRID -> grid;
      case COMMUNITY -> AreaCode.of(grid.value().substring(0, 12), Level.COMMUNITY);
      case STREET -> AreaCode.of(grid.value().substring(0, 9), Level.STREET);
      default -> throw new IllegalArgumentException("expected GRID, COMMUNITY or STREET, was " + level);
    };
  }
}
