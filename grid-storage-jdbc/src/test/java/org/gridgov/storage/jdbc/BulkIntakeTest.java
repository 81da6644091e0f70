package org.gridgov.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.tck.fixtures.IncidentBuilder.anIncident;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.incident.ExternalRef;
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

  /**
   * An id already stored is found only when the batch's rows are refused: the chunk is then taken
   * in one opening at a time, as {@code intake} would take each in order, until the one whose id is
   * taken is refused; neither it nor its ticket replaces what is stored, and no later opening is
   * taken in.
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void intakeAll_idAlreadyStored_refusedNamingIt_storedIncidentAndTicketUntouched(
      TestDatabase database) {
    database.requireReachable();
    JdbcIncidentStore store = database.fresh().incidents();
    store.intake(anIncident().withId("x").fromTicket("12345", "T-old").build());

    assertThatThrownBy(
            () ->
                store.intakeAll(
                    List.of(
                        anIncident().withId("a").fromTicket("12345", "T-a").build(),
                        anIncident().withId("x").fromTicket("12345", "T-x").build(),
                        anIncident().withId("b").fromTicket("12345", "T-b").build())))
        .isInstanceOf(DuplicateException.class)
        .hasMessage("incident x is already stored");

    assertThat(store.find(IncidentId.of("x")).orElseThrow().external())
        .contains(ExternalRef.of("12345", "T-old"));
    assertThat(store.findByExternal(ExternalRef.of("12345", "T-x"))).isEmpty();
    assertThat(store.findByExternal(ExternalRef.of("12345", "T-a")))
        .as("taken in before the refusal, as by intake in order")
        .contains(IncidentId.of("a"));
    assertThat(store.find(IncidentId.of("b"))).as("after the refusal").isEmpty();
    assertThat(store.count()).isEqualTo(2);
  }
}
