package org.gridgov.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.tck.fixtures.IncidentBuilder.anIncident;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.spi.StorageCapability;
import org.gridgov.core.spi.StorageException;
import org.gridgov.storage.jdbc.dialect.Dialects;
import org.gridgov.tck.fixtures.Directories;
import org.gridgov.tck.fixtures.EveryEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Flyway migrations: idempotent, upgrading older schemas, validated on request. */
class SchemaTest {

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void migrate_twice_secondRunIsANoOp(TestDatabase database) {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    try {
      JdbcGridStorage first = JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).build();
      first.incidents().intake(anIncident().withId("m1").build());
      Flyway flyway = Schema.flyway(database.pool(), new Tables(prefix, first.dialect()));

      JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).build();

      assertThat(flyway.migrate().migrationsExecuted).isZero();
      assertThat(flyway.info().pending()).isEmpty();
      assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("2");
      assertThat(first.incidents().count()).isEqualTo(1);
    } finally {
      database.dropTables(prefix);
    }
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void open_databaseAtVersionOne_upgradedAndOldRowsStillLoad(TestDatabase database) {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    try {
      Tables tables = new Tables(prefix, Dialects.detect(database.pool()));
      Flyway.configure().configuration(Schema.flyway(database.pool(), tables).getConfiguration())
          .target("1").load().migrate();
      List<IncidentEvent> history = EveryEventType.handledLoop();
      JdbcGridStorage old = JdbcGridStorage.builder(database.pool()).tablePrefix(prefix)
          .schemaMode(SchemaMode.NONE).build();
      old.incidents().intake(history);
      assertThatThrownBy(() -> JdbcGridStorage.builder(database.pool()).tablePrefix(prefix)
          .schemaMode(SchemaMode.VALIDATE).build())
          .isInstanceOf(StorageException.class).hasMessageContaining("could not be validated");

      JdbcGridStorage upgraded = JdbcGridStorage.builder(database.pool()).tablePrefix(prefix)
          .build();

      assertThat(upgraded.incidents().history(history.get(0).incident())).isEqualTo(history);
      assertThat(upgraded.directory().save(Directories.jingfang(), 0)).isEqualTo(1);
      assertThat(upgraded.counters().increment("after-upgrade")).isEqualTo(1);
      JdbcGridStorage.builder(database.pool()).tablePrefix(prefix)
          .schemaMode(SchemaMode.VALIDATE).build();
    } finally {
      database.dropTables(prefix);
    }
  }

  @Test
  void h2File_reopened_keepsIncidents(@TempDir Path dir) {
    JdbcGridStorage storage = JdbcGridStorage.h2(dir.resolve("gridgov"));
    storage.incidents().intake(anIncident().withId("kept").registered(Duration.ofHours(1)).build());

    JdbcGridStorage reopened = JdbcGridStorage.h2(dir.resolve("gridgov"));

    assertThat(reopened.incidents().find(IncidentId.of("kept"))).isPresent();
    assertThat(reopened.capabilities()).contains(StorageCapability.DURABLE);
    assertThat(JdbcGridStorage.h2InMemory("schema-test").capabilities()).isEmpty();
  }

  @Test
  void tablePrefix_invalid_refused() {
    assertThatThrownBy(() -> JdbcGridStorage.builder(TestDatabase.H2.pool()).tablePrefix("City-"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table prefix");
  }
}
