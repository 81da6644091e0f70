package org.gridgov.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a factory refuses bad input as an {@link InvalidInputException} naming a field. */
public final class Refusals {
  private Refusals() {}

  /**
   * Runs {@code call}, asserts that it throws an {@link InvalidInputException} about {@code
   * subject} with exactly one violation, at {@code path} under {@code rule}, and returns that
   * violation for the caller to check its message and value.
   */
  public static Violation refusal(ThrowingCallable call, String subject, String path, RuleId rule) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(InvalidInputException.class);
    InvalidInputException refused = (InvalidInputException) thrown;
    assertThat(refused.subject()).as("subject").isEqualTo(subject);
    assertThat(refused.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).as("path").isEqualTo(path);
              assertThat(v.rule()).as("rule").isEqualTo(rule.value());
            });
    return refused.violations().get(0);
  }
}
