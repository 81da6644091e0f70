package org.gridgov.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Arrays;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.junit.jupiter.api.Test;

class PolicyTimelineNullInputTest {
  @Test
  void of_nullCollectionOrNullVersion_refusedNamingPathAndRule() {
    assertThatThrownBy(() -> PolicyTimeline.of(null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactly(tuple("versions", "policy.timeline")));
    assertThatThrownBy(() -> PolicyTimeline.of(Arrays.asList(Presets.kaixuan(), null)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactly(tuple("versions[1]", "policy.timeline")));
  }

  @Test
  void of_aVersionBelowOneBuiltInCode_refusedAsTheLoaderWould() {
    PolicySet k = Presets.kaixuan();
    PolicySet zero =
        new PolicySet(
            k.id(),
            0,
            k.effectiveFrom(),
            k.zone(),
            k.source(),
            k.dispatch(),
            k.returns(),
            k.verification(),
            k.escalation(),
            k.targets(),
            k.pay());
    // before the fix a version 0 made a timeline, which @Min(1) on PolicySet forbids
    assertThatThrownBy(() -> PolicyTimeline.of(List.of(zero)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::path, Violation::rule, Violation::message)
                    .containsExactly(
                        tuple("kaixuan.v0", "policy.timeline", "must be version 1 or later")));
  }

  @Test
  void at_nullInstant_refusedNamingIt() {
    PolicyTimeline timeline = PolicyTimeline.of(List.of(Presets.kaixuan()));
    assertThatThrownBy(() -> timeline.at(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("instant");
  }
}
