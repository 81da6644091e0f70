package org.gridgov.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.tck.fixtures.Events.GRID_A;
import static org.gridgov.tck.fixtures.Events.at;
import static org.gridgov.tck.fixtures.Events.registered;
import static org.gridgov.tck.fixtures.Events.reported;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.spi.StorageCapability;
import org.gridgov.core.spi.StorageException;
import org.gridgov.storage.jdbc.dialect.PostgresDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad arguments of the JDBC store's own entry points, and the field and rule its SPI refusals name
 * beyond the IllegalArgumentException the TCK checks.
 */
class EntryPointTest {

  /** Asserts that {@code call} is refused with one violation at {@code path} of {@code rule}. */
  private static void refused(ThrowingCallable call, String subject, String path, String rule) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo(subject);
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo(path);
                        assertThat(v.rule()).isEqualTo(rule);
                      });
            });
  }

  @Test
  void h2_nullOrSettingInPath_refusedNamingFile(@TempDir Path dir) {
    assertThatThrownBy(() -> JdbcGridStorage.h2(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("file");
    Path injected = dir.resolve("gridgov;INIT=CREATE TABLE injected(x INT)");
    refused(() -> JdbcGridStorage.h2(injected), "H2 storage in a file", "file", "input.format");
    assertThatThrownBy(() -> JdbcGridStorage.h2(injected))
        .hasMessageContaining("file: must not hold ';': H2 would read what follows as a setting");
    assertThat(dir.toFile().list()).as("no database was created").isEmpty();
  }

  @Test
  void h2InMemory_nullBlankOrSettingInName_refusedNamingName() {
    assertThatThrownBy(() -> JdbcGridStorage.h2InMemory(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
    refused(() -> JdbcGridStorage.h2InMemory(""), "H2 storage in memory", "name", "input.required");
    refused(
        () -> JdbcGridStorage.h2InMemory(" "), "H2 storage in memory", "name", "input.required");
    refused(
        () -> JdbcGridStorage.h2InMemory("x;MODE=MySQL"),
        "H2 storage in memory",
        "name",
        "input.format");
    refused(
        () -> JdbcGridStorage.h2InMemory(";MODE=MySQL"),
        "H2 storage in memory",
        "name",
        "input.format");
  }

  @Test
  void dialect_given_usedInsteadOfTheDetectedOne() {
    JdbcGridStorage storage =
        JdbcGridStorage.builder(TestDatabase.H2.pool())
            .dialect(new PostgresDialect())
            .schemaMode(SchemaMode.NONE)
            .build();

    assertThat(storage.dialect()).isInstanceOf(PostgresDialect.class);
    assertThat(storage.capabilities())
        .as("as PostgreSQL's, in memory")
        .containsExactlyInAnyOrder(
            StorageCapability.MULTI_NODE, StorageCapability.SKIP_LOCKED_CLAIM);
  }

  @Test
  void build_databaseUnreachable_storageFailure() {
    SQLException refused = new SQLException("connection refused", "08001");
    DataSource unreachable =
        (DataSource)
            Proxy.newProxyInstance(
                EntryPointTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                  throw refused;
                });

    assertThatThrownBy(
            () ->
                JdbcGridStorage.builder(unreachable)
                    .dialect(new PostgresDialect())
                    .schemaMode(SchemaMode.NONE)
                    .build())
        .isInstanceOf(StorageException.class)
        .hasMessage("cannot read the database's metadata")
        .hasCause(refused);
  }

  @Test
  void incidentCacheSize_negative_refusedNamingTheOption() {
    refused(
        () -> JdbcGridStorage.builder(TestDatabase.H2.pool()).incidentCacheSize(-1),
        "JDBC storage",
        "incidentCacheSize",
        "input.range");
  }

  @Test
  void append_noEvents_refusedAtEventsNothingWritten() {
    JdbcIncidentStore store = TestDatabase.H2.fresh().incidents();
    store.intake(List.of(reported("i1", GRID_A), registered("i1", 10)));

    refused(
        () -> store.append(IncidentId.of("i1"), 2, List.of()),
        "append to incident i1",
        "events",
        "input.range");
    assertThat(store.history(IncidentId.of("i1"))).hasSize(2);
  }

  @Test
  void dueAtAndClaimDue_limitBelowOne_refusedAtLimitNothingLeased() {
    JdbcIncidentStore store = TestDatabase.H2.fresh().incidents();
    store.intake(List.of(reported("i1", GRID_A), registered("i1", 10)));

    refused(() -> store.dueAt(at(11), 0), "dueAt call", "limit", "input.range");
    refused(
        () -> store.claimDue(at(11), -1, "node-a", Duration.ofMinutes(5)),
        "claimDue call",
        "limit",
        "input.range");
    assertThat(store.claimDue(at(11), 1, "node-b", Duration.ofMinutes(5)))
        .as("nothing was leased")
        .hasSize(1);
  }

  @Test
  void intakeAll_null_refusedNamingOpenings() {
    JdbcIncidentStore store = TestDatabase.H2.fresh().incidents();

    assertThatThrownBy(() -> store.intakeAll(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("openings");
    assertThat(store.count()).isZero();
  }
}
