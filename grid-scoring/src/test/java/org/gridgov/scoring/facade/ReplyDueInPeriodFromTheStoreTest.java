package org.gridgov.scoring.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.scoring.Town.A;
import static org.gridgov.scoring.Town.G1;
import static org.gridgov.scoring.Town.PERIOD;
import static org.gridgov.scoring.Town.S;
import static org.gridgov.scoring.Town.T0;
import static org.gridgov.scoring.Town.URBAN;
import static org.gridgov.scoring.Town.VISITS;
import static org.gridgov.scoring.Town.directory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Source;
import org.gridgov.core.policy.Presets;
import org.gridgov.governance.GridGovernance;
import org.gridgov.governance.Report;
import org.gridgov.scoring.Scoring;
import org.gridgov.scoring.ScoringRun;
import org.gridgov.scoring.indicator.Counter;
import org.gridgov.scoring.indicator.IndicatorReport;
import org.gridgov.scoring.policy.ScoringPresets;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * A reply deadline that falls in March, answered (and the case closed) in February: the indicator
 * engine counts it in March's reply index (deadlines falling in P, by the deadline's instant, not
 * the reply's), so the case is alive in March (Incident.aliveUntil) although its last event is in
 * February, and March read from the store equals March from every history.
 */
class ReplyDueInPeriodFromTheStoreTest {
  private static final CategoryCode VENDING = CategoryCode.parse("E0402");
  private static final Actor SEAT = Actor.centre("seat-1");

  @Test
  void march_replyDeadlineInMarchAnsweredInFebruary_sameFromTheStoreAsFromEveryHistory() {
    MutableClock clock = MutableClock.of(T0, ZoneOffset.UTC);
    GridGovernance g =
        GridGovernance.builder()
            .storage(InMemoryGridStorage.create())
            .directory(directory())
            .policy(Presets.kaixuan())
            .clock(clock)
            .build();
    // March in Hangzhou starts at 2024-02-29T16:00Z
    clock.setInstant(Instant.parse("2024-02-29T01:00:00Z"));
    IncidentId early =
        g.report(
                Report.by(Actor.worker(A))
                    .source(Source.PATROL)
                    .category(VENDING)
                    .grid(G1)
                    .description("street vending")
                    .build())
            .incident()
            .id();
    g.register(SEAT, early, Optional.empty(), Optional.empty(), "");
    g.claim(A, early); // reply by 2024-03-03T01:00Z (72 h)
    clock.setInstant(Instant.parse("2024-02-29T05:00:00Z"));
    g.feedback(A, early, "vendor moved on"); // answered on time, in February
    clock.setInstant(Instant.parse("2024-02-29T06:00:00Z"));
    g.verify(S, early, true, "");
    g.close(SEAT, early, ""); // last event still in February
    g.advance(Instant.parse("2024-04-15T00:00:00Z"));

    ScoringRun run = Scoring.of(ScoringPresets.kaixuan()).period(PERIOD);
    List<List<IncidentEvent>> every = List.of(g.history(early));
    List<List<IncidentEvent>> stored = new ArrayList<>();
    g.histories(PERIOD.from(), PERIOD.to()).forEach(stored::add);
    IndicatorReport fromEvery = run.indicators(every, VISITS, directory());
    IndicatorReport fromStore = run.indicators(stored, VISITS, directory());

    assertThat(fromEvery.line(URBAN).count(Counter.REPLIES_DUE))
        .as("the engine counts the deadline in March")
        .isEqualTo(1);
    assertThat(fromStore).as("March from GridGovernance.histories(March)").isEqualTo(fromEvery);
  }
}
