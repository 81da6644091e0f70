package org.gridgov.scoring.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.scoring.Town.*;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.territory.Level;
import org.gridgov.scoring.Scoring;
import org.gridgov.scoring.ScoringRun;
import org.gridgov.scoring.duty.CheckRecord;
import org.gridgov.scoring.duty.DutyCompliance;
import org.gridgov.scoring.indicator.IndicatorReport;
import org.gridgov.scoring.policy.DutyRule;
import org.gridgov.scoring.policy.DutyRule.Cadence;
import org.gridgov.scoring.policy.PointsPolicy;
import org.gridgov.scoring.policy.ScoringPolicy;
import org.gridgov.scoring.policy.ScoringPresets;
import org.junit.jupiter.api.Test;

/** L community's points on {@link org.gridgov.scoring.Town#march()}. */
class PointsTest {
  private static final ScoringRun L = Scoring.of(ScoringPresets.lCommunity()).month(MARCH, ZONE);

  @Test
  void points_staticFromVisitsAndChecks_dynamicFromResults_starsByTotal() {
    IndicatorReport report = L.indicators(march(), VISITS, directory());
    List<CheckRecord> checks =
        List.of(
            check(A, 4),
            check(A, 5),
            check(A, 6),
            check(A, 7),
            check(A, 8),
            check(A, 40), // April: not March's
            check(B, 4));

    List<PointsStatement> points = L.points(report, checks, directory());

    // A static: 2 visits × 1 + 5 self-checks × 2 = 12; dynamic: 1 effective report × 5 + 1 on
    // time × 3 + 1 satisfied × 2 = 10; 22 ≥ 20: one star
    assertThat(points).contains(new PointsStatement(A, 12, 10, 22, 1));
    // B static: 1 visit + 1 check × 2 = 3; dynamic: 1 on time × 3 = 3
    assertThat(points).contains(new PointsStatement(B, 3, 3, 6, 0));
    assertThat(points).extracting(PointsStatement::worker).containsExactly(A, B, C, S, CADRE);
  }

  @Test
  void weeklyRecord_countsForPointsInThePeriodItsDutyCountsIt() {
    ScoringPolicy l = ScoringPresets.lCommunity();
    PointsPolicy points = l.points().orElseThrow();
    ScoringPolicy weekly =
        new ScoringPolicy(
            l.id(),
            2,
            l.source(),
            l.indicators(),
            l.score(),
            l.threeRates(),
            l.team(),
            l.pay(),
            Optional.of(
                new PointsPolicy(
                    ImmutableMap.<String, Long>builder()
                        .putAll(points.staticPoints())
                        .put("community-inspection", 3L)
                        .build(),
                    points.dynamicPoints(),
                    points.stars())),
            ImmutableMap.<String, DutyRule>builder()
                .putAll(l.duties())
                .put("community-inspection", new DutyRule(Level.COMMUNITY, Cadence.WEEKLY, 1))
                .build());
    // Saturday 2 March 2024 lies in the week of Monday 26 February: February's inspection
    List<CheckRecord> checks =
        List.of(
            new CheckRecord("community-inspection", COMMUNITY, LocalDate.of(2024, 3, 2), A, 0),
            new CheckRecord("community-inspection", COMMUNITY, LocalDate.of(2024, 3, 6), A, 0));
    ScoringRun march = Scoring.of(weekly).month(MARCH, ZONE);
    ScoringRun february = Scoring.of(weekly).month(MARCH.minusMonths(1), ZONE);

    DutyCompliance inspected =
        march.duties(checks, directory(), COMMUNITY).compliance().stream()
            .filter(c -> c.duty().equals("community-inspection"))
            .findFirst()
            .orElseThrow();
    PointsStatement marchA =
        march.points(march.indicators(march(), VISITS, directory()), checks, directory()).get(0);
    PointsStatement februaryA =
        february
            .points(february.indicators(List.of(), List.of(), directory()), checks, directory())
            .get(0);

    assertThat(inspected.done()).as("March's weeks inspected: the one of 4 March").isEqualTo(1);
    // A in March: 2 visits × 1 + the inspection of the week of 4 March × 3; February: the other
    assertThat(marchA)
        .extracting(PointsStatement::worker, PointsStatement::staticPoints)
        .containsExactly(A, 5L);
    assertThat(februaryA)
        .extracting(PointsStatement::worker, PointsStatement::staticPoints)
        .containsExactly(A, 3L);
  }

  @Test
  void points_policyBuiltInCodeBeyondRange_overflowNamesTheWorker() {
    IndicatorReport report = L.indicators(march(), VISITS, directory());
    PointsPolicy huge =
        new PointsPolicy(
            ImmutableMap.of("grid-self-check", Long.MAX_VALUE),
            ImmutableMap.of(),
            ImmutableList.of());

    assertThatThrownBy(
            () ->
                Points.compute(
                    huge,
                    Map.of(),
                    PERIOD,
                    report,
                    List.of(check(A, 4), check(A, 5)),
                    directory().roster().workers()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("workers.w-a: points of worker w-a overflow")
        .hasMessageContaining("[points.overflow]");
    assertThatThrownBy(
            () ->
                Points.compute(
                    new PointsPolicy(
                        ImmutableMap.of(PointsPolicy.VISIT, Long.MAX_VALUE),
                        ImmutableMap.of(),
                        ImmutableList.of()),
                    Map.of(),
                    PERIOD,
                    report,
                    List.of(),
                    directory().roster().workers()))
        .as("2 visits of A")
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("workers.w-a: points of worker w-a overflow")
        .hasMessageContaining("[points.overflow]");
  }

  @Test
  void checks_nullOrFiledAtAnotherLevel_refusedEachNamedBeforeAnyPoints() {
    IndicatorReport report = L.indicators(march(), VISITS, directory());
    List<CheckRecord> checks =
        java.util.Arrays.asList(
            check(A, 4),
            null,
            new CheckRecord("grid-self-check", COMMUNITY, LocalDate.of(2024, 3, 5), A, 0));

    assertThatThrownBy(() -> L.points(report, checks, directory()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("checks[1]: must not be null [duty.input]")
        .hasMessageContaining(
            "checks[2].unit: is a COMMUNITY; duty grid-self-check is filed by"
                + " GRID units, was 330102011002 [duty.unit-level]")
        .hasMessageNotContaining("checks[0]");
  }

  @Test
  void statement_partsWrappingAround_refusedNotTakenAsAddingUp() {
    assertThatThrownBy(() -> new PointsStatement(A, Long.MAX_VALUE, 1, Long.MIN_VALUE, 0))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("points statement of worker w-a");
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo("total");
                        assertThat(v.rule()).isEqualTo("points.overflow");
                        assertThat(v.message())
                            .isEqualTo(
                                "staticPoints 9223372036854775807 + dynamicPoints 1 is beyond a long");
                      });
            });
  }

  @Test
  void statement_totalNotTheSumOfItsParts_refusedAtTotal() {
    assertThatThrownBy(() -> new PointsStatement(A, 10, 5, 16, 0))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.path()).isEqualTo("total");
                          assertThat(v.rule()).isEqualTo("input.range");
                          assertThat(v.message())
                              .isEqualTo("must be staticPoints 10 + dynamicPoints 5 = 15");
                          assertThat(v.value()).isEqualTo("16");
                        }));
  }

  private static CheckRecord check(org.gridgov.core.people.WorkerId by, int day) {
    return new CheckRecord(
        "grid-self-check", G1, LocalDate.of(2024, 3, 1).plusDays(day - 1L), by, 0);
  }
}
