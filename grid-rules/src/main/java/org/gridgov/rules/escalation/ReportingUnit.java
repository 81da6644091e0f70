package org.gridgov.rules.escalation;

import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;

/**
 * The unit at a level that a grid belongs to, from the code alone: division and grid codes nest by
 * prefix, so a grid's community is its first 12 digits, its street 9 and its district 6.
 */
public final class ReportingUnit {
  private ReportingUnit() {}

  /**
   * The area at {@code level} containing {@code grid}: the grid itself at GRID.
   *
   * @throws InvalidInputException at {@code level} ({@link InputRules#RANGE}) when it is not a
   *     level cases are handled at: GRID, COMMUNITY, STREET or DISTRICT
   */
  public static AreaCode of(AreaCode grid, Level level) {
    return switch (level) {
      case GRID -> grid;
      case COMMUNITY -> AreaCode.of(grid.value().substring(0, 12), Level.COMMUNITY);
      case STREET -> AreaCode.of(grid.value().substring(0, 9), Level.STREET);
      case DISTRICT -> AreaCode.of(grid.value().substring(0, 6), Level.DISTRICT);
      default ->
          throw new InvalidInputException(
              "reporting unit of " + grid,
              Violation.of(
                  "level",
                  InputRules.RANGE,
                  "must be GRID, COMMUNITY, STREET or DISTRICT, where cases" + " are handled",
                  level));
    };
  }
}
