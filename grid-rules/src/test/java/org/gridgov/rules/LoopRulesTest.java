package org.gridgov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.rules.World.*;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.CaseReopened;
import org.gridgov.core.incident.CaseReturned;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentClosed;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.VerificationFailed;
import org.gridgov.core.incident.VerificationPassed;
import org.gridgov.core.policy.CallbackPolicy;
import org.gridgov.core.policy.EscalationPolicy;
import org.gridgov.core.policy.QuotaMode;
import org.gridgov.core.policy.ShareRange;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.callback.ReopenRule;
import org.gridgov.rules.escalation.AuthorityRule;
import org.gridgov.rules.escalation.SettlementReport;
import org.gridgov.rules.returns.BounceLimitRule;
import org.gridgov.rules.timer.OverdueRule;
import org.gridgov.rules.timer.SupervisionRule;
import org.gridgov.rules.timer.TimerDecision;
import org.gridgov.rules.verification.VerificationRule;
import org.junit.jupiter.api.Test;

class LoopRulesTest {

  private static Incident assigned(String id, long hour) {
    Incident registered = registered(id, GRID_1);
    return registered.apply(
        new IncidentAssigned(registered.id(), CENTRE, at(hour), "", A, URBAN, at(hour + 72)));
  }

  private static Incident handled(String id) {
    Incident incident = assigned(id, 24);
    return incident.apply(new FeedbackGiven(incident.id(), Actor.worker(A), at(30), "", A, "done"));
  }

  @Test
  void overdue_afterDeadline_marksOverdueAndSchedulesSupervision() {
    Incident incident = assigned("i", 24);
    OverdueRule rule = new OverdueRule(Duration.ofHours(24));

    assertThat(rule.decide(incident, at(95))).isInstanceOf(TimerDecision.NoChange.class);
    TimerDecision.MarkOverdue overdue = (TimerDecision.MarkOverdue) rule.decide(incident, at(96));
    assertThat(overdue.event().deadline()).isEqualTo(at(96));
    assertThat(overdue.event().superviseAt()).contains(at(120));

    Incident late = incident.apply(overdue.event());
    assertThat(rule.decide(late, at(97))).isInstanceOf(TimerDecision.NoChange.class);
    assertThat(SupervisionRule.decide(late, at(119))).isInstanceOf(TimerDecision.NoChange.class);
    TimerDecision.Supervise supervise =
        (TimerDecision.Supervise) SupervisionRule.decide(late, at(120));
    assertThat(supervise.events()).containsExactly(supervise.event());
    assertThat(late.apply(supervise.event()).supervisions()).isEqualTo(1);
  }

  @Test
  void claimWindow_halfOpen_claimableUpToButNotAtItsEnd() {
    Incident registered = World.registered("w", World.GRID_1);

    assertThat(
            org.gridgov.rules.dispatch.ClaimWindowRule.checkClaim(
                registered, false, at(24).minusNanos(1)))
        .isEmpty();
    assertThat(org.gridgov.rules.dispatch.ClaimWindowRule.checkClaim(registered, false, at(24)))
        .as("at its end automatic assignment may fire: not both")
        .isPresent();
  }

  @Test
  void claimWindow_emergencyToldNotGuessed_escalatedEmergencyStillClaimable() {
    Incident registered = World.registered("w", World.GRID_1);
    Incident upAtOnce =
        registered.apply(
            new org.gridgov.core.incident.IncidentEscalated(
                registered.id(),
                CENTRE,
                World.T0,
                "",
                Level.GRID,
                Level.COMMUNITY,
                org.gridgov.core.incident.EscalationKind.NO_ELIGIBLE_WORKER,
                false,
                World.T0));

    assertThat(org.gridgov.rules.dispatch.ClaimWindowRule.checkClaim(upAtOnce, false, at(1)))
        .as("escalated at its registration instant: the window ended then")
        .isPresent();
    assertThat(org.gridgov.rules.dispatch.ClaimWindowRule.checkClaim(upAtOnce, true, at(1)))
        .as("an emergency may be claimed until someone is assigned")
        .isEmpty();
  }

  @Test
  void overdue_firedLate_supervisionNotInThePast() {
    TimerDecision.MarkOverdue overdue =
        (TimerDecision.MarkOverdue)
            new OverdueRule(Duration.ofHours(24)).decide(assigned("i", 24), at(200));

    assertThat(overdue.event().superviseAt()).contains(at(200));
  }

