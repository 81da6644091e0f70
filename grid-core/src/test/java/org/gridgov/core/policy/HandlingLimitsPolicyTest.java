package org.gridgov.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.google.common.collect.ImmutableMap;
import java.io.StringReader;
import java.time.Duration;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.territory.AreaKind;
import org.junit.jupiter.api.Test;

/** The policy's {@code extension} (延期) and {@code suspension} (挂账) sections. */
class HandlingLimitsPolicyTest {
  private static final String HEAD =
      """
      id: handling
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
    return PolicyLoader.fromYaml(new StringReader(yaml), "handling.yaml");
  }

  private static InvalidInputException refused(String yaml) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> load(yaml));
    assertThat(e).as("refused: %s", yaml).isNotNull();
    return e;
  }

  @Test
  void sections_absent_limitNothing() {
    PolicySet policy = load(HEAD);

    assertThat(policy.extension()).isEqualTo(ExtensionPolicy.none());
    assertThat(policy.suspension()).isEqualTo(SuspensionPolicy.none());
    assertThat(policy.extension().limitsExtension()).isFalse();
    assertThat(policy.suspension().limitsSuspension()).isFalse();
    assertThat(Presets.all())
        .allSatisfy(
            p -> {
              assertThat(p.extension().limitsExtension()).isFalse();
              assertThat(p.suspension().limitsSuspension()).isFalse();
            });
  }

  @Test
  void sections_readPartByPart() {
    PolicySet all =
        load(
            HEAD
                + """
        extension: { limit: 1, longest: 3d, beforeDeadline: true }
        suspension: { limit: 2, longest: 30d }
        """);
    PolicySet some =
        load(
            HEAD
                + """
        extension: { beforeDeadline: true }
        suspension: { longest: 90d }
        """);

    assertThat(all.extension())
        .isEqualTo(new ExtensionPolicy(Optional.of(1), Optional.of(Duration.ofDays(3)), true));
    assertThat(all.suspension())
        .isEqualTo(new SuspensionPolicy(Optional.of(2), Optional.of(Duration.ofDays(30))));
    assertThat(some.extension().limit()).isEmpty();
    assertThat(some.extension().longest()).isEmpty();
    assertThat(some.extension().limitsExtension()).isTrue();
    assertThat(some.suspension().limit()).isEmpty();
    assertThat(some.suspension().longest()).contains(Duration.ofDays(90));
    assertThat(load(HEAD + "extension: { beforeDeadline: false }\n").extension().limitsExtension())
        .isFalse();
  }

  @Test
  void badParts_refusedByPathAndRule() {
    InvalidInputException e =
        refused(
            HEAD
                + """
        extension: { limit: -1, longest: 0s, beforeDeadline: yes please, often: 2 }
        suspension: { limit: -2, longest: 3651d, until: 1d }
        """);

    assertThat(e.violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactlyInAnyOrder(
            tuple("extension.often", PolicyRules.UNKNOWN_FIELD.value()),
            tuple("extension.limit", PolicyRules.MINIMUM.value()),
            tuple("extension.longest", PolicyRules.DURATION.value()),
            tuple("extension.beforeDeadline", PolicyRules.TYPE.value()),
            tuple("suspension.until", PolicyRules.UNKNOWN_FIELD.value()),
            tuple("suspension.limit", PolicyRules.MINIMUM.value()),
            tuple("suspension.longest", PolicyRules.DURATION.value()));
    assertThat(refused(HEAD + "suspension: { limit: twice }\n").violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("suspension.limit", PolicyRules.TYPE.value()));
    assertThat(refused(HEAD + "extension: 3d\n").violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("extension", PolicyRules.TYPE.value()));
  }

  @Test
  void verificationVerifiers_defaultAnyOtherWorker_readByName_unknownRefusedWithPath() {
    String base = HEAD.replace("verification: { maxReworks: 3 }\n", "");

    assertThat(load(HEAD).verification().verifiers())
        .as("absent: today's rule")
        .isEqualTo(VerificationPolicy.Verifiers.ANY_OTHER_WORKER);
    assertThat(new VerificationPolicy(3).verifiers())
        .isEqualTo(VerificationPolicy.Verifiers.ANY_OTHER_WORKER);
    assertThat(Presets.all())
        .allSatisfy(
            p ->
                assertThat(p.verification().verifiers())
                    .isEqualTo(VerificationPolicy.Verifiers.ANY_OTHER_WORKER));
    assertThat(
            load(base + "verification: { maxReworks: 3, verifiers: SUPERVISOR }\n").verification())
        .isEqualTo(
            new VerificationPolicy(
                3,
                com.google.common.collect.ImmutableMap.of(),
                VerificationPolicy.Verifiers.SUPERVISOR));
    assertThat(refused(base + "verification: { maxReworks: 3, verifiers: CENTRE }\n").violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("verification.verifiers", PolicyRules.ENUM.value()));
    assertThat(
            refused(base + "verification: { maxReworks: 3, verifiers: [SUPERVISOR] }\n")
                .violations())
        .extracting(Violation::path)
        .containsExactly("verification.verifiers");
  }

  @Test
  void verificationWithin_oneForEveryKindOrByKind() {
    String base = HEAD.replace("verification: { maxReworks: 3 }\n", "");
    VerificationPolicy every =
        load(base + "verification: { maxReworks: 3, within: 1h }\n").verification();
    VerificationPolicy byKind =
        load(base + "verification: { maxReworks: 3, within: { URBAN: 1h, RURAL: 2h } }\n")
            .verification();

    assertThat(load(HEAD).verification().within()).isEmpty();
    assertThat(every.within()).containsOnlyKeys(AreaKind.values());
    assertThat(every.withinFor(AreaKind.RURAL)).contains(Duration.ofHours(1));
    assertThat(byKind.withinFor(AreaKind.URBAN)).contains(Duration.ofHours(1));
    assertThat(byKind.withinFor(AreaKind.RURAL)).contains(Duration.ofHours(2));
    assertThat(byKind.withinFor(AreaKind.FRINGE)).as("no limit for a kind not named").isEmpty();
    assertThat(Presets.all()).allSatisfy(p -> assertThat(p.verification().within()).isEmpty());
    assertThat(
            refused(base + "verification: { maxReworks: 3, within: { CITY: 1h, RURAL: 0s } }\n")
                .violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactlyInAnyOrder(
            tuple("verification.within.CITY", PolicyRules.ENUM.value()),
            tuple("verification.within.RURAL", PolicyRules.DURATION.value()));
    assertThat(refused(base + "verification: { maxReworks: 3, within: soon }\n").violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("verification.within", PolicyRules.DURATION.value()));
  }

  @Test
  void registerWithin_oneForEveryGradeOrByGrade() {
    String dispatch = "dispatch: { claimWindow: 24h, replyWithin: 72h, supervisionAfter: 24h }\n";
    String base = HEAD.replace(dispatch, "");
    DispatchPolicy every =
        load(base + dispatch.replace(" }", ", registerWithin: 30m }")).dispatch();
    DispatchPolicy byGrade =
        load(base + dispatch.replace(" }", ", registerWithin: { URGENT: 10m } }")).dispatch();

    assertThat(load(HEAD).dispatch().registerWithin()).isEmpty();
    assertThat(every.registerWithinFor(TimeLimit.Grade.URGENT)).contains(Duration.ofMinutes(30));
    assertThat(every.registerWithinFor(TimeLimit.Grade.NORMAL)).contains(Duration.ofMinutes(30));
    assertThat(byGrade.registerWithinFor(TimeLimit.Grade.URGENT)).contains(Duration.ofMinutes(10));
    assertThat(byGrade.registerWithinFor(TimeLimit.Grade.NORMAL)).isEmpty();
    assertThat(Presets.all()).allSatisfy(p -> assertThat(p.dispatch().registerWithin()).isEmpty());
    assertThat(
            refused(base + dispatch.replace(" }", ", registerWithin: { SOON: 1m, NORMAL: 0s } }"))
                .violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactlyInAnyOrder(
            tuple("dispatch.registerWithin.SOON", PolicyRules.ENUM.value()),
            tuple("dispatch.registerWithin.NORMAL", PolicyRules.DURATION.value()));
  }

  @Test
  void builtInCode_validatedAsLoaded() {
    PolicySet base = load(HEAD);
    PolicySet bad =
        base.withHandlingLimits(
            new ExtensionPolicy(Optional.of(-1), Optional.of(Duration.ZERO), false),
            new SuspensionPolicy(Optional.empty(), Optional.of(Duration.ofDays(-1))));

    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> PolicyLoader.validate(bad));

    assertThat(e).isNotNull();
    assertThat(e.violations())
        .extracting(Violation::path)
        .containsExactlyInAnyOrder("extension.limit", "extension.longest", "suspension.longest");
    assertThat(base.withHandlingLimits(null, null)).isEqualTo(base);
  }

  @Test
  void withVerification_replacesTheVerificationAlone_validatedAsLoaded() {
    PolicySet base = load(HEAD);
    VerificationPolicy supervisors =
        new VerificationPolicy(2, ImmutableMap.of(), VerificationPolicy.Verifiers.SUPERVISOR);

    PolicySet b = base.withVerification(supervisors);

    assertThat(b.verification()).isEqualTo(supervisors);
    assertThat(b.withVerification(base.verification())).isEqualTo(base);
    assertThat(
            catchThrowableOfType(
                    InvalidInputException.class,
                    () -> PolicyLoader.validate(base.withVerification(new VerificationPolicy(-1))))
                .violations())
        .extracting(Violation::path)
        .containsExactly("verification.maxReworks");
  }
}
