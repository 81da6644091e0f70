package org.gridgov.storage.jdbc.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.gridgov.core.InvalidInputException;

/** How the codecs refuse a missing argument. */
final class CodecRefusals {
  private CodecRefusals() {}

  /** {@code call} refused with one violation, at {@code field}, as {@code input.required}. */
  static void assertRequired(ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.violations()).singleElement().satisfies(v -> {
          assertThat(v.path()).isEqualTo(field);
          assertThat(v.rule()).isEqualTo("input.required");
        }));
  }
}
