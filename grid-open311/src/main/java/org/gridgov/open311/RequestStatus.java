package org.gridgov.open311;

import java.util.Locale;
import java.util.Optional;
import org.gridgov.core.incident.Stage;

/**
 * Open311's two statuses. Every stage that still needs work is {@link #OPEN}; a closed, rejected or
 * archived case is {@link #CLOSED}.
 */
public enum RequestStatus {
  OPEN,
  CLOSED;

  /** The status of a case in {@code stage}. */
  public static RequestStatus of(Stage stage) {
    return stage.isOpen() ? OPEN : CLOSED;
  }

  /** {@code open} or {@code closed}, as the specification writes it. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status named {@code value} ({@code open} or {@code closed}, any case), or empty. */
  public static Optional<RequestStatus> parse(String value) {
    for (RequestStatus status : values()) {
      if (status.value().equalsIgnoreCase(value.strip())) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
