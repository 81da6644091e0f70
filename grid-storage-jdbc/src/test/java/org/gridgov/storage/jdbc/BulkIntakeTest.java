package org.gridgov.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.tck.fixtures.IncidentBuilder.anIncident;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.spi.DuplicateException;
import org.gridgov.core.spi.IntakeResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link JdbcIncidentStore#intakeAll}: batched, and idempotent by external reference. */
class BulkIntakeTest {

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void intakeAll_repeatedAndStoredTickets_oneIncidentEach(TestDatabase database) {
    database.requireReachable();
    JdbcIncidentStore store = database.fresh().incidents();
    store.intake(anIncident().withId("old").fromTicket("12345", "T-0").build());
    List<List<IncidentEvent>> openings = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      openings.add(anIncident().withId("n" + i).fromTicket("12345", "T-" + (i % 1_000)).build());
    }

    List<IntakeResult> results = store.intakeAll(openings);

    assertThat(results).hasSize(1_200);
    assertThat(results.get(0).created()).isFalse();
    assertThat(results.get(0).incident().id()).isEqualTo(IncidentId.of("old"));
    assertThat(results.get(1).created()).isTrue();
    assertThat(results.get(1_001).created()).as("repeats the ticket of n1").isFalse();
    assertThat(results.get(1_001).incident().id()).isEqualTo(IncidentId.of("n1"));
    assertThat(results.stream().filter(IntakeResult::created)).hasSize(999);
    assertThat(store.count()).isEqualTo(1_000);
    assertThat(store.history(IncidentId.of("n999"))).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void intakeAll_idTakenTwiceInOneBatch_refusedAndBatchNotStored(TestDatabase database) {
    database.requireReachable();
    JdbcIncidentStore store = database.fresh().incidents();

    assertThatThrownBy(
            () ->
                store.intakeAll(
                    List.of(anIncident().withId("x").build(), anIncident().withId("x").build())))
        .isInstanceOf(DuplicateException.class);
    assertThat(store.count()).isZero();
  }
}
