package org.gridgov.core.territory;

import java.util.Optional;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.internal.Checks;

/**
 * How many digits the grid and micro-grid sequences take below the 12-digit community code.
 *
 * <p>The default follows Beijing's DB11 unit-grid standard: a 3-digit grid sequence (001–999),
 * giving a 15-digit grid code, and a 3-digit micro-grid sequence below it (18 digits). {@link
 * #CJT_213} uses the 2-digit grid sequence of the original national CJ/T 213-2005 (14 digits).
 * Districts, streets and communities always use the 6/9/12-digit statistical division codes.
 */
public record CodeScheme(int gridDigits, int microGridDigits) {
  public static final RuleId ID = RuleId.of("territory.code-scheme");

  /** 15-digit grids, 18-digit micro-grids (Beijing DB11). */
  public static final CodeScheme DEFAULT = new CodeScheme(3, 3);

  /** 14-digit grids (CJ/T 213-2005's 2-digit sequence), 17-digit micro-grids. */
  public static final CodeScheme CJT_213 = new CodeScheme(2, 3);

  public CodeScheme {
    Checks.between(ID, "gridDigits", 2, 3, gridDigits);
    Checks.between(ID, "microGridDigits", 2, 5, microGridDigits);
  }

  /** The number of digits a code at {@code level} has under this scheme. */
  public int length(Level level) {
    return switch (level) {
      case PROVINCE, CITY, DISTRICT -> 6;
      case STREET -> 9;
      case COMMUNITY -> 12;
      case GRID -> 12 + gridDigits;
      case MICRO_GRID -> 12 + gridDigits + microGridDigits;
    };
  }

  /** The problem with {@code code} under this scheme, or empty when it fits. */
  public Optional<String> problem(AreaCode code) {
    int expected = length(code.level());
    if (code.value().length() != expected) {
      return Optional.of(
          "a "
              + code.level()
              + " code has "
              + expected
              + " digits under this scheme, was "
              + code.value().length());
    }
    if (code.level() == Level.MICRO_GRID) {
      String grid = code.value().substring(12, 12 + gridDigits);
      String micro = code.value().substring(12 + gridDigits);
      if (Integer.parseInt(grid) == 0 || Integer.parseInt(micro) == 0) {
        return Optional.of("the grid and micro-grid sequences must not be zero");
      }
    }
    return Optional.empty();
  }

  /**
   * The code of the {@code sequence}-th grid of {@code community}, zero-padded.
   *
   * @throws InvalidInputException about the {@code GRID code under} {@code community}: at {@code
   *     sequence} ({@code input.range}) when it does not fit, at {@code community} ({@code
   *     territory.level-order}) when it is not a COMMUNITY
   */
  public AreaCode grid(AreaCode community, int sequence) {
    return child(community, "community", Level.COMMUNITY, Level.GRID, gridDigits, sequence);
  }

  /**
   * The code of the {@code sequence}-th micro-grid of {@code grid}, zero-padded.
   *
   * @throws InvalidInputException about the {@code MICRO_GRID code under} {@code grid}: at {@code
   *     sequence} ({@code input.range}) when it does not fit; at {@code grid} when it is not a GRID
   *     ({@code territory.level-order}) or its code does not fit this scheme ({@code
   *     territory.code-length}: a 14-digit grid under {@link #DEFAULT})
   */
  public AreaCode microGrid(AreaCode grid, int sequence) {
    if (grid.level() == Level.GRID) {
      Optional<String> problem = problem(grid);
      if (problem.isPresent()) {
        throw Checks.invalid(
            childSubject(Level.MICRO_GRID, grid),
            "grid",
            TerritoryRules.CODE_LENGTH,
            "must be a GRID of this scheme: " + problem.get(),
            null);
      }
    }
    return child(grid, "grid", Level.GRID, Level.MICRO_GRID, microGridDigits, sequence);
  }

  private AreaCode child(
      AreaCode parent,
      String parentField,
      Level parentLevel,
      Level level,
      int digits,
      int sequence) {
    if (parent.level() != parentLevel) {
      throw Checks.invalid(
          childSubject(level, parent),
          parentField,
          TerritoryRules.LEVEL_ORDER,
          "must be a " + parentLevel,
          parent + " (" + parent.level() + ")");
    }
    int max = (int) Math.pow(10, digits) - 1;
    if (sequence < 1 || sequence > max) {
      throw Checks.invalid(
          childSubject(level, parent),
          "sequence",
          InputRules.RANGE,
          "a " + level + " sequence runs from 1 to " + max + " under this scheme",
          sequence);
    }
    String padded = String.format("%0" + digits + "d", sequence);
    return new AreaCode(parent.value() + padded, level);
  }

  private static String childSubject(Level level, AreaCode parent) {
    return level + " code under " + parent;
  }
}
