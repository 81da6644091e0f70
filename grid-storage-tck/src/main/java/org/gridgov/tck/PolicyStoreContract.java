package org.gridgov.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.WorkingTime;
import org.gridgov.core.spi.DuplicateException;
import org.gridgov.core.spi.PolicyStore;
import org.gridgov.tck.fixtures.Policies;
import org.junit.jupiter.api.Test;

/** Policy timelines: immutable versions, validated before they are stored. */
public abstract class PolicyStoreContract extends StorageContract {

  private PolicyStore policies() {
    return storage.policies();
  }

  private static PolicySet kaixuan(int version, String effectiveFrom, String claimWindow) {
    return PolicyLoader.fromYaml(
        new StringReader(
            """
        id: kaixuan
        version: %d
        effectiveFrom: %s
        zone: Asia/Shanghai
        source: "test: a %s claim window, 景芳"
        dispatch: { claimWindow: %s, replyWithin: 72h, supervisionAfter: 24h,
                    categoryDeadlines: { E0601: 36h } }
        returns: { bounceLimit: 2 }
        verification: { maxReworks: 3 }
        escalation: { mode: SOFT, quota: { GRID: 0.125, STREET: 0 } }
        targets: { COMMUNITY: { min: 0.80, max: 0.85 } }
        pay: { gradedPayShare: 0.40, pieceRates: { qualityReport: 5.5, majorEventMin: 300,
               majorEventMax: 500.25 } }
        """
                .formatted(version, effectiveFrom, claimWindow, claimWindow)),
        "v" + version + ".yaml");
  }

