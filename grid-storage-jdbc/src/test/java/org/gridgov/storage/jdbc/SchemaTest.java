package org.gridgov.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.tck.fixtures.Events.T0;
import static org.gridgov.tck.fixtures.Events.at;
import static org.gridgov.tck.fixtures.IncidentBuilder.anIncident;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.ExternalRef;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.incident.Timer;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.spi.StorageCapability;
import org.gridgov.core.spi.StorageException;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.storage.jdbc.dialect.Dialects;
import org.gridgov.storage.jdbc.json.PolicyCodec;
import org.gridgov.tck.fixtures.Directories;
import org.gridgov.tck.fixtures.Events;
import org.gridgov.tck.fixtures.EveryEventType;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Flyway migrations: idempotent, upgrading older schemas (rows written as the older versions' code
 * wrote them), validated on request.
 */
class SchemaTest {

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void validate_noTablesAtAll_saysToMigrateAndCreatesNothing(TestDatabase database) {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    try {
      // before the fix: "could not be validated", caused by "Migrations have failed validation"
      assertThatThrownBy(
              () ->
                  JdbcGridStorage.builder(database.pool())
                      .tablePrefix(prefix)
                      .schemaMode(SchemaMode.VALIDATE)
                      .build())
          .isInstanceOf(StorageException.class)
          .hasMessageStartingWith(
              "SchemaMode.VALIDATE found none of gridgov's tables (prefix '" + prefix + "'")
          .hasMessageContaining("SchemaMode.MIGRATE");
      JdbcGridStorage created =
          JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).build();
      assertThat(created.incidents().count())
          .as("the refused build left nothing in the way")
          .isZero();
    } finally {
      database.dropTables(prefix);
    }
  }

  /**
   * The tables and their history go, so the next storage migrates afresh. Before {@link
   * JdbcGridStorage#dropTables}, the simulator named each table unquoted: H2 folds such a name to
   * upper case while Flyway writes its history table's in lower case, so the history stayed, and
   * the next run on that database found its migrations applied and no tables.
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void dropTables_theDataAndTheHistory_theNextStorageStartsEmpty_otherPrefixesKept(
      TestDatabase database) {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    String other = TestDatabase.newPrefix();
    try {
      JdbcGridStorage dropped =
          JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).build();
      dropped.incidents().intake(anIncident().withId("d1").build());
      JdbcGridStorage kept = JdbcGridStorage.builder(database.pool()).tablePrefix(other).build();
      kept.incidents().intake(anIncident().withId("k1").build());

      dropped.dropTables();

      assertThatThrownBy(
              () ->
                  JdbcGridStorage.builder(database.pool())
                      .tablePrefix(prefix)
                      .schemaMode(SchemaMode.VALIDATE)
                      .build())
          .as("neither the tables nor the history left")
          .hasMessageStartingWith("SchemaMode.VALIDATE found none of gridgov's tables");
      JdbcGridStorage again = JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).build();
      assertThat(again.incidents().count()).as("migrated afresh").isZero();
      assertThat(kept.incidents().find(IncidentId.of("k1"))).as("another prefix's").isPresent();
      again.dropTables();
      again.dropTables(); // nothing left to drop: passed over
      assertThatThrownBy(
              () ->
                  JdbcGridStorage.builder(database.pool())
                      .tablePrefix(prefix)
                      .schemaMode(SchemaMode.VALIDATE)
                      .build())
          .hasMessageStartingWith("SchemaMode.VALIDATE found none of gridgov's tables");
    } finally {
      database.dropTables(prefix);
      database.dropTables(other);
    }
  }

  /**
   * A pool handing out connections outside auto-commit: the drops are committed, or PostgreSQL,
   * whose DDL is transactional, would roll them back when the connection goes back to the pool.
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void dropTables_poolWithoutAutoCommit_dropsCommitted(TestDatabase database) {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(database.url);
    config.setUsername(database.user());
    config.setPassword(database.password);
    config.setMaximumPoolSize(2);
    config.setAutoCommit(false);
    try (HikariDataSource manual = new HikariDataSource(config)) {
      JdbcGridStorage storage = JdbcGridStorage.builder(manual).tablePrefix(prefix).build();
      storage.incidents().intake(anIncident().withId("a1").build());

      storage.dropTables();

      assertThatThrownBy(
              () ->
                  JdbcGridStorage.builder(database.pool())
                      .tablePrefix(prefix)
                      .schemaMode(SchemaMode.VALIDATE)
                      .build())
          .hasMessageStartingWith("SchemaMode.VALIDATE found none of gridgov's tables");
    } finally {
      database.dropTables(prefix);
    }
  }

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
      assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("8");
      assertThat(first.incidents().count()).isEqualTo(1);
    } finally {
      database.dropTables(prefix);
    }
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void migrateOrValidate_tablesTheOperatorCreatedForModeNone_refusedSayingWhatToDo_nothingChanged(
      TestDatabase database) throws Exception {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    try {
      Tables tables = new Tables(prefix, Dialects.detect(database.pool()));
      runShippedSql(database, tables);
      JdbcGridStorage none =
          JdbcGridStorage.builder(database.pool())
              .tablePrefix(prefix)
              .schemaMode(SchemaMode.NONE)
              .build();
      none.incidents().intake(anIncident().withId("op1").registered(Duration.ofHours(1)).build());

      for (SchemaMode mode : List.of(SchemaMode.MIGRATE, SchemaMode.VALIDATE)) {
        assertThatThrownBy(
                () ->
                    JdbcGridStorage.builder(database.pool())
                        .tablePrefix(prefix)
                        .schemaMode(mode)
                        .build())
            .as(mode.name())
            .isInstanceOf(StorageException.class)
            .hasMessageStartingWith("SchemaMode." + mode + " found gridgov's table")
            .hasMessageContaining("no migration history table " + tables.history())
            .hasMessageContaining("keep SchemaMode.NONE")
            .hasMessageContaining("baseline " + tables.history());
      }
      Flyway flyway = Schema.flyway(database.pool(), tables);
      assertThat(flyway.info().applied()).as("no history written").isEmpty();
      assertThat(none.incidents().history(IncidentId.of("op1"))).hasSize(2);

      // the way out the message gives: baseline at the last script applied, then migrate
      Flyway.configure()
          .configuration(flyway.getConfiguration())
          .baselineVersion("8")
          .load()
          .baseline();
      JdbcGridStorage migrated =
          JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).build();
      assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("8");
      assertThat(migrated.incidents().find(IncidentId.of("op1")).orElseThrow().version())
          .isEqualTo(2);
      JdbcGridStorage.builder(database.pool())
          .tablePrefix(prefix)
          .schemaMode(SchemaMode.VALIDATE)
          .build();
    } finally {
      database.dropTables(prefix);
    }
  }

  /** Creates the tables as an operator does for SchemaMode.NONE: the shipped SQL scripts, run. */
  private static void runShippedSql(TestDatabase database, Tables tables) throws Exception {
    List<String> scripts =
        List.of(
            "V1__event_store.sql",
            "V2__directory_policies_counters.sql",
            "V3__policy_heads.sql",
            "V4__incident_alive_until.sql",
            "V6__incident_alive_version.sql",
            "V8__incident_rejected.sql");
    try (Connection c = database.pool().getConnection();
        java.sql.Statement statement = c.createStatement()) {
      for (String script : scripts) {
        String sql;
        try (var in =
            SchemaTest.class.getResourceAsStream(
                "/org/gridgov/storage/jdbc/migration/" + tables.dialect().name() + "/" + script)) {
          sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String code =
            sql.lines()
                .filter(line -> !line.strip().startsWith("--"))
                .collect(java.util.stream.Collectors.joining("\n"))
                .replace("${prefix}", tables.prefix());
        for (String one : code.split(";")) {
          if (!one.isBlank()) {
            statement.execute(one);
          }
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void open_databaseAtVersionOne_upgradedAndOldRowsStillLoad(TestDatabase database)
      throws SQLException {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    try {
      Tables tables = new Tables(prefix, Dialects.detect(database.pool()));
      migrateTo(database, tables, "1");
      List<IncidentEvent> history = EveryEventType.handledLoop();
      storeAsBeforeVersionFour(database, tables, history);
      assertThatThrownBy(
              () ->
                  JdbcGridStorage.builder(database.pool())
                      .tablePrefix(prefix)
                      .schemaMode(SchemaMode.VALIDATE)
                      .build())
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("could not be validated");

      JdbcGridStorage upgraded =
          JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).build();

      assertThat(upgraded.incidents().history(history.get(0).incident())).isEqualTo(history);
      assertThat(upgraded.incidents().historiesAliveBetween(at(80), at(90), null, 10))
          .containsExactly(history);
      assertThat(upgraded.directory().save(Directories.jingfang(), 0)).isEqualTo(1);
      assertThat(upgraded.counters().increment("after-upgrade")).isEqualTo(1);
      JdbcGridStorage.builder(database.pool())
          .tablePrefix(prefix)
          .schemaMode(SchemaMode.VALIDATE)
          .build();
    } finally {
      database.dropTables(prefix);
    }
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void open_databaseAtVersionTwo_policyHeadsFilledFromTheStoredVersions(TestDatabase database)
      throws SQLException {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    try {
      Tables tables = new Tables(prefix, Dialects.detect(database.pool()));
      migrateTo(database, tables, "2");
      PolicySet v1 = Presets.kaixuan();
      PolicySet v2 =
          new PolicySet(
              v1.id(),
              2,
              v1.effectiveFrom().plusSeconds(86_400),
              v1.zone(),
              v1.source(),
              v1.dispatch(),
              v1.returns(),
              v1.verification(),
              v1.escalation(),
              v1.targets(),
              v1.pay());
      try (Connection c = database.pool().getConnection();
          PreparedStatement insert = c.prepareStatement(tables.render(PolicySql.INSERT))) {
        for (PolicySet version : List.of(v1, v2)) {
          insert.setString(1, version.id());
          insert.setInt(2, version.version());
          insert.setString(3, PolicyCodec.write(version));
          insert.executeUpdate();
        }
      }

      JdbcGridStorage upgraded =
          JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).build();

      assertThat(upgraded.policies().ids()).containsExactly("kaixuan");
      assertThatThrownBy(
              () ->
                  upgraded
                      .policies()
                      .save(
                          new PolicySet(
                              v1.id(),
                              3,
                              v1.effectiveFrom().plusSeconds(3_600),
                              v1.zone(),
                              v1.source(),
                              v1.dispatch(),
                              v1.returns(),
                              v1.verification(),
                              v1.escalation(),
                              v1.targets(),
                              v1.pay())))
          .isInstanceOf(InvalidInputException.class);
      assertThat(upgraded.policies().timeline("kaixuan").orElseThrow().versions())
          .containsExactly(v1, v2);
    } finally {
      database.dropTables(prefix);
    }
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void open_databaseAtVersionThree_aliveUntilFilledFromTheHistories_aliveQueryAnswers(
      TestDatabase database) throws SQLException {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    try {
      Tables tables = new Tables(prefix, Dialects.detect(database.pool()));
      migrateTo(database, tables, "3");
      List<IncidentEvent> later =
          anIncident().withId("later").reportedAt(at(100)).registered(Duration.ofHours(24)).build();
      // alive until: every-a 200 h (a deadline extended to it, answered at 76 h; its last event
      // at 82 h), every-b 75 h (a deadline set at 3 h; last event at 6 h), every-c 2 h (its last
      // event), every-d 282 h (reported at 202 h; reopened at 210 h, due 72 h later), later
      // 100 h: only migration 5's replay of the payloads knows every-a, every-b and every-d
      for (List<IncidentEvent> history : EveryEventType.histories()) {
        storeAsBeforeVersionFour(database, tables, history);
      }
      storeAsBeforeVersionFour(database, tables, later);

      JdbcGridStorage upgraded =
          JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).build();
      IncidentStore store = upgraded.incidents();

      assertThat(aliveIds(store, at(200), at(201))).containsExactly("every-a");
      assertThat(aliveIds(store, at(200).plusNanos(1_000), at(201))).isEmpty();
      assertThat(aliveIds(store, at(75), at(76))).containsExactly("every-a", "every-b");
      assertThat(aliveIds(store, at(75).plusNanos(1_000), at(76))).containsExactly("every-a");
      assertThat(aliveIds(store, at(2), at(3))).containsExactly("every-a", "every-b", "every-c");
      assertThat(aliveIds(store, at(2).plusNanos(1_000), at(3)))
          .containsExactly("every-a", "every-b");
      assertThat(aliveIds(store, at(90), at(101))).containsExactly("every-a", "later");
      List<List<IncidentEvent>> all = new ArrayList<>(EveryEventType.histories());
      all.add(later);
      assertThat(store.historiesAliveBetween(T0, at(300), null, 10)).containsExactlyElementsOf(all);

      store.append(IncidentId.of("later"), 2, List.of(Events.assigned("later", 120, Events.WANG)));
      assertThat(aliveIds(store, at(192), at(193)))
          .as("its new deadline, 120 + 72 h")
          .containsExactly("every-a", "later");
      storeAsBeforeVersionFour(database, tables, anIncident().withId("old-node").build());
      assertThat(aliveIds(store, at(300), at(301)))
          .as("a row a node of an older release writes has no alive_until: alive in every period")
          .containsExactly("old-node");
      assertThat(store.count()).isEqualTo(6);
      JdbcGridStorage.builder(database.pool())
          .tablePrefix(prefix)
          .schemaMode(SchemaMode.VALIDATE)
          .build();
    } finally {
      database.dropTables(prefix);
    }
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void aliveQuery_incidentAppendedToByANodeOfAnOlderRelease_stillFoundWhereItChanged(
      TestDatabase database) throws SQLException {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    try {
      JdbcGridStorage upgraded =
          JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).build();
      IncidentStore store = upgraded.incidents();
      List<IncidentEvent> opening =
          anIncident().withId("shared").reportedAt(at(0)).registered(Duration.ofHours(1)).build();
      store.intake(opening); // alive until 0 h, for version 2, written by this release

      // a node still on an older release appends at 55 h, not knowing alive_until
      appendAsBeforeVersionFour(
          database,
          new Tables(prefix, upgraded.dialect()),
          opening,
          Events.supervised("shared", 55, "pending"));

      assertThat(store.history(IncidentId.of("shared"))).hasSize(opening.size() + 1);
      assertThat(aliveIds(store, at(50), at(60)))
          .as("its event at 55 h lies in [50 h, 60 h)")
          .containsExactly("shared");
    } finally {
      database.dropTables(prefix);
    }
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void open_databaseAtVersionFiveWithAStaleRow_aliveUntilRecomputedForItsVersion(
      TestDatabase database) throws SQLException {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    try {
      Tables tables = new Tables(prefix, Dialects.detect(database.pool()));
      migrateTo(database, tables, "3");
      List<IncidentEvent> opening =
          anIncident().withId("shared").reportedAt(at(0)).registered(Duration.ofHours(1)).build();
      storeAsBeforeVersionFour(database, tables, opening);
      migrateTo(database, tables, "5"); // alive until 0 h
      // after migration 5, a node of an older release appends at 55 h: alive_until stays at 0 h
      appendAsBeforeVersionFour(
          database, tables, opening, Events.supervised("shared", 55, "pending"));

      IncidentStore store =
          JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).build().incidents();

      assertThat(aliveIds(store, at(50), at(60))).containsExactly("shared");
      assertThat(aliveIds(store, at(55).plusNanos(1_000), at(60)))
          .as("migration 7 replayed it: alive until its last event, not in every period")
          .isEmpty();
    } finally {
      database.dropTables(prefix);
    }
  }

  /**
   * The backfill replays in Flyway's transaction: a history it cannot read (here an event of a
   * schema version no release wrote) fails the start, "could not be migrated", with no alive_until
   * half filled. PostgreSQL rolls the migration back with its history row, so the start after the
   * operator's repair of the event runs migration 5 again. H2 and MariaDB commit DDL as they go, so
   * Flyway keeps a failed migration 5 there, and refuses to migrate or validate until a Flyway
   * repair; each refusal names the failed migration and the repair.
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void open_backfillMeetsAnUnreadableHistory_refused_theStartAfterTheRepairMigrates(
      TestDatabase database) throws SQLException {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    try {
      Tables tables = new Tables(prefix, Dialects.detect(database.pool()));
      migrateTo(database, tables, "4");
      storeAsBeforeVersionFour(
          database,
          tables,
          anIncident().withId("a-fine").reportedAt(at(0)).registered(Duration.ofHours(1)).build());
      storeAsBeforeVersionFour(
          database,
          tables,
          anIncident()
              .withId("b-broken")
              .reportedAt(at(0))
              .registered(Duration.ofHours(1))
              .build());
      execute(
          database,
          tables,
          "UPDATE {event} SET schema_version = schema_version + 1000"
              + " WHERE incident_id = 'b-broken' AND version = 1");
      Flyway flyway = Schema.flyway(database.pool(), tables);
      boolean rolledBack = database == TestDatabase.POSTGRESQL;

      String refused = "history " + tables.history() + ") could not be migrated";
      String repair =
          "; the history records migration 5 (incident alive until from the histories) as failed:"
              + " once its cause is mended, JdbcGridStorage.Builder.repairSchemaHistory() takes"
              + " that record out and the next start runs the migration again";
      assertThatThrownBy(() -> JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).build())
          .isInstanceOf(StorageException.class)
          .hasMessageEndingWith(rolledBack ? refused : refused + repair)
          .hasRootCauseInstanceOf(org.gridgov.storage.jdbc.json.JsonFormatException.class);
      assertThat(flyway.info().applied())
          .extracting(m -> m.getVersion().getVersion() + " " + m.getState())
          .filteredOn(row -> !row.startsWith("0 ")) // baselined when the schema held other tables
          .as(rolledBack ? "migration 5 rolled back" : "a failed migration 5 recorded")
          .containsExactlyElementsOf(
              rolledBack
                  ? List.of("1 SUCCESS", "2 SUCCESS", "3 SUCCESS", "4 SUCCESS")
                  : List.of("1 SUCCESS", "2 SUCCESS", "3 SUCCESS", "4 SUCCESS", "5 FAILED"));

      execute(
          database,
          tables,
          "UPDATE {event} SET schema_version = schema_version - 1000"
              + " WHERE incident_id = 'b-broken' AND version = 1");
      if (!rolledBack) {
        assertThatThrownBy(
                () -> JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).build())
            .as("the failed migration 5 recorded")
            .isInstanceOf(StorageException.class)
            .hasMessageEndingWith(refused + repair);
        assertThatThrownBy(
                () ->
                    JdbcGridStorage.builder(database.pool())
                        .tablePrefix(prefix)
                        .schemaMode(SchemaMode.VALIDATE)
                        .build())
            .as("validating meets the same record")
            .isInstanceOf(StorageException.class)
            .hasMessageEndingWith(
                "history " + tables.history() + ") could not be validated" + repair);
        JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).repairSchemaHistory();
      }
      IncidentStore store =
          JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).build().incidents();

      assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("8");
      assertThat(aliveIds(store, T0, at(1))).containsExactly("a-fine", "b-broken");
      assertThat(aliveIds(store, T0.plusNanos(1_000), at(1)))
          .as("both replayed: alive until their registration at 0 h, not in every period")
          .isEmpty();
    } finally {
      database.dropTables(prefix);
    }
  }

  /** A repair of a history with no failed migration changes nothing; the storage still opens. */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void repairSchemaHistory_nothingFailed_historyAsItWas(TestDatabase database) {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    try {
      JdbcGridStorage storage =
          JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).build();
      Flyway flyway = Schema.flyway(database.pool(), new Tables(prefix, storage.dialect()));
      List<String> before =
          Arrays.stream(flyway.info().applied())
              .map(m -> m.getVersion().getVersion() + " " + m.getState() + " " + m.getChecksum())
              .toList();

      JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).repairSchemaHistory();

      assertThat(flyway.info().applied())
          .extracting(m -> m.getVersion().getVersion() + " " + m.getState() + " " + m.getChecksum())
          .containsExactlyElementsOf(before)
          .anySatisfy(row -> assertThat(row).startsWith("8 SUCCESS"));
      assertThat(
              JdbcGridStorage.builder(database.pool())
                  .tablePrefix(prefix)
                  .schemaMode(SchemaMode.VALIDATE)
                  .build()
                  .dialect()
                  .name())
          .as("validates after the repair")
          .isEqualTo(storage.dialect().name());
    } finally {
      database.dropTables(prefix);
    }
  }

  /** A database Flyway cannot reach: the failure names the dialect and the history table. */
  @Test
  void repairSchemaHistory_databaseUnreachable_refusedNamingTheHistory() {
    JdbcDataSource unreachable = new JdbcDataSource();
    unreachable.setURL("jdbc:h2:tcp://127.0.0.1:1/nowhere");

    assertThatThrownBy(
            () ->
                JdbcGridStorage.builder(unreachable)
                    .dialect(Dialects.forProduct("H2"))
                    .tablePrefix("city_")
                    .repairSchemaHistory())
        .isInstanceOf(StorageException.class)
        .hasMessage(
            "the gridgov schema history (h2, city_gridgov_schema_history) could not be repaired")
        .hasCauseInstanceOf(org.flywaydb.core.api.FlywayException.class);
  }

  /**
   * The backfills, whose replay changes with the domain code, record no checksum, as every release
   * did: a checksum would fail the validation of every database an earlier release migrated.
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void migrate_theJavaBackfills_recordedWithoutAChecksum(TestDatabase database) {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    try {
      JdbcGridStorage storage =
          JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).build();
      Flyway flyway = Schema.flyway(database.pool(), new Tables(prefix, storage.dialect()));

      assertThat(flyway.info().applied())
          .filteredOn(m -> List.of("5", "7").contains(m.getVersion().getVersion()))
          .hasSize(2)
          .allSatisfy(m -> assertThat(m.getChecksum()).as(m.getDescription()).isNull());
      assertThat(flyway.info().applied())
          .filteredOn(m -> m.getVersion().getVersion().equals("1"))
          .singleElement()
          .satisfies(m -> assertThat(m.getChecksum()).as("a SQL script's").isNotNull());
    } finally {
      database.dropTables(prefix);
    }
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void countReported_rowsThisReleaseWrote_answeredFromTheirRejectedColumn(TestDatabase database)
      throws SQLException {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    try {
      JdbcGridStorage storage =
          JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).build();
      Tables tables = new Tables(prefix, storage.dialect());
      IncidentStore store = storage.incidents();
      store.intake(List.of(Events.reported("kept", Events.GRID_A), Events.registered("kept", 24)));
      store.intake(List.of(Events.reported("dup", Events.GRID_A)));
      store.append(
          IncidentId.of("dup"),
          1,
          List.of(Events.rejectedAsDuplicate("dup", 1, "kept"), Events.archived("dup", 2)));
      store.intake(List.of(Events.reported("waiting", Events.GRID_A)));
      store.intake(
          List.of(
              Events.reported("refused", Events.GRID_A),
              Events.rejectedAsDuplicate("refused", 0, "kept")));

      assertThat(rejectedColumn(database, tables))
          .as("settled once registered or rejected")
          .containsExactly("dup=true", "kept=false", "refused=true", "waiting=null");
      assertThat(store.countReported(Events.GRID_A, T0, at(1))).isEqualTo(2);

      // a settled row is counted by its column, not its events: turned round, the count follows
      execute(database, tables, "UPDATE {incident} SET rejected = FALSE WHERE id = 'dup'");
      execute(database, tables, "UPDATE {incident} SET rejected = TRUE WHERE id = 'kept'");
      assertThat(store.countReported(Events.GRID_A, T0, at(1))).as("dup and waiting").isEqualTo(2);
      assertThat(store.countReported(Events.GRID_A, T0, Instant.MAX)).isEqualTo(2);
      execute(database, tables, "UPDATE {incident} SET rejected = FALSE WHERE id = 'refused'");
      assertThat(store.countReported(Events.GRID_A, T0, at(1))).isEqualTo(3);

      store.append(IncidentId.of("waiting"), 1, List.of(Events.registered("waiting", 24)));
      assertThat(rejectedColumn(database, tables)).contains("waiting=false");
    } finally {
      database.dropTables(prefix);
    }
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void countReported_reportsSettledByNodesOfEarlierReleases_answeredFromTheirStageAndEvents(
      TestDatabase database) throws SQLException {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    try {
      JdbcGridStorage storage =
          JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).build();
      Tables tables = new Tables(prefix, storage.dialect());
      IncidentStore store = storage.incidents();
      List<IncidentEvent> ours = List.of(Events.reported("ours-rejected", Events.GRID_A));
      store.intake(ours);
      List<IncidentEvent> registeredHere =
          List.of(Events.reported("ours-registered", Events.GRID_A));
      store.intake(registeredHere);
      List<IncidentEvent> older = List.of(Events.reported("older-node", Events.GRID_A));
      store.intake(older);

      // a node of the release before schema version 8 writes alive_version = version but not
      // rejected: it rejects and archives a report this release took in, registers another,
      // and takes in two of its own
      IncidentEvent rejection = Events.rejectedAsDuplicate("ours-rejected", 1, "theirs-waiting");
      appendAsBeforeVersionEight(database, tables, ours, rejection);
      appendAsBeforeVersionEight(
          database, tables, List.of(ours.get(0), rejection), Events.archived("ours-rejected", 2));
      appendAsBeforeVersionEight(
          database, tables, registeredHere, Events.registered("ours-registered", 24));
      storeAsBeforeVersionEight(
          database,
          tables,
          List.of(
              Events.reported("theirs-rejected", Events.GRID_A),
              Events.rejectedAsDuplicate("theirs-rejected", 0, "theirs-waiting")));
      storeAsBeforeVersionEight(
          database, tables, List.of(Events.reported("theirs-waiting", Events.GRID_A)));
      // one of a release before schema version 6 leaves alive_version behind as well
      IncidentEvent olderRejection = Events.rejectedAsDuplicate("older-node", 1, "theirs-waiting");
      appendAsBeforeVersionFour(database, tables, older, olderRejection);
      appendAsBeforeVersionFour(
          database,
          tables,
          List.of(older.get(0), olderRejection),
          Events.archived("older-node", 2));

      assertThat(rejectedColumn(database, tables))
          .as("none settled by this release")
          .allMatch(row -> row.endsWith("=null"));
      assertThat(store.find(IncidentId.of("ours-rejected")).orElseThrow().stage())
          .isEqualTo(Stage.ARCHIVED);
      assertThat(store.countReported(Events.GRID_A, T0, at(1)))
          .as("ours-registered and theirs-waiting")
          .isEqualTo(2);
      assertThat(store.countReported(Events.GRID_A, Instant.MIN, Instant.MAX)).isEqualTo(2);

      // this release appending settles the column again, whoever wrote before
      store.append(
          IncidentId.of("ours-registered"),
          2,
          List.of(Events.assigned("ours-registered", 2, Events.WANG)));
      assertThat(rejectedColumn(database, tables)).contains("ours-registered=false");
      assertThat(store.countReported(Events.GRID_A, T0, at(1))).isEqualTo(2);
    } finally {
      database.dropTables(prefix);
    }
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void open_databaseAtVersionSeven_rejectedFilledFromTheEvents(TestDatabase database)
      throws SQLException {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    try {
      Tables tables = new Tables(prefix, Dialects.detect(database.pool()));
      migrateTo(database, tables, "7");
      // every-a closed and archived, every-b in work, every-c rejected and archived, every-d
      // suspended, resumed, closed, reopened, closed again and archived
      for (List<IncidentEvent> history : EveryEventType.histories()) {
        storeAsBeforeVersionEight(database, tables, history);
      }
      storeAsBeforeVersionEight(
          database, tables, List.of(Events.reported("waiting", Events.GRID_A)));

      IncidentStore store =
          JdbcGridStorage.builder(database.pool()).tablePrefix(prefix).build().incidents();

      assertThat(rejectedColumn(database, tables))
          .containsExactly(
              "every-a=false", "every-b=false", "every-c=true", "every-d=false", "waiting=null");
      AreaCode district = AreaCode.parse("330102");
      assertThat(store.countReported(district, Instant.MIN, Instant.MAX)).isEqualTo(4);
      assertThat(store.countReported(district, T0, at(1))).as("every-d came later").isEqualTo(3);
      JdbcGridStorage.builder(database.pool())
          .tablePrefix(prefix)
          .schemaMode(SchemaMode.VALIDATE)
          .build();
    } finally {
      database.dropTables(prefix);
    }
  }

  /** Each row's id and {@code rejected} column ("id=true", "=false" or "=null"), by id. */
  private static List<String> rejectedColumn(TestDatabase database, Tables tables)
      throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = database.pool().getConnection();
        PreparedStatement select =
            c.prepareStatement(tables.render("SELECT id, rejected FROM {incident} ORDER BY id"));
        ResultSet result = select.executeQuery()) {
      while (result.next()) {
        String id = result.getString("id");
        boolean rejected = result.getBoolean("rejected");
        rows.add(id + "=" + (result.wasNull() ? "null" : rejected));
      }
    }
    return rows;
  }

  private static void execute(TestDatabase database, Tables tables, String sql)
      throws SQLException {
    try (Connection c = database.pool().getConnection();
        PreparedStatement statement = c.prepareStatement(tables.render(sql))) {
      assertThat(statement.executeUpdate()).as(sql).isEqualTo(1);
    }
  }

  /** The projection row as versions 6 and 7 of the schema wrote it, without rejected. */
  private static final String INSERT_BEFORE_VERSION_EIGHT =
      """
      INSERT INTO {incident} (id, version, stage, grid, assignee, is_open, next_timer_at,
                              external_system, external_id, reported_at, alive_until,
                              alive_version)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

  /** The projection update as versions 6 and 7 of the schema wrote it, without rejected. */
  private static final String UPDATE_BEFORE_VERSION_EIGHT =
      """
      UPDATE {incident}
         SET version = ?, stage = ?, assignee = ?, is_open = ?, next_timer_at = ?,
             alive_until = ?, alive_version = ?, lease_owner = NULL, lease_until = NULL
       WHERE id = ? AND version = ?""";

  /** Stores {@code history} as a node of schema version 6 or 7 did: its row, then its events. */
  private static void storeAsBeforeVersionEight(
      TestDatabase database, Tables tables, List<IncidentEvent> history) throws SQLException {
    storeAsOlderRelease(database, tables, INSERT_BEFORE_VERSION_EIGHT, true, history);
  }

  /** The projection update as versions 1 to 3 of the schema wrote it, without alive_until. */
  private static final String UPDATE_BEFORE_VERSION_FOUR =
      """
      UPDATE {incident}
         SET version = ?, stage = ?, assignee = ?, is_open = ?, next_timer_at = ?,
             lease_owner = NULL, lease_until = NULL
       WHERE id = ? AND version = ?""";

  /** Appends {@code next} to {@code history} as a node of schema version 6 or 7 did. */
  private static void appendAsBeforeVersionEight(
      TestDatabase database, Tables tables, List<IncidentEvent> history, IncidentEvent next)
      throws SQLException {
    appendAsOlderRelease(database, tables, UPDATE_BEFORE_VERSION_EIGHT, true, history, next);
  }

  /** Appends {@code next} to {@code history} as a node of schema version 1 to 3 did. */
  private static void appendAsBeforeVersionFour(
      TestDatabase database, Tables tables, List<IncidentEvent> history, IncidentEvent next)
      throws SQLException {
    appendAsOlderRelease(database, tables, UPDATE_BEFORE_VERSION_FOUR, false, history, next);
  }

  /**
   * Appends {@code next} to {@code history} with an older release's projection {@code update}: its
   * events, then the row, with alive_until and alive_version when {@code writesAlive}.
   */
  private static void appendAsOlderRelease(
      TestDatabase database,
      Tables tables,
      String update,
      boolean writesAlive,
      List<IncidentEvent> history,
      IncidentEvent next)
      throws SQLException {
    Incident after = Incident.replay(history).apply(next);
    EventRows events = new EventRows(tables);
    try (Connection c = database.pool().getConnection();
        PreparedStatement row = c.prepareStatement(tables.render(update));
        PreparedStatement eventBatch = events.prepareInsert(c)) {
      events.addBatch(eventBatch, history.size() + 1, List.of(next));
      eventBatch.executeBatch();
      row.setLong(1, after.version());
      row.setString(2, after.stage().name());
      row.setString(3, after.assignee().map(WorkerId::value).orElse(null));
      row.setBoolean(4, after.isOpen());
      new IncidentRows(tables).setInstant(row, 5, after.nextTimer().map(Timer::dueAt).orElse(null));
      int index = 5;
      if (writesAlive) {
        tables.dialect().setInstant(row, ++index, after.aliveUntil());
        row.setLong(++index, after.version());
      }
      row.setString(++index, after.id().value());
      row.setLong(++index, history.size());
      assertThat(row.executeUpdate()).isEqualTo(1);
    }
  }

  /** Migrates to schema version {@code target} only, as an older release left the database. */
  private static void migrateTo(TestDatabase database, Tables tables, String target) {
    Flyway.configure()
        .configuration(Schema.flyway(database.pool(), tables).getConfiguration())
        .target(target)
        .load()
        .migrate();
  }

  private static List<String> aliveIds(IncidentStore store, Instant from, Instant to) {
    return store.historiesAliveBetween(from, to, null, 10).stream()
        .map(history -> history.get(0).incident().value())
        .toList();
  }

  /** The projection row as versions 1 to 3 of the schema wrote it, without alive_until. */
  private static final String INSERT_BEFORE_VERSION_FOUR =
      """
      INSERT INTO {incident} (id, version, stage, grid, assignee, is_open, next_timer_at,
                              external_system, external_id, reported_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

  /** Stores {@code history} as a node of schema version 1 to 3 did: its row, then its events. */
  private static void storeAsBeforeVersionFour(
      TestDatabase database, Tables tables, List<IncidentEvent> history) throws SQLException {
    storeAsOlderRelease(database, tables, INSERT_BEFORE_VERSION_FOUR, false, history);
  }

  /**
   * Stores {@code history} with an older release's projection {@code insert}: its row, with
   * alive_until and alive_version when {@code writesAlive}, then its events.
   */
  private static void storeAsOlderRelease(
      TestDatabase database,
      Tables tables,
      String insert,
      boolean writesAlive,
      List<IncidentEvent> history)
      throws SQLException {
    Incident incident = Incident.replay(history);
    EventRows events = new EventRows(tables);
    try (Connection c = database.pool().getConnection();
        PreparedStatement row = c.prepareStatement(tables.render(insert));
        PreparedStatement eventBatch = events.prepareInsert(c)) {
      row.setString(1, incident.id().value());
      row.setLong(2, incident.version());
      row.setString(3, incident.stage().name());
      row.setString(4, incident.grid().value());
      row.setString(5, incident.assignee().map(WorkerId::value).orElse(null));
      row.setBoolean(6, incident.isOpen());
      new IncidentRows(tables)
          .setInstant(row, 7, incident.nextTimer().map(Timer::dueAt).orElse(null));
      row.setString(8, incident.external().map(ExternalRef::system).orElse(null));
      row.setString(9, incident.external().map(ExternalRef::id).orElse(null));
      tables.dialect().setInstant(row, 10, incident.reportedAt());
      if (writesAlive) {
        tables.dialect().setInstant(row, 11, incident.aliveUntil());
        row.setLong(12, incident.version());
      }
      row.executeUpdate();
      events.addBatch(eventBatch, 1, history);
      eventBatch.executeBatch();
    }
  }

  private static javax.sql.DataSource h2(String name) {
    org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    return dataSource;
  }

  @Test
  void hostFlywayWithItsDefaults_findsNoneOfOurMigrations() {
    var host = Flyway.configure().dataSource(h2("host-app")).load();

    assertThat(host.info().all()).isEmpty();
    assertThat(host.migrate().migrationsExecuted).isZero();
  }

  @Test
  void databaseMigratedFromTheEarlierFolder_upgradesAndValidates(@TempDir Path old)
      throws Exception {
    for (String script :
        List.of(
            "V1__event_store.sql", "V2__directory_policies_counters.sql", "V3__policy_heads.sql")) {
      try (var in =
          SchemaTest.class.getResourceAsStream(
              "/org/gridgov/storage/jdbc/migration/h2/" + script)) {
        java.nio.file.Files.copy(in, old.resolve(script));
      }
    }
    var dataSource = h2("moved-migrations");
    Tables tables = new Tables("", Dialects.detect(dataSource));
    Flyway.configure()
        .configuration(Schema.flyway(dataSource, tables).getConfiguration())
        .locations("filesystem:" + old)
        .javaMigrations()
        .load()
        .migrate(); // V1-V3 only

    JdbcGridStorage.builder(dataSource).build(); // validates V1-V3's checksums, then adds V4-V5
    JdbcGridStorage.builder(dataSource).schemaMode(SchemaMode.VALIDATE).build();
  }

  /**
   * A history Flyway refuses is reported as the gridgov schema's, naming the database, the history
   * table and what could not be done: migrated (a script changed since it was applied) or validated
   * (scripts still pending).
   */
  @Test
  void migrateOrValidate_historyFlywayRefuses_failureNamesTheHistoryAndWhatFailed(@TempDir Path old)
      throws Exception {
    var pending = h2("validate-pending");
    Tables tables = new Tables("", Dialects.detect(pending));
    Flyway.configure()
        .configuration(Schema.flyway(pending, tables).getConfiguration())
        .target("3")
        .load()
        .migrate();

    assertThatThrownBy(
            () -> JdbcGridStorage.builder(pending).schemaMode(SchemaMode.VALIDATE).build())
        .isInstanceOf(StorageException.class)
        .hasMessage(
            "the gridgov schema (h2, history gridgov_schema_history) could not be" + " validated")
        .hasCauseInstanceOf(org.flywaydb.core.api.FlywayException.class);

    try (var in =
        SchemaTest.class.getResourceAsStream(
            "/org/gridgov/storage/jdbc/migration/h2/V1__event_store.sql")) {
      java.nio.file.Files.write(
          old.resolve("V1__event_store.sql"),
          (new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                  + "\n-- edited after it was applied\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    var edited = h2("migrate-edited");
    Flyway.configure()
        .configuration(Schema.flyway(edited, tables).getConfiguration())
        .locations("filesystem:" + old)
        .javaMigrations()
        .load()
        .migrate(); // V1 as edited
    assertThatThrownBy(() -> JdbcGridStorage.builder(edited).build())
        .isInstanceOf(StorageException.class)
        .hasMessage(
            "the gridgov schema (h2, history gridgov_schema_history) could not be" + " migrated")
        .hasCauseInstanceOf(org.flywaydb.core.api.FlywayException.class);
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
  void h2ThroughATcpServer_durableOnlyForAFile(@TempDir Path dir) throws SQLException {
    Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
    try {
      String base = "jdbc:h2:tcp://localhost:" + server.getPort() + "/";
      JdbcDataSource memory = new JdbcDataSource();
      memory.setURL(base + "mem:gridgov_tcp_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
      JdbcDataSource file = new JdbcDataSource();
      file.setURL(base + dir.resolve("gridgov").toAbsolutePath());

      assertThat(JdbcGridStorage.create(memory).capabilities())
          .as("a memory database behind an H2 server is gone when the server stops")
          .doesNotContain(StorageCapability.DURABLE);
      assertThat(JdbcGridStorage.create(file).capabilities()).contains(StorageCapability.DURABLE);
    } finally {
      server.stop();
    }
  }

  @Test
  void tablePrefix_invalid_refused() {
    assertThatThrownBy(() -> JdbcGridStorage.builder(TestDatabase.H2.pool()).tablePrefix("City-"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("JDBC storage");
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo("tablePrefix");
                        assertThat(v.rule()).isEqualTo("input.format");
                        assertThat(v.value()).isEqualTo("City-");
                      });
            });
  }
}
