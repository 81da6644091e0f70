package org.gridgov.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.tck.fixtures.Events.GRID_A;
import static org.gridgov.tck.fixtures.Events.LI;
import static org.gridgov.tck.fixtures.Events.WANG;
import static org.gridgov.tck.fixtures.Events.assigned;
import static org.gridgov.tck.fixtures.Events.at;
import static org.gridgov.tck.fixtures.Events.feedback;
import static org.gridgov.tck.fixtures.Events.feedbackToVerifyBy;
import static org.gridgov.tck.fixtures.Events.registered;
import static org.gridgov.tck.fixtures.Events.reported;
import static org.gridgov.tck.fixtures.Events.supervised;
import static org.gridgov.tck.fixtures.Events.suspended;
import static org.gridgov.tck.fixtures.Events.suspendedUntil;
import static org.gridgov.tck.fixtures.Events.verified;
import static org.gridgov.tck.fixtures.IncidentBuilder.anIncident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.TimerKind;
import org.gridgov.core.spi.DueTimer;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.spi.NotFoundException;
import org.junit.jupiter.api.Test;

/** Due timers and leases, one taker at a time; {@link ConcurrencyContract} races several. */
public abstract class ClaimQueueContract extends StorageContract {
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final IncidentId I1 = IncidentId.of("i1");

  private IncidentStore store() {
    return storage.incidents();
  }

  @Test
  void dueAt_returnsDueTimersEarliestFirstUpToLimit() {
    store().intake(List.of(reported("late", GRID_A), registered("late", 30)));
    store().intake(List.of(reported("early", GRID_A), registered("early", 10)));
    store().intake(List.of(reported("future", GRID_A), registered("future", 50)));
    store().intake(List.of(reported("untimed", GRID_A)));

    List<DueTimer> due = store().dueAt(at(40), 10);

    assertThat(due).extracting(d -> d.incident().id().value()).containsExactly("early", "late");
    assertThat(due.get(0).timer().kind()).isEqualTo(TimerKind.CLAIM_WINDOW);
    assertThat(due.get(0).timer().dueAt()).isEqualTo(at(10));
    assertThat(due.get(0).incident().version()).isEqualTo(2);
    assertThat(store().dueAt(at(40), 1)).hasSize(1);
    assertThat(store().dueAt(at(30), 10)).as("due at the instant itself").hasSize(2);
  }

  @Test
  void dueAt_sameInstant_orderedById() {
    store().intake(List.of(reported("b", GRID_A), registered("b", 10)));
    store().intake(List.of(reported("a", GRID_A), registered("a", 10)));

    assertThat(store().dueAt(at(10), 10))
        .extracting(d -> d.incident().id().value())
        .containsExactly("a", "b");
  }

