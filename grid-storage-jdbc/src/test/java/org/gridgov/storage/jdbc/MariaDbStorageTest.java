package org.gridgov.storage.jdbc;

/**
 * The storage TCK on the local MariaDB ({@code GRIDGOV_MARIADB_URL}); each test is skipped when it
 * does not answer (failed with {@code CI=true}).
 */
class MariaDbStorageTest extends JdbcStorageContracts {
  @Override
  TestDatabase db() {
    return TestDatabase.MARIADB;
  }
}