  @Test
  void bounceLimit_twoReturnsThenArbitrationRequired() {
    BounceLimitRule rule = new BounceLimitRule(2);
    Incident incident = assigned("i", 24);
    for (int bounce = 0; bounce < 2; bounce++) {
      assertThat(rule.checkReturn(incident)).isEmpty();
      incident =
          incident.apply(
              new CaseReturned(
                  incident.id(), Actor.department(URBAN), at(25 + bounce), "not ours", URBAN));
      incident =
          incident.apply(
              new IncidentAssigned(incident.id(), CENTRE, at(25 + bounce), "", A, URBAN, at(100)));
    }

    assertThat(rule.checkReturn(incident))
        .get()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo("BOUNCE_LIMIT_REACHED");
              assertThat(r.message())
                  .contains("returned 2 times (limit 2); the centre must arbitrate");
            });
  }

  @Test
  void reopen_limitAndHalfOpenWindow_eachOptional() {
    Incident handled = handled("i");
    Incident closed =
        handled
            .apply(
                new VerificationPassed(
                    handled.id(), Actor.worker(SUPERVISOR), at(31), "", SUPERVISOR))
            .apply(new IncidentClosed(handled.id(), CENTRE, at(32), ""));
    Incident reopenedOnce =
        closed.apply(new CaseReopened(closed.id(), CENTRE, at(40), "again", at(112)));
    ReopenRule once = new ReopenRule(new CallbackPolicy(Optional.of(1), Optional.empty()));
    ReopenRule threeDays =
        new ReopenRule(new CallbackPolicy(Optional.empty(), Optional.of(Duration.ofDays(3))));
    ReopenRule none = new ReopenRule(CallbackPolicy.none());

    assertThat(once.checkReopen(closed, at(1000))).isEmpty();
    assertThat(once.checkReopen(reopenedOnce, at(41)))
        .get()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo(ReopenRule.REOPEN_LIMIT_REACHED);
              assertThat(r.message()).contains("reopened 1 times (limit 1)");
            });
    assertThat(threeDays.checkReopen(closed, at(32 + 71))).isEmpty();
    assertThat(threeDays.checkReopen(closed, at(32 + 72)))
        .get()
        .satisfies(r -> assertThat(r.code()).isEqualTo(ReopenRule.REOPEN_WINDOW_PASSED));
    assertThat(none.checkReopen(reopenedOnce, at(10_000))).isEmpty();
    assertThatThrownBy(() -> new ReopenRule(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("policy");
  }

  @Test
  void verification_byHandler_refused() {
    VerificationRule rule = new VerificationRule(3);

    assertThat(rule.check(handled("i"), A))
        .get()
        .satisfies(r -> assertThat(r.code()).isEqualTo("VERIFIER_IS_HANDLER"));
    assertThat(rule.check(handled("i"), SUPERVISOR)).isEmpty();
  }

  @Test
  void verification_failedThreeTimes_reworkCountedAndSupervisedAtTheLimit() {
    VerificationRule rule = new VerificationRule(2);
    Incident incident = handled("i");

    List<IncidentEvent> first =
        rule.events(incident, SUPERVISOR, false, Duration.ofHours(72), at(31), "still there");
    assertThat(first).hasSize(1).first().isInstanceOf(VerificationFailed.class);
    assertThat(((VerificationFailed) first.get(0)).replyBy()).isEqualTo(at(103));
    for (IncidentEvent e : first) {
      incident = incident.apply(e);
    }
    incident =
        incident.apply(new FeedbackGiven(incident.id(), Actor.worker(A), at(32), "", A, "again"));

    List<IncidentEvent> second =
        rule.events(incident, SUPERVISOR, false, Duration.ofHours(72), at(33), "still there");
    assertThat(second)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("VerificationFailed", "IncidentSupervised");
    for (IncidentEvent e : second) {
      incident = incident.apply(e);
    }
    assertThat(incident.reworks()).isEqualTo(2);
    assertThat(incident.supervisions()).isEqualTo(1);
    assertThat(rule.events(handled("j"), SUPERVISOR, true, Duration.ofHours(72), at(31), ""))
        .singleElement()
        .isInstanceOf(VerificationPassed.class);
  }

  @Test
  void authority_gridLimitedToE06_cannotCloseStreetVending() {
    EscalationPolicy policy =
        new EscalationPolicy(
            QuotaMode.HARD, ImmutableMap.of(), ImmutableMap.of(Level.GRID, ImmutableSet.of("E06")));

    assertThat(new AuthorityRule(policy).checkClose(handled("i")))
        .get()
        .satisfies(
            r ->
                assertThat(r.message()).contains("category E0401 is outside the authority of GRID"))
        .satisfies(
            r ->
                assertThat(r.message())
                    .as("the taking-on whose policy decides")
                    .contains("when incident i was taken on there (takenOnAt " + at(24) + ")"))
        .satisfies(r -> assertThat(r.rule()).isEqualTo(AuthorityRule.ID));
    assertThat(
            new AuthorityRule(new EscalationPolicy(QuotaMode.HARD, ImmutableMap.of()))
                .checkClose(handled("i")))
        .isEmpty();
  }

  @Test
  void settlement_dongchengSplit_sharesPerLevelCheckedAgainstTargets() {
    List<Incident> closed = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      // 4 of 20 go up to the street: 20 %, outside Dongcheng's 10-15 %
      closed.add(
          closedAt("c" + i, i >= 16 ? Level.STREET : i >= 10 ? Level.COMMUNITY : Level.GRID));
    }
    closed.add(registered("open", GRID_1)); // still open: not settled

    SettlementReport report =
        SettlementReport.of(
            closed,
            Map.of(
                Level.COMMUNITY, new ShareRange(new BigDecimal("0.80"), new BigDecimal("0.85")),
                Level.STREET, new ShareRange(new BigDecimal("0.10"), new BigDecimal("0.15")),
                Level.DISTRICT, new ShareRange(BigDecimal.ZERO, new BigDecimal("0.05"))));

    assertThat(report.settled()).isEqualTo(20);
    assertThat(report.share(Level.COMMUNITY)).isEqualByComparingTo("0.80");
    assertThat(report.share(Level.STREET)).isEqualByComparingTo("0.20");
    assertThat(report.checks())
        .extracting(c -> c.level() + "=" + c.met())
        .containsExactly("DISTRICT=true", "STREET=false", "COMMUNITY=true");
    assertThat(report.allTargetsMet()).isFalse();
  }

  @Test
  void settlement_noTargets_noChecksAndNothingToMeet() {
    SettlementReport report = SettlementReport.of(List.of(closedAt("x", Level.GRID)), Map.of());

    assertThat(report.checks()).isEmpty();
    assertThat(report.allTargetsMet()).isTrue();
    assertThat(report.share(Level.COMMUNITY)).isEqualByComparingTo("1");
  }

  @Test
  void settlement_fromCounts_sameReportAsFromIncidents() {
    Map<Level, ShareRange> targets =
        Map.of(Level.STREET, new ShareRange(new BigDecimal("0.10"), new BigDecimal("0.15")));
    SettlementReport counted =
        SettlementReport.ofCounts(Map.of(Level.COMMUNITY, 17L, Level.STREET, 3L), targets);

    assertThat(counted.settled()).isEqualTo(20);
    assertThat(counted.share(Level.STREET)).isEqualByComparingTo("0.15");
    assertThat(counted.checks())
        .extracting(c -> c.level() + "=" + c.met())
        .containsExactly("STREET=true");
  }

  @Test
  void settlement_shareJustOverTheMaximum_notMetThoughItRoundsToIt() {
    Map<Level, ShareRange> targets =
        Map.of(Level.STREET, new ShareRange(new BigDecimal("0.10"), new BigDecimal("0.15")));
    SettlementReport report =
        SettlementReport.ofCounts(Map.of(Level.COMMUNITY, 16_999L, Level.STREET, 3_001L), targets);

    assertThat(report.share(Level.STREET))
        .as("15.005 %, shown to 4 places")
        .isEqualByComparingTo("0.1500");
    assertThat(report.checks())
        .extracting(c -> c.level() + "=" + c.met())
        .containsExactly("STREET=false");
  }

  @Test
  void settlement_fromCounts_gridOrNegativeCountRejected() {
    assertThatThrownBy(() -> SettlementReport.ofCounts(Map.of(Level.GRID, 1L), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GRID");
    assertThatThrownBy(() -> SettlementReport.ofCounts(Map.of(Level.STREET, -1L), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("STREET")
        .hasMessageContaining("-1");
  }

  /** A case registered in grid 1, passed up to {@code level}, handled, verified and closed. */
  private static Incident closedAt(String id, Level level) {
    Incident incident = registered(id, GRID_1);
    while (incident.level() != level) {
      Level from = incident.level();
      incident =
          incident.apply(
              new org.gridgov.core.incident.IncidentEscalated(
                  incident.id(),
                  CENTRE,
                  at(1),
                  "up",
                  from,
                  from.up().orElseThrow(),
                  org.gridgov.core.incident.EscalationKind.REQUESTED,
                  false,
                  at(1)));
    }
    incident =
        incident.apply(new IncidentAssigned(incident.id(), CENTRE, at(2), "", B, URBAN, at(50)));
    incident =
        incident.apply(new FeedbackGiven(incident.id(), Actor.worker(B), at(3), "", B, "ok"));
    incident =
        incident.apply(
            new VerificationPassed(incident.id(), Actor.worker(SUPERVISOR), at(4), "", SUPERVISOR));
    return incident.apply(new IncidentClosed(incident.id(), CENTRE, at(5), ""));
  }

  @Test
  void overdue_notDispatchedOrAlreadyOverdue_noChangeSaysWhy() {
    OverdueRule rule = new OverdueRule(Duration.ofHours(24));
    Incident incident = assigned("i", 24);
    Incident late =
        incident.apply(((TimerDecision.MarkOverdue) rule.decide(incident, at(96))).event());

    assertThat(rule.decide(registered("r", GRID_1), at(200)))
        .isEqualTo(new TimerDecision.NoChange(OverdueRule.ID, "incident is REGISTERED"));
    assertThat(rule.decide(late, at(200)))
        .isEqualTo(
            new TimerDecision.NoChange(
                OverdueRule.ID, "incident is DISPATCHED and already overdue"));
  }

  @Test
  void overdue_supervisionDueExactlyWhenTheTimerFires_thatInstant() {
    TimerDecision decision =
        new OverdueRule(Duration.ofHours(24)).decide(assigned("i", 24), at(120));

    assertThat(decision.events())
        .singleElement()
        .isInstanceOfSatisfying(
            org.gridgov.core.incident.MarkedOverdue.class,
            e -> assertThat(e.superviseAt()).contains(at(120)));
  }

  @Test
  void supervision_notOverdue_noChange() {
    assertThat(SupervisionRule.decide(assigned("i", 24), at(500)))
        .isEqualTo(new TimerDecision.NoChange(SupervisionRule.ID, "no supervision is due"));
  }

  @Test
  void bounceLimit_arbitratedLine_mayNotReturnAtAll() {
    Incident incident = assigned("i", 24);
    incident =
        incident.apply(
            new CaseReturned(incident.id(), Actor.department(URBAN), at(25), "not ours", URBAN));
    incident =
        incident.apply(
            new org.gridgov.core.incident.CaseArbitrated(
                incident.id(), CENTRE, at(26), "yours", URBAN, at(26)));

    assertThat(incident.bounces()).isEqualTo(1);
    assertThat(new BounceLimitRule(5).checkReturn(incident))
        .get()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo("ARBITRATED");
              assertThat(r.message())
                  .isEqualTo(
                      "the centre decided urban-management is responsible for"
                          + " incident i (arbitration or joint meeting)");
              assertThat(r.toString())
                  .isEqualTo("[returns.bounce-limit] ARBITRATED: " + r.message());
            });
  }

  @Test
  void verification_failedAtTheLimit_supervisionNamesTheCount() {
    VerificationRule rule = new VerificationRule(1);

    List<IncidentEvent> events =
        rule.events(handled("i"), SUPERVISOR, false, Duration.ofHours(72), at(31), "still there");

    assertThat(events).hasSize(2);
    assertThat(events.get(1).reason()).isEqualTo("verification failed 1 times (limit 1)");
  }

  @Test
  void settlement_nullIncident_namedByItsIndex() {
    List<Incident> incidents = java.util.Arrays.asList(closedAt("a", Level.GRID), null);

    assertThatThrownBy(() -> SettlementReport.of(incidents, Map.of()))
        .isInstanceOf(org.gridgov.core.RuleConfigurationException.class)
        .hasMessageContaining("incidents[1]");
  }

  @Test
  void settlement_fromCounts_zeroCountAccepted() {
    SettlementReport report =
        SettlementReport.ofCounts(
            Map.of(Level.COMMUNITY, 5L, Level.DISTRICT, 0L),
            Map.of(Level.DISTRICT, new ShareRange(BigDecimal.ZERO, new BigDecimal("0.05"))));

    assertThat(report.settled()).isEqualTo(5);
    assertThat(report.share(Level.DISTRICT)).isEqualByComparingTo("0");
    assertThat(report.allTargetsMet()).isTrue();
  }

  @Test
  void settlement_shareBelowTheMinimum_notMet() {
    Map<Level, ShareRange> targets =
        Map.of(
            Level.COMMUNITY, new ShareRange(new BigDecimal("0.80"), new BigDecimal("0.85")),
            Level.STREET, new ShareRange(new BigDecimal("0.10"), new BigDecimal("0.15")));
    SettlementReport report =
        SettlementReport.ofCounts(Map.of(Level.COMMUNITY, 79L, Level.STREET, 21L), targets);

    assertThat(report.checks())
        .extracting(c -> c.level() + "=" + c.met())
        .as("79 % under an 80 % minimum; 21 % over a 15 % maximum")
        .containsExactly("STREET=false", "COMMUNITY=false");
    assertThat(
            SettlementReport.ofCounts(Map.of(Level.COMMUNITY, 80L, Level.STREET, 20L), targets)
                .checks())
        .extracting(c -> c.level() + "=" + c.met())
        .containsExactly("STREET=false", "COMMUNITY=true");
  }

  @Test
  void settlement_nothingSettled_sharesZeroAndTargetsMetOnlyWhenTheyAllowZero() {
    SettlementReport report =
        SettlementReport.ofCounts(
            Map.of(),
            Map.of(
                Level.STREET, new ShareRange(new BigDecimal("0.10"), new BigDecimal("0.15")),
                Level.DISTRICT, new ShareRange(BigDecimal.ZERO, new BigDecimal("0.05"))));

    assertThat(report.settled()).isZero();
    assertThat(report.share(Level.STREET)).isEqualByComparingTo("0");
    assertThat(report.checks())
        .extracting(c -> c.level() + "=" + c.met())
        .containsExactly("DISTRICT=true", "STREET=false");
  }

  @Test
  void settlement_fromCounts_nullLevelOrNullCount_refusedNamingIt() {
    Map<Level, Long> nullLevel = new java.util.HashMap<>();
    nullLevel.put(null, 1L);
    nullLevel.put(Level.STREET, 2L);
    Map<Level, Long> nullCount = new java.util.HashMap<>();
    nullCount.put(Level.STREET, null);

    assertThatThrownBy(() -> SettlementReport.ofCounts(nullLevel, Map.of()))
        .isInstanceOf(org.gridgov.core.InvalidInputException.class)
        .hasMessageContaining("a level must not be null");
    assertThatThrownBy(() -> SettlementReport.ofCounts(nullCount, Map.of()))
        .isInstanceOf(org.gridgov.core.InvalidInputException.class)
        .hasMessageContaining("counts.STREET");
  }

  @Test
  void supervision_overdueButClosedOrWithoutASupervisionTime_noChange() {
    Incident incident = assigned("i", 24);
    Incident late =
        incident.apply(
            new org.gridgov.core.incident.MarkedOverdue(
                incident.id(),
                Actor.system(OverdueRule.ID),
                at(96),
                "late",
                at(96),
                Optional.of(at(120))));
    Incident unscheduled =
        incident.apply(
            new org.gridgov.core.incident.MarkedOverdue(
                incident.id(),
                Actor.system(OverdueRule.ID),
                at(96),
                "late",
                at(96),
                Optional.empty()));
    Incident closed =
        late.apply(new FeedbackGiven(incident.id(), Actor.worker(A), at(100), "", A, "done"))
            .apply(
                new VerificationPassed(
                    incident.id(), Actor.worker(SUPERVISOR), at(101), "", SUPERVISOR))
            .apply(new IncidentClosed(incident.id(), CENTRE, at(102), ""));

    assertThat(SupervisionRule.decide(late, at(500))).isInstanceOf(TimerDecision.Supervise.class);
    assertThat(SupervisionRule.decide(closed, at(500))).isInstanceOf(TimerDecision.NoChange.class);
    assertThat(SupervisionRule.decide(unscheduled, at(500)))
        .isInstanceOf(TimerDecision.NoChange.class);
  }

  @Test
  void refusal_codeNotUpperSnakeCase_refused() {
    assertThatThrownBy(() -> new Refusal(OverdueRule.ID, "not-a-code", "m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not-a-code");
  }
}
