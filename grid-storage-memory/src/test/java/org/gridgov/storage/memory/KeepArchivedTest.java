package org.gridgov.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.tck.fixtures.Events.GRID_A;
import static org.gridgov.tck.fixtures.Events.GRID_B;
import static org.gridgov.tck.fixtures.Events.LI;
import static org.gridgov.tck.fixtures.Events.T0;
import static org.gridgov.tck.fixtures.Events.WANG;
import static org.gridgov.tck.fixtures.Events.archived;
import static org.gridgov.tck.fixtures.Events.assigned;
import static org.gridgov.tck.fixtures.Events.at;
import static org.gridgov.tck.fixtures.Events.closed;
import static org.gridgov.tck.fixtures.Events.feedback;
import static org.gridgov.tck.fixtures.Events.rated;
import static org.gridgov.tck.fixtures.Events.registered;
import static org.gridgov.tck.fixtures.Events.rejectedAsDuplicate;
import static org.gridgov.tck.fixtures.Events.reported;
import static org.gridgov.tck.fixtures.Events.verified;
import static org.gridgov.tck.fixtures.IncidentBuilder.anIncident;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.incident.ExternalRef;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.spi.DuplicateException;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.spi.NotFoundException;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.tck.ClaimQueueContract;
import org.gridgov.tck.ConcurrencyContract;
import org.gridgov.tck.IncidentQueryContract;
import org.gridgov.tck.IncidentStoreContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code keepArchived(false)}: an archived incident leaves memory but stays counted, found by its
 * external reference and refused as a duplicate; the default store keeps it.
 */
class KeepArchivedTest {
  private static final IncidentId TICKETED = IncidentId.of("t1");
  private static final ExternalRef TICKET = ExternalRef.of("12345", "BJ-2024-001");
  private static final AreaCode COMMUNITY = AreaCode.parse("330102011002");

  private static GridStorage dropping() {
    return InMemoryGridStorage.builder().keepArchived(false).build();
  }

  /** A hotline ticket in grid A, handled, closed, rated and archived; one open case in grid B. */
  private static List<IncidentEvent> handleAndArchive(IncidentStore store) {
    List<IncidentEvent> opening =
        anIncident()
            .withId("t1")
            .fromTicket("12345", "BJ-2024-001")
            .registered(Duration.ofHours(24))
            .build();
    store.intake(opening);
    store.intake(List.of(reported("open", GRID_B), registered("open", 24)));
    List<IncidentEvent> rest =
        List.of(
            assigned("t1", 1, WANG),
            feedback("t1", 2, WANG),
            verified("t1", 3, LI),
            closed("t1", 4),
            rated("t1", 5));
    store.append(TICKETED, 2, rest);
    Incident archivedState = store.append(TICKETED, 7, List.of(archived("t1", 6)));
    assertThat(archivedState.stage()).isEqualTo(Stage.ARCHIVED);
    List<IncidentEvent> history = new ArrayList<>(opening);
    history.addAll(rest);
    history.add(archived("t1", 6));
    return history;
  }

  @Test
  void byDefault_archivedIncidentsAreKept() {
    IncidentStore store = InMemoryGridStorage.builder().build().incidents();

    List<IncidentEvent> history = handleAndArchive(store);

    assertThat(store.find(TICKETED))
        .hasValueSatisfying(i -> assertThat(i.stage()).isEqualTo(Stage.ARCHIVED));
    assertThat(store.history(TICKETED)).containsExactlyElementsOf(history);
    assertThat(store.inStage(Stage.ARCHIVED)).extracting(Incident::id).containsExactly(TICKETED);
    assertThat(store.count()).isEqualTo(2);
  }

  @Test
  void create_keepsArchivedIncidents() {
    IncidentStore store = InMemoryGridStorage.create().incidents();

    handleAndArchive(store);

    assertThat(store.find(TICKETED)).isPresent();
    assertThat(store.history(TICKETED)).hasSize(8);
  }

