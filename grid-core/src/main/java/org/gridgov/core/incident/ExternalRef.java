package org.gridgov.core.incident;

import org.gridgov.core.internal.Ids;

/**
 * The id an incident has in the system it came from, such as a 12345 hotline ticket: {@code system}
 * names that system and {@code id} the ticket. Intake is idempotent on this pair: the same ticket
 * reported twice is one incident.
 */
public record ExternalRef(String system, String id) {
  public ExternalRef {
    Ids.token("external reference", "system", system);
    Ids.token("external reference", "id", id);
  }

  public static ExternalRef of(String system, String id) {
    return new ExternalRef(system, id);
  }

  @Override
  public String toString() {
    return system + "/" + id;
  }
}
