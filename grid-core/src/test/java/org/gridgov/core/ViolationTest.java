package org.gridgov.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.core.Refusals.refusal;

import java.util.List;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.ActorKind;
import org.junit.jupiter.api.Test;

class ViolationTest {

  @Test
  void toString_withValue_namesPathMessageValueAndRule() {
    Violation violation =
        Violation.of("escalation.quota.STREET", "policy.range", "must be between 0 and 1", 1.5);

    assertThat(violation)
        .hasToString("escalation.quota.STREET: must be between 0 and 1, was 1.5 [policy.range]");
  }

  @Test
  void invalidInput_manyViolations_listsEveryOneInTheMessage() {
    InvalidInputException error =
        new InvalidInputException(
            "territory",
            List.of(
                Violation.of("a.csv:2", "territory.unknown-parent", "unknown parent", "110199"),
                Violation.of("a.csv:5", "territory.duplicate-code", "duplicate code", "110101")));

    assertThat(error.violations()).hasSize(2);
    assertThat(error.getMessage())
        .startsWith("invalid territory: 2 violations")
        .contains("a.csv:2: unknown parent, was 110199 [territory.unknown-parent]")
        .contains("a.csv:5: duplicate code, was 110101 [territory.duplicate-code]");
  }

  @Test
  void invalidInput_noViolation_isRefused() {
    assertThatThrownBy(() -> new InvalidInputException("x", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one violation");
  }

  @Test
  void ruleId_notDottedLowerCase_isRefusedNamingTheValue() {
    for (String bad : new String[] {"Dispatch", "dispatch", "dispatch.", "dispatch..claim"}) {
      Violation violation = refusal(() -> RuleId.of(bad), "rule id", "value", InputRules.FORMAT);
      assertThat(violation.message())
          .isEqualTo("must be dotted lower case such as " + "'dispatch.claim-window'");
      assertThat(violation.value()).isEqualTo(bad);
    }
    assertThat(RuleId.of("dispatch.claim-window").value()).isEqualTo("dispatch.claim-window");
  }

  @Test
  void ruleId_null_isRefusedAsRequired() {
    assertThat(refusal(() -> RuleId.of(null), "rule id", "value", InputRules.REQUIRED).value())
        .isNull();
    refusal(() -> new RuleId(null), "rule id", "value", InputRules.REQUIRED);
  }

  @Test
  void ruleId_longerThan64Characters_isRefusedNamingTheLengthNotTheText() {
    String huge = "sim." + "a".repeat(1_000_000);

    Violation violation = refusal(() -> RuleId.of(huge), "rule id", "value", InputRules.FORMAT);
    assertThat(violation)
        .hasToString("value: must be at most 64 characters, was 1000004 [input.format]");
    refusal(() -> new Actor(ActorKind.SYSTEM, huge), "rule id", "value", InputRules.FORMAT);
    assertThatThrownBy(() -> RuleId.of(huge)).hasMessageNotContaining("aaaa");
    String longest = "sim." + "a".repeat(60);
    assertThat(RuleId.of(longest).value()).isEqualTo(longest);
  }
}