  @Test
  void dueAt_followsTheNextTimer() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 10)));
    store().append(I1, 2, List.of(assigned("i1", 11, WANG)));

    assertThat(store().dueAt(at(50), 10)).isEmpty();
    assertThat(store().dueAt(at(83), 10))
        .singleElement()
        .satisfies(d -> assertThat(d.timer().kind()).isEqualTo(TimerKind.REPLY_DEADLINE));
  }

  @Test
  void dueAt_suspendedUntil_dueAtItsEnd_suspendedWithoutEnd_never() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 10)));
    store().append(I1, 2, List.of(assigned("i1", 11, WANG), suspendedUntil("i1", 12, 40)));
    store().intake(List.of(reported("i2", GRID_A), registered("i2", 10)));
    store().append(IncidentId.of("i2"), 2, List.of(assigned("i2", 11, WANG), suspended("i2", 12)));

    assertThat(store().dueAt(at(39), 10)).isEmpty();
    assertThat(store().dueAt(at(1000), 10))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.incident().id()).isEqualTo(I1);
              assertThat(d.timer().kind()).isEqualTo(TimerKind.SUSPENSION_END);
              assertThat(d.timer().dueAt()).isEqualTo(at(40));
            });
  }

  @Test
  void dueAt_reportedWithARegistrationLimit_dueAtIt_untilRegistered() {
    store().intake(anIncident().withId("i1").toRegisterWithin(Duration.ofMinutes(30)).build());
    store().intake(anIncident().withId("i2").build());

    assertThat(store().dueAt(at(0).plusSeconds(1799), 10)).isEmpty();
    assertThat(store().dueAt(at(1000), 10))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.incident().id()).isEqualTo(I1);
              assertThat(d.timer().kind()).isEqualTo(TimerKind.REGISTRATION_DUE);
              assertThat(d.timer().dueAt()).isEqualTo(at(0).plusSeconds(1800));
            });
    store().append(I1, 1, List.of(registered("i1", 1)));
    assertThat(store().dueAt(at(1), 10))
        .singleElement()
        .satisfies(d -> assertThat(d.timer().kind()).isEqualTo(TimerKind.CLAIM_WINDOW));
  }

  @Test
  void dueAt_handledWithAVerificationLimit_dueAtIt_untilVerified() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 10)));
    store()
        .append(I1, 2, List.of(assigned("i1", 11, WANG), feedbackToVerifyBy("i1", 12, WANG, 14)));
    IncidentId i2 = IncidentId.of("i2");
    store().intake(List.of(reported("i2", GRID_A), registered("i2", 10)));
    store().append(i2, 2, List.of(assigned("i2", 11, WANG), feedback("i2", 12, WANG)));

    assertThat(store().dueAt(at(13), 10)).isEmpty();
    assertThat(store().dueAt(at(1000), 10))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.incident().id()).isEqualTo(I1);
              assertThat(d.timer().kind()).isEqualTo(TimerKind.VERIFICATION_DUE);
              assertThat(d.timer().dueAt()).isEqualTo(at(14));
            });
    store().append(I1, 4, List.of(verified("i1", 13, LI)));
    assertThat(store().dueAt(at(1000), 10)).isEmpty();
  }

  @Test
  void dueAt_andClaimDue_badArguments_refused() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 1)));

    assertThatThrownBy(() -> store().dueAt(at(40), 0), "dueAt refuses a limit below 1")
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("limit", InputRules.RANGE));
    assertThatThrownBy(() -> store().claimDue(at(40), 0, "node-a", LEASE))
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("limit", InputRules.RANGE));
    assertThatThrownBy(() -> store().claimDue(at(40), 1, "node-a", Duration.ZERO))
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("lease", InputRules.RANGE));
    assertThatThrownBy(() -> store().claimDue(at(40), 1, "node-a", Duration.ofSeconds(-1)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("lease", InputRules.RANGE));
    assertThat(store().claimDue(at(1000), 10, "node-b", LEASE))
        .as("a refused claim took nothing")
        .extracting(due -> due.incident().id())
        .containsExactly(I1);
  }

  @Test
  void claimDue_leasesUntilAppendReleaseOrExpiry() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 10)));

    assertThat(store().claimDue(at(11), 10, "node-a", LEASE)).hasSize(1);
    assertThat(store().claimDue(at(11), 10, "node-b", LEASE)).isEmpty();
    assertThat(store().claimDue(at(11), 10, "node-a", LEASE)).as("even for its owner").isEmpty();
    assertThat(store().dueAt(at(11), 10)).as("dueAt ignores leases").hasSize(1);
    assertThat(store().claimDue(at(11).plus(LEASE), 10, "node-b", LEASE))
        .as("an expired lease is taken again")
        .hasSize(1);

    store().release(I1, "node-a"); // not node-a's lease any more: no effect
    assertThat(store().claimDue(at(11).plus(LEASE), 10, "node-a", LEASE)).isEmpty();
    store().release(I1, "node-b");
    assertThat(store().claimDue(at(11).plus(LEASE), 10, "node-a", LEASE)).hasSize(1);

    store().append(I1, 2, List.of(supervised("i1", 11, "pending")));
    assertThat(store().claimDue(at(11).plus(LEASE), 10, "node-b", LEASE))
        .as("an append ends the lease")
        .singleElement()
        .satisfies(d -> assertThat(d.incident().version()).isEqualTo(3));
  }

  /**
   * A lease taken at an instant finer than the microsecond ends after its end, never before it: a
   * store that keeps instants to the microsecond must not cut the lease's end short, or a second
   * owner takes the incident while the first one's lease holds (a JVM clock on Linux reads
   * nanoseconds).
   */
  @Test
  void claimDue_leaseTakenBetweenMicroseconds_holdsUntilItsEnd() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 10)));
    Instant taken = at(11).plusNanos(700);
    Instant end = taken.plus(LEASE);

    assertThat(store().claimDue(taken, 10, "node-a", LEASE)).hasSize(1);
    assertThat(store().claimDue(end.minusNanos(400), 10, "node-b", LEASE))
        .as("400 ns before the lease ends")
        .isEmpty();
    assertThat(store().claimDue(end.plusNanos(300), 10, "node-b", LEASE))
        .as("once it has ended")
        .hasSize(1);
  }

  @Test
  void claimDue_takesEarliestFirstUpToLimit() {
    for (int i = 0; i < 5; i++) {
      store().intake(List.of(reported("i" + i, GRID_A), registered("i" + i, 10 - i)));
    }

    assertThat(store().claimDue(at(20), 2, "node-a", LEASE))
        .extracting(d -> d.incident().id().value())
        .containsExactly("i4", "i3");
    assertThat(store().claimDue(at(20), 10, "node-b", LEASE))
        .extracting(d -> d.incident().id().value())
        .containsExactly("i2", "i1", "i0");
    assertThat(store().claimDue(at(7), 10, "node-c", Duration.ofHours(100))).isEmpty();
  }

  @Test
  void dueAt_timersAtBothEndsOfTheStoredRange_fallDue() {
    Instant first = IncidentEvent.MIN_INSTANT;
    Instant last = IncidentEvent.MAX_INSTANT;
    store()
        .intake(anIncident().withId("first").reportedAt(first).registered(Duration.ZERO).build());
    store()
        .intake(
            anIncident()
                .withId("last")
                .reportedAt(last.minus(Duration.ofHours(1)))
                .registered(Duration.ofHours(1))
                .build());

    assertThat(store().dueAt(first, 10))
        .extracting(d -> d.incident().id().value())
        .containsExactly("first");
    assertThat(store().dueAt(last.minusNanos(1_000), 10)).hasSize(1);
    assertThat(store().dueAt(last, 10))
        .extracting(d -> d.timer().dueAt())
        .containsExactly(first, last);
    assertThat(store().claimDue(first, 10, "node-a", LEASE))
        .extracting(d -> d.incident().id().value())
        .containsExactly("first");
  }

  @Test
  void claimDue_leaseEndingAfterTheLatestStoredInstant_refusedAndNothingLeased() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 10)));
    Instant lastMinute = IncidentEvent.MAX_INSTANT.minus(Duration.ofMinutes(1));

    assertThatThrownBy(() -> store().claimDue(lastMinute, 10, "node-a", LEASE))
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("lease", InputRules.RANGE))
        .hasMessageContaining("must end by " + IncidentEvent.MAX_INSTANT);
    assertThat(store().claimDue(at(11), 10, "node-b", LEASE)).as("nothing was leased").hasSize(1);
  }

  @Test
  void claimDueAndRelease_ownerBlankTooLongOrUnstorable_refusedNamingItAndNothingLeased() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 10)));
    String tooLong = "n".repeat(IncidentStore.MAX_OWNER_LENGTH + 1);

    assertThatThrownBy(() -> store().claimDue(at(11), 10, tooLong, LEASE))
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("owner", InputRules.FORMAT))
        .hasMessageContaining("at most " + IncidentStore.MAX_OWNER_LENGTH + " characters")
        .hasMessageContaining("was " + (IncidentStore.MAX_OWNER_LENGTH + 1));
    assertThatThrownBy(() -> store().claimDue(at(11), 10, " ", LEASE))
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("owner", InputRules.REQUIRED));
    assertThatThrownBy(() -> store().claimDue(at(11), 10, "node\u0000a", LEASE))
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("owner", InputRules.FORMAT))
        .hasMessageContaining("owner: must not hold a NUL character");
    assertThatThrownBy(() -> store().release(I1, tooLong))
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("owner", InputRules.FORMAT))
        .hasMessageContaining("at most " + IncidentStore.MAX_OWNER_LENGTH + " characters");
    assertThatThrownBy(() -> store().release(I1, ""))
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("owner", InputRules.REQUIRED));

    String longest = "节点".repeat(IncidentStore.MAX_OWNER_LENGTH / 2); // characters, not bytes
    assertThat(store().claimDue(at(11), 10, longest, LEASE))
        .as("nothing was leased before")
        .hasSize(1);
    assertThat(store().claimDue(at(11), 10, "node-b", LEASE)).isEmpty();
    store().release(I1, longest);
    assertThat(store().claimDue(at(11), 10, "node-b", LEASE))
        .as("released by its owner")
        .hasSize(1);
  }

  @Test
  void release_ownerEndingInASpace_refusedAndReleasesNothing() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 10)));
    assertThat(store().claimDue(at(11), 10, "node-a", LEASE)).hasSize(1);

    // MariaDB's collations compare "node-a " equal to "node-a": refused on every store alike
    assertThatThrownBy(() -> store().release(I1, "node-a "))
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("owner", InputRules.FORMAT))
        .hasMessageContaining("owner: must not end with a space");
    assertThatThrownBy(() -> store().claimDue(at(11), 10, "node-b ", LEASE))
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("owner", InputRules.FORMAT))
        .hasMessageContaining("owner: must not end with a space");

    assertThat(store().claimDue(at(11), 10, "node-b", LEASE)).as("node-a still holds it").isEmpty();
  }

  @Test
  void release_unknownIncident_notFound() {
    assertThatThrownBy(() -> store().release(IncidentId.of("nope"), "node-a"))
        .isInstanceOf(NotFoundException.class);
  }

  /**
   * Due timers come earliest first even when their ids sort the other way: an adapter that orders
   * by id only (or by insertion), which {@link #dueAt_returnsDueTimersEarliestFirstUpToLimit}
   * cannot tell apart since its ids sort as their instants, would hand a node the later timers
   * first and, with a limit, leave the earliest waiting.
   */
  @Test
  void dueAt_idsSortingAgainstTheInstants_earliestFirstAndLimitKeepsTheEarliest() {
    store().intake(List.of(reported("a", GRID_A), registered("a", 30)));
    store().intake(List.of(reported("c", GRID_A), registered("c", 10)));
    store().intake(List.of(reported("b", GRID_A), registered("b", 20)));

    assertThat(store().dueAt(at(40), 10))
        .extracting(d -> d.incident().id().value())
        .containsExactly("c", "b", "a");
    assertThat(store().dueAt(at(40), 2))
        .extracting(d -> d.incident().id().value())
        .containsExactly("c", "b");
  }

  /**
   * A timer is not due a nanosecond (or a microsecond) before its instant, by {@code dueAt} nor by
   * {@code claimDue}: an adapter comparing with a bound rounded up, or with {@code <} on the next
   * instant, acts on a deadline before it has passed.
   */
  @Test
  void dueAtAndClaimDue_justBeforeTheTimer_notDue() {
    store().intake(List.of(reported("i1", GRID_A), registered("i1", 10)));
    Instant due = at(10);

    assertThat(store().dueAt(due.minusNanos(1), 10)).as("1 ns before").isEmpty();
    assertThat(store().dueAt(due.minusNanos(1_000), 10)).as("1 µs before").isEmpty();
    assertThat(store().claimDue(due.minusNanos(1), 10, "node-a", LEASE)).isEmpty();
    assertThat(store().claimDue(due.minusNanos(1_000), 10, "node-a", LEASE)).isEmpty();
    assertThat(store().claimDue(due, 10, "node-a", LEASE)).as("at the instant itself").hasSize(1);
  }

  /**
   * Among timers due at one instant, {@code claimDue} takes them by id, as {@code dueAt} lists
   * them: an adapter that orders its claim by instant only hands them out in whatever order the
   * database finds them, and a limit takes an arbitrary one.
   */
  @Test
  void claimDue_sameInstant_takenById() {
    store().intake(List.of(reported("b", GRID_A), registered("b", 10)));
    store().intake(List.of(reported("c", GRID_A), registered("c", 10)));
    store().intake(List.of(reported("a", GRID_A), registered("a", 10)));

    assertThat(store().claimDue(at(10), 2, "node-a", LEASE))
        .extracting(d -> d.incident().id().value())
        .containsExactly("a", "b");
    assertThat(store().claimDue(at(10), 2, "node-b", LEASE))
        .extracting(d -> d.incident().id().value())
        .containsExactly("c");
  }

  /**
   * Incidents leased to another owner do not use up the limit: an adapter that picks the earliest
   * {@code limit} due incidents and then drops the leased ones hands a second node nothing while
   * the first holds the earliest, and due work waits for leases to end. {@link
   * #claimDue_takesEarliestFirstUpToLimit} lets its second taker ask for more than is left.
   */
  @Test
  void claimDue_leasedIncidentsDoNotUseUpTheLimit() {
    for (int i = 0; i < 4; i++) {
      store().intake(List.of(reported("i" + i, GRID_A), registered("i" + i, 10 - i)));
    }

    assertThat(store().claimDue(at(20), 2, "node-a", LEASE))
        .extracting(d -> d.incident().id().value())
        .containsExactly("i3", "i2");
    assertThat(store().claimDue(at(20), 2, "node-b", LEASE))
        .extracting(d -> d.incident().id().value())
        .containsExactly("i1", "i0");
    assertThat(store().claimDue(at(20), 2, "node-c", LEASE)).isEmpty();
  }

  /**
   * With hundreds due at once, in ties of up to a dozen at one instant and ids stored in no
   * particular order, {@code dueAt} lists them by (instant, id) and {@code claimDue} in chunks
   * hands them out in that same order: an adapter whose walk of its due timers is only right for a
   * handful (the tests above store at most four) hands a node later timers before earlier ones.
   */
  @Test
  void dueAtAndClaimDue_manyDueWithTies_inOrderOfInstantThenId() {
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      numbers.add(i);
    }
    Collections.shuffle(numbers, new Random(20240304L));
    List<String> expected = new ArrayList<>();
    for (int number : numbers) {
      String id = String.format("m%03d", number);
      int hours = 1 + number % 29;
      store().intake(List.of(reported(id, GRID_A), registered(id, hours)));
    }
    numbers.stream()
        .filter(n -> 1 + n % 29 <= 25)
        .sorted(Comparator.comparingInt((Integer n) -> n % 29).thenComparingInt(n -> n))
        .forEach(n -> expected.add(String.format("m%03d", n)));

    assertThat(store().dueAt(at(25), 1_000))
        .extracting(d -> d.incident().id().value())
        .as("every due timer, by instant then id")
        .containsExactlyElementsOf(expected);
    assertThat(store().dueAt(at(25), 50))
        .extracting(d -> d.incident().id().value())
        .as("a limit keeps the earliest")
        .containsExactlyElementsOf(expected.subList(0, 50));
    List<String> claimed = new ArrayList<>();
    for (int round = 0; claimed.size() < expected.size() && round < 20; round++) {
      store()
          .claimDue(at(25), 37, round % 2 == 0 ? "node-a" : "node-b", LEASE)
          .forEach(d -> claimed.add(d.incident().id().value()));
    }
    assertThat(claimed)
        .as("claimed in chunks of 37 by two nodes")
        .containsExactlyElementsOf(expected);
  }
}
