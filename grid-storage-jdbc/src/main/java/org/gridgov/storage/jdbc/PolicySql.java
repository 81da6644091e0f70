package org.gridgov.storage.jdbc;

/** SQL on {@code {policy}}, one row per policy version; comments name the parameters. */
final class PolicySql {
  private PolicySql() {}

  /** policy_id */
  static final String VERSIONS = """
      SELECT version, document FROM {policy} WHERE policy_id = ? ORDER BY version""";

  /** policy_id, version, document (JSON text) */
  static final String INSERT = """
      INSERT INTO {policy} (policy_id, version, document) VALUES (?, ?, {json})""";

  /** none */
  static final String IDS = """
      SELECT DISTINCT policy_id FROM {policy}""";
}
