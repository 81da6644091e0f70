package org.gridgov.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.tck.fixtures.Events.GRID_A;
import static org.gridgov.tck.fixtures.Events.GRID_B;
import static org.gridgov.tck.fixtures.Events.LI;
import static org.gridgov.tck.fixtures.Events.T0;
import static org.gridgov.tck.fixtures.Events.WANG;
import static org.gridgov.tck.fixtures.Events.ZHAO;
import static org.gridgov.tck.fixtures.Events.assigned;
import static org.gridgov.tck.fixtures.Events.at;
import static org.gridgov.tck.fixtures.Events.closed;
import static org.gridgov.tck.fixtures.Events.feedback;
import static org.gridgov.tck.fixtures.Events.registered;
import static org.gridgov.tck.fixtures.Events.reported;
import static org.gridgov.tck.fixtures.Events.verified;
import static org.gridgov.tck.fixtures.IncidentBuilder.anIncident;

import java.time.Instant;
import java.util.List;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.territory.AreaCode;
import org.junit.jupiter.api.Test;

/** The queries the rules need: by grid, assignee and stage, workloads, counts. */
public abstract class IncidentQueryContract extends StorageContract {

  private IncidentStore store() {
    return storage.incidents();
  }

  private void openTwoInGridAAndOneInGridB() {
    store().intake(List.of(reported("i2", GRID_A), registered("i2", 24)));
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 24)));
    store().intake(List.of(reported("i3", GRID_B), registered("i3", 24)));
    store().append(IncidentId.of("i1"), 2, List.of(assigned("i1", 1, WANG)));
    store().append(IncidentId.of("i2"), 2, List.of(assigned("i2", 1, WANG)));
  }

  @Test
  void queries_followStateChanges_sortedById() {
    openTwoInGridAAndOneInGridB();

    assertThat(store().openInGrid(GRID_A)).extracting(Incident::id)
        .containsExactly(IncidentId.of("i1"), IncidentId.of("i2"));
    assertThat(store().openAssignedTo(WANG)).extracting(Incident::id)
        .containsExactly(IncidentId.of("i1"), IncidentId.of("i2"));
    assertThat(store().openCounts(List.of(WANG, LI)))
        .containsExactly(java.util.Map.entry(WANG, 2), java.util.Map.entry(LI, 0));
    assertThat(store().inStage(Stage.REGISTERED)).extracting(Incident::id)
        .containsExactly(IncidentId.of("i3"));

    store().append(IncidentId.of("i1"), 3, List.of(feedback("i1", 2, WANG), verified("i1", 3, LI),
        closed("i1", 4)));

    assertThat(store().openInGrid(GRID_A)).extracting(Incident::id)
        .containsExactly(IncidentId.of("i2"));
    assertThat(store().openCounts(List.of(WANG))).containsEntry(WANG, 1);
    assertThat(store().openAssignedTo(WANG)).extracting(Incident::id)
        .containsExactly(IncidentId.of("i2"));
    assertThat(store().inStage(Stage.CLOSED)).singleElement()
        .satisfies(i -> assertThat(i.version()).isEqualTo(6));
  }

  @Test
  void queries_returnCurrentStates() {
    openTwoInGridAAndOneInGridB();

    for (Incident incident : store().openInGrid(GRID_A)) {
      assertThat(incident).isEqualTo(store().find(incident.id()).orElseThrow());
      assertThat(incident).isEqualTo(Incident.replay(store().history(incident.id())));
    }
  }

  @Test
  void queries_nothingMatches_empty() {
    openTwoInGridAAndOneInGridB();

    assertThat(store().openInGrid(AreaCode.of("330102011002003", GRID_A.level()))).isEmpty();
    assertThat(store().openAssignedTo(ZHAO)).isEmpty();
    assertThat(store().inStage(Stage.ARCHIVED)).isEmpty();
    assertThat(store().openCounts(List.of())).isEmpty();
    assertThat(store().openCounts(List.of(ZHAO))).containsEntry(ZHAO, 0);
  }

  @Test
  void count_emptyStore_zero() {
    assertThat(store().count()).isZero();
    openTwoInGridAAndOneInGridB();
    assertThat(store().count()).isEqualTo(3);
  }

  @Test
  void countReported_countsGridsInsideTheUnitWithinThePeriod() {
    store().intake(List.of(reported("a1", GRID_A)));
    store().intake(List.of(reported("a2", GRID_A)));
    store().intake(List.of(reported("b1", GRID_B)));
    store().intake(anIncident().withId("later").reportedAt(at(30)).build());
    AreaCode community = AreaCode.parse("330102011002");

    assertThat(store().countReported(GRID_A, T0, at(1))).isEqualTo(2);
    assertThat(store().countReported(community, T0, at(1))).isEqualTo(3);
    assertThat(store().countReported(AreaCode.parse("330102011"), T0, at(31))).isEqualTo(4);
    assertThat(store().countReported(AreaCode.parse("330102011003"), T0, at(1))).isZero();
    assertThat(store().countReported(AreaCode.parse("330102"), T0, at(31))).as("district")
        .isEqualTo(4);
    assertThat(store().countReported(AreaCode.parse("330100"), T0, at(31))).as("city")
        .isEqualTo(4);
    assertThat(store().countReported(AreaCode.parse("330000"), T0, at(31))).as("province")
        .isEqualTo(4);
    assertThat(store().countReported(AreaCode.parse("110000"), T0, at(31)))
        .as("another province").isZero();
    assertThat(store().countReported(community, at(1), at(30))).as("end is exclusive").isZero();
    assertThat(store().countReported(community, at(30), at(31))).isEqualTo(1);
    assertThat(store().countReported(community, T0, T0)).isZero();
    assertThatThrownBy(() -> store().countReported(community, at(2), at(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not end");
  }

  @Test
  void countReportedAndDueAt_boundsBeyondTheStoredInstants_answerAsTheRangeEnds() {
    store().intake(List.of(reported("a1", GRID_A)));
    store().intake(anIncident().withId("first").reportedAt(IncidentEvent.MIN_INSTANT).build());
    store().intake(anIncident().withId("last").reportedAt(IncidentEvent.MAX_INSTANT).build());
    store().intake(List.of(reported("r1", GRID_A), registered("r1", 10)));

    assertThat(store().countReported(GRID_A, Instant.MIN, Instant.MAX)).isEqualTo(4);
    assertThat(store().countReported(GRID_A, T0, Instant.MAX)).as("the last instant included")
        .isEqualTo(3);
    assertThat(store().countReported(GRID_A, Instant.MIN, T0)).isEqualTo(1);
    assertThat(store().countReported(GRID_A, Instant.MIN, IncidentEvent.MIN_INSTANT)).isZero();
    assertThat(store().dueAt(Instant.MAX, 10)).extracting(d -> d.incident().id().value())
        .containsExactly("r1");
    assertThat(store().dueAt(Instant.MIN, 10)).isEmpty();
  }
}
