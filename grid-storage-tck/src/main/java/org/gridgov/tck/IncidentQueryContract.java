package org.gridgov.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.tck.fixtures.Events.GRID_A;
import static org.gridgov.tck.fixtures.Events.GRID_B;
import static org.gridgov.tck.fixtures.Events.LI;
import static org.gridgov.tck.fixtures.Events.T0;
import static org.gridgov.tck.fixtures.Events.URBAN;
import static org.gridgov.tck.fixtures.Events.WANG;
import static org.gridgov.tck.fixtures.Events.ZHAO;
import static org.gridgov.tck.fixtures.Events.arbitrated;
import static org.gridgov.tck.fixtures.Events.archived;
import static org.gridgov.tck.fixtures.Events.assigned;
import static org.gridgov.tck.fixtures.Events.at;
import static org.gridgov.tck.fixtures.Events.claimed;
import static org.gridgov.tck.fixtures.Events.closed;
import static org.gridgov.tck.fixtures.Events.feedback;
import static org.gridgov.tck.fixtures.Events.referred;
import static org.gridgov.tck.fixtures.Events.registered;
import static org.gridgov.tck.fixtures.Events.rejectedAsDuplicate;
import static org.gridgov.tck.fixtures.Events.reported;
import static org.gridgov.tck.fixtures.Events.returned;
import static org.gridgov.tck.fixtures.Events.supervised;
import static org.gridgov.tck.fixtures.Events.verified;
import static org.gridgov.tck.fixtures.IncidentBuilder.anIncident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentClosed;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;

