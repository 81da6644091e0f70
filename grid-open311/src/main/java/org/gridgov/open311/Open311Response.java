package org.gridgov.open311;

import java.util.Objects;

/**
 * What {@link Open311#get} answers: the HTTP status (200, 400 or 404), the format and the body,
 * for any HTTP server to send with {@link #contentType()}.
 */
public record Open311Response(int status, Format format, String body) {
  public Open311Response {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(body, "body");
  }

  /** The HTTP content type of the body, with its charset. */
  public String contentType() {
    return format.contentType();
  }
}
