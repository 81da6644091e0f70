package org.gridgov.scoring.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.scoring.Town.*;

import java.time.LocalDate;
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

  private static CheckRecord check(org.gridgov.core.people.WorkerId by, int day) {
    return new CheckRecord("grid-self-check", G1, LocalDate.of(2024, 3, 1).plusDays(day - 1L), by, 0);
  }
}
