package org.gridgov.core.internal;

import java.util.regex.Pattern;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;

/** Format checks shared by the id records. Internal. */
public final class Ids {
  /** Letters, digits and {@code . _ : -}, starting with a letter or digit, at most 64 long. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  private Ids() {}

  private static final String RULE =
      "must be 1-64 letters, digits or . _ : - (starting with a letter or digit)";

  /**
   * Returns {@code value} when it is a valid token, else throws an {@link InvalidInputException}
   * about {@code kind} (such as {@code worker id}) at path {@code value}, the field of the id
   * records: {@code input.required} when it is null, {@code input.format} otherwise.
   */
  public static String token(String kind, String value) {
    return token(kind, "value", value);
  }

  /**
   * As {@link #token(String, String)}, about {@code subject} at path {@code field}: {@code
   * token("actor", "id", id)}.
   */
  public static String token(String subject, String field, String value) {
    if (!isToken(value)) {
      throw refused(subject, field, value, value == null ? null : "'" + value + "'");
    }
    return value;
  }

  /** As {@link #tokenUnshown(String, String, String)} at path {@code value}. */
  public static String tokenUnshown(String kind, String value) {
    return tokenUnshown(kind, "value", value);
  }

  /**
   * As {@link #token(String, String, String)}, but a refusal says how long {@code value} is, not
   * what it says: what was passed for a resident's token may be their name or phone number.
   */
  public static String tokenUnshown(String subject, String field, String value) {
    if (!isToken(value)) {
      throw refused(
          subject,
          field,
          value,
          value == null ? null : "a text of " + value.length() + " characters");
    }
    return value;
  }

  private static InvalidInputException refused(
      String subject, String field, String value, String shown) {
    return value == null
        ? Checks.invalid(subject, field, InputRules.REQUIRED, "is required", null)
        : Checks.invalid(subject, field, InputRules.FORMAT, RULE, shown);
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
