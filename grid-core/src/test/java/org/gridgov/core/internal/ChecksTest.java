package org.gridgov.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.core.Refusals.refusal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.junit.jupiter.api.Test;

/**
 * The checks records' compact constructors call inline ({@code x = Checks.positive(...)}): each
 * gives back the value it accepted, the very object, and refuses with the rule and field named.
 */
class ChecksTest {
  private static final RuleId RULE = RuleId.of("t.rule");

  private static void refused(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            RuleConfigurationException.class,
            e -> {
              assertThat(e.ruleId()).isEqualTo(RULE);
              assertThat(e.field()).isEqualTo("f");
              assertThat(e).hasMessage("[t.rule] f " + message);
            });
  }

  @Test
  void accepted_valueGivenBack() {
    Object any = new Object();
    String text = "网格 1";
    Duration hour = Duration.ofHours(1);
    List<String> list = List.of("a");
    Map<String, String> map = Map.of("k", "v");

    assertThat(Checks.notNull(RULE, "f", any)).isSameAs(any);
    assertThat(Checks.notBlank(RULE, "f", text)).isSameAs(text);
    assertThat(Checks.storableText(RULE, "f", text)).isSameAs(text);
    assertThat(Checks.positive(RULE, "f", hour)).isSameAs(hour);
    assertThat(Checks.notNegative(RULE, "f", hour)).isSameAs(hour);
    assertThat(Checks.notNegative(RULE, "f", Duration.ZERO)).isSameAs(Duration.ZERO);
    assertThat(Checks.notEmpty(RULE, "f", list)).isSameAs(list);
    assertThat(Checks.noNulls(RULE, "f", list)).isSameAs(list);
    assertThat(Checks.noNullEntries(RULE, "f", map)).isSameAs(map);
    assertThat(Checks.noNullElements("s", RULE, "f", list)).isSameAs(list);
  }

  @Test
  void numbers_boundsIncluded() {
    assertThat(Checks.atLeast(RULE, "f", 3, 3)).isEqualTo(3);
    assertThat(Checks.atLeast(RULE, "f", 3, 4)).isEqualTo(4);
    assertThat(Checks.atLeast(RULE, "f", 3L, 3L)).isEqualTo(3L);
    assertThat(Checks.atLeast(RULE, "f", 3L, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    assertThat(Checks.between(RULE, "f", 2, 5, 2)).isEqualTo(2);
    assertThat(Checks.between(RULE, "f", 2, 5, 5)).isEqualTo(5);

    refused(() -> Checks.atLeast(RULE, "f", 3, 2), "must be at least 3, was 2");
    refused(() -> Checks.atLeast(RULE, "f", 3L, 2L), "must be at least 3, was 2");
    refused(() -> Checks.between(RULE, "f", 2, 5, 1), "must be between 2 and 5, was 1");
    refused(() -> Checks.between(RULE, "f", 2, 5, 6), "must be between 2 and 5, was 6");
  }

  @Test
  void missingOrBadValues_refusedNamingRuleAndField() {
    refused(() -> Checks.notNull(RULE, "f", null), "must not be null");
    refused(() -> Checks.notBlank(RULE, "f", null), "must not be blank, was null");
    refused(() -> Checks.notBlank(RULE, "f", " "), "must not be blank, was ' '");
    refused(
        () -> Checks.storableText(RULE, "f", "a\u0000"), "must not hold a NUL character (at 1)");
    refused(() -> Checks.positive(RULE, "f", Duration.ZERO), "must be positive, was PT0S");
    refused(() -> Checks.positive(RULE, "f", null), "must not be null");
    refused(
        () -> Checks.notNegative(RULE, "f", Duration.ofSeconds(-1)),
        "must not be negative, was PT-1S");
    refused(() -> Checks.notNegative(RULE, "f", null), "must not be null");
    refused(() -> Checks.notEmpty(RULE, "f", List.of()), "must not be empty");
    refused(() -> Checks.notEmpty(RULE, "f", null), "must not be null");
    refused(
        () -> Checks.noNulls(RULE, "f", Arrays.asList("a", null)), "must not hold null elements");
    refused(() -> Checks.check(RULE, "f", false, "must hold"), "must hold");
    Checks.check(RULE, "f", true, "must hold");
  }

  @Test
  void noNullEntries_nullKeyOrNullValue_refused() {
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("k", null);
    Map<String, String> nullKey = new HashMap<>();
    nullKey.put(null, "v");

    refused(() -> Checks.noNullEntries(RULE, "f", nullValue), "must not hold null keys or values");
    refused(() -> Checks.noNullEntries(RULE, "f", nullKey), "must not hold null keys or values");
    refused(() -> Checks.noNullEntries(RULE, "f", null), "must not be null");
  }

  @Test
  void noNullElements_everyNullListedByIndex() {
    List<String> holes = new ArrayList<>(Arrays.asList(null, "a", null));

    assertThatThrownBy(() -> Checks.noNullElements("roster", InputRules.REQUIRED, "workers", holes))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("roster");
              assertThat(e.violations())
                  .extracting(Violation::path)
                  .containsExactly("workers[0]", "workers[2]");
            });
    refusal(
        () -> Checks.noNullElements("roster", InputRules.REQUIRED, "workers", null),
        "roster",
        "workers",
        InputRules.REQUIRED);
  }
}
