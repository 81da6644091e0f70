package org.gridgov.storage.jdbc;

/** The storage TCK on H2 in memory: always runs. */
class H2StorageTest extends JdbcStorageContracts {
  @Override
  TestDatabase db() {
    return TestDatabase.H2;
  }
}
