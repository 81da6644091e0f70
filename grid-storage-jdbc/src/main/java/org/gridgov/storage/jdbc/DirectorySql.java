package org.gridgov.storage.jdbc;

/** SQL on {@code {directory}}, one row per saved revision; comments name the parameters. */
final class DirectorySql {
  private DirectorySql() {}

  /** none */
  static final String LATEST_REVISION =
      """
      SELECT MAX(revision) FROM {directory}""";

  /** revision */
  static final String LOAD =
      """
      SELECT schema_version, document FROM {directory} WHERE revision = ?""";

  /** revision, schema_version, document (JSON text) */
  static final String INSERT =
      """
      INSERT INTO {directory} (revision, schema_version, document) VALUES (?, ?, {json})""";
}
