package org.gridgov.storage.jdbc.dialect;

/**
 * H2 2.x, embedded (file or memory): {@code JSON} payloads and {@code TIMESTAMP WITH TIME ZONE}. H2
 * has no {@code SKIP LOCKED}: due work is taken by a conditional {@code UPDATE} per candidate,
 * which is as safe under concurrency, within one JVM.
 */
public final class H2Dialect implements SqlDialect {
  @Override
  public String name() {
    return "h2";
  }

  @Override
  public boolean supportsSkipLocked() {
    return false;
  }

  @Override
  public String jsonParameter() {
    return "? FORMAT JSON";
  }

  @Override
  public String insertCounterIfAbsent(String table) {
    return "MERGE INTO "
        + table
        + " t USING (VALUES (CAST(? AS VARCHAR(191)))) s(k)"
        + " ON t.counter_key = s.k WHEN NOT MATCHED THEN INSERT (counter_key, counter_value)"
        + " VALUES (s.k, 0)";
  }

  @Override
  public String insertPolicyHeadIfAbsent(String table) {
    return "MERGE INTO "
        + table
        + " t USING (VALUES (CAST(? AS VARCHAR(64)))) s(k)"
        + " ON t.policy_id = s.k WHEN NOT MATCHED THEN INSERT (policy_id, latest_version)"
        + " VALUES (s.k, 0)";
  }
}
