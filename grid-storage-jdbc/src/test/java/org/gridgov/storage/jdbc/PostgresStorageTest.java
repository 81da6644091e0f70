package org.gridgov.storage.jdbc;

import org.junit.jupiter.api.BeforeAll;

/** The storage TCK on the local PostgreSQL ({@code GRIDGOV_PG_URL}); skipped if unreachable. */
class PostgresStorageTest extends JdbcStorageTest {
  @BeforeAll
  static void serverAnswers() {
    TestDatabase.POSTGRESQL.requireReachable();
  }

  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRESQL;
  }
}
