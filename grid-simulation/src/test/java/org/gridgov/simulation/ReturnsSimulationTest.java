package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.simulation.SimulationTest.KAIXUAN;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.incident.CaseReturned;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.ReturnPolicy;
import org.gridgov.rules.returns.BounceLimitRule;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/**
 * A bounce-limit study on a simulated week of Kaixuan street, with the example files: departments
 * returning a fifth of their cases and a centre that sends each on to another department while the
 * policy lets that one return it too. The preset's limit of 2 then sees more returns than a limit
 * of 1 on the same arrivals, and no return is ever refused: the centre arbitrates at the limit.
 */
class ReturnsSimulationTest {
  private static final PolicySet BOUNCE_1 =
      PolicyLoader.fromPath(Path.of("examples/kaixuan-bounce-1.yaml"));
  private static final SimulationConfig BOUNCING =
      SimulationSetup.fromPath(
          Path.of("examples/setup-departments-bounce.yaml"), SimulationTest.week());

  @Test
  void exampleFiles_arePresetAndDefaultsButForTheirBounceFields() {
    assertThat(BOUNCE_1)
        .usingRecursiveComparison()
        .ignoringFields("id", "source", "returns")
        .isEqualTo(Presets.kaixuan());
    assertThat(BOUNCE_1.returns().bounceLimit()).isEqualTo(1);
    assertThat(BOUNCING.behaviour())
        .isEqualTo(
            SimulationTest.week().behaviour().toBuilder()
                .returnShare(0.2)
                .redispatchShare(1)
                .build());
  }

  @Test
  void aWeek_theLimitOfTwoSeesMoreReturns_noneRefused_eachCaseWithinItsLimit() {
    List<InMemoryGridStorage> stores = new ArrayList<>();
    Comparison study =
        Comparison.run(
            KAIXUAN,
            new Scenario(BOUNCING, Presets.kaixuan()),
            new Scenario(BOUNCING, BOUNCE_1),
            () -> {
              stores.add(InMemoryGridStorage.create());
              return stores.get(stores.size() - 1);
            });

    assertThat(study.row("reported").delta()).as("the same arrivals").hasValue(0);
    assertThat(mostReturns(stores.get(0), study.a())).isEqualTo(2);
    assertThat(mostReturns(stores.get(1), study.b())).isEqualTo(1);
    Comparison.Row returned = study.row("returned by departments");
    assertThat(returned.a().getAsDouble()).isEqualTo(study.a().returned());
    assertThat(returned.b().getAsDouble()).isEqualTo(study.b().returned());
    assertThat(returned.delta().getAsDouble()).isNegative();
    assertThat(study.row("returns refused by the bounce limit").a()).hasValue(0);
    assertThat(study.row("returns refused by the bounce limit").b()).hasValue(0);
  }

  /** Under a limit of 0 departments may return nothing: each return is refused, in its row. */
  @Test
  void aWeek_noReturnsAllowed_theRefusalsRowCountsEach() {
    SimulationResult result =
        Simulation.run(KAIXUAN, BOUNCING, kaixuanWithBounceLimit(0), InMemoryGridStorage.create());

    assertThat(result.returned()).isZero();
    assertThat(Comparison.value(result, "returns refused by the bounce limit").getAsDouble())
        .isPositive()
        .isEqualTo((double) result.refusals().get(BounceLimitRule.BOUNCE_LIMIT_REACHED));
  }

  /** Kaixuan's preset with a bounce limit of {@code limit}, named for it. */
  static PolicySet kaixuanWithBounceLimit(int limit) {
    PolicySet k = Presets.kaixuan();
    return new PolicySet(
        "kaixuan-bounce-" + limit,
        1,
        k.effectiveFrom(),
        k.zone(),
        "test: the preset with a bounce limit of " + limit,
        k.dispatch(),
        new ReturnPolicy(limit),
        k.verification(),
        k.escalation(),
        k.targets(),
        k.pay(),
        k.callback(),
        k.extension(),
        k.suspension());
  }

  /** The most returns of any one case in {@code storage}, checked against the run's count. */
  private static long mostReturns(InMemoryGridStorage storage, SimulationResult result) {
    long most = 0;
    long all = 0;
    for (List<IncidentEvent> history :
        storage
            .incidents()
            .historiesAliveBetween(Instant.EPOCH, result.end().plusSeconds(1), null, 1_000_000)) {
      long returns = history.stream().filter(CaseReturned.class::isInstance).count();
      most = Math.max(most, returns);
      all += returns;
    }
    assertThat(all).isEqualTo(result.returned());
    return most;
  }
}
