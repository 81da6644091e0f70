package org.gridgov.core.spi;

import org.gridgov.core.incident.IncidentEvent;

/**
 * Texts a store looks up by equality (a lease owner, a counter key): they must be kept and compared
 * as given by every adapter. Internal to the SPI's checks.
 */
final class ExactKeys {
  private ExactKeys() {}

  /**
   * What keeps {@code text} from being kept and compared exactly, or null: a trailing space
   * (MariaDB's collations compare {@code "k "} equal to {@code "k"}), or what {@link
   * IncidentEvent#textProblem} finds (a NUL, which PostgreSQL refuses; half of a surrogate pair,
   * which it stores as {@code "?"}).
   */
  static String problem(String text) {
    return text.endsWith(" ") ? "must not end with a space" : IncidentEvent.textProblem(text);
  }
}
