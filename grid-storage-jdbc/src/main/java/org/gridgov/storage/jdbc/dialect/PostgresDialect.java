package org.gridgov.storage.jdbc.dialect;

/** PostgreSQL 12 or newer: JSONB payloads, {@code timestamptz}, {@code SKIP LOCKED} claims. */
public final class PostgresDialect implements SqlDialect {
  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public boolean supportsSkipLocked() {
    return true;
  }

  @Override
  public String jsonParameter() {
    return "CAST(? AS JSONB)";
  }

  @Override
  public String insertCounterIfAbsent(String table) {
    return "INSERT INTO "
        + table
        + " (counter_key, counter_value) VALUES (?, 0)"
        + " ON CONFLICT (counter_key) DO NOTHING";
  }

  @Override
  public String insertPolicyHeadIfAbsent(String table) {
    return "INSERT INTO "
        + table
        + " (policy_id, latest_version) VALUES (?, 0)"
        + " ON CONFLICT (policy_id) DO NOTHING";
  }
}
