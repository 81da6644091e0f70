package org.gridgov.storage.jdbc;

/** SQL on the append-only event table {@code {event}}; comments name the parameters in order. */
final class EventSql {
  private EventSql() {}

  /** incident_id, version, event_type, schema_version, payload (JSON text), occurred_at */
  static final String INSERT =
      """
      INSERT INTO {event} (incident_id, version, event_type, schema_version, payload, occurred_at)
      VALUES (?, ?, ?, ?, {json}, ?)""";

  /** incident_id, highest version */
  static final String HISTORY =
      """
      SELECT incident_id, version, event_type, schema_version, payload FROM {event}
       WHERE incident_id = ? AND version <= ? ORDER BY version""";

  /** the incident ids, one ? each in place of %s */
  static final String HISTORIES =
      """
      SELECT incident_id, version, event_type, schema_version, payload FROM {event}
       WHERE incident_id IN (%s) ORDER BY incident_id, version""";
}
