package org.gridgov.storage.jdbc;

/**
 * SQL on {@code {policy}}, one row per policy version, and {@code {policy_head}}, one row per
 * policy (its lock; the dialect inserts it: {@code SqlDialect#insertPolicyHeadIfAbsent}); comments
 * name the parameters.
 */
final class PolicySql {
  private PolicySql() {}

  /** policy_id */
  static final String VERSIONS =
      """
      SELECT version, document FROM {policy} WHERE policy_id = ? ORDER BY version""";

  /** policy_id, version, document (JSON text) */
  static final String INSERT =
      """
      INSERT INTO {policy} (policy_id, version, document) VALUES (?, ?, {json})""";

  /** policy_id: locks the head row until the transaction ends */
  static final String LOCK_HEAD =
      """
      SELECT latest_version FROM {policy_head} WHERE policy_id = ? FOR UPDATE""";

  /** latest_version, policy_id */
  static final String UPDATE_HEAD =
      """
      UPDATE {policy_head} SET latest_version = ? WHERE policy_id = ?""";

  /** policy_id */
  static final String COUNT =
      """
      SELECT COUNT(*) FROM {policy} WHERE policy_id = ?""";

  /** none */
  static final String IDS =
      """
      SELECT policy_id FROM {policy_head}""";
}
