package org.gridgov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.rules.World.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.CaseResumed;
import org.gridgov.core.incident.CaseSuspended;
import org.gridgov.core.incident.DeadlineExtended;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.incident.TimerKind;
import org.gridgov.core.incident.VerificationPassed;
import org.gridgov.core.policy.ExtensionPolicy;
import org.gridgov.core.policy.SuspensionPolicy;
import org.gridgov.rules.handling.ExtensionRule;
import org.gridgov.rules.handling.SuspensionRule;
import org.gridgov.rules.timer.RegistrationDueRule;
import org.gridgov.rules.timer.SuspensionEndRule;
import org.gridgov.rules.timer.TimerDecision;
import org.gridgov.rules.timer.VerificationDueRule;
import org.junit.jupiter.api.Test;

/** 延期 and 挂账 limits, and the end of a suspension, on incidents folded by hand. */
class HandlingRulesTest {

  /** Assigned at hour 0, due at hour 72. */
  private static Incident assigned() {
    Incident registered = registered("i", GRID_1);
    return registered.apply(
        new IncidentAssigned(registered.id(), CENTRE, at(0), "", A, URBAN, at(72)));
  }

  private static String code(Optional<Refusal> refusal) {
    return refusal.map(Refusal::code).orElse("allowed");
  }

  @Test
  void extension_countedAndLimited() {
    ExtensionRule once =
        new ExtensionRule(new ExtensionPolicy(Optional.of(1), Optional.empty(), false));
    Incident incident = assigned();
    assertThat(incident.extensions()).isZero();
    assertThat(code(once.checkExtend(incident, at(100), Optional.empty(), at(1))))
        .isEqualTo("allowed");

    Incident extended =
        incident.apply(new DeadlineExtended(incident.id(), CENTRE, at(1), "permit", at(100)));

    assertThat(extended.extensions()).isEqualTo(1);
    assertThat(code(once.checkExtend(extended, at(120), Optional.empty(), at(2))))
        .isEqualTo(ExtensionRule.EXTENSION_LIMIT_REACHED);
    assertThat(once.checkExtend(extended, at(120), Optional.empty(), at(2)).orElseThrow().message())
        .contains("i", "1 times (limit 1)")
        .doesNotContain("permit");
  }

  @Test
  void extension_beforeDeadline_andFurthest() {
    ExtensionRule rule =
        new ExtensionRule(
            new ExtensionPolicy(Optional.empty(), Optional.of(Duration.ofHours(24)), true));
    Incident incident = assigned();

    assertThat(ExtensionRule.floor(incident, at(10))).isEqualTo(at(72));
    assertThat(ExtensionRule.floor(incident, at(80))).isEqualTo(at(80));
    assertThat(code(rule.checkExtend(incident, at(96), Optional.of(at(96)), at(71))))
        .isEqualTo("allowed");
    assertThat(code(rule.checkExtend(incident, at(97), Optional.of(at(96)), at(71))))
        .isEqualTo(ExtensionRule.EXTENSION_TOO_LONG);
    assertThat(code(rule.checkExtend(incident, at(96), Optional.of(at(96)), at(72))))
        .isEqualTo(ExtensionRule.DEADLINE_PASSED);
  }

  @Test
  void suspension_limitLongestAndEnd() {
    SuspensionRule rule =
        new SuspensionRule(
            new SuspensionPolicy(Optional.of(1), Optional.of(Duration.ofHours(100))));
    Incident incident = assigned();

    assertThat(rule.end(Optional.empty(), at(5))).contains(at(105));
    assertThat(rule.end(Optional.of(at(50)), at(5))).contains(at(50));
    assertThat(new SuspensionRule(SuspensionPolicy.none()).end(Optional.empty(), at(5))).isEmpty();
    assertThat(code(rule.checkSuspend(incident, Optional.of(at(105)), at(5)))).isEqualTo("allowed");
    assertThat(code(rule.checkSuspend(incident, Optional.of(at(106)), at(5))))
        .isEqualTo(SuspensionRule.SUSPENSION_TOO_LONG);

    Incident parked =
        incident.apply(
            new CaseSuspended(
                incident.id(), CENTRE, at(5), "works", rule.end(Optional.empty(), at(5))));
    Incident resumed = parked.apply(new CaseResumed(incident.id(), CENTRE, at(6), "", at(78)));
    assertThat(code(rule.checkSuspend(resumed, Optional.empty(), at(7))))
        .isEqualTo(SuspensionRule.SUSPENSION_LIMIT_REACHED);
  }

