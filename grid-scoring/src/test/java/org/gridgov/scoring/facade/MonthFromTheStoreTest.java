package org.gridgov.scoring.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.scoring.Town.A;
import static org.gridgov.scoring.Town.C;
import static org.gridgov.scoring.Town.G1;
import static org.gridgov.scoring.Town.G2;
import static org.gridgov.scoring.Town.PERIOD;
import static org.gridgov.scoring.Town.S;
import static org.gridgov.scoring.Town.T0;
import static org.gridgov.scoring.Town.URBAN;
import static org.gridgov.scoring.Town.VISITS;
import static org.gridgov.scoring.Town.directory;

import java.time.Duration;
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
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.governance.GridGovernance;
import org.gridgov.governance.Report;
import org.gridgov.scoring.Scoring;
import org.gridgov.scoring.ScoringRun;
import org.gridgov.scoring.indicator.Counter;
import org.gridgov.scoring.indicator.IndicatorEngine;
import org.gridgov.scoring.indicator.IndicatorReport;
import org.gridgov.scoring.policy.IndicatorSettings;
import org.gridgov.scoring.policy.ScoringPresets;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * March scored from the store through {@link GridGovernance#histories} over the month's own bounds,
 * against March scored from every history ever reported (what a listener that kept every id would
 * feed): cases from February that close in March, a February deadline that falls due in March, a
 * case reported on the last evening and registered in April, one reported in April.
 */
class MonthFromTheStoreTest {
  private static final CategoryCode VENDING = CategoryCode.parse("E0402");
  private static final Actor SEAT = Actor.centre("seat-1");

  private final MutableClock clock = MutableClock.of(T0, ZoneOffset.UTC);
  private final GridGovernance g =
      GridGovernance.builder()
          .storage(InMemoryGridStorage.create())
          .directory(directory())
          .policy(Presets.kaixuan())
          .clock(clock)
          .build();

  /** Every case reported, in order: what a listener would have to keep. */
  private final List<IncidentId> everyCase = new ArrayList<>();

  @Test
  void march_fromTheStoresHistoriesOfTheMonth_sameAsFromEveryHistory() {
    IncidentId februarySettled = report("2024-02-20T01:00:00Z", A, G1);
    g.register(SEAT, februarySettled, Optional.empty(), Optional.empty(), "");
    g.claim(A, februarySettled);
    handleAndClose(februarySettled, A, "2024-02-20T05:00:00Z");

    IncidentId februaryToMarch = report("2024-02-27T01:00:00Z", C, G2);
    g.register(SEAT, februaryToMarch, Optional.empty(), Optional.empty(), "");
    g.advance(Instant.parse("2024-02-28T01:00:00Z")); // assigned automatically

    IncidentId deadlineInMarch = report("2024-02-28T02:00:00Z", A, G1);
    g.register(SEAT, deadlineInMarch, Optional.empty(), Optional.empty(), "");
    g.claim(A, deadlineInMarch); // reply by 2 March 02:00Z
    g.advance(Instant.parse("2024-03-02T03:00:00Z")); // overdue in March

    handleAndClose(
        februaryToMarch,
        g.require(februaryToMarch).assignee().orElseThrow(),
        "2024-03-02T04:00:00Z");
    handleAndClose(deadlineInMarch, A, "2024-03-05T01:00:00Z");

    IncidentId march = report("2024-03-10T01:00:00Z", A, G1);
    g.register(SEAT, march, Optional.empty(), Optional.empty(), "");
    g.claim(A, march);
    handleAndClose(march, A, "2024-03-10T06:00:00Z");
    g.rate(Actor.resident("r-1"), march, 5, 4, 5);

    IncidentId lastEvening = report("2024-03-31T15:00:00Z", C, G2); // 23:00 in Hangzhou
    clock.setInstant(Instant.parse("2024-04-01T02:00:00Z"));
    g.register(SEAT, lastEvening, Optional.empty(), Optional.empty(), "");
    IncidentId april = report("2024-04-01T03:00:00Z", A, G1);
    g.register(SEAT, april, Optional.empty(), Optional.empty(), "");
    g.advance(Instant.parse("2024-04-15T00:00:00Z")); // past March's end

    Iterable<List<IncidentEvent>> stored = g.histories(PERIOD.from(), PERIOD.to());
    List<List<IncidentEvent>> every = new ArrayList<>();
    everyCase.forEach(id -> every.add(g.history(id)));
    ScoringRun run = Scoring.of(ScoringPresets.kaixuan()).period(PERIOD);
    IndicatorReport fromStore = run.indicators(stored, VISITS, directory());

    assertThat(stored)
        .extracting(history -> history.get(0).incident())
        .containsExactlyInAnyOrder(februaryToMarch, deadlineInMarch, march, lastEvening);
    assertThat(fromStore).isEqualTo(run.indicators(every, VISITS, directory()));
    assertThat(run.score(stored, VISITS, directory()))
        .isEqualTo(run.score(every, VISITS, directory()));
    assertThat(fromStore.line(URBAN).count(Counter.CLOSED))
        .as("two of them from February")
        .isEqualTo(3);
    assertThat(fromStore.line(URBAN).count(Counter.OVERDUE)).isEqualTo(2);
    IndicatorSettings settling = withSettleAfter(run, Duration.ofDays(10));
    assertThat(new IndicatorEngine(PERIOD, settling).seed(directory()).acceptAll(stored).finish())
        .as("a cut-off ten days into April needs no wider query")
        .isEqualTo(
            new IndicatorEngine(PERIOD, settling).seed(directory()).acceptAll(every).finish());
  }

  private IncidentId report(String at, WorkerId by, AreaCode grid) {
    clock.setInstant(Instant.parse(at));
    IncidentId id =
        g.report(
                Report.by(Actor.worker(by))
                    .source(Source.PATROL)
                    .category(VENDING)
                    .grid(grid)
                    .description("street vending")
                    .build())
            .incident()
            .id();
    everyCase.add(id);
    return id;
  }

  private void handleAndClose(IncidentId id, WorkerId handler, String at) {
    clock.setInstant(Instant.parse(at));
    g.feedback(handler, id, "vendor moved on");
    clock.add(Duration.ofHours(1));
    g.verify(S, id, true, "");
    g.close(SEAT, id, "");
  }

  private static IndicatorSettings withSettleAfter(ScoringRun run, Duration settleAfter) {
    IndicatorSettings s = run.policy().indicators();
    return new IndicatorSettings(
        s.respondWithin(),
        s.closeWithin(),
        settleAfter,
        s.satisfiedAtLeast(),
        s.lateReplyCredit(),
        s.percentiles(),
        s.threeRateSources());
  }
}
