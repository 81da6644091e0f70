package org.gridgov.core.territory;

import java.util.Optional;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.internal.Checks;

/**
 * The code of one area on the ladder: the national statistical division codes for provinces, cities
 * and districts (6 digits), streets and towns (9) and communities and villages (12), and the
 * unit-grid codes below them (a community code plus a sequence; see {@link CodeScheme}).
 *
 * <p>The constructor checks what holds under every scheme (digits only, the length range of the
 * level, no all-zero segment where the segment is fixed: the division parts and a grid's sequence).
 * A micro-grid's grid and micro-grid sequences split its last digits by the scheme, so only the
 * {@link CodeScheme} (which {@code Territory} applies) checks each of them for zero.
 */
public record AreaCode(String value, Level level) implements Comparable<AreaCode> {
  /**
   * @throws InvalidInputException about {@code area code <value> (<level>)}: at {@code level},
   *     {@code input.required} when it is null; at {@code value}, {@code territory.code-length}
   *     when its length does not fit the level, else {@code territory.code-format} (empty, not
   *     digits, a zero or out-of-range segment); the subject names the code, the message the
   *     problem
   */
  public AreaCode {
    if (level == null) {
      throw Checks.invalid(
          value == null ? "area code" : "area code " + value,
          "level",
          InputRules.REQUIRED,
          "is required",
          null);
    }
    if (value == null) {
      throw Checks.invalid(
          "area code (" + level + ")", "value", InputRules.REQUIRED, "is required", null);
    }
    String problem = problemOrNull(value, level);
    if (problem != null) {
      throw Checks.invalid(
          "area code " + value + " (" + level + ")",
          "value",
          ruleBroken(value, level),
          problem,
          null);
    }
  }

  /** A division or grid code at {@code level}; throws naming the code and the rule when invalid. */
  public static AreaCode of(String value, Level level) {
    return new AreaCode(value, level);
  }

  /**
   * Infers the level from a division code: 6 digits ending in {@code 0000} is a province, ending in
   * {@code 00} a city, otherwise a district; 9 digits a street, 12 a community. Grid codes need
   * their level named, since their width depends on the scheme: use {@link #of}.
   *
   * @throws InvalidInputException at {@code value}: {@code input.required} when it is null, {@code
   *     territory.code-length} when it has not 6, 9 or 12 characters, else as {@link #of}
   */
  public static AreaCode parse(String value) {
    if (value == null) {
      throw Checks.invalid("area code", "value", InputRules.REQUIRED, "is required", null);
    }
    Level level =
        switch (value.length()) {
          case 6 ->
              value.endsWith("0000")
                  ? Level.PROVINCE
                  : value.endsWith("00") ? Level.CITY : Level.DISTRICT;
          case 9 -> Level.STREET;
          case 12 -> Level.COMMUNITY;
          default ->
              throw Checks.invalid(
                  "area code " + value,
                  "value",
                  TerritoryRules.CODE_LENGTH,
                  "a division code has 6, 9 or 12 digits, was "
                      + value.length()
                      + "; name the level of a grid code",
                  null);
        };
    return new AreaCode(value, level);
  }

  /** Why {@code value} cannot be a code at {@code level}, or empty when it can. */
  public static Optional<String> problem(String value, Level level) {
    return Optional.ofNullable(problemOrNull(value, level));
  }

