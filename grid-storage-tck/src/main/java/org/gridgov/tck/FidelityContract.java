package org.gridgov.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.tck.fixtures.Events.CENTRE;
import static org.gridgov.tck.fixtures.Events.GRID_A;
import static org.gridgov.tck.fixtures.Events.WANG;
import static org.gridgov.tck.fixtures.Events.at;
import static org.gridgov.tck.fixtures.Events.claimed;
import static org.gridgov.tck.fixtures.Events.extended;
import static org.gridgov.tck.fixtures.Events.supervised;
import static org.gridgov.tck.fixtures.IncidentBuilder.anIncident;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.IllegalTransitionException;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.spi.DueTimer;
import org.gridgov.tck.fixtures.EveryEventType;
import org.junit.jupiter.api.Test;

/**
 * What goes in comes out unchanged: every event type, long histories, any Unicode text, and
 * instants to the microsecond.
 *
 * <p><b>Precision.</b> Stores keep instants to the microsecond, in any JVM or session time zone. A
 * store may drop the digits below the microsecond (truncating toward the past, as the SQL timestamp
 * types do); when it does, the incident {@code append} returns is the stored one. Whether an append
 * is legal never depends on that choice: the fold compares instants to the microsecond, so every
 * store accepts an event under a microsecond before the last one inside the same microsecond, and
 * refuses an extension of the reply deadline by less than one.
 *
 * <p><b>Range.</b> Stores keep every instant from {@link IncidentEvent#MIN_INSTANT} to {@link
 * IncidentEvent#MAX_INSTANT}, both included; an event outside cannot be built, so no store is asked
 * to keep one.
 */
public abstract class FidelityContract extends StorageContract {

  @Test
  void everyEventType_roundTripsExactly() {
    for (List<IncidentEvent> history : EveryEventType.histories()) {
      IncidentId id = history.get(0).incident();
      storage.incidents().intake(history.subList(0, 2));
      storage.incidents().append(id, 2, history.subList(2, history.size()));

      assertThat(storage.incidents().history(id)).containsExactlyElementsOf(history);
      assertThat(storage.incidents().find(id)).contains(Incident.replay(history));
    }
    assertThat(
            EveryEventType.histories().stream()
                .flatMap(List::stream)
                .map(e -> e.getClass().getSimpleName())
                .collect(Collectors.toSet()))
        .as("the fixture covers every type")
        .hasSize(IncidentEvent.class.getPermittedSubclasses().length);
  }

  @Test
  void history_tenThousandEvents_roundTripsInOrder() {
    List<IncidentEvent> expected =
        new ArrayList<>(anIncident().withId("long").registered(Duration.ofDays(365)).build());
    storage.incidents().intake(expected);
    IncidentId id = IncidentId.of("long");
    for (int batch = 0; batch < 10; batch++) {
      List<IncidentEvent> events = new ArrayList<>();
      int size = batch == 0 ? 998 : 1000;
      for (int i = 0; i < size; i++) {
        events.add(supervised("long", batch + 1, "check " + (expected.size() + events.size())));
      }
      storage.incidents().append(id, expected.size(), events);
      expected.addAll(events);
    }

    assertThat(storage.incidents().history(id)).hasSize(10_000).isEqualTo(expected);
    Incident incident = storage.incidents().find(id).orElseThrow();
    assertThat(incident.version()).isEqualTo(10_000);
    assertThat(incident.supervisions()).isEqualTo(9_998);
  }

  @Test
  void text_anyUnicode_roundTrips() {
    String text =
        "景芳三区 7 幢：路灯不亮 — 居民 \"张\" 说 'it\\'s dark' 🌃🏮 𠀀𪚥 ئۇيغۇرچە "
            + "e\u0301 \u200d tab\tnewline\n end";
    List<IncidentEvent> opening =
        anIncident()
            .withId("u1")
            .describedAs(text)
            .onTopic("每月一题·🌟")
            .registered(Duration.ofHours(1))
            .build();
    storage.incidents().intake(opening);
    storage.incidents().append(IncidentId.of("u1"), 2, List.of(supervised("u1", 1, text)));

    List<IncidentEvent> history = storage.incidents().history(IncidentId.of("u1"));
    assertThat(history.subList(0, 2)).isEqualTo(opening);
    assertThat(history.get(2)).isEqualTo(supervised("u1", 1, text));
  }

