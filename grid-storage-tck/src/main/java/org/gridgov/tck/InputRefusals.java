package org.gridgov.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;

/**
 * What the contracts require of a refusal of bad input: grid-core's shared checks, which every
 * adapter calls, throw an {@link InvalidInputException} naming the field and the rule, the same on
 * every store.
 */
final class InputRefusals {
  private InputRefusals() {}

  /**
   * For {@code isInstanceOfSatisfying(InvalidInputException.class, refusedAt(path, rule))}: one
   * violation, at {@code path} under {@code rule}.
   */
  static Consumer<InvalidInputException> refusedAt(String path, RuleId rule) {
    return refused ->
        assertThat(refused.violations())
            .singleElement()
            .satisfies(
                v -> {
                  assertThat(v.path()).as("path").isEqualTo(path);
                  assertThat(v.rule()).as("rule").isEqualTo(rule.value());
                });
  }
}
