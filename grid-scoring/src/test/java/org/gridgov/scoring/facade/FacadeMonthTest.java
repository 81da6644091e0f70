package org.gridgov.scoring.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.scoring.Town.*;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.RejectionKind;
import org.gridgov.core.incident.Source;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.governance.GridGovernance;
import org.gridgov.governance.Report;
import org.gridgov.scoring.ScoreCard;
import org.gridgov.scoring.Scoring;
import org.gridgov.scoring.ScoringRun;
import org.gridgov.scoring.indicator.Indicator;
import org.gridgov.scoring.indicator.IndicatorReport;
import org.gridgov.scoring.indicator.Rate;
import org.gridgov.scoring.policy.ScoringPresets;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * Histories produced by {@link GridGovernance} under Kaixuan's policy (24 h claim window, 72 h
 * reply) with a test clock, then scored: the store's histories are the engine's input.
 */
class FacadeMonthTest {
  private static final CategoryCode VENDING = CategoryCode.parse("E0402");
  private static final Actor SEAT = Actor.centre("seat-1");

  @Test
  void monthThroughTheFacade_claimAutoAssignOverdueReject_asComputedByHand() {
    MutableClock clock = MutableClock.of(T0, ZoneOffset.UTC);
    GridGovernance g =
        GridGovernance.builder()
            .storage(InMemoryGridStorage.create())
            .directory(directory())
            .policy(Presets.kaixuan())
            .clock(clock)
            .build();

    IncidentId claimed = report(g, A, G1); // day 1: A claims after 1 h
    g.register(SEAT, claimed, Optional.empty(), Optional.empty(), "");
    clock.setInstant(T0.plus(Duration.ofHours(1)));
    g.claim(A, claimed);
    clock.setInstant(T0.plus(Duration.ofHours(5)));
    g.feedback(A, claimed, "vendor moved on");
    clock.setInstant(T0.plus(Duration.ofHours(6)));
    g.verify(S, claimed, true, "");
    g.close(SEAT, claimed, "");
    g.rate(Actor.resident("r-1"), claimed, 5, 4, 5);

    clock.setInstant(T0.plus(Duration.ofDays(1))); // day 2: nobody claims C's case
    IncidentId assigned = report(g, C, G2);
    g.register(SEAT, assigned, Optional.empty(), Optional.empty(), "");
    clock.add(Duration.ofHours(24));
    g.advance(); // assigned to w-c (fewest open, by id)
    clock.add(Duration.ofHours(72));
    g.advance(); // overdue
    clock.add(Duration.ofHours(2));
    g.feedback(C, assigned, "done late");
    g.verify(S, assigned, true, "");
    g.close(SEAT, assigned, "");

    clock.setInstant(T0.plus(Duration.ofDays(2))); // day 3: a report that is not a case
    IncidentId rejected = report(g, A, G1);
    g.reject(SEAT, rejected, RejectionKind.INVALID, Optional.empty(), "not a case");

    List<List<IncidentEvent>> histories =
        List.of(g.history(claimed), g.history(assigned), g.history(rejected));
    ScoringRun run = Scoring.of(ScoringPresets.kaixuan()).month(MARCH, ZONE);
    IndicatorReport report = run.indicators(histories, List.of(), directory());
    ScoreCard card = run.score(report, directory());

    assertThat(g.require(assigned).assignee()).contains(C);
    assertThat(report.line(URBAN).rate(Indicator.PROACTIVE_CLAIM_RATE)).isEqualTo(Rate.of(1, 2));
    assertThat(report.line(URBAN).rate(Indicator.OVERDUE)).isEqualTo(Rate.of(1, 1));
    assertThat(report.line(URBAN).rate(Indicator.CLOSED_ON_TIME_RATE))
        .as("98 h > 96 h for the assigned case")
        .isEqualTo(Rate.of(1, 2));
    assertThat(report.area(G1).rate(Indicator.EFFECTIVE_REPORT_RATE)).isEqualTo(Rate.of(1, 2));
    assertThat(report.worker(C).rate(Indicator.REPLY_INDEX))
        .as("late: half credit")
        .isEqualTo(new Rate(new java.math.BigDecimal("0.5"), 1));
    assertThat(report.area(COMMUNITY).rate(Indicator.CLOSURE_RATE)).isEqualTo(Rate.of(2, 2));
    assertThat(report.worker(A).responseTime().p(50)).contains(Duration.ofHours(1));
    assertThat(card.ranking(org.gridgov.scoring.UnitKind.GRID).entries().get(0).unit().id())
        .isEqualTo(G1.value());
  }

  private static IncidentId report(GridGovernance g, WorkerId by, AreaCode grid) {
    return g.report(
            Report.by(Actor.worker(by))
                .source(Source.PATROL)
                .category(VENDING)
                .grid(grid)
                .description("street vending")
                .build())
        .incident()
        .id();
  }
}