  /**
   * The longest text an event holds is {@link IncidentEvent#MAX_TEXT} characters, however Java
   * holds them: of characters outside the basic plane (a rare Han character of a name, an emoji)
   * that is twice as many Java chars and four times as many UTF-8 bytes, which the store keeps
   * whole.
   */
  @Test
  void text_longestOfCharactersOutsideTheBasicPlane_roundTrips() {
    String text =
        "𠮷🏮".repeat(IncidentEvent.MAX_TEXT / 2); // MAX_TEXT characters, 2 × MAX_TEXT chars
    List<IncidentEvent> opening =
        anIncident().withId("u2").describedAs(text).registered(Duration.ofHours(1)).build();
    storage.incidents().intake(opening);
    storage.incidents().append(IncidentId.of("u2"), 2, List.of(supervised("u2", 1, text)));

    List<IncidentEvent> history = storage.incidents().history(IncidentId.of("u2"));
    assertThat(history.subList(0, 2)).isEqualTo(opening);
    assertThat(history.get(2)).isEqualTo(supervised("u2", 1, text));
  }

  @Test
  void instants_microseconds_roundTripExactly() {
    List<Instant> instants =
        List.of(
            Instant.parse("1999-12-31T23:59:59.999999Z"),
            Instant.parse("2024-02-29T16:00:00.000001Z"),
            Instant.parse("2038-01-19T03:14:08.5Z"),
            Instant.parse("2999-12-31T23:59:59.999999Z"));
    for (int i = 0; i < instants.size(); i++) {
      Instant t = instants.get(i);
      List<IncidentEvent> opening =
          anIncident().withId("t" + i).reportedAt(t).registered(Duration.ofNanos(1_000)).build();
      storage.incidents().intake(opening);

      assertThat(storage.incidents().history(IncidentId.of("t" + i))).isEqualTo(opening);
      Incident found = storage.incidents().find(IncidentId.of("t" + i)).orElseThrow();
      assertThat(found.reportedAt()).isEqualTo(t);
      assertThat(found.nextTimer().orElseThrow().dueAt()).isEqualTo(t.plusNanos(1_000));
    }
    assertThat(
            storage
                .incidents()
                .countReported(GRID_A, instants.get(1), instants.get(1).plusNanos(1_000)))
        .isEqualTo(1);
  }

