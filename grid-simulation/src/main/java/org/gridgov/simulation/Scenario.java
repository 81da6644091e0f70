package org.gridgov.simulation;

import org.gridgov.core.RuleId;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.policy.PolicySet;

/**
 * One side of a comparison: a configuration and a policy. Two scenarios compared differ in either
 * or both (another claim window; another scoring policy, as a different pay weighting; more
 * department staff) but run on the same seed over the same days, so that they simulate the same
 * district at the same time and share their random numbers wherever the difference does not decide.
 *
 * <pre>{@code
 * Scenario a = new Scenario(config, Presets.kaixuan());
 * Scenario b = new Scenario(config.withScoring(flatterPay), Presets.kaixuan());
 * Comparison c = Comparison.run(territory, a, b, InMemoryGridStorage::create);
 * }</pre>
 */
public record Scenario(SimulationConfig config, PolicySet policy) {
  public Scenario {
    Checks.notNull(Comparison.ID, "config", config);
    Checks.notNull(Comparison.ID, "policy", policy);
  }

  /**
   * Checks that {@code b} can be compared with {@code a}: the same seed, first day, number of days
   * and zone, under {@code rule}.
   */
  static void checkComparable(RuleId rule, Scenario a, Scenario b) {
    Checks.notNull(rule, "a", a);
    Checks.notNull(rule, "b", b);
    SimulationConfig x = a.config();
    SimulationConfig y = b.config();
    Checks.check(
        rule,
        "b",
        x.seed() == y.seed()
            && x.start().equals(y.start())
            && x.days() == y.days()
            && x.zone().equals(y.zone()),
        "must run on a's seed and days to be compared with it: seed "
            + x.seed()
            + ", "
            + x.days()
            + " days from "
            + x.start()
            + " in "
            + x.zone()
            + ", was seed "
            + y.seed()
            + ", "
            + y.days()
            + " days from "
            + y.start()
            + " in "
            + y.zone());
  }
}
