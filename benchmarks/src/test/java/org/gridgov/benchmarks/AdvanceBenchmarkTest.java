package org.gridgov.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.core.incident.Stage;
import org.gridgov.governance.AdvanceResult;
import org.gridgov.governance.GridGovernance;
import org.junit.jupiter.api.Test;

/**
 * The state {@link AdvanceBenchmark} measures: every incident is due, and one advance dispatches
 * them.
 */
class AdvanceBenchmarkTest {

  @Test
  void advance_everyClaimWindowPassed_dispatchesAlmostEveryIncident() {
    Dongcheng district = Dongcheng.build();
    int count = 5_000;
    GridGovernance governance =
        AdvanceBenchmark.governance(district, district.openings(count, Dongcheng.SEED + 2));

    AdvanceResult result = governance.advance(Dongcheng.NOW);

    assertThat(result.assigned())
        .as("most cases find someone in their grid")
        .isGreaterThan(count * 3 / 4);
    assertThat(result.escalated()).isPositive();
    assertThat(result.conflicts()).isZero();
    int dispatched = governance.storage().incidents().inStage(Stage.DISPATCHED).size();
    assertThat(dispatched)
        .as("escalated ones are assigned further up")
        .isGreaterThan(count * 99 / 100);
    assertThat(result.referred())
        .as("nobody up to the district: referred to the centre")
        .isEqualTo(count - dispatched);
    assertThat(result.unchanged()).isZero();
    assertThat(governance.advance(Dongcheng.NOW).acted()).as("nothing left to do").isZero();
  }
}
