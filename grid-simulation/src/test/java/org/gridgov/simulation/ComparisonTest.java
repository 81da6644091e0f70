package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.simulation.SimulationTest.KAIXUAN;
import static org.gridgov.simulation.SimulationTest.week;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.gridgov.core.policy.DispatchPolicy;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/**
 * The research API: policy A against policy B on one seed. Everything the policy does not decide
 * (arrivals, where they land, who refuses a report) is drawn alike for both, so the difference is
 * the policy's.
 */
class ComparisonTest {
  /** Kaixuan's preset with another self-claim window. */
  static PolicySet claimWindow(Duration window) {
    PolicySet k = Presets.kaixuan();
    DispatchPolicy d = k.dispatch();
    return new PolicySet(k.id() + "-" + window.toHours() + "h", k.version(), k.effectiveFrom(),
        k.zone(), k.source(), new DispatchPolicy(window, d.replyWithin(), d.supervisionAfter(),
            d.categoryDeadlines()), k.returns(), k.verification(), k.escalation(), k.targets(),
        k.pay());
  }

  private static Map<String, Long> receivedByGrid(SimulationResult result) {
    return result.gridScores().stream()
        .collect(Collectors.toMap(UnitScore::id, UnitScore::received));
  }

  @Test
  void twelveAgainstTwentyFourHourWindow_lessSelfClaiming_onTheSameArrivalsAndRefusals() {
    Comparison c = Comparison.run(KAIXUAN, week(), claimWindow(Duration.ofHours(12)),
        Presets.kaixuan(), InMemoryGridStorage::create);

    assertThat(c.a().selfClaimRate()).isLessThan(c.b().selfClaimRate());
    assertThat(c.a().reported()).isEqualTo(c.b().reported());
    assertThat(c.a().rejected()).as("refusing a report is not the policy's")
        .isEqualTo(c.b().rejected());
    assertThat(receivedByGrid(c.a())).as("where reports land is not the policy's")
        .isEqualTo(receivedByGrid(c.b()));
    assertThat(c.rows()).anySatisfy(row -> assertThat(row.delta()).isNotZero());
  }
}
