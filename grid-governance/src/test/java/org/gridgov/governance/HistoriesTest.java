package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.governance.Town.*;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.policy.Presets;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/** {@link GridGovernance#histories}: the store's cases alive in a period, page by page. */
class HistoriesTest {

  private static List<IncidentId> ids(Iterable<List<IncidentEvent>> histories) {
    List<IncidentId> ids = new ArrayList<>();
    histories.forEach(history -> ids.add(history.get(0).incident()));
    return ids;
  }

  @Test
  void histories_moreThanAPage_eachAliveCaseOnceInIdOrder_wholeHistories() {
    MutableClock clock = MutableClock.of(hours(-1), ZoneOffset.UTC);
    GridGovernance governance = governance(clock, Presets.kaixuan());
    IncidentId before = governance.report(patrol(GRID_1, VENDING).build()).incident().id();
    governance.reject(
        CENTRE,
        before,
        org.gridgov.core.incident.RejectionKind.INVALID,
        java.util.Optional.empty(),
        "not a case"); // settled before the day
    clock.setInstant(hours(0));
    List<IncidentId> alive = new ArrayList<>();
    for (int i = 0; i < GridGovernance.HISTORY_PAGE + 3; i++) {
      alive.add(reportAndRegister(governance, i % 2 == 0 ? GRID_1 : GRID_2, VENDING));
    }
    clock.setInstant(hours(24));
    reportAndRegister(governance, GRID_1, VENDING); // reported at the day's end: out
    governance.advance(hours(25)); // every case of the day assigned

    List<List<IncidentEvent>> histories = new ArrayList<>();
    governance.histories(hours(0), hours(24)).forEach(histories::add);

    assertThat(ids(histories)).containsExactlyElementsOf(alive.stream().sorted().toList());
    for (List<IncidentEvent> history : histories) {
      assertThat(history)
          .isEqualTo(governance.history(history.get(0).incident()))
          .last()
          .isInstanceOf(IncidentAssigned.class);
    }
  }

  @Test
  void histories_readWhenIterated_afreshEachTime() {
    MutableClock clock = MutableClock.of(hours(0), ZoneOffset.UTC);
    GridGovernance governance = governance(clock, Presets.kaixuan());
    IncidentId first = reportAndRegister(governance, GRID_1, VENDING);
    Iterable<List<IncidentEvent>> day = governance.histories(hours(0), hours(24));

    clock.add(Duration.ofHours(1));
    IncidentId second = reportAndRegister(governance, GRID_2, VENDING);
    assertThat(ids(day)).containsExactly(first, second);

    governance.claim(A, first);
    assertThat(day).first().satisfies(history -> assertThat(history).hasSize(3));
    assertThat(ids(governance.histories(hours(1), hours(2))))
        .as("the hour of the claim")
        .containsExactly(first, second);
    assertThat(ids(governance.histories(hours(2), hours(3))))
        .as("nothing happened, but the claimed case's reply deadline is still ahead")
        .containsExactly(first);
    Instant replyBy = governance.require(first).replyBy().orElseThrow();
    assertThat(ids(governance.histories(replyBy, replyBy.plusSeconds(1)))).containsExactly(first);
    assertThat(ids(governance.histories(replyBy.plusSeconds(1), replyBy.plusSeconds(2)))).isEmpty();
  }

  @Test
  void histories_missingOrEmptyInterval_refusedNamingTheFields() {
    GridGovernance governance =
        governance(MutableClock.of(NINE, ZoneOffset.UTC), Presets.kaixuan());

    assertThatThrownBy(() -> governance.histories(null, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("from: is required")
        .hasMessageContaining("to: is required")
        .hasMessageContaining("[input.required]");
    assertThatThrownBy(() -> governance.histories(hours(1), hours(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("to: must be after from " + hours(1))
        .hasMessageContaining("[input.range]");
    assertThatThrownBy(() -> governance.histories(hours(2), hours(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("to: must be after");
  }
}