/**
 * The queries the rules need (by grid, assignee and stage, workloads, counts) and the incidents
 * alive in a period, which scoring needs.
 */
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

    assertThat(store().openInGrid(GRID_A))
        .extracting(Incident::id)
        .containsExactly(IncidentId.of("i1"), IncidentId.of("i2"));
    assertThat(store().openAssignedTo(WANG))
        .extracting(Incident::id)
        .containsExactly(IncidentId.of("i1"), IncidentId.of("i2"));
    assertThat(store().openCounts(List.of(WANG, LI)))
        .containsExactly(java.util.Map.entry(WANG, 2), java.util.Map.entry(LI, 0));
    assertThat(store().inStage(Stage.REGISTERED))
        .extracting(Incident::id)
        .containsExactly(IncidentId.of("i3"));

    store()
        .append(
            IncidentId.of("i1"),
            3,
            List.of(feedback("i1", 2, WANG), verified("i1", 3, LI), closed("i1", 4)));

    assertThat(store().openInGrid(GRID_A))
        .extracting(Incident::id)
        .containsExactly(IncidentId.of("i2"));
    assertThat(store().openCounts(List.of(WANG))).containsEntry(WANG, 1);
    assertThat(store().openAssignedTo(WANG))
        .extracting(Incident::id)
        .containsExactly(IncidentId.of("i2"));
    assertThat(store().inStage(Stage.CLOSED))
        .singleElement()
        .satisfies(i -> assertThat(i.version()).isEqualTo(6));
  }

  /**
   * Settled stages are listed by id too: an adapter may index only the open stages and scan for the
   * settled ones (the memory store does), and a scan without a sort answers in hash or table order.
   * {@link #queries_followStateChanges_sortedById} lists one closed incident only.
   */
  @Test
  void inStage_settledStages_sortedById() {
    for (String id : List.of("r2", "r3", "r1")) {
      store().intake(List.of(reported(id, GRID_A), rejectedAsDuplicate(id, 1, "r0")));
    }
    store().intake(List.of(reported("open", GRID_A), registered("open", 24)));

    assertThat(store().inStage(Stage.REJECTED))
        .extracting(i -> i.id().value())
        .containsExactly("r1", "r2", "r3");
    assertThat(store().inStage(Stage.CLOSED)).isEmpty();
  }

  /**
   * The centre's worklist: the cases their line returned and those dispatch referred, by id. Not a
   * case in its claim window, nor one referred earlier that moved on since: claimed by a worker who
   * became eligible, or returned, arbitrated and back in a claim window (its history still holds
   * the referral, so a store cannot go by that alone).
   */
  @Test
  void awaitingCentre_returnedAndReferred_byId_notThoseThatMovedOn() {
    store().intake(List.of(reported("c-window", GRID_A), registered("c-window", 24)));
    store()
        .intake(
            List.of(
                reported("b-referred", GRID_A),
                registered("b-referred", 24),
                referred("b-referred", 25, URBAN, Level.GRID)));
    store()
        .intake(
            List.of(
                reported("d-claimed", GRID_B),
                registered("d-claimed", 24),
                referred("d-claimed", 25, URBAN, Level.GRID),
                claimed("d-claimed", 26, WANG)));
    store()
        .intake(
            List.of(
                reported("e-arbitrated", GRID_B),
                registered("e-arbitrated", 24),
                referred("e-arbitrated", 25, URBAN, Level.GRID),
                assigned("e-arbitrated", 26, WANG),
                returned("e-arbitrated", 27, URBAN),
                arbitrated("e-arbitrated", 28, URBAN)));
    store()
        .intake(
            List.of(
                reported("a-returned", GRID_A),
                registered("a-returned", 24),
                assigned("a-returned", 25, WANG),
                returned("a-returned", 26, URBAN)));

    assertThat(store().awaitingCentre())
        .extracting(i -> i.id().value())
        .containsExactly("a-returned", "b-referred");
    assertThat(store().awaitingCentre())
        .allMatch(Incident::awaitsCentre)
        .extracting(Incident::stage)
        .containsExactly(Stage.RETURNED, Stage.REGISTERED);

    store().append(IncidentId.of("b-referred"), 3, List.of(assigned("b-referred", 30, LI)));

    assertThat(store().awaitingCentre())
        .extracting(i -> i.id().value())
        .containsExactly("a-returned");
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

  // ------------------------------------------------------------ historiesAliveBetween

  /**
   * Takes in incident {@code id} reported (and registered) at hour {@code reported} and, when
   * {@code last} is later, supervised at hour {@code last}: with no reply deadline, it is alive
   * until its last change.
   */
  private void incident(String id, int reported, int last) {
    store()
        .intake(
            anIncident()
                .withId(id)
                .reportedAt(at(reported))
                .registered(Duration.ofHours(1))
                .build());
    if (last > reported) {
      store().append(IncidentId.of(id), 2, List.of(supervised(id, last, "pending")));
    }
  }

  /** Every incident alive in hours [from, to), read in one page, by id. */
  private List<String> alive(int from, int to) {
    return ids(store().historiesAliveBetween(at(from), at(to), null, 1_000));
  }

  private static List<String> ids(List<List<IncidentEvent>> histories) {
    return histories.stream().map(h -> h.get(0).incident().value()).toList();
  }

  @Test
  void historiesAliveBetween_aliveUntilFromIsIn_reportedAtToIsOut() {
    incident("ended-before", 0, 9);
    incident("ends-at-from", 0, 10);
    incident("spans", 0, 30); // no event inside, alive through it
    incident("changed-inside", 5, 12); // reported before, changed inside
    incident("reported-inside", 19, 19);
    incident("reported-at-to", 20, 20);
    incident("later", 25, 26);

    assertThat(alive(10, 20))
        .containsExactly("changed-inside", "ends-at-from", "reported-inside", "spans");
    assertThat(
            ids(
                store()
                    .historiesAliveBetween(
                        at(10).plusNanos(1_000), at(20).plusNanos(1_000), null, 10)))
        .as("bounds one microsecond later")
        .containsExactly("changed-inside", "reported-at-to", "reported-inside", "spans");
    assertThat(alive(0, 1))
        .as("the first hour")
        .containsExactly("ended-before", "ends-at-from", "spans");
    assertThat(alive(40, 50)).isEmpty();
  }

  @Test
  void historiesAliveBetween_replyDeadlineAfterTheLastEvent_aliveUntilTheDeadline() {
    // answered, verified and closed within four hours; its 72-hour reply deadline counts in the
    // period it falls in (Incident.aliveUntil)
    store().intake(anIncident().withId("early").registered(Duration.ofHours(1)).build());
    store()
        .append(
            IncidentId.of("early"),
            2,
            List.of(
                claimed("early", 1, WANG),
                feedback("early", 2, WANG),
                verified("early", 3, LI),
                closed("early", 4)));
    incident("no-deadline", 0, 4);

    assertThat(alive(73, 80))
        .as("alive until its deadline at 73 h, included")
        .containsExactly("early");
    assertThat(ids(store().historiesAliveBetween(at(73).plusNanos(1_000), at(80), null, 10)))
        .isEmpty();
    assertThat(alive(4, 5)).containsExactly("early", "no-deadline");
  }

  @Test
  void historiesAliveBetween_wholeCurrentHistories_eventsAfterTheIntervalIncluded() {
    incident("spans", 0, 30);
    incident("changed-inside", 5, 12);
    store()
        .append(
            IncidentId.of("changed-inside"),
            3,
            List.of(
                assigned("changed-inside", 13, WANG), feedback("changed-inside", 14, WANG),
                verified("changed-inside", 15, LI), closed("changed-inside", 16)));

    List<List<IncidentEvent>> page = store().historiesAliveBetween(at(10), at(20), null, 10);

    assertThat(page).hasSize(2);
    for (List<IncidentEvent> history : page) {
      assertThat(history).isEqualTo(store().history(history.get(0).incident()));
    }
    assertThat(page.get(0)).hasSize(7).last().isInstanceOf(IncidentClosed.class);
    assertThat(page.get(1).get(2).at()).as("after the interval").isEqualTo(at(30));
  }

  @Test
  void historiesAliveBetween_smallPages_everyIdOnceInIdOrder() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      incident("p" + i, i, 12 + i);
      expected.add("p" + i);
      incident("p" + i + "-out", i, i + 1); // between them in id order, ended before
    }

    for (int limit : new int[] {1, 2, 3, 7, 8}) {
      List<String> seen = new ArrayList<>();
      IncidentId after = null;
      List<List<IncidentEvent>> page;
      do {
        page = store().historiesAliveBetween(at(10), at(20), after, limit);
        assertThat(page).hasSizeLessThanOrEqualTo(limit);
        seen.addAll(ids(page));
        // a pager that repeats ids would otherwise read on for ever
        assertThat(seen)
            .as("limit %d, read so far", limit)
            .hasSizeLessThanOrEqualTo(expected.size());
        after = page.isEmpty() ? after : page.get(page.size() - 1).get(0).incident();
      } while (page.size() == limit);
      assertThat(seen).as("limit %d", limit).containsExactlyElementsOf(expected);
    }
    assertThat(ids(store().historiesAliveBetween(at(10), at(20), IncidentId.of("p2-z"), 2)))
        .as("after an id that is not stored")
        .containsExactly("p3", "p4");
    assertThat(store().historiesAliveBetween(at(10), at(20), IncidentId.of("p6"), 2)).isEmpty();
  }

  /**
   * A page starts strictly after its cursor: an adapter that pages with {@code id >= after} repeats
   * the last incident of each page, and a pager that reads on until a short page (as {@link
   * #historiesAliveBetween_smallPages_everyIdOnceInIdOrder} does) never ends with a limit of 1 (it
   * now fails there too, when it has read more than there are).
   */
  @Test
  void historiesAliveBetween_pageAfterAStoredId_leavesThatIdOut() {
    incident("a", 0, 12);
    incident("b", 0, 12);
    incident("c", 0, 12);

    assertThat(ids(store().historiesAliveBetween(at(10), at(20), null, 1))).containsExactly("a");
    assertThat(ids(store().historiesAliveBetween(at(10), at(20), IncidentId.of("a"), 1)))
        .containsExactly("b");
    assertThat(ids(store().historiesAliveBetween(at(10), at(20), IncidentId.of("b"), 5)))
        .containsExactly("c");
    assertThat(store().historiesAliveBetween(at(10), at(20), IncidentId.of("c"), 5)).isEmpty();
  }

  @Test
  void historiesAliveBetween_incidentChangedLater_movesIntoLaterIntervalsAndStays() {
    incident("m", 0, 1);
    assertThat(alive(10, 20)).isEmpty();

    store().append(IncidentId.of("m"), 3, List.of(supervised("m", 15, "pending")));
    assertThat(alive(10, 20)).containsExactly("m");
    assertThat(alive(20, 30)).isEmpty();

    store().append(IncidentId.of("m"), 4, List.of(supervised("m", 25, "still pending")));
    assertThat(alive(20, 30)).containsExactly("m");
    assertThat(alive(10, 20)).containsExactly("m");
    assertThat(alive(0, 1)).containsExactly("m");
    incident("n", 26, 26);
    assertThat(alive(20, 30)).containsExactly("m", "n");
    assertThat(alive(10, 20)).containsExactly("m");
  }

  @Test
  void historiesAliveBetween_badArguments_refusedNamingThem_nothingChanged() {
    incident("a", 0, 12);
    List<List<IncidentEvent>> before = store().historiesAliveBetween(at(10), at(20), null, 10);

    assertThatThrownBy(() -> store().historiesAliveBetween(null, at(20), null, 10))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("from");
    assertThatThrownBy(() -> store().historiesAliveBetween(at(10), null, null, 10))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("to");
    assertThatThrownBy(() -> store().historiesAliveBetween(at(20), at(20), null, 10))
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("to", InputRules.RANGE))
        .hasMessageContaining("to: must be after from " + at(20));
    assertThatThrownBy(() -> store().historiesAliveBetween(at(20), at(10), null, 10))
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("to", InputRules.RANGE));
    assertThatThrownBy(() -> store().historiesAliveBetween(at(10), at(20), null, 0))
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("limit", InputRules.RANGE))
        .hasMessageContaining("limit: must be at least 1, was 0");
    assertThatThrownBy(() -> store().historiesAliveBetween(at(10), at(20), null, -1))
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("limit", InputRules.RANGE));

    assertThat(store().count()).isEqualTo(1);
    assertThat(store().historiesAliveBetween(at(10), at(20), null, 10))
        .isEqualTo(before)
        .singleElement()
        .satisfies(history -> assertThat(history).hasSize(3));
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
    assertThat(store().countReported(AreaCode.parse("330102"), T0, at(31)))
        .as("district")
        .isEqualTo(4);
    assertThat(store().countReported(AreaCode.parse("330100"), T0, at(31))).as("city").isEqualTo(4);
    assertThat(store().countReported(AreaCode.parse("330000"), T0, at(31)))
        .as("province")
        .isEqualTo(4);
    assertThat(store().countReported(AreaCode.parse("110000"), T0, at(31)))
        .as("another province")
        .isZero();
    assertThat(store().countReported(community, at(1), at(30))).as("end is exclusive").isZero();
    assertThat(store().countReported(community, at(30), at(31))).isEqualTo(1);
    assertThat(store().countReported(community, T0, T0)).isZero();
    assertThatThrownBy(
            () -> store().countReported(community, at(2), at(1)),
            "a period ending before it starts is refused (IncidentStore.checkPeriod)")
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("to", InputRules.RANGE));
  }

  @Test
  void countReported_leavesOutReportsRejectedAtRegistration() {
    store().intake(List.of(reported("a1", GRID_A)));
    store().intake(List.of(reported("a2", GRID_A)));
    store().append(IncidentId.of("a2"), 1, List.of(rejectedAsDuplicate("a2", 1, "a1")));
    store().intake(List.of(reported("a3", GRID_A)));
    store()
        .append(
            IncidentId.of("a3"), 1, List.of(rejectedAsDuplicate("a3", 1, "a1"), archived("a3", 2)));
    store().intake(List.of(reported("b1", GRID_B), rejectedAsDuplicate("b1", 1, "a1")));
    store().intake(List.of(reported("b2", GRID_B), registered("b2", 24)));
    AreaCode community = AreaCode.parse("330102011002");

    assertThat(store().countReported(GRID_A, T0, at(1))).as("a1 only").isEqualTo(1);
    assertThat(store().countReported(GRID_B, T0, at(1))).as("b2 only").isEqualTo(1);
    assertThat(store().countReported(community, T0, at(1))).isEqualTo(2);
    assertThat(store().count()).as("the rejected reports are kept all the same").isEqualTo(5);
  }

  /**
   * A report once accepted counts where it was found whatever became of it ("archived since or
   * not"): an adapter that counts the incidents it still lists, or takes a report out of the count
   * when its case is archived (as a store dropping archived histories might), lowers a unit's
   * "found" figure as its cases are archived. {@link
   * #countReported_leavesOutReportsRejectedAtRegistration} archives only a rejected report.
   */
  @Test
  void countReported_acceptedReportsClosedAndArchived_stillCount() {
    IncidentId a1 = IncidentId.of("a1");
    store().intake(List.of(reported("a1", GRID_A), registered("a1", 24)));
    store().intake(List.of(reported("a2", GRID_A), registered("a2", 24)));
    store()
        .append(
            a1,
            2,
            List.of(
                assigned("a1", 1, WANG),
                feedback("a1", 2, WANG),
                verified("a1", 3, LI),
                closed("a1", 4)));
    assertThat(store().countReported(GRID_A, T0, at(1))).as("one closed").isEqualTo(2);

    store().append(a1, 6, List.of(archived("a1", 5)));

    assertThat(store().countReported(GRID_A, T0, at(1))).as("one archived").isEqualTo(2);
    assertThat(store().countReported(AreaCode.parse("330102"), T0, at(1)))
        .as("district")
        .isEqualTo(2);
    assertThat(store().count()).isEqualTo(2);
  }

  @Test
  void queries_boundsBeyondTheStoredInstants_answerAsTheRangeEnds() {
    store().intake(List.of(reported("a1", GRID_A)));
    store().intake(anIncident().withId("first").reportedAt(IncidentEvent.MIN_INSTANT).build());
    store().intake(anIncident().withId("last").reportedAt(IncidentEvent.MAX_INSTANT).build());
    store().intake(List.of(reported("r1", GRID_A), registered("r1", 10)));

    assertThat(store().countReported(GRID_A, Instant.MIN, Instant.MAX)).isEqualTo(4);
    assertThat(store().countReported(GRID_A, T0, Instant.MAX))
        .as("the last instant included")
        .isEqualTo(3);
    assertThat(store().countReported(GRID_A, Instant.MIN, T0)).isEqualTo(1);
    assertThat(store().countReported(GRID_A, Instant.MIN, IncidentEvent.MIN_INSTANT)).isZero();
    assertThat(store().dueAt(Instant.MAX, 10))
        .extracting(d -> d.incident().id().value())
        .containsExactly("r1");
    assertThat(store().dueAt(Instant.MIN, 10)).isEmpty();
    assertThat(store().historiesAliveBetween(Instant.MIN, Instant.MAX, null, 10))
        .extracting(h -> h.get(0).incident().value())
        .containsExactly("a1", "first", "last", "r1");
    assertThat(store().historiesAliveBetween(T0, Instant.MAX, IncidentId.of("first"), 10))
        .extracting(h -> h.get(0).incident().value())
        .containsExactly("last", "r1");
    assertThat(store().historiesAliveBetween(Instant.MIN, IncidentEvent.MIN_INSTANT, null, 10))
        .isEmpty();
  }
}
