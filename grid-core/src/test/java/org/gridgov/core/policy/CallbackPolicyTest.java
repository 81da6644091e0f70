package org.gridgov.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.time.Duration;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.junit.jupiter.api.Test;

class CallbackPolicyTest {
  private static final String HEAD =
      """
      id: callback
      version: 1
      effectiveFrom: 2024-01-01
      zone: Asia/Shanghai
      source: test
      dispatch: { claimWindow: 24h, replyWithin: 72h, supervisionAfter: 24h }
      returns: { bounceLimit: 2 }
      verification: { maxReworks: 3 }
      escalation: { mode: HARD, quota: { GRID: 0.1 } }
      """;

  private static PolicySet load(String yaml) {
    return PolicyLoader.fromYaml(new StringReader(yaml), "callback.yaml");
  }

  @Test
  void section_absentOrPartial_limitsOnlyWhatItNames() {
    assertThat(load(HEAD).callback()).isEqualTo(CallbackPolicy.none());
    assertThat(load(HEAD).callback().limitsReopening()).isFalse();
    assertThat(Presets.all()).allSatisfy(p -> assertThat(p.callback().limitsReopening()).isFalse());

    CallbackPolicy both =
        load(HEAD + "callback: { reopenLimit: 1, reopenWithin: 15d }\n").callback();
    CallbackPolicy window = load(HEAD + "callback: { reopenWithin: 7d }\n").callback();

    assertThat(both)
        .isEqualTo(new CallbackPolicy(Optional.of(1), Optional.of(Duration.ofDays(15))));
    assertThat(window.reopenLimit()).isEmpty();
    assertThat(window.reopenWithin()).contains(Duration.ofDays(7));
  }

  @Test
  void badParts_refusedByPathAndRule() {
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class,
            () ->
                load(HEAD + "callback: { reopenLimit: -1, reopenWithin: 0s, reopenAfter: 1d }\n"));

    assertThat(e).isNotNull();
    assertThat(e.violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactlyInAnyOrder(
            tuple("callback.reopenAfter", PolicyRules.UNKNOWN_FIELD.value()),
            tuple("callback.reopenLimit", PolicyRules.MINIMUM.value()),
            tuple("callback.reopenWithin", PolicyRules.DURATION.value()));
    assertThat(
            catchThrowableOfType(
                    InvalidInputException.class,
                    () -> load(HEAD + "callback: { reopenLimit: once }\n"))
                .violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("callback.reopenLimit", PolicyRules.TYPE.value()));
  }
}