  @Test
  void dropped_findEmpty_historyAndAppendNotFound_notListed() {
    IncidentStore store = dropping().incidents();

    handleAndArchive(store);

    assertThat(store.find(TICKETED)).isEmpty();
    assertThatThrownBy(() -> store.history(TICKETED))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("no incident t1");
    assertThatThrownBy(() -> store.append(TICKETED, 8, List.of(archived("t1", 7))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> store.release(TICKETED, "node-a"))
        .isInstanceOf(NotFoundException.class);
    assertThat(store.inStage(Stage.ARCHIVED)).isEmpty();
    assertThat(store.inStage(Stage.CLOSED)).isEmpty();
  }

  /**
   * The facade finds a case, then appends to it; the store keeps the entry last found to spare a
   * second lookup. Once that very append archives and drops the case, the entry kept must not stand
   * in for it: a later append or find answers as for any dropped case.
   */
  @Test
  void dropped_rightAfterItWasFound_appendNotFoundAndFindEmpty() {
    IncidentStore store = dropping().incidents();
    store.intake(
        anIncident()
            .withId("t1")
            .fromTicket("12345", "BJ-2024-001")
            .registered(Duration.ofHours(24))
            .build());
    store.append(
        TICKETED,
        2,
        List.of(
            assigned("t1", 1, WANG),
            feedback("t1", 2, WANG),
            verified("t1", 3, LI),
            closed("t1", 4),
            rated("t1", 5)));

    assertThat(store.find(TICKETED))
        .hasValueSatisfying(i -> assertThat(i.stage()).isEqualTo(Stage.CLOSED));
    store.append(TICKETED, 7, List.of(archived("t1", 6)));

    assertThatThrownBy(() -> store.append(TICKETED, 8, List.of(archived("t1", 7))))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("no incident t1");
    assertThat(store.find(TICKETED)).isEmpty();
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void dropped_stillCountedAndFoundByItsTicket() {
    IncidentStore store = dropping().incidents();
    store.intake(
        anIncident()
            .withId("t1")
            .fromTicket("12345", "BJ-2024-001")
            .registered(Duration.ofHours(24))
            .build());
    long reportedBefore = store.countReported(COMMUNITY, T0, at(1));
    store.append(
        TICKETED,
        2,
        List.of(
            assigned("t1", 1, WANG),
            feedback("t1", 2, WANG),
            verified("t1", 3, LI),
            closed("t1", 4),
            archived("t1", 5)));

    assertThat(reportedBefore).isEqualTo(1);
    assertThat(store.count()).isEqualTo(1);
    assertThat(store.countReported(GRID_A, T0, at(1))).isEqualTo(1);
    assertThat(store.countReported(COMMUNITY, T0, at(1))).isEqualTo(reportedBefore);
    assertThat(store.findByExternal(TICKET)).contains(TICKETED);
  }

  @Test
  void dropped_leftOutOfTheHistoriesAliveInAPeriod_keptByDefault() {
    IncidentStore dropping = dropping().incidents();
    IncidentStore keeping = InMemoryGridStorage.create().incidents();
    handleAndArchive(dropping);
    List<IncidentEvent> history = handleAndArchive(keeping);

    assertThat(dropping.historiesAliveBetween(T0, at(10), null, 10))
        .extracting(h -> h.get(0).incident())
        .containsExactly(IncidentId.of("open"));
    assertThat(keeping.historiesAliveBetween(T0, at(10), null, 10))
        .extracting(h -> h.get(0).incident())
        .containsExactly(IncidentId.of("open"), TICKETED);
    assertThat(keeping.historiesAliveBetween(at(6), at(10), null, 10)).containsExactly(history);
  }

  @Test
  void historiesAliveBetween_afterAFirstPage_seesLaterIntakesAndDrops() {
    IncidentStore store = dropping().incidents();
    store.intake(List.of(reported("early", GRID_A), registered("early", 24)));
    assertThat(store.historiesAliveBetween(T0, at(10), null, 10))
        .as("the first query")
        .extracting(h -> h.get(0).incident())
        .containsExactly(IncidentId.of("early"));

    handleAndArchive(store); // intakes t1 and "open", then drops t1 as archived

    assertThat(store.historiesAliveBetween(T0, at(10), null, 10))
        .extracting(h -> h.get(0).incident())
        .containsExactly(IncidentId.of("early"), IncidentId.of("open"));
    assertThat(store.historiesAliveBetween(T0, at(10), IncidentId.of("early"), 10))
        .extracting(h -> h.get(0).incident())
        .containsExactly(IncidentId.of("open"));
  }

  @Test
  void dropped_takingItInAgain_refused() {
    IncidentStore store = dropping().incidents();
    handleAndArchive(store);

    assertThatThrownBy(() -> store.intake(List.of(reported("t1", GRID_A))))
        .as("the same id")
        .isInstanceOf(DuplicateException.class)
        .hasMessage("incident t1 is already stored");
    assertThatThrownBy(
            () ->
                store.intake(anIncident().withId("t2").fromTicket("12345", "BJ-2024-001").build()))
        .as("the same ticket under a new id")
        .isInstanceOf(DuplicateException.class)
        .satisfies(e -> assertThat(((DuplicateException) e).id()).isEqualTo("t1"));
    assertThat(store.count()).isEqualTo(2);
    assertThat(store.find(IncidentId.of("t2"))).isEmpty();
    assertThat(store.countReported(COMMUNITY, T0, at(1))).isEqualTo(2);
  }

  @Test
  void dropped_othersUntouched_closedButNotArchivedKept() {
    IncidentStore store = dropping().incidents();
    handleAndArchive(store);
    store.intake(List.of(reported("c1", GRID_A), registered("c1", 24)));
    store.append(
        IncidentId.of("c1"),
        2,
        List.of(
            assigned("c1", 1, LI),
            feedback("c1", 2, LI),
            verified("c1", 3, WANG),
            closed("c1", 4)));

    assertThat(store.find(IncidentId.of("open")))
        .hasValueSatisfying(i -> assertThat(i.stage()).isEqualTo(Stage.REGISTERED));
    assertThat(store.openInGrid(GRID_B))
        .extracting(Incident::id)
        .containsExactly(IncidentId.of("open"));
    assertThat(store.dueAt(at(24), 10))
        .extracting(d -> d.incident().id())
        .containsExactly(IncidentId.of("open"));
    assertThat(store.inStage(Stage.CLOSED))
        .extracting(Incident::id)
        .containsExactly(IncidentId.of("c1"));
    assertThat(store.history(IncidentId.of("c1"))).hasSize(6);
    assertThat(store.count()).isEqualTo(3);
  }

  @Test
  void dropped_atIntake_whenTheOpeningEndsArchived() {
    IncidentStore store = dropping().incidents();

    Incident taken =
        store
            .intake(
                List.of(
                    reported("d1", GRID_A), rejectedAsDuplicate("d1", 1, "x"), archived("d1", 2)))
            .incident();

    assertThat(taken.stage()).isEqualTo(Stage.ARCHIVED);
    assertThat(store.find(IncidentId.of("d1"))).isEmpty();
    assertThat(store.count()).isEqualTo(1);
    assertThat(store.countReported(GRID_A, T0, at(1)))
        .as("a rejected report is no problem found")
        .isZero();
    assertThatThrownBy(() -> store.intake(List.of(reported("d1", GRID_A))))
        .isInstanceOf(DuplicateException.class);
  }

  /*
   * Short of archiving, a dropping store is the same store: these contracts never read back an
   * archived incident. (FidelityContract does, so it is not run here.)
   */

  @Nested
  class Incidents extends IncidentStoreContract {
    @Override
    protected GridStorage newStorage() {
      return dropping();
    }
  }

  @Nested
  class Queries extends IncidentQueryContract {
    @Override
    protected GridStorage newStorage() {
      return dropping();
    }
  }

  @Nested
  class ClaimQueue extends ClaimQueueContract {
    @Override
    protected GridStorage newStorage() {
      return dropping();
    }
  }

  @Nested
  class Concurrency extends ConcurrencyContract {
    @Override
    protected GridStorage newStorage() {
      return dropping();
    }
  }
}
