package org.gridgov.open311;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.junit.jupiter.api.Test;

/** What a refusal may repeat of a value a client sent. */
class SentTest {

  @Test
  void showable_codesIdsDatesAndPaths() {
    assertThat(Sent.showable("E0402")).isTrue();
    assertThat(Sent.showable("pending")).isTrue();
    assertThat(Sent.showable("inc-20240304-000123")).isTrue();
    assertThat(Sent.showable("2024-03-04T08:00:00+08:00")).isTrue();
    assertThat(Sent.showable("tokens/abc.json")).isTrue();
    assertThat(Sent.showable("beijing.gov.cn")).isTrue();
    assertThat(Sent.showable("2024000123")).as("an integrator's numeric id").isTrue();
    assertThat(Sent.showable("x".repeat(64))).isTrue();
    assertThat(Sent.showable("azAZ09")).as("the ends of each range").isTrue();
  }

  @Test
  void showable_notTheCharactersJustOutsideTheRanges() {
    for (String outside : new String[] {"a`", "z{", "A@", "Z["}) {
      assertThat(Sent.showable(outside)).as(outside).isFalse();
    }
  }

  @Test
  void showable_notFreeTextLongTextOrAPhoneNumberAnywhere() {
    assertThat(Sent.showable(null)).isFalse();
    assertThat(Sent.showable("")).isFalse();
    assertThat(Sent.showable("x".repeat(65))).isFalse();
    assertThat(Sent.showable("张三")).isFalse();
    assertThat(Sent.showable("Zhang San")).as("a space").isFalse();
    assertThat(Sent.showable("a@b.cn")).isFalse();
    assertThat(Sent.showable("13800138000")).isFalse();
    assertThat(Sent.showable("+86-138-0013-8000")).isFalse();
    assertThat(Sent.showable("138.0013.8000")).as("dots within a number").isFalse();
    assertThat(Sent.showable("0571-88888888")).isFalse();
    assertThat(Sent.showable("tel:13800138000")).isFalse();
    assertThat(Sent.showable("requests/13800138000.json")).isFalse();
    assertThat(Sent.showable("13800138000/x")).isFalse();
    assertThat(Sent.showable("a_13800138000_b")).isFalse();
  }

  @Test
  void refusal_repeatsWhatItMay_elseSaysItIsNotShown() {
    RuleId rule = RuleId.of("open311.test");

    assertThat(Sent.refusal("status", rule, "must be open or closed", "pending"))
        .isEqualTo(Violation.of("status", rule, "must be open or closed", "pending"));
    assertThat(Sent.refusal("status", rule, "must be open or closed", "13800138000"))
        .isEqualTo(
            Violation.of(
                "status", rule, "must be open or closed (the text sent is not shown)", null));
  }
}
