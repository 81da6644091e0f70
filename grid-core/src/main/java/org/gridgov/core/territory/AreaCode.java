package org.gridgov.core.territory;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The code of one area on the ladder: the national statistical division codes for provinces,
 * cities and districts (6 digits), streets and towns (9) and communities and villages (12), and the
 * unit-grid codes below them (a community code plus a sequence; see {@link CodeScheme}).
 *
 * <p>The constructor checks what holds under every scheme (digits only, the length range of the
 * level, no all-zero segment); a {@link CodeScheme} then fixes the exact grid widths.
 */
public record AreaCode(String value, Level level) implements Comparable<AreaCode> {
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  public AreaCode {
    if (level == null) {
      throw new IllegalArgumentException("area code " + value + ": level must not be null");
    }
    problem(value, level)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException("area code " + value + " (" + level + "): " + p);
            });
  }

  /** A division or grid code at {@code level}; throws naming the code and the rule when invalid. */
  public static AreaCode of(String value, Level level) {
    return new AreaCode(value, level);
  }

  /**
   * Infers the level from a division code: 6 digits ending in {@code 0000} is a province, ending in
   * {@code 00} a city, otherwise a district; 9 digits a street, 12 a community. Grid codes need
   * their level named, since their width depends on the scheme: use {@link #of}.
   */
  public static AreaCode parse(String value) {
    if (value == null) {
      throw new IllegalArgumentException("area code must not be null");
    }
    Level level =
        switch (value.length()) {
          case 6 -> value.endsWith("0000")
              ? Level.PROVINCE
              : value.endsWith("00") ? Level.CITY : Level.DISTRICT;
          case 9 -> Level.STREET;
          case 12 -> Level.COMMUNITY;
          default -> throw new IllegalArgumentException(
              "area code " + value + ": a division code has 6, 9 or 12 digits, was "
                  + value.length() + "; name the level of a grid code");
        };
    return new AreaCode(value, level);
  }

  /** Why {@code value} cannot be a code at {@code level}, or empty when it can. */
  public static Optional<String> problem(String value, Level level) {
    if (value == null || value.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (!DIGITS.matcher(value).matches()) {
      return Optional.of("must hold digits only");
    }
    int length = value.length();
    switch (level) {
      case PROVINCE, CITY, DISTRICT -> {
        if (length != 6) {
          return Optional.of("a " + level + " code has 6 digits, was " + length);
        }
        if (value.startsWith("00")) {
          return Optional.of("the province segment (digits 1-2) must not be 00");
        }
        boolean cityZero = value.substring(2, 4).equals("00");
        boolean countyZero = value.substring(4, 6).equals("00");
        if (level == Level.PROVINCE && !(cityZero && countyZero)) {
          return Optional.of("a PROVINCE code ends in 0000");
        }
        if (level == Level.CITY && (cityZero || !countyZero)) {
          return Optional.of("a CITY code has a non-zero city segment and ends in 00");
        }
        if (level == Level.DISTRICT && countyZero) {
          return Optional.of("a DISTRICT code's county segment (digits 5-6) must not be 00");
        }
      }
      case STREET -> {
        if (length != 9) {
          return Optional.of("a STREET code has 9 digits, was " + length);
        }
        int street = Integer.parseInt(value.substring(6));
        if (street < 1 || street > 599) {
          return Optional.of("the street segment (digits 7-9) runs from 001 to 599");
        }
        return problem(value.substring(0, 6), Level.DISTRICT).map(p -> "district part: " + p);
      }
      case COMMUNITY -> {
        if (length != 12) {
          return Optional.of("a COMMUNITY code has 12 digits, was " + length);
        }
        if (value.endsWith("000")) {
          return Optional.of("the community segment (digits 10-12) must not be 000");
        }
        return problem(value.substring(0, 9), Level.STREET).map(p -> "street part: " + p);
      }
      case GRID -> {
        if (length != 14 && length != 15) {
          return Optional.of("a GRID code has 14 or 15 digits (community + 2 or 3), was " + length);
        }
        if (Long.parseLong(value.substring(12)) == 0) {
          return Optional.of("the grid sequence must not be zero");
        }
        return problem(value.substring(0, 12), Level.COMMUNITY).map(p -> "community part: " + p);
      }
      case MICRO_GRID -> {
        if (length < 16 || length > 20) {
          return Optional.of("a MICRO_GRID code has 16 to 20 digits, was " + length);
        }
        if (Long.parseLong(value.substring(14)) == 0) {
          return Optional.of("the micro-grid sequence must not be zero");
        }
        return problem(value.substring(0, 12), Level.COMMUNITY).map(p -> "community part: " + p);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code other} lies inside this area by code (a strict prefix). */
  public boolean isPrefixOf(AreaCode other) {
    if (level.ordinal() >= other.level.ordinal()) {
      return false;
    }
    return switch (level) {
      case PROVINCE -> other.value.startsWith(value.substring(0, 2));
      case CITY -> other.value.startsWith(value.substring(0, 4));
      default -> other.value.startsWith(value) && other.value.length() > value.length();
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
}
