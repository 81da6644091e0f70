package org.gridgov.core.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations written the short way ({@code 90s}, {@code 30m}, {@code 24h}, {@code 2d}) or in
 * ISO-8601 ({@code PT24H}, {@code P1D}). A day is 24 hours. Internal.
 */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("([0-9]{1,9})([smhd])");

  private Durations() {}

  /** Parses {@code text}, throwing {@link IllegalArgumentException} when it is neither form. */
  public static Duration parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    Matcher m = SHORT.matcher(trimmed.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "s":
          return Duration.ofSeconds(amount);
        case "m":
          return Duration.ofMinutes(amount);
        case "h":
          return Duration.ofHours(amount);
        default:
          return Duration.ofDays(amount);
      }
    }
    if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
      try {
        return Duration.parse(trimmed);
      } catch (DateTimeParseException e) {
        // fall through to the common message
      }
    }
    throw new IllegalArgumentException(
        "must be a duration such as 90s, 30m, 24h, 2d or PT24H, was " + text);
  }
}