  @Test
  void suspensionEnd_resumesOnlyWhenDue() {
    Incident incident = assigned();
    Incident parked =
        incident.apply(
            new CaseSuspended(incident.id(), CENTRE, at(5), "works", Optional.of(at(50))));
    Incident open = incident.apply(new CaseSuspended(incident.id(), CENTRE, at(5), "works"));

    assertThat(parked.stage()).isEqualTo(Stage.SUSPENDED);
    assertThat(parked.nextTimer().orElseThrow().kind()).isEqualTo(TimerKind.SUSPENSION_END);
    assertThat(open.nextTimer()).isEmpty();
    assertThat(SuspensionEndRule.decide(parked, Duration.ofHours(72), at(49)))
        .isInstanceOf(TimerDecision.NoChange.class);
    assertThat(SuspensionEndRule.decide(open, Duration.ofHours(72), at(60)))
        .isInstanceOf(TimerDecision.NoChange.class);
    TimerDecision.Resume resume =
        (TimerDecision.Resume) SuspensionEndRule.decide(parked, Duration.ofHours(72), at(51));
    assertThat(resume.event().replyBy()).isEqualTo(at(51 + 72));
    Incident back = parked.apply(resume.event());
    assertThat(back.stage()).isEqualTo(Stage.DISPATCHED);
    assertThat(back.suspendedUntil()).isEmpty();
    assertThat(back.nextTimer().orElseThrow().kind()).isEqualTo(TimerKind.REPLY_DEADLINE);
  }

  @Test
  void registrationDue_supervisedOnceWhenTheLimitPassed() {
    Incident registered = registered("r", GRID_1);
    IncidentReported original = report("r", GRID_1, false);
    Incident waiting =
        Incident.start(
            new IncidentReported(
                original.incident(),
                original.actor(),
                original.at(),
                "",
                original.source(),
                original.category(),
                original.grid(),
                original.microGrid(),
                original.external(),
                original.emergency(),
                original.description(),
                original.topic(),
                Optional.of(original.at().plusSeconds(1800))));

    assertThat(registered.nextTimer().orElseThrow().kind())
        .isNotEqualTo(TimerKind.REGISTRATION_DUE);
    assertThat(waiting.nextTimer().orElseThrow().kind()).isEqualTo(TimerKind.REGISTRATION_DUE);
    assertThat(RegistrationDueRule.decide(waiting, original.at().plusSeconds(1799)))
        .isInstanceOf(TimerDecision.NoChange.class);
    TimerDecision.Supervise late =
        (TimerDecision.Supervise)
            RegistrationDueRule.decide(waiting, original.at().plusSeconds(1800));
    Incident supervised = waiting.apply(late.event());
    assertThat(supervised.stage()).isEqualTo(Stage.REPORTED);
    assertThat(supervised.supervisions()).isEqualTo(1);
    assertThat(supervised.nextTimer()).as("supervised once").isEmpty();
  }

  @Test
  void verificationDue_supervisedOnceWhenTheLimitPassed() {
    Incident incident = assigned();
    Incident handled =
        incident.apply(
            new FeedbackGiven(
                incident.id(), Actor.worker(A), at(10), "", A, "done", Optional.of(at(11))));
    Incident unlimited =
        incident.apply(new FeedbackGiven(incident.id(), Actor.worker(A), at(10), "", A, "done"));

    assertThat(handled.nextTimer().orElseThrow().kind()).isEqualTo(TimerKind.VERIFICATION_DUE);
    assertThat(unlimited.nextTimer()).isEmpty();
    assertThat(VerificationDueRule.decide(handled, at(11).minusSeconds(1)))
        .isInstanceOf(TimerDecision.NoChange.class);
    TimerDecision.Supervise late =
        (TimerDecision.Supervise) VerificationDueRule.decide(handled, at(11));
    Incident supervised = handled.apply(late.event());
    assertThat(supervised.supervisions()).isEqualTo(1);
    assertThat(supervised.verifyBy()).isEmpty();
    assertThat(supervised.nextTimer()).as("supervised once").isEmpty();
    assertThat(VerificationDueRule.decide(supervised, at(20)))
        .isInstanceOf(TimerDecision.NoChange.class);
    assertThat(
            handled
                .apply(
                    new VerificationPassed(incident.id(), CENTRE, at(10).plusSeconds(1800), "", B))
                .nextTimer())
        .isEmpty();
  }