  @Test
  void nullArguments_refusedNamingThem_nothingStored() {
    assertThatThrownBy(() -> policies().save(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("policy");
    assertThatThrownBy(() -> policies().timeline(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("policyId");
    assertThatThrownBy(() -> policies().versionCount(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("policyId");
    assertThat(policies().ids()).isEmpty();
  }

  @Test
  void save_presets_roundTripEqual() {
    Presets.all().forEach(policies()::save);

    assertThat(policies().ids()).containsExactly("dongcheng", "kaixuan", "yangling");
    for (PolicySet preset : Presets.all()) {
      assertThat(policies().timeline(preset.id()).orElseThrow().versions()).containsExactly(preset);
    }
  }

  @Test
  void save_everyOptionalPart_roundTripsEqual() {
    PolicySet policy = Policies.everyPart();
    assertThat(policy.escalation().authority()).isNotEmpty();
    assertThat(policy.dispatch().workingTime()).isPresent();
    assertThat(policy.dispatch().timeLimits()).hasSize(5);
    assertThat(policy.dispatch().timeLimits().get(4).line()).isPresent();
    assertThat(policy.dispatch().workingTime().orElseThrow().appliesTo())
        .contains(WorkingTime.Limit.REGISTRATION, WorkingTime.Limit.VERIFICATION);
    assertThat(policy.callback().limitsReopening()).isTrue();
    assertThat(policy.extension().beforeDeadline()).isTrue();
    assertThat(policy.verification().within()).hasSize(3);
    assertThat(policy.verification().verifiers())
        .isEqualTo(org.gridgov.core.policy.VerificationPolicy.Verifiers.SUPERVISOR);
    assertThat(policy.dispatch().registerWithin()).hasSize(2);
    assertThat(policy.suspension().longest()).isPresent();
    assertThat(policy.escalation().quotaBasis())
        .isEqualTo(org.gridgov.core.policy.QuotaBasis.PREVIOUS_MONTH);

    policies().save(policy);

    assertThat(policies().timeline("every-part").orElseThrow().versions()).containsExactly(policy);
  }

  @Test
  void save_laterVersions_formOneTimeline() {
    PolicySet v1 = Presets.kaixuan();
    PolicySet v2 = kaixuan(2, "2020-01-01", "12h");
    PolicySet v3 = kaixuan(3, "2021-01-01T08:30:00.000001+08:00", "90m");
    policies().save(v1);
    policies().save(v3);
    policies().save(v2);

    var timeline = policies().timeline("kaixuan").orElseThrow();
    assertThat(timeline.versions()).containsExactly(v1, v2, v3);
    assertThat(policies().versionCount("kaixuan")).isEqualTo(3);
    assertThat(timeline.at(Instant.parse("2019-06-01T00:00:00Z"))).contains(v1);
    assertThat(timeline.at(Instant.parse("2020-06-01T00:00:00Z"))).contains(v2);
    assertThat(timeline.latest()).isEqualTo(v3);
  }

  @Test
  void save_sameVersionTwice_duplicateAndFirstKept() {
    policies().save(Presets.kaixuan());
    PolicySet v2 = kaixuan(2, "2020-01-01", "12h");
    policies().save(v2);

    assertThatThrownBy(() -> policies().save(kaixuan(2, "2020-02-01", "6h")))
        .isInstanceOf(DuplicateException.class)
        .hasMessage("policy kaixuan v2 is already stored");
    assertThat(policies().timeline("kaixuan").orElseThrow().latest()).isEqualTo(v2);
  }

  @Test
  void save_timelineGoingBackInTime_refusedAndNothingStored() {
    policies().save(kaixuan(2, "2020-01-01", "12h"));

    assertThatThrownBy(() -> policies().save(kaixuan(3, "2019-01-01", "12h")))
        .isInstanceOf(InvalidInputException.class);
    assertThat(policies().timeline("kaixuan").orElseThrow().versions()).hasSize(1);
    assertThat(policies().versionCount("kaixuan")).isEqualTo(1);
  }

  @Test
  void save_invalidPolicy_refusedAndNothingStored() {
    PolicySet valid = Presets.kaixuan();
    PolicySet invalid =
        new PolicySet(
            valid.id(),
            0,
            valid.effectiveFrom(),
            valid.zone(),
            " ",
            valid.dispatch(),
            valid.returns(),
            valid.verification(),
            valid.escalation(),
            valid.targets(),
            valid.pay());

    assertThatThrownBy(() -> policies().save(invalid)).isInstanceOf(InvalidInputException.class);
    assertThat(policies().ids()).isEmpty();
  }

  /**
   * Four nodes save versions of one policy at once, each valid against what it read but not against
   * the others: the higher the version, the earlier its date. Whichever saves first wins and every
   * later one must see it and be refused, so the stored timeline always loads. Odd rounds start
   * from an empty policy (its first versions race), even ones from a version 1.
   */
  @Test
  void save_racingVersionsOfOnePolicy_exactlyOneStoredAndTheTimelineLoads() throws Exception {
    int rounds = 12;
    int nodes = 4;
    for (int i = 0; i < rounds; i += 2) {
      policies().save(version("race-" + i, 1, "2020-01-01T00:00:00Z"));
    }
    CyclicBarrier together = new CyclicBarrier(nodes);
    var refused = new ConcurrentHashMap<String, Integer>();
    Races.run(
        nodes,
        rounds,
        (thread, i) -> {
          String id = "race-" + i;
          int first = i % 2 == 0 ? 2 : 1;
          PolicySet mine = version(id, first + thread, "2020-0" + (9 - thread) + "-01T00:00:00Z");
          together.await(30, TimeUnit.SECONDS);
          try {
            policies().save(mine);
          } catch (InvalidInputException lost) {
            refused.merge(id, 1, Integer::sum);
          }
        });

    for (int i = 0; i < rounds; i++) {
      String id = "race-" + i;
      assertThat(refused.get(id)).as("saves of %s refused", id).isEqualTo(nodes - 1);
      assertThat(policies().timeline(id).orElseThrow().versions())
          .as("versions of %s", id)
          .hasSize(i % 2 == 0 ? 2 : 1);
    }
  }

  private static PolicySet version(String id, int version, String effectiveFrom) {
    PolicySet base = Presets.kaixuan();
    return new PolicySet(
        id,
        version,
        Instant.parse(effectiveFrom),
        base.zone(),
        base.source(),
        base.dispatch(),
        base.returns(),
        base.verification(),
        base.escalation(),
        base.targets(),
        base.pay());
  }

  @Test
  void timelineAndCount_anIdNoPolicyCanHave_refusedAlikeOnEveryStore() {
    policies().save(Presets.kaixuan());
    // MariaDB's collation took "kaixuan " for "kaixuan"; PostgreSQL refused the NUL with an error
    // that quoted it; the other stores answered empty
    for (String id : List.of("kaixuan ", " kaixuan", "kai xuan", "k\u0000", "", "x".repeat(65))) {
      assertThatThrownBy(() -> policies().timeline(id))
          .as("timeline(%s)", id)
          .isInstanceOfSatisfying(
              InvalidInputException.class, InputRefusals.refusedAt("policyId", InputRules.FORMAT))
          .hasMessageContaining("policyId: must be a policy id");
      assertThatThrownBy(() -> policies().versionCount(id))
          .as("versionCount(%s)", id)
          .isInstanceOfSatisfying(
              InvalidInputException.class, InputRefusals.refusedAt("policyId", InputRules.FORMAT));
    }
    assertThat(policies().timeline("kaixuan")).isPresent();
    assertThat(policies().timeline("KAIXUAN")).as("ids are compared exactly").isEmpty();
  }

  @Test
  void timeline_unknownId_empty() {
    assertThat(policies().timeline("nope")).isEmpty();
    assertThat(policies().versionCount("nope")).isZero();
    assertThat(policies().ids()).isEmpty();
  }
}
