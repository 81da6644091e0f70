package org.gridgov.storage.jdbc;

/**
 * SQL on {@code {counter}}; comments name the parameters. Inserting a missing key is the dialect's
 * ({@code SqlDialect#insertCounterIfAbsent}).
 */
final class CounterSql {
  private CounterSql() {}

  /** key */
  static final String GET =
      """
      SELECT counter_value FROM {counter} WHERE counter_key = ?""";

  /** key, limit */
  static final String INCREMENT_BELOW =
      """
      UPDATE {counter} SET counter_value = counter_value + 1
       WHERE counter_key = ? AND counter_value < ?""";

  /** key */
  static final String INCREMENT =
      """
      UPDATE {counter} SET counter_value = counter_value + 1 WHERE counter_key = ?""";

  /** key */
  static final String DECREMENT =
      """
      UPDATE {counter} SET counter_value = counter_value - 1
       WHERE counter_key = ? AND counter_value > 0""";
}
