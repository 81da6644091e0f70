package org.gridgov.storage.jdbc;

/**
 * The storage TCK on the local PostgreSQL ({@code GRIDGOV_PG_URL}); each test is skipped when it
 * does not answer (failed with {@code CI=true}).
 */
class PostgresStorageTest extends JdbcStorageContracts {
  @Override
  TestDatabase db() {
    return TestDatabase.POSTGRESQL;
  }
}
