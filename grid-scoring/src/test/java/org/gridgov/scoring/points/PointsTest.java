package org.gridgov.scoring.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.scoring.Town.*;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import org.gridgov.core.InvalidInputException;
import org.gridgov.scoring.policy.PointsPolicy;
import java.util.List;
import org.gridgov.scoring.Scoring;
import org.gridgov.scoring.ScoringRun;
import org.gridgov.scoring.duty.CheckRecord;
import org.gridgov.scoring.indicator.IndicatorReport;
import org.gridgov.scoring.policy.ScoringPresets;
import org.junit.jupiter.api.Test;

/** L community's points on {@link org.gridgov.scoring.Town#march()}. */
class PointsTest {
  private static final ScoringRun L = Scoring.of(ScoringPresets.lCommunity()).month(MARCH, ZONE);

  @Test
  void points_staticFromVisitsAndChecks_dynamicFromResults_starsByTotal() {
    IndicatorReport report = L.indicators(march(), VISITS, directory());
    List<CheckRecord> checks = List.of(
        check(A, 4), check(A, 5), check(A, 6), check(A, 7), check(A, 8),
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
  void points_policyBuiltInCodeBeyondRange_overflowNamesTheWorker() {
    IndicatorReport report = L.indicators(march(), VISITS, directory());
    PointsPolicy huge = new PointsPolicy(ImmutableMap.of("grid-self-check", Long.MAX_VALUE),
        ImmutableMap.of(), ImmutableList.of());

    assertThatThrownBy(() -> Points.compute(huge, PERIOD, report, List.of(check(A, 4), check(A, 5)),
        directory().roster().workers()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("workers.w-a: points of worker w-a overflow")
        .hasMessageContaining("[points.overflow]");
    assertThatThrownBy(() -> Points.compute(new PointsPolicy(ImmutableMap.of(PointsPolicy.VISIT, Long.MAX_VALUE),
        ImmutableMap.of(), ImmutableList.of()), PERIOD, report, List.of(), directory().roster().workers()))
        .as("2 visits of A").isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("workers.w-a: points of worker w-a overflow")
        .hasMessageContaining("[points.overflow]");
  }

  @Test
  void statement_partsWrappingAround_refusedNotTakenAsAddingUp() {
    assertThatThrownBy(() -> new PointsStatement(A, Long.MAX_VALUE, 1, Long.MIN_VALUE, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("points of w-a: 9223372036854775807 + 1 is out of range");
  }

  private static CheckRecord check(org.gridgov.core.people.WorkerId by, int day) {
    return new CheckRecord("grid-self-check", G1, LocalDate.of(2024, 3, 1).plusDays(day - 1L), by, 0);
  }
}
