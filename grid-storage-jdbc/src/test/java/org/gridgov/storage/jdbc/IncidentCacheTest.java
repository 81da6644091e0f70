package org.gridgov.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.tck.fixtures.Events.supervised;
import static org.gridgov.tck.fixtures.IncidentBuilder.anIncident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.spi.Append;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A state an append committed is kept (events are append-only, so the state at a version never
 * changes): the next read of the incident at that version needs no event read. The events are
 * removed behind the store's back, so only the kept state can answer.
 */
class IncidentCacheTest {

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void append_committedStateKept_findAtThatVersionReadsNoEvents(TestDatabase database)
      throws SQLException {
    database.requireReachable();
    JdbcGridStorage storage = database.fresh();
    IncidentId id = IncidentId.of("k1");
    storage.incidents().intake(anIncident().withId("k1").registered(Duration.ofHours(1)).build());
    Incident appended = storage.incidents().append(id, 2, List.of(supervised("k1", 1, "check")));

    deleteEvents(database, storage, id);

    assertThat(storage.incidents().find(id)).contains(appended);
    assertThat(storage.incidents().find(id).orElseThrow().version()).isEqualTo(3);
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void appendAll_committedStatesKept_findAtThoseVersionsReadsNoEvents(TestDatabase database)
      throws SQLException {
    database.requireReachable();
    JdbcGridStorage storage = database.fresh();
    for (String id : List.of("k1", "k2")) {
      storage.incidents().intake(anIncident().withId(id).registered(Duration.ofHours(1)).build());
    }
    List<Incident> appended =
        storage
            .incidents()
            .appendAll(
                List.of(
                    Append.of(IncidentId.of("k1"), 2, List.of(supervised("k1", 1, "timer"))),
                    Append.of(IncidentId.of("k2"), 2, List.of(supervised("k2", 1, "timer")))));
    assertThat(appended).hasSize(2);

    for (Incident incident : appended) {
      deleteEvents(database, storage, incident.id());
      assertThat(storage.incidents().find(incident.id())).contains(incident);
      assertThat(incident.version()).isEqualTo(3);
    }
  }

  private static void deleteEvents(TestDatabase database, JdbcGridStorage storage, IncidentId id)
      throws SQLException {
    Tables tables = new Tables(database.prefix(), storage.dialect());
    try (Connection c = database.pool().getConnection();
        PreparedStatement delete =
            c.prepareStatement("DELETE FROM " + tables.event() + " WHERE incident_id = ?")) {
      delete.setString(1, id.value());
      assertThat(delete.executeUpdate()).as("events of " + id).isEqualTo(3);
    }
  }
}
