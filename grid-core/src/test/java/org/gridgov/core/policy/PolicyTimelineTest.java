package org.gridgov.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.junit.jupiter.api.Test;

class PolicyTimelineTest {
  private static final Instant V1_FROM = Presets.kaixuan().effectiveFrom();
  private static final Instant V2_FROM = Instant.parse("2015-01-01T00:00:00Z");

  private static PolicySet version(String id, int version, Instant from) {
    PolicySet k = Presets.kaixuan();
    return new PolicySet(
        id,
        version,
        from,
        k.zone(),
        k.source(),
        k.dispatch(),
        k.returns(),
        k.verification(),
        k.escalation(),
        k.targets(),
        k.pay());
  }

  private final PolicyTimeline timeline =
      PolicyTimeline.of(List.of(version("kaixuan", 2, V2_FROM), Presets.kaixuan()));

  @Test
  void at_beforeFirstVersion_isEmpty() {
    assertThat(timeline.at(V1_FROM.minusNanos(1))).isEmpty();
  }

  @Test
  void at_boundaries_selectTheVersionInForce() {
    assertThat(timeline.at(V1_FROM)).map(PolicySet::version).contains(1);
    assertThat(timeline.at(V2_FROM.minusSeconds(1))).map(PolicySet::version).contains(1);
    assertThat(timeline.at(V2_FROM)).map(PolicySet::version).contains(2);
    assertThat(timeline.at(V2_FROM.plusSeconds(86_400))).map(PolicySet::version).contains(2);
  }

  @Test
  void latest_twoVersions_isTheHighest() {
    assertThat(timeline.latest().version()).isEqualTo(2);
    assertThat(timeline.id()).isEqualTo("kaixuan");
    assertThat(timeline.versions()).extracting(PolicySet::version).containsExactly(1, 2);
  }

  @Test
  void of_mixedIdsDuplicateVersionsAndOrder_listsEvery() {
    List<PolicySet> bad =
        List.of(
            Presets.kaixuan(),
            version("kaixuan", 1, V2_FROM),
            version("yangling", 2, V2_FROM),
            version("kaixuan", 3, V1_FROM));

    assertThatThrownBy(() -> PolicyTimeline.of(bad))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactly("kaixuan.v1", "yangling.v2", "kaixuan.v3.effectiveFrom"));
  }

  @Test
  void of_empty_isRefused() {
    assertThatThrownBy(() -> PolicyTimeline.of(List.of()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::rule)
                    .containsExactly("policy.timeline"));
  }
}
