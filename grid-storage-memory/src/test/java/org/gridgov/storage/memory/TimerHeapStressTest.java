package org.gridgov.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.DeadlineExtended;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentRegistered;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.Source;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Thousands of timers moving up, down and out of the 4-ary heap: dueAt walks them in order. */
class TimerHeapStressTest {
  private static final Instant T0 = Instant.parse("2024-03-04T01:00:00Z");
  private static final AreaCode GRID = AreaCode.of("330102011002001", Level.GRID);
  private static final LineId URBAN = LineId.of("urban");
  private static final Actor CENTRE = Actor.centre("seat-1");

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * With {@code quantum} 3600, timers fall due on whole hours, so most share their instant with
   * others and the heap orders them by id: half the ids share their first nine characters.
   */
  @ParameterizedTest(name = "due instants in steps of {0} s")
  @ValueSource(ints = {1, 3600})
  void dueAtAgreesWithASortOfEveryTimer(int quantum) {
    Random random = new Random(42);
    IncidentStore store = InMemoryGridStorage.create().incidents();
    Map<IncidentId, Incident> states = new HashMap<>();
    List<IncidentId> ids = new ArrayList<>();
    Instant now = T0;
    for (int step = 0; step < 40_000; step++) {
      if (ids.size() < 3000 && random.nextInt(3) == 0) {
        IncidentId id = IncidentId.of(step % 2 == 0 ? "i" + step : "incident-" + step);
        List<IncidentEvent> opening =
            List.of(
                new IncidentReported(
                    id,
                    Actor.resident("r"),
                    now,
                    "",
                    Source.APP,
                    CategoryCode.parse("P0110"),
                    GRID,
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    "",
                    Optional.empty()),
                new IncidentRegistered(
                    id,
                    CENTRE,
                    now,
                    "",
                    CategoryCode.parse("P0110"),
                    URBAN,
                    now.plusSeconds((long) quantum * (random.nextInt(100_000) / quantum))));
        states.put(id, store.intake(opening).incident());
        ids.add(id);
      } else if (!ids.isEmpty()) {
        IncidentId id = ids.get(random.nextInt(ids.size()));
        Incident incident = states.get(id);
        Instant due = now.plusSeconds((long) quantum * (1 + random.nextInt(100_000) / quantum));
        WorkerId worker = WorkerId.of("w" + random.nextInt(5));
        IncidentEvent event;
        if (incident.stage() == org.gridgov.core.incident.Stage.DISPATCHED) {
          int kind = random.nextInt(3);
          event =
              kind == 0
                  ? new DeadlineExtended(
                      id,
                      CENTRE,
                      now,
                      "",
                      max(incident.replyBy().orElseThrow(), now)
                          .plusSeconds((long) quantum * (1 + random.nextInt(50_000) / quantum)))
                  : kind == 1
                      ? new FeedbackGiven(
                          id,
                          Actor.worker(incident.assignee().orElseThrow()),
                          now,
                          "",
                          incident.assignee().orElseThrow(),
                          "done")
                      : new IncidentAssigned(
                          id, CENTRE, now, "", WorkerId.of("x" + step), URBAN, due);
        } else if (incident.stage() == org.gridgov.core.incident.Stage.REGISTERED) {
          event = new IncidentAssigned(id, CENTRE, now, "", worker, URBAN, due);
        } else {
          continue;
        }
        states.put(id, store.append(id, incident.version(), List.of(event)));
      }
      if (step % 500 == 0) {
        now = now.plusSeconds(random.nextInt(3000));
        Instant ahead = now.plusSeconds(random.nextInt(120_000));
        List<IncidentId> expected =
            states.values().stream()
                .filter(
                    i -> i.nextTimer().isPresent() && !i.nextTimer().get().dueAt().isAfter(ahead))
                .sorted(
                    Comparator.<Incident, Instant>comparing(i -> i.nextTimer().get().dueAt())
                        .thenComparing(Incident::id))
                .map(Incident::id)
                .toList();
        assertThat(store.dueAt(ahead, Integer.MAX_VALUE))
            .extracting(t -> t.incident().id())
            .containsExactlyElementsOf(expected);
      }
    }
  }
}
