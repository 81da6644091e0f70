package org.gridgov.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.core.Refusals.refusal;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.gridgov.core.InputRules;
import org.gridgov.core.Violation;

/** The hand-written token check agrees with its documented pattern. */
class IdsProperties {

  @Property(tries = 2000)
  void isToken_anyString_agreesWithThePattern(
      @ForAll
          @StringLength(max = 70)
          @Chars({'.', '_', ':', '-', ' ', '/', 'é'})
          @CharRange(from = '0', to = '9')
          @CharRange(from = 'a', to = 'z')
          @CharRange(from = 'A', to = 'Z')
          String value) {
    assertThat(Ids.isToken(value)).isEqualTo(Ids.pattern().matcher(value).matches());
  }

  @Example
  void token_invalid_namesTheKindTheFieldAndTheValue() {
    Violation violation =
        refusal(() -> Ids.token("worker id", "-w"), "worker id", "value", InputRules.FORMAT);
    assertThat(violation)
        .hasToString(
            "value: must be 1-64 letters, digits or . _ : - (starting "
                + "with a letter or digit), was '-w' [input.format]");
    assertThat(
            refusal(() -> Ids.token("actor", "id", null), "actor", "id", InputRules.REQUIRED)
                .value())
        .isNull();
    assertThat(Ids.token("worker id", "w-1")).isEqualTo("w-1");
    assertThat(Ids.isToken("x".repeat(64))).isTrue();
    assertThat(Ids.isToken("x".repeat(65))).isFalse();
  }

  @Example
  void tokenUnshown_invalid_namesTheLengthNotTheText() {
    Violation violation =
        refusal(
            () -> Ids.tokenUnshown("resident actor", "id", "Zhang San"),
            "resident actor",
            "id",
            InputRules.FORMAT);
    assertThat(violation.value()).isEqualTo("a text of 9 characters");
    assertThat(violation.toString()).doesNotContain("Zhang");
    refusal(
        () -> Ids.tokenUnshown("visit.household", ""),
        "visit.household",
        "value",
        InputRules.FORMAT);
    refusal(
        () -> Ids.tokenUnshown("visit.household", null),
        "visit.household",
        "value",
        InputRules.REQUIRED);
  }

  @Example
  void tokenUnshown_valid_givenBack() {
    assertThat(Ids.tokenUnshown("resident actor", "id", "r-17")).isEqualTo("r-17");
    assertThat(Ids.tokenUnshown("visit.household", "h:3")).isEqualTo("h:3");
  }
}
