package org.gridgov.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.THROWABLE;
import static org.gridgov.tck.fixtures.Events.supervised;
import static org.gridgov.tck.fixtures.IncidentBuilder.anIncident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.gridgov.core.incident.ExternalRef;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.spi.Append;
import org.gridgov.core.spi.DueTimer;
import org.gridgov.core.spi.OutcomeUnknownException;
import org.gridgov.core.spi.StaleVersionException;
import org.gridgov.core.spi.StorageException;
import org.gridgov.storage.jdbc.DroppingDataSource.HandedBack;
import org.gridgov.storage.jdbc.dialect.PostgresDialect;
import org.gridgov.tck.fixtures.Directories;
import org.gridgov.tck.fixtures.Events;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A connection lost in the middle of a write leaves nothing half-written; one lost at a commit is
 * an unknown outcome only for a write; one failing to close after a good commit does not report the
 * write as failed.
 */
class FaultTest {
  private static final IncidentId ID = IncidentId.of("f1");

  private static List<IncidentEvent> supervisions(int count) {
    List<IncidentEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(supervised("f1", 1, "check " + i));
    }
    return events;
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void append_connectionDroppedBetweenBatches_noPartialHistory(TestDatabase database)
      throws Exception {
    onFreshTables(
        database,
        (dropping, prefix) -> {
          JdbcGridStorage storage = JdbcGridStorage.builder(dropping).tablePrefix(prefix).build();
          storage
              .incidents()
              .intake(anIncident().withId("f1").registered(Duration.ofHours(1)).build());
          dropping.dropAtBatch(
              2); // the first 500 events are sent, the connection dies before the rest

          assertThatThrownBy(() -> storage.incidents().append(ID, 2, supervisions(1_200)))
              .isInstanceOf(StorageException.class)
              .hasMessageStartingWith("append to incident f1 failed")
              .hasCauseInstanceOf(java.sql.SQLException.class);

          JdbcGridStorage reopened =
              JdbcGridStorage.builder(database.pool())
                  .tablePrefix(prefix)
                  .schemaMode(SchemaMode.NONE)
                  .build();
          assertThat(reopened.incidents().history(ID)).hasSize(2);
          assertThat(reopened.incidents().find(ID).orElseThrow().version()).isEqualTo(2);
          assertThat(reopened.incidents().append(ID, 2, supervisions(3)).version()).isEqualTo(5);
        });
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void intakeAll_connectionDroppedBeforeTheEvents_nothingStored(TestDatabase database)
      throws Exception {
    onFreshTables(
        database,
        (dropping, prefix) -> {
          JdbcGridStorage storage = JdbcGridStorage.builder(dropping).tablePrefix(prefix).build();
          List<List<IncidentEvent>> openings = new ArrayList<>();
          for (int i = 0; i < 300; i++) {
            openings.add(anIncident().withId("b" + i).fromTicket("12345", "T-" + i).build());
          }
          dropping.dropAtBatch(2); // incident rows sent, the connection dies before their events

          assertThatThrownBy(() -> storage.incidents().intakeAll(openings))
              .isInstanceOf(StorageException.class);

          JdbcGridStorage reopened =
              JdbcGridStorage.builder(database.pool())
                  .tablePrefix(prefix)
                  .schemaMode(SchemaMode.NONE)
                  .build();
          assertThat(reopened.incidents().count()).isZero();
          assertThat(reopened.incidents().intakeAll(openings)).allMatch(r -> r.created());
          assertThat(reopened.incidents().count()).isEqualTo(300);
        });
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void appendAll_connectionLostAtTheCommit_callerToldAsByAppend_retryAppendsNothingTwice(
      TestDatabase database) throws Exception {
    onFreshTables(
        database,
        (dropping, prefix) -> {
          JdbcGridStorage storage = JdbcGridStorage.builder(dropping).tablePrefix(prefix).build();
          List<Append> batch = new ArrayList<>();
          for (String id : List.of("c1", "c2", "c3")) {
            storage
                .incidents()
                .intake(anIncident().withId(id).registered(Duration.ofHours(1)).build());
            batch.add(Append.of(IncidentId.of(id), 2, List.of(supervised(id, 1, "timer"))));
          }
          dropping.dropAfterNextCommit(); // the batch is committed, its answer lost

          assertThatThrownBy(() -> storage.incidents().appendAll(batch))
              .as("the batch may be stored: not reported as three skipped incidents")
              .isInstanceOf(OutcomeUnknownException.class)
              .hasMessageStartingWith("append to 3 incidents failed at commit")
              .hasCauseInstanceOf(java.sql.SQLException.class);

          JdbcGridStorage reopened =
              JdbcGridStorage.builder(database.pool())
                  .tablePrefix(prefix)
                  .schemaMode(SchemaMode.NONE)
                  .incidentCacheSize(0)
                  .build();
          assertThat(reopened.incidents().appendAll(batch))
              .as("a retry finds them moved on")
              .isEmpty();
          for (String id : List.of("c1", "c2", "c3")) {
            assertThat(reopened.incidents().history(IncidentId.of(id))).as(id).hasSize(3);
          }
        });
  }

  /**
   * A save that read the latest revision before another node saved the next one is refused by the
   * primary key; the revision then read has moved on, so the caller is told it is stale (expected
   * and actual revisions), not of a storage failure, and the other node's directory stays.
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void directorySave_anotherNodeSavesBetweenTheReadAndTheInsert_staleNotAStorageFailure(
      TestDatabase database) throws Exception {
    onFreshTables(
        database,
        (dropping, prefix) -> {
          JdbcGridStorage storage = JdbcGridStorage.builder(dropping).tablePrefix(prefix).build();
          JdbcGridStorage other =
              JdbcGridStorage.builder(database.pool())
                  .tablePrefix(prefix)
                  .schemaMode(SchemaMode.NONE)
                  .build();
          assertThat(storage.directory().save(Directories.everyField(), 0)).isEqualTo(1);
          dropping.beforeNextUpdate(
              () -> assertThat(other.directory().save(Directories.everyField(), 1)).isEqualTo(2));

          assertThatThrownBy(() -> storage.directory().save(Directories.everyField(), 1))
              .isInstanceOfSatisfying(
                  StaleVersionException.class,
                  stale -> {
                    assertThat(stale.expectedVersion()).isEqualTo(1);
                    assertThat(stale.actualVersion()).isEqualTo(2);
                  });
          assertThat(storage.directory().revision()).isEqualTo(2);
        });
  }

  /**
   * H2 takes each candidate by a conditional update; one another node leased in between is lost,
   * and the next round asks only for what the limit leaves, so no more than the limit is taken.
   */
  @Test
  void claimDue_h2CandidateLeasedByAnotherNodeFirst_nextRoundTakesOnlyWhatTheLimitLeaves()
      throws Exception {
    onFreshTables(
        TestDatabase.H2,
        (dropping, prefix) -> {
          JdbcGridStorage storage = JdbcGridStorage.builder(dropping).tablePrefix(prefix).build();
          for (String id : List.of("q1", "q2", "q3", "q4")) {
            storage
                .incidents()
                .intake(anIncident().withId(id).registered(Duration.ofHours(1)).build());
          }
          JdbcGridStorage other =
              JdbcGridStorage.builder(TestDatabase.H2.pool())
                  .tablePrefix(prefix)
                  .schemaMode(SchemaMode.NONE)
                  .build();
          Instant now = Instant.parse("2030-01-01T00:00:00Z");
          Duration lease = Duration.ofMinutes(5);
          List<String> otherTook = new ArrayList<>();
          dropping.beforeNextUpdate(
              () ->
                  other
                      .incidents()
                      .claimDue(now, 1, "node-b", lease)
                      .forEach(d -> otherTook.add(d.incident().id().value())));

          List<DueTimer> mine = storage.incidents().claimDue(now, 2, "node-a", lease);

          assertThat(otherTook).as("node-b leased the first candidate first").containsExactly("q1");
          assertThat(mine)
              .as("q1 lost, q2 taken; the second round asks for one more")
              .extracting(d -> d.incident().id().value())
              .containsExactly("q2", "q3");
          assertThat(other.incidents().claimDue(now, 10, "node-c", lease))
              .extracting(d -> d.incident().id().value())
              .containsExactly("q4");
        });
  }

  /**
   * A batch lost before its commit is rolled back, so nothing of it is stored: it is appended again
   * one by one, each version-checked as in the batch, and the caller gets what was appended.
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void appendAll_connectionLostBeforeTheCommit_retriedOneByOne_staleOneStillSkipped(
      TestDatabase database) throws Exception {
    onFreshTables(
        database,
        (dropping, prefix) -> {
          JdbcGridStorage storage =
              JdbcGridStorage.builder(dropping).tablePrefix(prefix).incidentCacheSize(0).build();
          List<Append> batch = new ArrayList<>();
          for (String id : List.of("r1", "r2", "r3")) {
            storage
                .incidents()
                .intake(anIncident().withId(id).registered(Duration.ofHours(1)).build());
          }
          batch.add(Append.of(IncidentId.of("r1"), 2, List.of(supervised("r1", 1, "timer"))));
          batch.add(Append.of(IncidentId.of("r2"), 1, List.of(supervised("r2", 1, "stale"))));
          batch.add(Append.of(IncidentId.of("r3"), 2, List.of(supervised("r3", 1, "timer"))));
          dropping.dropAtBatch(1); // the batch's first statement batch: nothing committed

          assertThat(storage.incidents().appendAll(batch))
              .as("r1 and r3 appended one by one; r2, at version 2, skipped as in a batch")
              .extracting(i -> i.id().value() + "@" + i.version())
              .containsExactly("r1@3", "r3@3");
          assertThat(storage.incidents().history(IncidentId.of("r1"))).hasSize(3);
          assertThat(storage.incidents().history(IncidentId.of("r2"))).hasSize(2);
          assertThat(storage.incidents().history(IncidentId.of("r3"))).hasSize(3);
        });
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void appendAll_closeFailsAfterTheCommit_committedBatchReturned_notRetriedAsSkipped(
      TestDatabase database) throws Exception {
    onFreshTables(
        database,
        (dropping, prefix) -> {
          JdbcGridStorage storage =
              JdbcGridStorage.builder(dropping).tablePrefix(prefix).incidentCacheSize(0).build();
          List<Append> batch = new ArrayList<>();
          for (String id : List.of("d1", "d2", "d3")) {
            storage
                .incidents()
                .intake(anIncident().withId(id).registered(Duration.ofHours(1)).build());
            batch.add(Append.of(IncidentId.of(id), 2, List.of(supervised(id, 1, "timer"))));
          }
          dropping.failNextClose(); // the batch is committed, then its connection fails to close

          assertThat(storage.incidents().appendAll(batch))
              .as("the committed batch")
              .extracting(i -> i.id().value() + "@" + i.version())
              .containsExactly("d1@3", "d2@3", "d3@3");
          for (String id : List.of("d1", "d2", "d3")) {
            assertThat(storage.incidents().history(IncidentId.of(id))).as(id).hasSize(3);
          }
          dropping.failNextClose();
          IncidentId d1 = IncidentId.of("d1");
          assertThat(
                  storage
                      .incidents()
                      .append(d1, 3, List.of(supervised("d1", 1, "again")))
                      .version())
              .as("a single append, as committed")
              .isEqualTo(4);
          assertThat(storage.incidents().history(d1)).hasSize(4);
        });
  }

  /**
   * A read stores nothing, so a commit that fails after it is no unknown outcome: a caller told
   * {@link OutcomeUnknownException} keeps what it reserved for a write that may be stored (the
   * escalation quota slot, when the incident or the unit's reports cannot be read), and would keep
   * it for nothing. The ordinary {@link StorageException}, as for any other driver error.
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void reads_connectionLostAtTheCommit_ordinaryStorageFailure_notOutcomeUnknown(
      TestDatabase database) throws Exception {
    onFreshTables(
        database,
        (dropping, prefix) -> {
          JdbcGridStorage storage = JdbcGridStorage.builder(dropping).tablePrefix(prefix).build();
          storage
              .incidents()
              .intake(anIncident().withId("f1").registered(Duration.ofHours(1)).build());
          Instant from = Instant.parse("2020-01-01T00:00:00Z");
          Instant to = Instant.parse("2090-01-01T00:00:00Z");
          Map<String, ThrowingCallable> reads = new LinkedHashMap<>();
          reads.put("find", () -> storage.incidents().find(ID));
          reads.put("history", () -> storage.incidents().history(ID));
          reads.put(
              "findByExternal",
              () -> storage.incidents().findByExternal(ExternalRef.of("12345", "T-none")));
          reads.put("openInGrid", () -> storage.incidents().openInGrid(Events.GRID_A));
          reads.put("openAssignedTo", () -> storage.incidents().openAssignedTo(Events.WANG));
          reads.put("inStage", () -> storage.incidents().inStage(Stage.REGISTERED));
          reads.put("openCounts", () -> storage.incidents().openCounts(List.of(Events.WANG)));
          reads.put(
              "historiesAliveBetween",
              () -> storage.incidents().historiesAliveBetween(from, to, null, 10));
          reads.put(
              "countReported", () -> storage.incidents().countReported(Events.GRID_A, from, to));
          reads.put("count", () -> storage.incidents().count());
          reads.put("dueAt", () -> storage.incidents().dueAt(to, 10));
          reads.put("counters.get", () -> storage.counters().get("quota"));
          reads.put("directory.load", () -> storage.directory().load());
          reads.put("directory.revision", () -> storage.directory().revision());
          reads.put("policies.timeline", () -> storage.policies().timeline("none"));
          reads.put("policies.versionCount", () -> storage.policies().versionCount("none"));
          reads.put("policies.ids", () -> storage.policies().ids());
          for (Map.Entry<String, ThrowingCallable> read : reads.entrySet()) {
            dropping.dropAfterNextCommit(); // the read is done, the commit's answer lost

            assertThatThrownBy(read.getValue())
                .as(read.getKey())
                .isInstanceOf(StorageException.class)
                .isNotInstanceOf(OutcomeUnknownException.class)
                .hasMessageEndingWith(" failed (08006)")
                .hasCauseInstanceOf(SQLException.class);
          }
          assertThat(storage.incidents().history(ID)).as("the store reads on").hasSize(2);
        });
  }

  /**
   * Every write, not appends only, is reported as stored when its connection fails to close after
   * the commit: the pool discards the connection, and a caller told it failed would redo what is
   * stored (taking a second quota slot, say, or a duplicate-looking retry).
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void writes_closeFailsAfterTheCommit_reportedAsStored(TestDatabase database) throws Exception {
    onFreshTables(
        database,
        (dropping, prefix) -> {
          JdbcGridStorage storage =
              JdbcGridStorage.builder(dropping).tablePrefix(prefix).incidentCacheSize(0).build();
          dropping.failNextClose();
          assertThat(
                  storage
                      .incidents()
                      .intake(anIncident().withId("w1").registered(Duration.ofHours(1)).build())
                      .created())
              .as("intake")
              .isTrue();
          dropping.failNextClose();
          assertThat(
                  storage
                      .incidents()
                      .intakeAll(
                          List.of(
                              anIncident().withId("w2").registered(Duration.ofHours(1)).build())))
              .as("intakeAll")
              .allMatch(r -> r.created());
          // one transaction with SKIP LOCKED; H2 claims in two auto-commit steps, then reads them
          dropping.failNextCloses(storage.dialect().supportsSkipLocked() ? 1 : 3);
          List<DueTimer> claimed =
              storage
                  .incidents()
                  .claimDue(
                      Instant.parse("2090-01-01T00:00:00Z"), 10, "node-1", Duration.ofMinutes(5));
          assertThat(claimed)
              .as("claimDue")
              .extracting(d -> d.incident().id().value())
              .containsExactlyInAnyOrder("w1", "w2");
          dropping.failNextClose();
          storage.incidents().release(IncidentId.of("w1"), "node-1");
          dropping.failNextClose();
          assertThat(storage.directory().save(Directories.everyField(), 0))
              .as("directory")
              .isEqualTo(1);
          dropping.failNextClose();
          storage.policies().save(Presets.yangling());
          dropping.failNextCloses(2); // the counter's row is made first, on a connection of its own
          assertThat(storage.counters().increment("quota")).as("increment").isEqualTo(1);
          dropping.failNextCloses(2);
          assertThat(storage.counters().incrementIfBelow("quota", 5))
              .as("incrementIfBelow")
              .hasValue(2);
          dropping.failNextClose();
          assertThat(storage.counters().decrement("quota")).as("decrement").isEqualTo(1);

          JdbcGridStorage reopened =
              JdbcGridStorage.builder(database.pool())
                  .tablePrefix(prefix)
                  .schemaMode(SchemaMode.NONE)
                  .incidentCacheSize(0)
                  .build();
          assertThat(reopened.incidents().count()).isEqualTo(2);
          assertThat(
                  reopened
                      .incidents()
                      .claimDue(
                          Instant.parse("2090-01-01T00:00:00Z"),
                          10,
                          "node-2",
                          Duration.ofMinutes(5)))
              .as("w1 released, w2 still leased")
              .extracting(d -> d.incident().id().value())
              .containsExactly("w1");
          assertThat(reopened.directory().revision()).isEqualTo(1);
          assertThat(reopened.policies().ids()).containsExactly(Presets.yangling().id());
          assertThat(reopened.counters().get("quota")).isEqualTo(1);
        });
  }

  /**
   * The README: a connection that fails to close after its work committed is logged as a WARNING of
   * {@code org.gridgov.storage.jdbc.Jdbc}, naming the operation and the SQLSTATE, with the driver's
   * exception, while the caller gets the work's result.
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void closeFailsAfterTheCommit_loggedAsAWarning_namingTheOperationAndState(TestDatabase database)
      throws Exception {
    onFreshTables(
        database,
        (dropping, prefix) -> {
          JdbcGridStorage storage = JdbcGridStorage.builder(dropping).tablePrefix(prefix).build();
          List<LogRecord> logged = new CopyOnWriteArrayList<>();
          Handler handler =
              new Handler() {
                @Override
                public void publish(LogRecord record) {
                  logged.add(record);
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
              };
          Logger logger = Logger.getLogger("org.gridgov.storage.jdbc.Jdbc");
          logger.addHandler(handler);
          try {
            dropping.failNextClose();
            storage.policies().save(Presets.yangling());
          } finally {
            logger.removeHandler(handler);
          }

          assertThat(logged)
              .singleElement()
              .satisfies(
                  record -> {
                    assertThat(record.getLevel()).isEqualTo(Level.WARNING);
                    assertThat(record.getMessage())
                        .isEqualTo(
                            "saving policy "
                                + Presets.yangling().id()
                                + " done, but closing its connection failed (08006)");
                    assertThat(record.getThrown())
                        .isInstanceOf(SQLException.class)
                        .hasMessage("connection failure while closing");
                  });
          assertThat(storage.policies().ids())
              .as("saved all the same")
              .containsExactly(Presets.yangling().id());
        });
  }

  /**
   * Work that fails leaves nothing behind on a connection that survives it, whether the database
   * refused a statement (H2 and MariaDB keep the statements before it in the open transaction) or
   * the work threw after writing: the transaction is rolled back before the connection goes back in
   * auto-commit mode, which would otherwise commit what the work wrote.
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void inTransaction_workFailsAfterWriting_rolledBack_notVisibleToAnotherConnection(
      TestDatabase database) throws Exception {
    onFreshTables(
        database,
        (dropping, prefix) -> {
          JdbcGridStorage storage = JdbcGridStorage.builder(dropping).tablePrefix(prefix).build();
          Jdbc jdbc = new Jdbc(dropping, storage.dialect(), new Tables(prefix, storage.dialect()));
          String insert =
              "INSERT INTO "
                  + prefix
                  + "gridgov_counter (counter_key, counter_value)"
                  + " VALUES (?, 7)";

          assertThatThrownBy(
                  () ->
                      jdbc.inTransaction(
                          "writing a key twice",
                          c -> {
                            try (PreparedStatement s = c.prepareStatement(insert)) {
                              s.setString(1, "refused");
                              s.executeUpdate();
                              return s.executeUpdate(); // the primary key refuses it
                            }
                          }))
              .isInstanceOf(StorageException.class)
              .hasMessageStartingWith("writing a key twice failed (23");
          assertThatThrownBy(
                  () ->
                      jdbc.inTransaction(
                          "writing, then failing",
                          c -> {
                            try (PreparedStatement s = c.prepareStatement(insert)) {
                              s.setString(1, "thrown");
                              s.executeUpdate();
                            }
                            throw new IllegalStateException("the work failed after writing");
                          }))
              .hasMessage("the work failed after writing");

          JdbcGridStorage other =
              JdbcGridStorage.builder(database.pool())
                  .tablePrefix(prefix)
                  .schemaMode(SchemaMode.NONE)
                  .build();
          assertThat(other.counters().get("refused")).isZero();
          assertThat(other.counters().get("thrown")).isZero();
          assertThat(dropping.handedBack())
              .last()
              .extracting(HandedBack::autoCommit)
              .isEqualTo(true);
        });
  }

  /**
   * A connection lost in the middle of the work, which then fails to close too: the caller is told
   * of the work's failure, with the rollback's and the close's failures attached (nothing hides the
   * first cause, nothing is lost), and the connection is closed all the same, so that a pool counts
   * it as returned rather than leaking it.
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void append_connectionLostThenCloseFails_workFailureReported_othersAttached_connectionClosed(
      TestDatabase database) throws Exception {
    onFreshTables(
        database,
        (dropping, prefix) -> {
          JdbcGridStorage storage = JdbcGridStorage.builder(dropping).tablePrefix(prefix).build();
          storage
              .incidents()
              .intake(anIncident().withId("f1").registered(Duration.ofHours(1)).build());
          dropping.dropAtBatch(1);
          dropping.failNextClose();

          assertThatThrownBy(() -> storage.incidents().append(ID, 2, supervisions(3)))
              .isInstanceOf(StorageException.class)
              .hasMessageStartingWith("append to incident f1 failed")
              .satisfies(
                  failure -> {
                    assertThat(failure.getCause())
                        .as("the batch's failure")
                        .isInstanceOf(SQLException.class)
                        .satisfies(
                            cause ->
                                assertThat(cause.getSuppressed())
                                    .as("the rollback's")
                                    .singleElement()
                                    .isInstanceOf(SQLException.class));
                    assertThat(failure.getSuppressed())
                        .as("the close's")
                        .singleElement(THROWABLE)
                        .isInstanceOf(SQLException.class)
                        .hasMessage("connection failure while closing");
                  });
          assertThat(dropping.openConnections()).isZero();
        });
  }

  /**
   * A commit the database refuses answers for itself: it rolled back, so nothing is stored and the
   * caller gets the plain failure of a driver error, not an unknown outcome. A deferred constraint
   * (PostgreSQL's; a host owning the DDL may add one) fails at the commit with class 23.
   */
  @Test
  void inTransaction_commitRefusedByADeferredConstraint_plainFailure_nothingStored()
      throws Exception {
    TestDatabase database = TestDatabase.POSTGRESQL;
    onFreshTables(
        database,
        (dropping, prefix) -> {
          String table = prefix + "deferred";
          try (Connection c = database.pool().getConnection();
              Statement s = c.createStatement()) {
            s.execute(
                "CREATE TABLE "
                    + table
                    + " (id INT, CONSTRAINT "
                    + table
                    + "_uq UNIQUE (id)"
                    + " DEFERRABLE INITIALLY DEFERRED)");
          }
          try {
            Jdbc jdbc =
                new Jdbc(
                    dropping, new PostgresDialect(), new Tables(prefix, new PostgresDialect()));

            assertThatThrownBy(
                    () ->
                        jdbc.inTransaction(
                            "inserting one id twice",
                            c -> {
                              try (Statement s = c.createStatement()) {
                                return s.executeUpdate(
                                    "INSERT INTO " + table + " (id) VALUES (1), (1)");
                              }
                            }))
                .isInstanceOf(StorageException.class)
                .isNotInstanceOf(OutcomeUnknownException.class)
                .hasMessage("inserting one id twice failed (23505)");

            try (Connection c = database.pool().getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
              rows.next();
              assertThat(rows.getLong(1)).isZero();
            }
          } finally {
            try (Connection c = database.pool().getConnection();
                Statement s = c.createStatement()) {
              s.execute("DROP TABLE " + table);
            }
          }
        });
  }

  /** What a test does with a data source that fails on demand, under a table prefix of its own. */
  @FunctionalInterface
  private interface Faulty {
    void run(DroppingDataSource dropping, String prefix) throws Exception;
  }

  /** Runs {@code test} on fresh tables of {@code database}, dropping them afterwards. */
  private static void onFreshTables(TestDatabase database, Faulty test) throws Exception {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    try {
      test.run(new DroppingDataSource(database), prefix);
    } finally {
      database.dropTables(prefix);
    }
  }
}