  /** {@link #problem(String, Level)} or null: nothing is allocated for a valid code. */
  private static String problemOrNull(String value, Level level) {
    if (value == null || value.isEmpty()) {
      return "must not be empty";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return "must hold digits only";
      }
    }
    return problem(value, value.length(), level);
  }

  /**
   * The rule a code refused at {@code level} breaks: {@code territory.code-length} when it is
   * digits only but not as long as a code at that level is under any scheme, else {@code
   * territory.code-format}.
   */
  private static RuleId ruleBroken(String value, Level level) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return TerritoryRules.CODE_FORMAT;
      }
    }
    return value.isEmpty() || lengthFits(value.length(), level)
        ? TerritoryRules.CODE_FORMAT
        : TerritoryRules.CODE_LENGTH;
  }

  /** Whether a code at {@code level} may have {@code length} digits, under some scheme. */
  private static boolean lengthFits(int length, Level level) {
    return switch (level) {
      case PROVINCE, CITY, DISTRICT -> length == 6;
      case STREET -> length == 9;
      case COMMUNITY -> length == 12;
      case GRID -> length == 14 || length == 15;
      case MICRO_GRID -> length >= 16 && length <= 20;
    };
  }

  /**
   * Why the first {@code length} digits of {@code value} cannot be a code at {@code level}, or
   * null: index-based, so a valid code (the common case, on dispatch paths) allocates nothing.
   */
  private static String problem(String value, int length, Level level) {
    switch (level) {
      case PROVINCE, CITY, DISTRICT -> {
        if (!lengthFits(length, level)) {
          return "a " + level + " code has 6 digits, was " + length;
        }
        if (value.startsWith("00")) {
          return "the province segment (digits 1-2) must not be 00";
        }
        boolean cityZero = value.startsWith("00", 2);
        boolean countyZero = value.startsWith("00", 4);
        if (level == Level.PROVINCE && !(cityZero && countyZero)) {
          return "a PROVINCE code ends in 0000";
        }
        if (level == Level.CITY && (cityZero || !countyZero)) {
          return "a CITY code has a non-zero city segment and ends in 00";
        }
        if (level == Level.DISTRICT && countyZero) {
          return "a DISTRICT code's county segment (digits 5-6) must not be 00";
        }
        return null;
      }
      case STREET -> {
        if (!lengthFits(length, level)) {
          return "a STREET code has 9 digits, was " + length;
        }
        long street = digits(value, 6, 9);
        if (street < 1 || street > 599) {
          return "the street segment (digits 7-9) runs from 001 to 599";
        }
        return prefixed("district part: ", problem(value, 6, Level.DISTRICT));
      }
      case COMMUNITY -> {
        if (!lengthFits(length, level)) {
          return "a COMMUNITY code has 12 digits, was " + length;
        }
        if (digits(value, 9, 12) == 0) {
          return "the community segment (digits 10-12) must not be 000";
        }
        return prefixed("street part: ", problem(value, 9, Level.STREET));
      }
      case GRID -> {
        if (!lengthFits(length, level)) {
          return "a GRID code has 14 or 15 digits (community + 2 or 3), was " + length;
        }
        if (digits(value, 12, length) == 0) {
          return "the grid sequence must not be zero";
        }
        return prefixed("community part: ", problem(value, 12, Level.COMMUNITY));
      }
      case MICRO_GRID -> {
        if (!lengthFits(length, level)) {
          return "a MICRO_GRID code has 16 to 20 digits, was " + length;
        }
        if (digits(value, 14, length) == 0) {
          return "the micro-grid sequence must not be zero";
        }
        return prefixed("community part: ", problem(value, 12, Level.COMMUNITY));
      }
      default -> {
        return null;
      }
    }
  }

  /** The number the (ASCII) digits {@code from} to {@code to} spell; at most 6 digits here. */
  private static long digits(String value, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (value.charAt(i) - '0');
    }
    return n;
  }

  private static String prefixed(String prefix, String problem) {
    return problem == null ? null : prefix + problem;
  }

  /** Whether {@code other} lies inside this area by code (a strict prefix). */
  public boolean isPrefixOf(AreaCode other) {
    if (level.ordinal() >= other.level.ordinal()) {
      return false;
    }
    String prefix = codePrefix();
    return other.value.startsWith(prefix) && other.value.length() > prefix.length();
  }

  /**
   * The leading digits every code inside this area starts with: two for a province ({@code 330000}
   * → {@code 33}), four for a city ({@code 330100} → {@code 3301}), the whole code below.
   */
  public String codePrefix() {
    return switch (level) {
      case PROVINCE -> value.substring(0, 2);
      case CITY -> value.substring(0, 4);
      default -> value;
    };
  }

  /** For a street code: the kind its segment encodes (街道, 镇, 乡, or another unit). */
  public Optional<StreetKind> streetKind() {
    if (level != Level.STREET) {
      return Optional.empty();
    }
    return Optional.of(StreetKind.ofSegment(Integer.parseInt(value.substring(6))));
  }

  @Override
  public int compareTo(AreaCode other) {
    int byValue = value.compareTo(other.value);
    return byValue != 0 ? byValue : level.compareTo(other.level);
  }

  @Override
  public String toString() {
    return value;
  }

  /** Written out rather than left to the record: area codes key hot maps. */
  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof AreaCode that && value.equals(that.value) && level == that.level;
  }

  /** The digits' hash alone: the same digits never make a valid code at two levels. */
  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
