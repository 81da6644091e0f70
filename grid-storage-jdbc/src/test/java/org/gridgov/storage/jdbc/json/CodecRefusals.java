package org.gridgov.storage.jdbc.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** How the codecs refuse a missing argument: as the storage SPI does. */
final class CodecRefusals {
  private CodecRefusals() {}

  /** {@code call} refused with a {@link NullPointerException} whose message is {@code field}. */
  static void assertRequired(ThrowingCallable call, String field) {
    assertThatThrownBy(call, "a null %s", field)
        .isInstanceOf(NullPointerException.class)
        .hasMessage(field);
  }
}
