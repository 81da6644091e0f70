package org.gridgov.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** The hand-written token check agrees with its documented pattern. */
class IdsProperties {

  @Property(tries = 2000)
  void isToken_anyString_agreesWithThePattern(
      @ForAll @StringLength(max = 70) @Chars({'.', '_', ':', '-', ' ', '/', 'é'})
      @CharRange(from = '0', to = '9') @CharRange(from = 'a', to = 'z')
      @CharRange(from = 'A', to = 'Z') String value) {
    assertThat(Ids.isToken(value)).isEqualTo(Ids.pattern().matcher(value).matches());
  }

  @Example
  void token_invalid_namesTheKindAndValue() {
    assertThatThrownBy(() -> Ids.token("worker id", "-w"))
        .hasMessage("worker id must be 1-64 letters, digits or . _ : - (starting with a letter or "
            + "digit), was '-w'");
    assertThat(Ids.token("worker id", "w-1")).isEqualTo("w-1");
    assertThat(Ids.isToken("x".repeat(64))).isTrue();
    assertThat(Ids.isToken("x".repeat(65))).isFalse();
  }
}