  @Test
  void instants_atBothEndsOfTheStoredRange_roundTripExactly() {
    Instant first = IncidentEvent.MIN_INSTANT;
    Instant last = IncidentEvent.MAX_INSTANT;
    List<IncidentEvent> earliest =
        anIncident().withId("first").reportedAt(first).registered(Duration.ZERO).build();
    List<IncidentEvent> latest =
        anIncident().withId("last").reportedAt(last).registered(Duration.ZERO).build();
    storage.incidents().intake(earliest);
    storage.incidents().intake(latest);

    assertThat(storage.incidents().history(IncidentId.of("first"))).isEqualTo(earliest);
    assertThat(storage.incidents().history(IncidentId.of("last"))).isEqualTo(latest);
    assertThat(
            storage
                .incidents()
                .find(IncidentId.of("last"))
                .orElseThrow()
                .nextTimer()
                .orElseThrow()
                .dueAt())
        .isEqualTo(last);
    assertThat(storage.incidents().countReported(GRID_A, first, last)).isEqualTo(1);
    assertThatThrownBy(() -> anIncident().reportedAt(first.minusNanos(1_000)).build())
        .as("an event outside the range is refused before any store sees it")
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("at", InputRules.RANGE))
        .hasMessageContaining("must be between");
  }

  @Test
  void instants_nanoseconds_keptOrTruncatedToMicroseconds() {
    Instant t = Instant.parse("2024-03-04T01:00:00.123456789Z");
    Incident returned =
        storage.incidents().intake(anIncident().withId("n1").reportedAt(t).build()).incident();

    Instant stored = storage.incidents().find(IncidentId.of("n1")).orElseThrow().reportedAt();
    assertThat(stored).isIn(t, t.truncatedTo(ChronoUnit.MICROS));
    assertThat(returned.reportedAt()).isEqualTo(stored);
    assertThat(storage.incidents().history(IncidentId.of("n1")).get(0).at()).isEqualTo(stored);
  }

  @Test
  void instants_nonUtcJvmZone_roundTripAndCompareExactly() {
    TimeZone saved = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns"));
      release(storage);
      storage = newStorage();
      Instant t = Instant.parse("2024-11-03T03:30:00.654321Z"); // a DST change in St. John's
      storage
          .incidents()
          .intake(
              anIncident().withId("z1").reportedAt(t).registered(Duration.ofMinutes(90)).build());

      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kathmandu"));
      Incident found = storage.incidents().find(IncidentId.of("z1")).orElseThrow();
      assertThat(found.reportedAt()).isEqualTo(t);
      Instant due = t.plus(Duration.ofMinutes(90));
      assertThat(storage.incidents().dueAt(due.minusNanos(1_000), 10)).isEmpty();
      assertThat(storage.incidents().dueAt(due, 10))
          .extracting(DueTimer::incident)
          .containsExactly(found);
      assertThat(storage.incidents().countReported(GRID_A, t, t.plusNanos(1_000))).isEqualTo(1);
      assertThat(storage.incidents().countReported(GRID_A, t.plusNanos(1_000), due)).isZero();
      assertThat(storage.incidents().countReported(GRID_A, t.plusNanos(1), due))
          .as("a bound between microseconds: the report is before it")
          .isZero();
      assertThat(storage.incidents().countReported(GRID_A, t.minusSeconds(1), t.plusNanos(1)))
          .as("a bound between microseconds: the report is before it")
          .isEqualTo(1);
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Test
  void append_eventInsideTheLastEventsMicrosecond_acceptedByEveryStore_anEarlierOneRefused() {
    Instant t = Instant.parse("2024-03-04T01:00:00.123456900Z");
    IncidentId id = IncidentId.of("p1");
    storage
        .incidents()
        .intake(anIncident().withId("p1").reportedAt(t).registered(Duration.ofHours(1)).build());

    Incident appended =
        storage
            .incidents()
            .append(
                id,
                2,
                List.of(new IncidentSupervised(id, CENTRE, t.minusNanos(500), "500 ns before")));

    assertThat(appended.version()).isEqualTo(3);
    assertThat(storage.incidents().find(id)).contains(appended);
    assertThat(storage.incidents().history(id)).hasSize(3);
    Instant earlier = t.truncatedTo(ChronoUnit.MICROS).minusNanos(1);
    assertThatThrownBy(
            () ->
                storage
                    .incidents()
                    .append(
                        id,
                        3,
                        List.of(
                            new IncidentSupervised(id, CENTRE, earlier, "the microsecond before"))))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("events must not go back in time");
    assertThat(storage.incidents().history(id)).hasSize(3);
    assertThat(storage.incidents().find(id).orElseThrow().version()).isEqualTo(3);
  }

  @Test
  void append_extensionByLessThanAMicrosecond_refusedByEveryStore_byOneAccepted() {
    IncidentId id = IncidentId.of("p2");
    storage.incidents().intake(anIncident().withId("p2").registered(Duration.ofHours(24)).build());
    Instant replyBy =
        storage.incidents().append(id, 2, List.of(claimed("p2", 1, WANG))).replyBy().orElseThrow();
    assertThat(replyBy).isEqualTo(at(73));

    assertThatThrownBy(
            () ->
                storage
                    .incidents()
                    .append(id, 3, List.of(extended("p2", 2, replyBy.plusNanos(500)))))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("must move the deadline");
    assertThat(storage.incidents().history(id)).hasSize(3);
    assertThat(storage.incidents().find(id).orElseThrow().replyBy()).contains(replyBy);

    Incident extended =
        storage.incidents().append(id, 3, List.of(extended("p2", 2, replyBy.plusNanos(1_000))));
    assertThat(extended.replyBy()).contains(replyBy.plusNanos(1_000));
    assertThat(storage.incidents().find(id)).contains(extended);
  }
}
