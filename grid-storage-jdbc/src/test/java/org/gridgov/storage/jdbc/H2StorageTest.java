package org.gridgov.storage.jdbc;

/** The storage TCK on H2 in memory: always runs. */
class H2StorageTest extends JdbcStorageTest {
  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