  @Test
  void suspendedEvent_endMustFollowItsInstant() {
    Incident incident = assigned();
    Instant at = at(5);

    assertThatThrownBy(() -> new CaseSuspended(incident.id(), CENTRE, at, "works", Optional.of(at)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.path()).isEqualTo("until");
                          assertThat(v.rule()).isEqualTo(InputRules.RANGE.value());
                        }))
        .hasMessageStartingWith("invalid suspended event of incident");
    assertThatThrownBy(() -> new CaseSuspended(incident.id(), CENTRE, at, "works", null))
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining("until");
  }

  @Test
  void suspensionEnd_atTheEndInstant_resumesThere() {
    Incident incident = assigned();
    Incident parked =
        incident.apply(
            new CaseSuspended(incident.id(), CENTRE, at(5), "works", Optional.of(at(50))));

    TimerDecision atEnd = SuspensionEndRule.decide(parked, Duration.ofHours(72), at(50));

    assertThat(atEnd)
        .as("[start, end): the suspension is over at its end instant")
        .isInstanceOf(TimerDecision.Resume.class);
    assertThat(atEnd.events())
        .singleElement()
        .isInstanceOfSatisfying(
            CaseResumed.class, e -> assertThat(e.replyBy()).isEqualTo(at(50 + 72)));
    assertThat(SuspensionEndRule.decide(parked, Duration.ofHours(72), at(50).minusNanos(1)))
        .isEqualTo(
            new TimerDecision.NoChange(SuspensionEndRule.ID, "the suspension ends at " + at(50)));
  }

  @Test
  void extension_noDeadline_allowedAndFloorIsNow() {
    ExtensionRule rule =
        new ExtensionRule(new ExtensionPolicy(Optional.of(1), Optional.empty(), true));
    Incident registered = registered("i", GRID_1);

    assertThat(ExtensionRule.floor(registered, at(10))).isEqualTo(at(10));
    assertThat(rule.checkExtend(registered, at(20), Optional.empty(), at(10))).isEmpty();
  }

  @Test
  void extension_afterTheDeadline_allowedWhenThePolicyDoesNotAskForItBefore() {
    ExtensionRule anyTime =
        new ExtensionRule(new ExtensionPolicy(Optional.empty(), Optional.empty(), false));

    assertThat(code(anyTime.checkExtend(assigned(), at(120), Optional.empty(), at(80))))
        .isEqualTo("allowed");
  }

  @Test
  void suspension_limitWithoutLongest_anyEndAllowed_andNoLimitAllowsEveryTime() {
    SuspensionRule onceNoLongest =
        new SuspensionRule(new SuspensionPolicy(Optional.of(1), Optional.empty()));
    SuspensionRule longestOnly =
        new SuspensionRule(
            new SuspensionPolicy(Optional.empty(), Optional.of(Duration.ofHours(10))));
    Incident incident = assigned();
    Incident resumed =
        incident
            .apply(new CaseSuspended(incident.id(), CENTRE, at(5), "works", Optional.of(at(6))))
            .apply(new CaseResumed(incident.id(), CENTRE, at(6), "", at(78)));

    assertThat(code(onceNoLongest.checkSuspend(incident, Optional.of(at(10_000)), at(5))))
        .isEqualTo("allowed");
    assertThat(code(longestOnly.checkSuspend(resumed, Optional.empty(), at(7))))
        .as("no limit on how often; no end asked for")
        .isEqualTo("allowed");
    assertThat(code(longestOnly.checkSuspend(resumed, Optional.of(at(18)), at(7))))
        .isEqualTo(SuspensionRule.SUSPENSION_TOO_LONG);
  }

  @Test
  void registrationDue_registeredInTime_noSupervision() {
    IncidentReported original = report("r", GRID_1, false);
    Incident waiting =
        Incident.start(
            new IncidentReported(
                original.incident(),
                original.actor(),
                original.at(),
                "",
                original.source(),
                original.category(),
                original.grid(),
                original.microGrid(),
                original.external(),
                original.emergency(),
                original.description(),
                original.topic(),
                Optional.of(original.at().plusSeconds(1800))));
    Incident registered =
        waiting.apply(
            new org.gridgov.core.incident.IncidentRegistered(
                waiting.id(), CENTRE, original.at().plusSeconds(600), "", CATEGORY, URBAN, at(24)));

    assertThat(RegistrationDueRule.decide(registered, original.at().plusSeconds(3600)))
        .isInstanceOf(TimerDecision.NoChange.class);
  }
}
