package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.governance.Town.*;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentRegistered;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.policy.Presets;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * A listener that throws, as {@link GridListener} documents: the events stay stored, the command or
 * timer round that made them returns as if nothing failed, and every other listener is still told,
 * on each of the three ways events are appended (a report's intake, a command's append, a timer
 * round's batch).
 */
class ListenerFailureTest {

  @Test
  void aThrowingListener_neitherUndoesNorHidesTheAppend_andTheOthersAreStillTold() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    List<Integer> failed = new ArrayList<>();
    List<IncidentEvent> heard = new ArrayList<>();
    GridGovernance governance =
        GridGovernance.builder()
            .storage(InMemoryGridStorage.create())
            .directory(directory())
            .policy(Presets.kaixuan())
            .clock(clock)
            .listener(
                (incident, events) -> {
                  failed.add(events.size());
                  throw new IllegalStateException("the dashboard is down");
                })
            .listener((incident, events) -> heard.addAll(events))
            .build();

    IncidentId id;
    AdvanceResult round;
    try (CapturedLog log = CapturedLog.start()) {
      id = reportAndRegister(governance, GRID_1, VENDING); // intake, then a command
      clock.setInstant(hours(24)); // nobody claimed it: the timer round assigns it
      round = governance.advance();

      assertThat(log.at(java.util.logging.Level.WARNING))
          .as("each failure logged, with its cause")
          .hasSize(3)
          .allSatisfy(
              r -> {
                assertThat(r.getMessage()).isEqualTo("listener failed on incident " + id);
                assertThat(r.getThrown()).hasMessage("the dashboard is down");
              });
    }

    assertThat(round.assigned()).isEqualTo(1);
    assertThat(governance.require(id).stage()).isEqualTo(Stage.DISPATCHED);
    assertThat(governance.history(id))
        .map(IncidentEvent::getClass)
        .containsExactly(IncidentReported.class, IncidentRegistered.class, IncidentAssigned.class);
    assertThat(heard)
        .as("the second listener hears every append")
        .containsExactlyElementsOf(governance.history(id));
    assertThat(failed).as("the first was called for each of the three appends").hasSize(3);
  }
}
