package org.gridgov.open311;

import java.util.List;
import java.util.Objects;
import org.gridgov.core.Violation;

/**
 * What {@link Open311#get} and {@link Open311#post} answer: the HTTP status (200, 400, 403 or 404),
 * the format and the body, for any HTTP server to send with {@link #contentType()}.
 */
public record Open311Response(int status, Format format, String body) {
  public Open311Response {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(body, "body");
  }

  /**
   * An error response with {@code status}: one error per violation, each with that code and the
   * violation's text (field, message, value and rule id), such as a server gets when {@link
   * Open311#parameters} refuses a broken escape.
   */
  public static Open311Response errors(Format format, int status, List<Violation> violations) {
    return new Open311Response(
        status,
        format,
        format.errors(
            violations.stream().map(v -> new Open311Error(status, v.toString())).toList()));
  }

  /** The HTTP content type of the body, with its charset. */
  public String contentType() {
    return format.contentType();
  }
}
