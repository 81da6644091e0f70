package org.gridgov.open311;

import java.util.regex.Pattern;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;

/**
 * What a refusal may repeat of a value a client sent. Open311 clients are apps whose users type,
 * and text sent in the wrong field may be a resident's name, phone number or address, which gridgov
 * never puts in an error: a value is repeated only when it is at most 64 characters of ASCII
 * letters, digits and {@code . _ : + / -} (the characters of codes, ids, dates and paths) and is
 * not written as a mainland phone number. Otherwise the refusal says the text is not shown.
 */
final class Sent {
  /** What a refusal's message ends with when it does not repeat the value. */
  static final String NOT_SHOWN = " (the text sent is not shown)";

  private static final int LONGEST_SHOWN = 64;

  /**
   * A mainland number once its separators are gone: see {@link #phoneLike}. After the country code
   * a fixed line drops the 0 of its area code ({@code +86 571 8888 8888}): an area code is then 10,
   * 2x or three digits from 3 to 9, and the local number 7 or 8 digits.
   */
  private static final Pattern PHONE =
      Pattern.compile(
          "(?:0086|86)?(?:1[3-9]\\d{9}|0\\d{9,11})"
              + "|(?:0086|86)(?:10|2\\d|[3-9]\\d\\d)\\d{7,8}");

  private Sent() {}

  /**
   * Whether a refusal may repeat {@code text} (see the class comment): nor may it when any part of
   * it between letters, {@code :}, {@code _} and {@code /} is written as a phone number ({@code
   * tel:13800138000}, {@code requests/13800138000}).
   */
  static boolean showable(String text) {
    if (text == null || text.isEmpty() || text.length() > LONGEST_SHOWN) {
      return false;
    }
    int part = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!digit && !letter && "._:+/-".indexOf(c) < 0) {
        return false;
      }
      if (!digit && ".+-".indexOf(c) < 0) { // a part of digits, dots, pluses and dashes ends
        if (phoneLike(text.substring(part, i))) {
          return false;
        }
        part = i + 1;
      }
    }
    return !phoneLike(text.substring(part));
  }

  /**
   * The refusal of {@code text} at {@code field}: the value repeated when {@link #showable}, else
   * left out and the message saying so.
   */
  static Violation refusal(String field, RuleId rule, String message, String text) {
    return showable(text)
        ? Violation.of(field, rule, message, text)
        : Violation.of(field, rule, message + NOT_SHOWN, null);
  }

  /**
   * Whether {@code text} is written as a mainland phone number: a mobile ({@code 1}, then 3 to 9,
   * then nine digits) or a fixed line with its area code ({@code 0}, then 9 to 11 digits; after the
   * country code without that 0, as it is written internationally), with or without the country
   * code ({@code +86}, {@code 0086}, {@code 86}), give or take the spaces, dashes, dots and
   * brackets it is written with. A numeric id of an integrator's own (a database key, {@code
   * 1234567} or {@code 2024000123}) is not.
   */
  static boolean phoneLike(String text) {
    StringBuilder digits = new StringBuilder(text.length());
    String stripped = text.strip();
    for (int i = stripped.startsWith("+") ? 1 : 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (" -.()".indexOf(c) < 0) {
        return false;
      }
    }
    return PHONE.matcher(digits).matches();
  }
}
