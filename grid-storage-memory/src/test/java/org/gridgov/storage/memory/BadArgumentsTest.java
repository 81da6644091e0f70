package org.gridgov.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.tck.fixtures.Events.GRID_A;
import static org.gridgov.tck.fixtures.Events.at;
import static org.gridgov.tck.fixtures.Events.registered;
import static org.gridgov.tck.fixtures.Events.reported;

import java.time.Duration;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.spi.IncidentStore;
import org.junit.jupiter.api.Test;

/**
 * The bad arguments this adapter checks itself, beyond the TCK's IllegalArgumentException: each an
 * InvalidInputException naming the parameter and its rule, nothing read or written.
 */
class BadArgumentsTest {
  private final IncidentStore store = InMemoryGridStorage.create().incidents();

  @Test
  void append_noEvents_refusedAtEventsNothingWritten() {
    store.intake(List.of(reported("i1", GRID_A), registered("i1", 10)));

    assertThatThrownBy(() -> store.append(IncidentId.of("i1"), 2, List.of()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("append to incident i1");
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo("events");
                        assertThat(v.rule()).isEqualTo("input.range");
                      });
            });
    assertThat(store.history(IncidentId.of("i1"))).hasSize(2);
  }

  @Test
  void dueAtAndClaimDue_limitBelowOne_refusedAtLimitNothingLeased() {
    store.intake(List.of(reported("i1", GRID_A), registered("i1", 10)));

    assertThatThrownBy(() -> store.dueAt(at(11), 0))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("dueAt call");
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo("limit");
                        assertThat(v.rule()).isEqualTo("input.range");
                        assertThat(v.value()).isEqualTo("0");
                      });
            });
    assertThatThrownBy(() -> store.claimDue(at(11), -1, "node-a", Duration.ofMinutes(5)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("claimDue call");
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo("limit");
                        assertThat(v.rule()).isEqualTo("input.range");
                        assertThat(v.value()).isEqualTo("-1");
                      });
            });
    assertThat(store.claimDue(at(11), 1, "node-b", Duration.ofMinutes(5)))
        .as("nothing was leased")
        .hasSize(1);
  }
}
