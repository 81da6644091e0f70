package org.gridgov.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.tck.fixtures.Events.supervised;
import static org.gridgov.tck.fixtures.IncidentBuilder.anIncident;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.spi.Append;
import org.gridgov.core.spi.OutcomeUnknownException;
import org.gridgov.core.spi.StorageException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A connection lost in the middle of a write leaves nothing half-written. */
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
  void append_connectionDroppedBetweenBatches_noPartialHistory(TestDatabase database) {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    DroppingDataSource dropping = new DroppingDataSource(database);
    try {
      JdbcGridStorage storage = JdbcGridStorage.builder(dropping).tablePrefix(prefix).build();
      storage.incidents().intake(anIncident().withId("f1").registered(Duration.ofHours(1)).build());
      dropping.dropAtBatch(2); // the first 500 events are sent, the connection dies before the rest

      assertThatThrownBy(() -> storage.incidents().append(ID, 2, supervisions(1_200)))
          .isInstanceOf(StorageException.class)
          .hasMessageStartingWith("append to incident f1 failed")
          .hasCauseInstanceOf(java.sql.SQLException.class);

      JdbcGridStorage reopened = JdbcGridStorage.builder(database.pool()).tablePrefix(prefix)
          .schemaMode(SchemaMode.NONE).build();
      assertThat(reopened.incidents().history(ID)).hasSize(2);
      assertThat(reopened.incidents().find(ID).orElseThrow().version()).isEqualTo(2);
      assertThat(reopened.incidents().append(ID, 2, supervisions(3)).version()).isEqualTo(5);
    } finally {
      database.dropTables(prefix);
    }
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void intakeAll_connectionDroppedBeforeTheEvents_nothingStored(TestDatabase database) {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    DroppingDataSource dropping = new DroppingDataSource(database);
    try {
      JdbcGridStorage storage = JdbcGridStorage.builder(dropping).tablePrefix(prefix).build();
      List<List<IncidentEvent>> openings = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        openings.add(anIncident().withId("b" + i).fromTicket("12345", "T-" + i).build());
      }
      dropping.dropAtBatch(2); // incident rows sent, the connection dies before their events

      assertThatThrownBy(() -> storage.incidents().intakeAll(openings))
          .isInstanceOf(StorageException.class);

      JdbcGridStorage reopened = JdbcGridStorage.builder(database.pool()).tablePrefix(prefix)
          .schemaMode(SchemaMode.NONE).build();
      assertThat(reopened.incidents().count()).isZero();
      assertThat(reopened.incidents().intakeAll(openings)).allMatch(r -> r.created());
      assertThat(reopened.incidents().count()).isEqualTo(300);
    } finally {
      database.dropTables(prefix);
    }
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void appendAll_connectionLostAtTheCommit_callerToldAsByAppend_retryAppendsNothingTwice(
      TestDatabase database) {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    DroppingDataSource dropping = new DroppingDataSource(database);
    try {
      JdbcGridStorage storage = JdbcGridStorage.builder(dropping).tablePrefix(prefix).build();
      List<Append> batch = new ArrayList<>();
      for (String id : List.of("c1", "c2", "c3")) {
        storage.incidents().intake(anIncident().withId(id).registered(Duration.ofHours(1)).build());
        batch.add(Append.of(IncidentId.of(id), 2, List.of(supervised(id, 1, "timer"))));
      }
      dropping.dropAfterNextCommit(); // the batch is committed, its answer lost

      assertThatThrownBy(() -> storage.incidents().appendAll(batch))
          .as("the batch may be stored: not reported as three skipped incidents")
          .isInstanceOf(OutcomeUnknownException.class)
          .hasMessageStartingWith("append to 3 incidents failed at commit")
          .hasCauseInstanceOf(java.sql.SQLException.class);

      JdbcGridStorage reopened = JdbcGridStorage.builder(database.pool()).tablePrefix(prefix)
          .schemaMode(SchemaMode.NONE).incidentCacheSize(0).build();
      assertThat(reopened.incidents().appendAll(batch)).as("a retry finds them moved on")
          .isEmpty();
      for (String id : List.of("c1", "c2", "c3")) {
        assertThat(reopened.incidents().history(IncidentId.of(id))).as(id).hasSize(3);
      }
    } finally {
      database.dropTables(prefix);
    }
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void appendAll_closeFailsAfterTheCommit_committedBatchReturned_notRetriedAsSkipped(
      TestDatabase database) {
    database.requireReachable();
    String prefix = TestDatabase.newPrefix();
    DroppingDataSource dropping = new DroppingDataSource(database);
    try {
      JdbcGridStorage storage = JdbcGridStorage.builder(dropping).tablePrefix(prefix)
          .incidentCacheSize(0).build();
      List<Append> batch = new ArrayList<>();
      for (String id : List.of("d1", "d2", "d3")) {
        storage.incidents().intake(anIncident().withId(id).registered(Duration.ofHours(1)).build());
        batch.add(Append.of(IncidentId.of(id), 2, List.of(supervised(id, 1, "timer"))));
      }
      dropping.failNextClose(); // the batch is committed, then its connection fails to close

      assertThat(storage.incidents().appendAll(batch)).as("the committed batch")
          .extracting(i -> i.id().value() + "@" + i.version())
          .containsExactly("d1@3", "d2@3", "d3@3");
      for (String id : List.of("d1", "d2", "d3")) {
        assertThat(storage.incidents().history(IncidentId.of(id))).as(id).hasSize(3);
      }
      dropping.failNextClose();
      IncidentId d1 = IncidentId.of("d1");
      assertThat(storage.incidents().append(d1, 3, List.of(supervised("d1", 1, "again")))
          .version()).as("a single append, as committed").isEqualTo(4);
      assertThat(storage.incidents().history(d1)).hasSize(4);
    } finally {
      database.dropTables(prefix);
    }
  }
}
