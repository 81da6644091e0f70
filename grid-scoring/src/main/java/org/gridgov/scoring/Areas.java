package org.gridgov.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;

/**
 * The community and street of a grid from its code alone (codes nest by prefix: a grid's community
 * is its first 12 digits, its street its first 9), as {@code ReportingUnit} does in grid-rules.
 */
public final class Areas {
  private Areas() {}

  /**
   * The area at {@code level} (GRID, COMMUNITY or STREET) containing {@code grid}.
   *
   * @throws InvalidInputException naming {@code grid} when it is not a GRID code and {@code level}
   *     when it is another level ({@link InputRules#RANGE}), both at once
   */
  public static AreaCode of(AreaCode grid, Level level) {
    Objects.requireNonNull(level, "level");
    if (grid.level() != Level.GRID) {
      throw refused(grid, level);
    }
    return switch (level) {
      case GRID -> grid;
      case COMMUNITY -> AreaCode.of(grid.value().substring(0, 12), Level.COMMUNITY);
      case STREET -> AreaCode.of(grid.value().substring(0, 9), Level.STREET);
      default -> throw refused(grid, level);
    };
  }

  private static InvalidInputException refused(AreaCode grid, Level level) {
    List<Violation> violations = new ArrayList<>(2);
    if (grid.level() != Level.GRID) {
      violations.add(
          Violation.of(
              "grid", InputRules.RANGE, "must be a GRID code, was a " + grid.level(), grid));
    }
    if (level.compareTo(Level.STREET) < 0 || level.compareTo(Level.GRID) > 0) {
      violations.add(
          Violation.of("level", InputRules.RANGE, "must be GRID, COMMUNITY or STREET", level));
    }
    return new InvalidInputException("area at " + level + " of " + grid, violations);
  }
}
