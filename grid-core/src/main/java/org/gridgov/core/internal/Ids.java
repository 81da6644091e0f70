package org.gridgov.core.internal;

import java.util.regex.Pattern;

/** Format checks shared by the id records. Internal. */
public final class Ids {
  /** Letters, digits and {@code . _ : -}, starting with a letter or digit, at most 64 long. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  private Ids() {}

  private static final String RULE =
      " must be 1-64 letters, digits or . _ : - (starting with a letter or digit), was ";

  /** Returns {@code value} when it is a valid token, else throws naming the kind of id. */
  public static String token(String kind, String value) {
    if (!isToken(value)) {
      throw new IllegalArgumentException(
          kind + RULE + (value == null ? "null" : "'" + value + "'"));
    }
    return value;
  }

  /**
   * As {@link #token}, but a refusal says how long {@code value} is, not what it says: what was
   * passed for a resident's token may be their name or phone number.
   */
  public static String tokenUnshown(String kind, String value) {
    if (!isToken(value)) {
      throw new IllegalArgumentException(
          kind + RULE + (value == null ? "null" : "a text of " + value.length() + " characters"));
    }
    return value;
  }

  /** Whether {@code value} matches {@link #TOKEN}; a loop, since ids are built on hot paths. */
  public static boolean isToken(String value) {
    if (value == null || value.isEmpty() || value.length() > 64) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && (i == 0 || (c != '.' && c != '_' && c != ':' && c != '-'))) {
        return false;
      }
    }
    return true;
  }

  /** The pattern {@link #isToken} implements, for documentation and tests. */
  public static Pattern pattern() {
    return TOKEN;
  }
}
