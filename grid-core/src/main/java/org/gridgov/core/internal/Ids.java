package org.gridgov.core.internal;

import java.util.regex.Pattern;

/** Format checks shared by the id records. Internal. */
public final class Ids {
  /** Letters, digits and {@code . _ : -}, starting with a letter or digit, at most 64 long. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  private Ids() {}

  /** Returns {@code value} when it is a valid token, else throws naming the kind of id. */
  public static String token(String kind, String value) {
    if (value == null || !TOKEN.matcher(value).matches()) {
      throw new IllegalArgumentException(
          kind + " must be 1-64 letters, digits or . _ : - (starting with a letter or digit), was "
              + (value == null ? "null" : "'" + value + "'"));
    }
    return value;
  }

  public static boolean isToken(String value) {
    return value != null && TOKEN.matcher(value).matches();
  }
}
