package org.gridgov.storage.jdbc;

import org.junit.jupiter.api.BeforeAll;

/** The storage TCK on the local MariaDB ({@code GRIDGOV_MARIADB_URL}); skipped if unreachable. */
class MariaDbStorageTest extends JdbcStorageTest {
  @BeforeAll
  static void serverAnswers() {
    TestDatabase.MARIADB.requireReachable();
  }

  @Override
  TestDatabase database() {
    return TestDatabase.MARIADB;
  }
}
