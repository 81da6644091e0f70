package org.gridgov.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.core.spi.StorageCapability;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a storage says of itself on each server database, as the README's table says. */
class CapabilitiesTest {

  /**
   * PostgreSQL and MariaDB are durable, shared by several nodes and claim with {@code SKIP LOCKED};
   * only H2 in memory is not durable, which H2 alone is asked about.
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#multiNode")
  void capabilities_serverDatabase_durableMultiNodeSkipLockedClaim(TestDatabase database) {
    database.requireReachable();
    JdbcGridStorage storage =
        JdbcGridStorage.builder(database.pool())
            .tablePrefix(TestDatabase.newPrefix())
            .schemaMode(SchemaMode.NONE)
            .build();

    assertThat(storage.capabilities())
        .containsExactlyInAnyOrder(
            StorageCapability.DURABLE,
            StorageCapability.MULTI_NODE,
            StorageCapability.SKIP_LOCKED_CLAIM);
  }
}
