package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.governance.Town.A;
import static org.gridgov.governance.Town.CENTRE;
import static org.gridgov.governance.Town.GRID_1;
import static org.gridgov.governance.Town.NINE;
import static org.gridgov.governance.Town.VENDING;
import static org.gridgov.governance.Town.hours;
import static org.gridgov.governance.Town.reportAndRegister;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.incident.ActorKind;
import org.gridgov.core.incident.CaseResumed;
import org.gridgov.core.incident.CaseSuspended;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.incident.TimerKind;
import org.gridgov.core.policy.ExtensionPolicy;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.SuspensionPolicy;
import org.gridgov.rules.handling.ExtensionRule;
import org.gridgov.rules.handling.SuspensionRule;
import org.gridgov.rules.timer.SuspensionEndRule;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * The policy's limits on extending a deadline (延期: how often, only before the deadline, how far)
 * and on parking a case (挂账: how often, how long), on Kaixuan's 72-hour reply limit.
 */
class HandlingLimitsTest {
  private final MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);

  private GridGovernance governance(ExtensionPolicy extension, SuspensionPolicy suspension) {
    return Town.governance(
        clock, PolicyLoader.validate(Presets.kaixuan().withHandlingLimits(extension, suspension)));
  }

  private IncidentId claimed(GridGovernance governance) {
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
    governance.claim(A, id);
    return id;
  }

  private static void refused(Runnable command, String code) {
    assertThatThrownBy(command::run)
        .isInstanceOfSatisfying(
            CommandRefusedException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void extension_limitedInNumber_refusalStoresNothing() {
    GridGovernance governance =
        governance(
            new ExtensionPolicy(Optional.of(1), Optional.empty(), false), SuspensionPolicy.none());
    IncidentId id = claimed(governance);

    Incident extended = governance.extend(CENTRE, id, hours(100), "awaiting a permit");
    assertThat(extended.extensions()).isEqualTo(1);
    assertThat(extended.replyBy()).contains(hours(100));

    long version = governance.require(id).version();
    refused(
        () -> governance.extend(CENTRE, id, hours(120), "still waiting"),
        ExtensionRule.EXTENSION_LIMIT_REACHED);
    assertThat(governance.require(id).version()).isEqualTo(version);
    assertThat(governance.require(id).replyBy()).contains(hours(100));
  }

  @Test
  void extension_beforeDeadlineOnly_refusedFromTheDeadlineOn() {
    GridGovernance governance =
        governance(
            new ExtensionPolicy(Optional.empty(), Optional.empty(), true), SuspensionPolicy.none());
    IncidentId early = claimed(governance);
    IncidentId late = claimed(governance);

    clock.setInstant(hours(72).minusSeconds(1));
    assertThat(governance.extend(CENTRE, early, hours(96), "asked in time").replyBy())
        .contains(hours(96));
    clock.setInstant(hours(72));
    refused(
        () -> governance.extend(CENTRE, late, hours(96), "asked at the deadline"),
        ExtensionRule.DEADLINE_PASSED);
    assertThat(governance.require(late).overdue())
        .as("the refused command stores nothing, not even the overdue mark")
        .isFalse();
    governance.advance();
    assertThat(governance.require(late).overdue()).isTrue();
    refused(
        () -> governance.extend(CENTRE, late, hours(96), "asked once overdue"),
        ExtensionRule.DEADLINE_PASSED);
  }

  @Test
  void extension_noFurtherThanLongest_fromTheDeadlineOrFromNowOncePassed() {
    GridGovernance governance =
        governance(
            new ExtensionPolicy(Optional.empty(), Optional.of(Duration.ofHours(24)), false),
            SuspensionPolicy.none());
    IncidentId id = claimed(governance);

    refused(
        () -> governance.extend(CENTRE, id, hours(96).plusSeconds(1), "a day and a second"),
        ExtensionRule.EXTENSION_TOO_LONG);
    assertThat(governance.extend(CENTRE, id, hours(96), "a day").replyBy()).contains(hours(96));

    clock.setInstant(hours(100)); // overdue since 96: the day counts from now
    refused(
        () -> governance.extend(CENTRE, id, hours(124).plusSeconds(1), "too far"),
        ExtensionRule.EXTENSION_TOO_LONG);
    assertThat(governance.extend(CENTRE, id, hours(124), "a day from now").replyBy())
        .contains(hours(124));
  }

  @Test
  void extension_withoutLimits_asBefore() {
    GridGovernance governance = governance(ExtensionPolicy.none(), SuspensionPolicy.none());
    IncidentId id = claimed(governance);

    governance.extend(CENTRE, id, hours(1000), "first");
    clock.setInstant(hours(2000));
    assertThat(governance.extend(CENTRE, id, hours(5000), "second, once overdue").extensions())
        .isEqualTo(2);
  }

  @Test
  void suspension_limitedInNumber() {
    GridGovernance governance =
        governance(ExtensionPolicy.none(), new SuspensionPolicy(Optional.of(1), Optional.empty()));
    IncidentId id = claimed(governance);
    governance.suspend(CENTRE, id, "in court");
    governance.resume(CENTRE, id, "ruling made");
    long version = governance.require(id).version();

    refused(
        () -> governance.suspend(CENTRE, id, "appeal"), SuspensionRule.SUSPENSION_LIMIT_REACHED);
    assertThat(governance.require(id).version()).isEqualTo(version);
    assertThat(governance.require(id).stage()).isEqualTo(Stage.DISPATCHED);
  }

  @Test
  void suspension_endsAfterLongest_timerRoundGivesItBackDueAgain() {
    GridGovernance governance =
        governance(
            ExtensionPolicy.none(),
            new SuspensionPolicy(Optional.empty(), Optional.of(Duration.ofDays(30))));
    IncidentId id = claimed(governance);
    clock.setInstant(hours(10));

    Incident parked = governance.suspend(CENTRE, id, "road works block the site");
    assertThat(parked.suspendedUntil()).contains(hours(10 + 720));
    assertThat(parked.nextTimer())
        .hasValueSatisfying(
            timer -> {
              assertThat(timer.kind()).isEqualTo(TimerKind.SUSPENSION_END);
              assertThat(timer.dueAt()).isEqualTo(hours(10 + 720));
            });

    clock.setInstant(hours(10 + 720).minusSeconds(1));
    assertThat(governance.advance().resumed()).isZero();
    assertThat(governance.require(id).stage()).isEqualTo(Stage.SUSPENDED);

    clock.setInstant(hours(10 + 720 + 1));
    AdvanceResult round = governance.advance();
    assertThat(round.resumed()).isEqualTo(1);
    assertThat(round.acted()).isEqualTo(1);
    Incident back = governance.require(id);
    assertThat(back.stage()).isEqualTo(Stage.DISPATCHED);
    assertThat(back.assignee()).contains(A);
    assertThat(back.suspendedUntil()).isEmpty();
    assertThat(back.replyBy())
        .as("72 h from the round that resumed it")
        .contains(hours(10 + 720 + 1 + 72));
    List<IncidentEvent> history = governance.history(id);
    assertThat(history.get(history.size() - 1))
        .isInstanceOfSatisfying(
            CaseResumed.class,
            e -> {
              assertThat(e.actor().kind()).isEqualTo(ActorKind.SYSTEM);
              assertThat(e.actor().id()).contains(SuspensionEndRule.ID.value());
            });
  }

  @Test
  void suspendUntil_setsTheEnd_atMostLongest_resumedByTheCentreBeforeItEnds() {
    GridGovernance governance =
        governance(
            ExtensionPolicy.none(),
            new SuspensionPolicy(Optional.empty(), Optional.of(Duration.ofDays(30))));
    IncidentId id = claimed(governance);

    refused(
        () -> governance.suspendUntil(CENTRE, id, hours(720).plusSeconds(1), "too long"),
        SuspensionRule.SUSPENSION_TOO_LONG);
    Incident parked = governance.suspendUntil(CENTRE, id, hours(240), "works end in ten days");
    assertThat(parked.suspendedUntil()).contains(hours(240));
    assertThat(governance.history(id).get(governance.history(id).size() - 1))
        .isInstanceOfSatisfying(
            CaseSuspended.class, e -> assertThat(e.until()).contains(hours(240)));

    clock.setInstant(hours(100));
    Incident resumed = governance.resume(CENTRE, id, "works ended early");
    assertThat(resumed.nextTimer())
        .hasValueSatisfying(timer -> assertThat(timer.kind()).isEqualTo(TimerKind.REPLY_DEADLINE));
    clock.setInstant(hours(241));
    assertThat(governance.advance().resumed()).isZero();
    assertThat(governance.require(id).replyBy()).contains(hours(100 + 72));
  }

  @Test
  void suspendUntil_withoutLongest_anyFutureEnd_badEndRefusedByField() {
    GridGovernance governance = governance(ExtensionPolicy.none(), SuspensionPolicy.none());
    IncidentId id = claimed(governance);
    long version = governance.require(id).version();

    assertThatThrownBy(() -> governance.suspendUntil(CENTRE, id, null, "no end"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("until"));
    assertThatThrownBy(() -> governance.suspendUntil(CENTRE, id, NINE, "ends now"))
        .hasMessageStartingWith("invalid command suspendUntil:")
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("until"));
    assertThatThrownBy(
            () ->
                governance.suspendUntil(
                    CENTRE,
                    id,
                    java.time.Instant.parse("+10000-01-01T00:00:00Z"),
                    "beyond every store"))
        .hasMessageStartingWith("invalid command suspendUntil:")
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("until"));
    assertThat(governance.require(id).version()).isEqualTo(version);

    assertThat(governance.suspendUntil(CENTRE, id, hours(24 * 365), "a year").suspendedUntil())
        .contains(hours(24 * 365));
    assertThat(governance.suspend(CENTRE, claimed(governance), "until resumed").suspendedUntil())
        .isEmpty();
  }

  @Test
  void policyInForce_atTheCommand() {
    PolicySet limited =
        Presets.kaixuan()
            .withHandlingLimits(
                new ExtensionPolicy(Optional.of(0), Optional.empty(), false),
                SuspensionPolicy.none());
    assertThat(PolicyLoader.validate(limited).extension().limit()).contains(0);
    GridGovernance governance = Town.governance(clock, limited);
    IncidentId id = claimed(governance);

    refused(
        () -> governance.extend(CENTRE, id, hours(100), "none allowed"),
        ExtensionRule.EXTENSION_LIMIT_REACHED);
  }
}
