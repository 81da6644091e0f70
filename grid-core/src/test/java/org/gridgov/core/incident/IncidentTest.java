package org.gridgov.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.core.Refusals.refusal;
import static org.gridgov.core.incident.Events.*;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.InputRules;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.line.LineId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.core.territory.TerritoryRules;
import org.junit.jupiter.api.Test;

class IncidentTest {

  @Test
  void aliveUntil_theLastEventOrTheLatestReplyDeadlineEverSet() {
    Incident registered = Incident.replay(List.of(reported(), registered(0)));
    assertThat(registered.aliveUntil()).as("a claim window is no reply deadline").isEqualTo(at(0));

    Incident answered =
        Incident.replay(
            List.of(
                reported(),
                registered(0),
                claimed(2, LI),
                feedback(3, LI),
                failed(4, ZHAO),
                feedback(5, LI),
                verified(6, ZHAO),
                closed(7)));
    assertThat(answered.lastChangedAt()).isEqualTo(at(7));
    assertThat(answered.aliveUntil())
        .as("the claim's deadline at 74 h, though rework set one at 28 h after it")
        .isEqualTo(at(74));

    Incident archivedLater = answered.apply(archived(80));
    assertThat(archivedLater.aliveUntil()).as("an event after every deadline").isEqualTo(at(80));
    Incident returned =
        Incident.replay(
            List.of(reported(), registered(0), assigned(1, LI, URBAN), returned(2, URBAN)));
    assertThat(returned.replyBy()).isEmpty();
    assertThat(returned.aliveUntil()).as("a deadline withdrawn still set once").isEqualTo(at(73));
  }

  @Test
  void changedAfter_comparesWithTheLastEventToTheNanosecond() {
    Incident claimed = Incident.replay(List.of(reported(), registered(0), claimed(2, LI)));
    Instant last = claimed.lastChangedAt();
    assertThat(last).isEqualTo(at(2));
    assertThat(claimed.changedAfter(last)).as("the same instant").isFalse();
    assertThat(claimed.changedAfter(last.minusNanos(1))).isTrue();
    assertThat(claimed.changedAfter(last.plusNanos(1))).isFalse();
    assertThat(claimed.changedAfter(last.minusSeconds(1).plusNanos(999_999_999))).isTrue();
    assertThat(claimed.changedAfter(last.plusSeconds(1).minusNanos(999_999_999))).isFalse();
    assertThat(Incident.replay(List.of(reported())).changedAfter(at(0))).isFalse();
    assertThatThrownBy(() -> claimed.changedAfter(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("instant");
  }

  @Test
  void replay_wholeLoop_endsArchivedWithEveryFact() {
    List<IncidentEvent> history =
        List.of(
            reported(),
            registered(0),
            claimed(2, LI),
            feedback(10, LI),
            failed(12, ZHAO),
            feedback(20, LI),
            verified(22, ZHAO),
            closed(23),
            rated(30, 4),
            archived(40));

    Incident incident = Incident.replay(history);

    assertThat(incident.stage()).isEqualTo(Stage.ARCHIVED);
    assertThat(incident.version()).isEqualTo(10);
    assertThat(incident.assignee()).contains(LI);
    assertThat(incident.selfClaimed()).isTrue();
    assertThat(incident.handler()).contains(LI);
    assertThat(incident.verifier()).contains(ZHAO);
    assertThat(incident.reworks()).isEqualTo(1);
    assertThat(incident.closedAt()).contains(at(23));
    assertThat(incident.rating()).contains(new Rating(4, 4, 4));
    assertThat(incident.isOpen()).isFalse();
    assertThat(incident.nextTimer()).isEmpty();
  }

  @Test
  void apply_claimInHandledStage_refusedNamingIncidentStageAndCommand() {
    Incident handled =
        Incident.replay(List.of(reported(), registered(0), claimed(1, LI), feedback(5, LI)));

    assertThatThrownBy(() -> handled.apply(claimed(6, WANG)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("incident INC-1 is HANDLED")
        .hasMessageContaining("command claim refused")
        .satisfies(
            e -> {
              IllegalTransitionException ite = (IllegalTransitionException) e;
              assertThat(ite.stage()).isEqualTo(Stage.HANDLED);
              assertThat(ite.step()).isEqualTo(Step.CLAIM);
              assertThat(ite.incident()).isEqualTo(ID);
            });
    assertThat(handled.stage()).isEqualTo(Stage.HANDLED);
    assertThat(handled.version()).isEqualTo(4);
  }

  @Test
  void apply_closeBeforeVerification_refused() {
    Incident handled =
        Incident.replay(List.of(reported(), registered(0), claimed(1, LI), feedback(5, LI)));

    assertThatThrownBy(() -> handled.apply(closed(6)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("command close refused: allowed only in [VERIFIED]");
  }

  @Test
  void apply_verifierIsHandler_refused() {
    Incident handled =
        Incident.replay(List.of(reported(), registered(0), claimed(1, LI), feedback(5, LI)));

    assertThatThrownBy(() -> handled.apply(verified(6, LI)))
        .hasMessageContaining("the verifier must not be the handler w-li");
    assertThatThrownBy(() -> handled.apply(failed(6, LI)))
        .hasMessageContaining("the verifier must not be the handler w-li");
  }

  @Test
  void apply_feedbackFromSomeoneElse_refused() {
    Incident dispatched = Incident.replay(List.of(reported(), registered(0), claimed(1, LI)));

    assertThatThrownBy(() -> dispatched.apply(feedback(2, WANG)))
        .hasMessageContaining("feedback must come from the assignee w-li, was w-wang");
  }

  @Test
  void apply_secondRating_refused() {
    Incident rated =
        Incident.replay(
            List.of(
                reported(),
                registered(0),
                claimed(1, LI),
                feedback(2, LI),
                verified(3, ZHAO),
                closed(4),
                rated(5, 5)));

    assertThatThrownBy(() -> rated.apply(rated(6, 1))).hasMessageContaining("already rated");
  }

  @Test
  void apply_eventBackInTime_refused() {
    Incident registered = Incident.replay(List.of(reported(), registered(5)));

    assertThatThrownBy(() -> registered.apply(claimed(4, LI)))
        .hasMessageContaining("events must not go back in time");
  }

  @Test
  void apply_eventOfAnotherIncident_refused() {
    Incident reported = Incident.start(reported());
    IncidentRegistered other =
        new IncidentRegistered(IncidentId.of("INC-2"), CENTRE, at(1), "", LAMP, URBAN, at(2));

    assertThatThrownBy(() -> reported.apply(other))
        .hasMessageContaining("the event belongs to incident INC-2");
  }

  @Test
  void apply_secondReport_refused() {
    Incident reported = Incident.start(reported());

    assertThatThrownBy(() -> reported.apply(reported()))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("command report refused");
  }

  @Test
  void replay_historyNotStartingWithReport_refused() {
    assertThatThrownBy(() -> Incident.replay(List.of(registered(0))))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("a history starts with report, was register");
    assertThatThrownBy(() -> Incident.replay(List.of()))
        .hasMessageContaining("at least the reported event");
  }

  @Test
  void rejected_asDuplicate_canOnlyBeArchived() {
    Incident rejected =
        Incident.start(reported())
            .apply(
                new IncidentRejected(
                    ID,
                    CENTRE,
                    at(1),
                    "same lamp",
                    RejectionKind.DUPLICATE,
                    Optional.of(IncidentId.of("INC-0"))));

    assertThat(rejected.stage()).isEqualTo(Stage.REJECTED);
    assertThat(rejected.rejection()).contains(RejectionKind.DUPLICATE);
    assertThat(rejected.isOpen()).isFalse();
    assertThatThrownBy(() -> rejected.apply(registered(2)))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(rejected.apply(archived(3)).stage()).isEqualTo(Stage.ARCHIVED);
  }

  @Test
  void returnAndArbitrate_bouncesCountedAndArbitrationIsFinal() {
    Incident arbitrated =
        Incident.replay(
            List.of(
                reported(),
                registered(0),
                assigned(24, WANG, URBAN),
                returned(25, URBAN),
                assigned(26, LI, GREENING),
                returned(27, GREENING),
                arbitrated(28, URBAN)));

    assertThat(arbitrated.bounces()).isEqualTo(2);
    assertThat(arbitrated.lastReturnedBy()).contains(GREENING);
    assertThat(arbitrated.stage()).isEqualTo(Stage.REGISTERED);
    assertThat(arbitrated.line()).contains(URBAN);
    assertThat(arbitrated.arbitrated()).isTrue();

    Incident reassigned = arbitrated.apply(assigned(29, WANG, URBAN));
    assertThatThrownBy(() -> reassigned.apply(returned(30, URBAN)))
        .hasMessageContaining("the centre decided urban-management is responsible");
  }

  @Test
  void verificationOrFeedback_recordedByAWorkerInAnotherWorkersName_refused() {
    assertThat(
            refusal(
                () -> new VerificationPassed(ID, Actor.worker(LI), at(30), "", ZHAO),
                "verified event of incident INC-1",
                "verifier",
                InputRules.RANGE))
        .hasToString(
            "verifier: must be the acting worker w-li when a worker records it, was w-zhao"
                + " [input.range]");
    refusal(
        () -> new VerificationFailed(ID, Actor.worker(LI), at(30), "", ZHAO, at(31)),
        "verification-failed event of incident INC-1",
        "verifier",
        InputRules.RANGE);
    assertThat(
            refusal(
                    () -> new FeedbackGiven(ID, Actor.worker(WANG), at(30), "", LI, "done"),
                    "feedback event of incident INC-1",
                    "handler",
                    InputRules.RANGE)
                .message())
        .startsWith("must be the acting worker w-wang");
    assertThat(new VerificationPassed(ID, CENTRE, at(30), "entered by the centre", ZHAO).verifier())
        .isEqualTo(ZHAO);
  }

  @Test
  void returnedToTheLimitThenEscalated_theCentreMayArbitrateItWhereItWaits() {
    Incident waiting =
        Incident.replay(
            List.of(
                reported(),
                registered(0),
                assigned(24, WANG, URBAN),
                returned(25, URBAN),
                assigned(26, LI, GREENING),
                returned(27, GREENING),
                escalated(28, Level.GRID, Level.COMMUNITY)));
    assertThat(waiting.stage()).isEqualTo(Stage.REGISTERED);
    assertThat(waiting.bounces()).isEqualTo(2);
    assertThat(waiting.arbitrated()).isFalse();

    Incident arbitrated = waiting.apply(arbitrated(29, URBAN));

    assertThat(arbitrated.stage()).isEqualTo(Stage.REGISTERED);
    assertThat(arbitrated.line()).contains(URBAN);
    assertThat(arbitrated.level()).isEqualTo(Level.COMMUNITY);
    assertThat(arbitrated.arbitrated()).isTrue();
    assertThat(arbitrated.claimUntil()).contains(at(29));
    assertThat(arbitrated.bounces()).isEqualTo(2);
  }

  @Test
  void neverReturned_theCentreMayNotArbitrateIt_inAnyStage() {
    // arbitration settles a bounced case; on one never returned it would take the line's right
    // to say "not ours" away, whether the case waits for a claim or a worker already holds it
    Incident fresh = Incident.replay(List.of(reported(), registered(0)));
    Incident held = fresh.apply(assigned(24, WANG, URBAN));
    Incident met =
        fresh.apply(
            new JointMeetingConvened(
                ID,
                CENTRE,
                at(1),
                "spans two lines",
                GREENING,
                java.util.Set.of(GREENING, URBAN),
                at(1)));

    for (Incident neverReturned : List.of(fresh, held, met)) {
      assertThat(neverReturned.bounces()).isZero();
      assertThat(neverReturned.allows(Step.ARBITRATE)).as("the stage table allows it").isTrue();
      assertThatThrownBy(() -> neverReturned.apply(arbitrated(30, GREENING)))
          .isInstanceOf(IllegalTransitionException.class)
          .hasMessage(
              "incident INC-1 is "
                  + neverReturned.stage()
                  + ": command arbitrate"
                  + " refused: the case was never returned: arbitration settles a bounced case")
          .satisfies(
              e -> {
                IllegalTransitionException ite = (IllegalTransitionException) e;
                assertThat(ite.incident()).isEqualTo(ID);
                assertThat(ite.stage()).isEqualTo(neverReturned.stage());
                assertThat(ite.step()).isEqualTo(Step.ARBITRATE);
              });
    }
    assertThat(held.stage()).isEqualTo(Stage.DISPATCHED);
    assertThat(fresh.apply(returned(1, URBAN)).apply(arbitrated(2, URBAN)).arbitrated())
        .as("once returned, it may be")
        .isTrue();
    Incident heldAgain = held.apply(returned(25, URBAN)).apply(assigned(26, LI, GREENING));
    assertThat(heldAgain.stage()).isEqualTo(Stage.DISPATCHED);
    assertThat(heldAgain.apply(arbitrated(27, URBAN)).line())
        .as("held again after a return, it may be")
        .contains(URBAN);
  }

  @Test
  void returnedBeforeAnyoneTookItOn_theClaimWindowEnds() {
    Incident registered = Incident.replay(List.of(reported(), registered(0)));
    assertThat(registered.claimUntil()).contains(at(24));

    Incident returned = registered.apply(returned(2, URBAN));

    assertThat(returned.stage()).isEqualTo(Stage.RETURNED);
    assertThat(returned.claimUntil())
        .as("nobody may claim a case the centre must re-dispatch")
        .isEmpty();
    assertThatThrownBy(() -> returned.apply(claimed(3, LI)))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(returned.apply(arbitrated(4, GREENING)).claimUntil())
        .as("the centre's decision opens a new window")
        .contains(at(4));
  }

  @Test
  void arbitration_thenAssignedToAnotherLine_thatLineMayReturnIt() {
    Incident arbitrated =
        Incident.replay(
            List.of(
                reported(),
                registered(0),
                assigned(24, WANG, URBAN),
                returned(25, URBAN),
                arbitrated(26, URBAN)));

    Incident moved = arbitrated.apply(assigned(27, LI, GREENING));

    assertThat(moved.arbitrated()).as("the centre's new decision is an assignment").isFalse();
    assertThat(moved.apply(returned(28, GREENING)).stage()).isEqualTo(Stage.RETURNED);
  }

  @Test
  void jointMeeting_itsLeadMayNotReturnIt() {
    Incident met =
        Incident.replay(
            List.of(
                reported(),
                registered(0),
                assigned(24, WANG, URBAN),
                returned(25, URBAN),
                new JointMeetingConvened(
                    ID,
                    CENTRE,
                    at(26),
                    "spans two lines",
                    GREENING,
                    java.util.Set.of(GREENING, URBAN),
                    at(26)),
                assigned(27, LI, GREENING)));

    assertThat(met.arbitrated()).isTrue();
    assertThatThrownBy(() -> met.apply(returned(28, GREENING)))
        .hasMessageContaining(
            "the centre decided greening is responsible (arbitration or joint" + " meeting)");
  }

  @Test
  void return_byLineNotResponsible_refused() {
    Incident dispatched =
        Incident.replay(List.of(reported(), registered(0), assigned(24, WANG, URBAN)));

    assertThatThrownBy(() -> dispatched.apply(returned(25, GREENING)))
        .hasMessageContaining("only the responsible line urban-management may return it");
  }

  @Test
  void escalate_movesLevelUpAndClearsAssignee() {
    Incident escalated =
        Incident.replay(
            List.of(
                reported(),
                registered(0),
                assigned(24, WANG, URBAN),
                escalated(25, Level.GRID, Level.COMMUNITY)));

    assertThat(escalated.level()).isEqualTo(Level.COMMUNITY);
    assertThat(escalated.escalations()).isEqualTo(1);
    assertThat(escalated.assignee()).isEmpty();
    assertThat(escalated.stage()).isEqualTo(Stage.REGISTERED);
    assertThat(escalated.nextTimer()).contains(new Timer(TimerKind.CLAIM_WINDOW, at(49)));
    assertThatThrownBy(() -> escalated.apply(escalated(26, Level.GRID, Level.STREET)))
        .hasMessageContaining("the case is handled at COMMUNITY, not GRID");
  }

  @Test
  void escalate_aboveTheDistrict_refused_nothingHandlesACaseThere() {
    Incident atDistrict =
        Incident.replay(
            List.of(
                reported(),
                registered(0),
                escalated(1, Level.GRID, Level.COMMUNITY),
                escalated(2, Level.COMMUNITY, Level.STREET),
                escalated(3, Level.STREET, Level.DISTRICT)));

    assertThat(atDistrict.level()).isEqualTo(Level.DISTRICT);
    assertThatThrownBy(() -> atDistrict.apply(escalated(4, Level.DISTRICT, Level.CITY)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("DISTRICT");
    assertThatThrownBy(
            () ->
                Incident.replay(
                    List.of(reported(), registered(0), escalated(1, Level.GRID, Level.PROVINCE))))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void escalate_skippingALevel_refused_eachLevelsQuotaCountsWhereTheCaseLeavesIt() {
    Incident registered = Incident.replay(List.of(reported(), registered(0)));

    assertThatThrownBy(() -> registered.apply(escalated(1, Level.GRID, Level.STREET)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining(
            "a case goes up one level at a time, from GRID to COMMUNITY, not" + " STREET");
    assertThat(registered.apply(escalated(1, Level.GRID, Level.COMMUNITY)).level())
        .isEqualTo(Level.COMMUNITY);
  }

  @Test
  void jointMeeting_setsLeadAndLines() {
    Incident met =
        Incident.replay(
            List.of(
                reported(),
                registered(0),
                assigned(24, WANG, URBAN),
                returned(25, URBAN),
                new JointMeetingConvened(
                    ID,
                    CENTRE,
                    at(26),
                    "spans lines",
                    GREENING,
                    java.util.Set.of(URBAN, GREENING),
                    at(26))));

    assertThat(met.line()).contains(GREENING);
    assertThat(met.jointLines()).containsExactlyInAnyOrder(URBAN, GREENING);
    assertThat(met.stage()).isEqualTo(Stage.REGISTERED);
  }

  @Test
  void jointMeetingThenArbitration_theCaseHasOneLineAndNoMeetingLines() {
    Incident met =
        Incident.replay(
            List.of(
                reported(),
                registered(0),
                assigned(24, WANG, URBAN),
                returned(25, URBAN),
                new JointMeetingConvened(
                    ID,
                    CENTRE,
                    at(26),
                    "spans lines",
                    GREENING,
                    java.util.Set.of(URBAN, GREENING),
                    at(26))));
    assertThat(met.jointLines()).containsExactlyInAnyOrder(URBAN, GREENING);

    Incident arbitrated = met.apply(arbitrated(27, URBAN));
    Incident heldThenArbitrated =
        met.apply(assigned(27, LI, GREENING)).apply(arbitrated(28, URBAN));

    for (Incident one : List.of(arbitrated, heldThenArbitrated)) {
      assertThat(one.line()).contains(URBAN);
      assertThat(one.arbitrated()).isTrue();
      assertThat(one.jointLines())
          .as("arbitration decides one line, the meeting's are gone")
          .isEmpty();
      assertThat(one.stage()).isEqualTo(Stage.REGISTERED);
    }
    Incident metAgain =
        arbitrated.apply(
            new JointMeetingConvened(
                ID, CENTRE, at(28), "again", URBAN, java.util.Set.of(URBAN, GREENING), at(28)));
    assertThat(metAgain.jointLines())
        .as("a later meeting sets them again")
        .containsExactlyInAnyOrder(URBAN, GREENING);
  }

  @Test
  void jointMeeting_assignedOnTheLead_keepsItsLines_onAnotherLine_dropsThemWithTheDecision() {
    Incident met =
        Incident.replay(
            List.of(
                reported(),
                registered(0),
                assigned(24, WANG, URBAN),
                returned(25, URBAN),
                new JointMeetingConvened(
                    ID,
                    CENTRE,
                    at(26),
                    "spans lines",
                    GREENING,
                    java.util.Set.of(URBAN, GREENING),
                    at(26))));

    Incident onTheLead = met.apply(assigned(27, LI, GREENING));
    Incident elsewhere = met.apply(assigned(27, WANG, URBAN));

    assertThat(onTheLead.arbitrated()).isTrue();
    assertThat(onTheLead.jointLines()).containsExactlyInAnyOrder(URBAN, GREENING);
    assertThat(elsewhere.arbitrated()).as("the meeting's decision no longer binds").isFalse();
    assertThat(elsewhere.jointLines()).as("nor do its lines").isEmpty();
  }

  @Test
  void referred_waitsForTheCentreWithoutATimer_theCentreOrAnEligibleWorkerTakesItOn() {
    Incident registered = Incident.replay(List.of(reported(), registered(0)));
    assertThat(registered.awaitsCentre()).isFalse();

    Incident referred =
        registered.apply(new CaseReferred(ID, SYSTEM, at(24), "nobody", URBAN, Level.GRID));

    assertThat(referred.stage()).isEqualTo(Stage.REGISTERED);
    assertThat(referred.awaitsCentre()).isTrue();
    assertThat(referred.claimUntil()).isEmpty();
    assertThat(referred.nextTimer()).isEmpty();
    assertThat(referred.apply(assigned(30, WANG, URBAN)).awaitsCentre()).isFalse();
    assertThat(referred.apply(claimed(30, LI)).assignee()).contains(LI);
    assertThatThrownBy(
            () -> referred.apply(new CaseReferred(ID, SYSTEM, at(25), "nobody", URBAN, Level.GRID)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("already waits for the centre");
  }

  @Test
  void referred_forAnotherLineOrLevel_refused_aStaleDecision() {
    Incident registered = Incident.replay(List.of(reported(), registered(0)));

    assertThatThrownBy(
            () -> registered.apply(new CaseReferred(ID, SYSTEM, at(24), "", GREENING, Level.GRID)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("at GRID for urban-management, not GRID for greening");
    assertThatThrownBy(
            () -> registered.apply(new CaseReferred(ID, SYSTEM, at(24), "", URBAN, Level.DISTRICT)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("not DISTRICT for urban-management");
    assertThatThrownBy(
            () ->
                registered
                    .apply(assigned(24, WANG, URBAN))
                    .apply(new CaseReferred(ID, SYSTEM, at(25), "", URBAN, Level.GRID)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("DISPATCHED");
  }

  @Test
  void timers_followTheLoop_claimWindowThenDeadlineThenSupervision() {
    Incident registered = Incident.replay(List.of(reported(), registered(0)));
    assertThat(registered.nextTimer()).contains(new Timer(TimerKind.CLAIM_WINDOW, at(24)));

    Incident assigned = registered.apply(assigned(24, WANG, URBAN));
    assertThat(assigned.nextTimer()).contains(new Timer(TimerKind.REPLY_DEADLINE, at(96)));

    Incident overdue = assigned.apply(overdue(at(96), 96));
    assertThat(overdue.overdue()).isTrue();
    assertThat(overdue.nextTimer()).contains(new Timer(TimerKind.SUPERVISION, at(120)));

    Incident supervised = overdue.apply(new IncidentSupervised(ID, SYSTEM, at(120), "overdue"));
    assertThat(supervised.supervisions()).isEqualTo(1);
    assertThat(supervised.nextTimer()).isEmpty();

    Incident extended =
        supervised.apply(new DeadlineExtended(ID, CENTRE, at(121), "parts", at(150)));
    assertThat(extended.overdue()).isFalse();
    assertThat(extended.nextTimer()).contains(new Timer(TimerKind.REPLY_DEADLINE, at(150)));
  }

  @Test
  void markOverdue_twiceOrForAnotherDeadline_refused() {
    Incident assigned =
        Incident.replay(List.of(reported(), registered(0), assigned(24, WANG, URBAN)));

    assertThatThrownBy(() -> assigned.apply(overdue(at(90), 97)))
        .hasMessageContaining("the reply deadline is " + at(96) + ", not " + at(90));
    Incident overdue = assigned.apply(overdue(at(96), 97));
    assertThatThrownBy(() -> overdue.apply(overdue(at(96), 98)))
        .hasMessageContaining("already overdue");
  }

  @Test
  void markOverdue_deadlineInTheSameMicrosecond_accepted_asEveryStoreComparesIt() {
    Incident assigned =
        Incident.replay(List.of(reported(), registered(0), assigned(24, WANG, URBAN)));

    assertThat(assigned.apply(overdue(at(96).plusNanos(500), 97)).overdue())
        .as("a store that cut the deadline to the microsecond sees the same deadline")
        .isTrue();
    assertThatThrownBy(() -> assigned.apply(overdue(at(96).plusNanos(1_000), 97)))
        .hasMessageContaining("the reply deadline is " + at(96));
  }

  @Test
  void extendDeadline_earlier_refused() {
    Incident assigned =
        Incident.replay(List.of(reported(), registered(0), assigned(24, WANG, URBAN)));

    assertThatThrownBy(() -> assigned.apply(new DeadlineExtended(ID, CENTRE, at(25), "", at(90))))
        .hasMessageContaining("must move the deadline");
  }

  @Test
  void reassign_sameWorkerAndLine_refused() {
    Incident assigned =
        Incident.replay(List.of(reported(), registered(0), assigned(24, WANG, URBAN)));

    assertThatThrownBy(() -> assigned.apply(assigned(25, WANG, URBAN)))
        .hasMessageContaining("already assigned to w-wang");
    assertThat(assigned.apply(assigned(25, LI, URBAN)).assignee()).contains(LI);
  }

  @Test
  void takenOnAt_theClaimOrAssignmentOfTheCurrentAssignee_keptThroughRework() {
    Incident registered = Incident.replay(List.of(reported(), registered(0)));
    assertThat(registered.takenOnAt()).isEmpty();

    Incident claimed = registered.apply(claimed(2, LI));
    assertThat(claimed.takenOnAt()).contains(at(2));
    Incident reworked =
        claimed
            .apply(feedback(3, LI))
            .apply(failed(4, ZHAO))
            .apply(feedback(5, LI))
            .apply(verified(6, ZHAO))
            .apply(closed(7));
    assertThat(reworked.takenOnAt()).as("rework is the same taking-on").contains(at(2));

    Incident reassigned =
        Incident.replay(
            List.of(
                reported(),
                registered(0),
                claimed(2, LI),
                feedback(3, LI),
                failed(4, ZHAO),
                assigned(5, WANG, URBAN)));
    assertThat(reassigned.takenOnAt()).as("a re-assignment is a new taking-on").contains(at(5));

    assertThat(
            Incident.replay(
                    List.of(
                        reported(), registered(0), assigned(1, WANG, URBAN), returned(2, URBAN)))
                .takenOnAt())
        .isEmpty();
    assertThat(
            Incident.replay(
                    List.of(
                        reported(),
                        registered(0),
                        assigned(1, WANG, URBAN),
                        escalated(2, Level.GRID, Level.COMMUNITY)))
                .takenOnAt())
        .isEmpty();
    assertThat(
            Incident.replay(
                    List.of(
                        reported(),
                        registered(0),
                        assigned(1, WANG, URBAN),
                        returned(2, URBAN),
                        arbitrated(3, URBAN),
                        assigned(4, WANG, URBAN)))
                .takenOnAt())
        .as("taken on again after arbitration")
        .contains(at(4));
  }

  @Test
  void allows_reflectsTheTable() {
    Incident registered = Incident.replay(List.of(reported(), registered(0)));

    assertThat(registered.allows(Step.CLAIM)).isTrue();
    assertThat(registered.allows(Step.FEEDBACK)).isFalse();
    assertThatThrownBy(() -> registered.check(Step.VERIFY))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("command verify refused");
  }

  @Test
  void replay_sameEvents_equalStates() {
    List<IncidentEvent> history = List.of(reported(), registered(0), claimed(1, LI));

    assertThat(Incident.replay(history)).isEqualTo(Incident.replay(history));
    assertThat(Incident.replay(history)).isNotEqualTo(Incident.replay(history.subList(0, 2)));
    assertThat(Incident.replay(history).hashCode()).isEqualTo(Incident.replay(history).hashCode());
    assertThat(Incident.replay(history).takenOnAt())
        .isEqualTo(Incident.replay(history).takenOnAt())
        .contains(at(1));
  }

  @Test
  void events_invalidFields_refusedNamingTheField() {
    assertThat(refusal(() -> new Rating(0, 3, 3), "rating", "attitude", InputRules.RANGE))
        .hasToString("attitude: must be between 1 and 5, was 0 [input.range]");
    refusal(() -> new Rating(3, 0, 3), "rating", "timeliness", InputRules.RANGE);
    assertThat(
            refusal(() -> new Rating(3, 3, 6), "rating", "satisfaction", InputRules.RANGE).value())
        .isEqualTo("6");
    assertThat(
            refusal(
                () -> new IncidentClaimed(ID, Actor.worker(WANG), T0, "", LI, at(1)),
                "claimed event of incident INC-1",
                "actor",
                InputRules.RANGE))
        .hasToString("actor: must be the claimant w-li, was worker:w-wang [input.range]");
    refusal(
        () -> new IncidentClaimed(ID, CENTRE, T0, "", LI, at(1)),
        "claimed event of incident INC-1",
        "actor",
        InputRules.RANGE);
    assertThat(
            refusal(
                    () -> new CaseReturned(ID, CENTRE, T0, " ", URBAN),
                    "returned event of incident INC-1",
                    "reason",
                    InputRules.REQUIRED)
                .message())
        .isEqualTo("must say why the case is not theirs");
    assertThatThrownBy(() -> new CaseReferred(ID, SYSTEM, T0, "", null, Level.DISTRICT))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("referred.line must not be null");
    assertThatThrownBy(() -> new CaseReferred(ID, SYSTEM, T0, "", URBAN, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("referred.level must not be null");
    assertThat(
            refusal(
                () ->
                    new IncidentReported(
                        ID,
                        CENTRE,
                        T0,
                        "",
                        Source.PATROL,
                        LAMP,
                        org.gridgov.core.territory.AreaCode.parse("330102011002"),
                        Optional.empty(),
                        Optional.empty(),
                        false,
                        "",
                        Optional.empty()),
                "reported event of incident INC-1",
                "grid",
                InputRules.RANGE))
        .hasToString("grid: must be a GRID code, was 330102011002 (COMMUNITY) [input.range]");
  }

  @Test
  void rejected_duplicateOfMissingMisplacedOrItself_refusedNamingTheField() {
    String subject = "rejected event of incident INC-1";
    refusal(
        () -> new IncidentRejected(ID, CENTRE, T0, "", RejectionKind.DUPLICATE, Optional.empty()),
        subject,
        "duplicateOf",
        InputRules.REQUIRED);
    assertThat(
            refusal(
                () ->
                    new IncidentRejected(
                        ID,
                        CENTRE,
                        T0,
                        "",
                        RejectionKind.INVALID,
                        Optional.of(IncidentId.of("INC-0"))),
                subject,
                "duplicateOf",
                InputRules.RANGE))
        .hasToString("duplicateOf: is only for a DUPLICATE, was INC-0 [input.range]");
    assertThat(
            refusal(
                    () ->
                        new IncidentRejected(
                            ID, CENTRE, T0, "", RejectionKind.DUPLICATE, Optional.of(ID)),
                    subject,
                    "duplicateOf",
                    InputRules.RANGE)
                .message())
        .isEqualTo("must name another incident");
  }

  @Test
  void escalated_downwardsOrFlaggedWithoutAQuota_refusedNamingTheField() {
    String subject = "escalated event of incident INC-1";
    assertThat(
            refusal(
                () ->
                    new IncidentEscalated(
                        ID,
                        CENTRE,
                        T0,
                        "",
                        Level.STREET,
                        Level.COMMUNITY,
                        EscalationKind.REQUESTED,
                        false,
                        T0),
                subject,
                "to",
                InputRules.RANGE))
        .hasToString("to: must be above from STREET, was COMMUNITY [input.range]");
    EscalationKind notCounted =
        java.util.Arrays.stream(EscalationKind.values())
            .filter(k -> !k.countsAgainstQuota())
            .findFirst()
            .orElseThrow();
    assertThat(
            refusal(
                    () ->
                        new IncidentEscalated(
                            ID, CENTRE, T0, "", Level.GRID, Level.COMMUNITY, notCounted, true, T0),
                    subject,
                    "overQuota",
                    InputRules.RANGE)
                .message())
        .isEqualTo("is never true for a " + notCounted + " escalation");
  }

  @Test
  void jointMeeting_fewerThanTwoLinesOrWithoutTheLead_refusedNamingLines() {
    String subject = "joint-meeting event of incident INC-1";
    refusal(
        () -> new JointMeetingConvened(ID, CENTRE, T0, "", URBAN, Set.of(URBAN), T0),
        subject,
        "lines",
        InputRules.RANGE);
    assertThat(
            refusal(
                    () ->
                        new JointMeetingConvened(
                            ID, CENTRE, T0, "", URBAN, Set.of(GREENING, LineId.of("water")), T0),
                    subject,
                    "lines",
                    InputRules.RANGE)
                .message())
        .isEqualTo("must hold at least two lines including the lead " + "urban-management");
  }

  @Test
  void replay_emptyHistory_refused() {
    refusal(() -> Incident.replay(List.of()), "incident history", "events", InputRules.RANGE);
  }

  @Test
  void reported_microGridOutsideGrid_refused() {
    var micro = org.gridgov.core.territory.AreaCode.of("330102011002002001", Level.MICRO_GRID);
    assertThat(
            refusal(
                () ->
                    new IncidentReported(
                        ID,
                        CENTRE,
                        T0,
                        "",
                        Source.CAMERA,
                        LAMP,
                        GRID,
                        Optional.of(micro),
                        Optional.empty(),
                        false,
                        "",
                        Optional.empty()),
                "reported event of incident INC-1",
                "microGrid",
                TerritoryRules.PARENT_PREFIX))
        .hasToString(
            "microGrid: must lie inside the grid 330102011002001, was 330102011002002001"
                + " [territory.parent-prefix]");
    refusal(
        () ->
            new IncidentReported(
                ID,
                CENTRE,
                T0,
                "",
                Source.CAMERA,
                LAMP,
                GRID,
                Optional.of(GRID),
                Optional.empty(),
                false,
                "",
                Optional.empty()),
        "reported event of incident INC-1",
        "microGrid",
        InputRules.RANGE);
  }

  @Test
  void reported_keepsWhatTheReportSays_registrationCorrectsTheCategory() {
    AreaCode micro = AreaCode.of("330102011002001001", Level.MICRO_GRID);
    Actor hotline = Actor.external("hotline-12345");
    Incident reported =
        Incident.start(
            new IncidentReported(
                ID,
                hotline,
                T0,
                "",
                Source.HOTLINE_12345,
                LAMP,
                GRID,
                Optional.of(micro),
                Optional.of(ExternalRef.of("hotline-12345", "T-0042")),
                true,
                "street lamp out",
                Optional.of("lamps"),
                Optional.of(at(1))));

    assertThat(reported.source()).isEqualTo(Source.HOTLINE_12345);
    assertThat(reported.category()).isEqualTo(LAMP);
    assertThat(reported.grid()).isEqualTo(GRID);
    assertThat(reported.microGrid()).contains(micro);
    assertThat(reported.external()).contains(new ExternalRef("hotline-12345", "T-0042"));
    assertThat(reported.emergency()).isTrue();
    assertThat(reported.topic()).contains("lamps");
    assertThat(reported.reportedAt()).isEqualTo(T0);
    assertThat(reported.reporter()).isEqualTo(hotline);
    assertThat(reported.registeredAt()).isEmpty();
    assertThat(reported.registerBy()).contains(at(1));
    assertThat(reported.nextTimer()).contains(new Timer(TimerKind.REGISTRATION_DUE, at(1)));
    assertThat(reported.verifyBy()).as("the limit of registration only").isEmpty();
    assertThat(reported.suspendedUntil()).isEmpty();

    CategoryCode cover = CategoryCode.parse("P0101");
    Incident registered =
        reported.apply(
            new IncidentRegistered(ID, CENTRE, at(0), "a cover, not a lamp", cover, URBAN, at(24)));
    assertThat(registered.category()).isEqualTo(cover);
    assertThat(registered.registeredAt()).contains(at(0));
    assertThat(registered.registerBy()).isEmpty();

    Incident plain = Incident.start(reported());
    assertThat(plain.emergency()).isFalse();
    assertThat(plain.microGrid()).isEmpty();
    assertThat(plain.external()).isEmpty();
    assertThat(plain.topic()).isEmpty();
    assertThat(plain.registerBy()).isEmpty();
    assertThat(plain.nextTimer()).as("no registration limit, no timer").isEmpty();
  }

  @Test
  void overdueExtendedAndHandled_countsAndLimitsKept() {
    Incident assigned =
        Incident.replay(List.of(reported(), registered(0), assigned(1, WANG, URBAN)));
    assertThat(assigned.selfClaimed()).as("assigned, not claimed").isFalse();

    Incident overdue = assigned.apply(overdue(at(73), 73));
    assertThat(overdue.overdueCount()).isEqualTo(1);
    assertThat(overdue.superviseAt()).contains(at(97));
    Incident extended = overdue.apply(new DeadlineExtended(ID, CENTRE, at(74), "parts", at(100)));
    assertThat(extended.extensions()).isEqualTo(1);
    assertThat(extended.superviseAt()).isEmpty();
    assertThat(extended.overdueCount()).as("a missed deadline stays missed").isEqualTo(1);
    Incident overdueAgain = extended.apply(overdue(at(100), 100));
    assertThat(overdueAgain.overdueCount()).isEqualTo(2);
    assertThat(
            overdueAgain.apply(new DeadlineExtended(ID, CENTRE, at(101), "", at(120))).extensions())
        .isEqualTo(2);

    Incident handled =
        overdueAgain.apply(
            new FeedbackGiven(
                ID, Actor.worker(WANG), at(101), "", WANG, "lamp replaced", Optional.of(at(105))));
    assertThat(handled.handledAt()).contains(at(101));
    assertThat(handled.verifyBy()).contains(at(105));
    assertThat(handled.registerBy()).as("the limit of verification only").isEmpty();
    assertThat(handled.nextTimer()).contains(new Timer(TimerKind.VERIFICATION_DUE, at(105)));
    assertThat(overdueAgain.apply(feedback(101, WANG)).nextTimer())
        .as("no verification limit, no timer")
        .isEmpty();
  }

  @Test
  void extendDeadline_toTheSameDeadlineOrWithinItsMicrosecond_refused() {
    Incident assigned =
        Incident.replay(List.of(reported(), registered(0), assigned(24, WANG, URBAN)));

    assertThatThrownBy(() -> assigned.apply(new DeadlineExtended(ID, CENTRE, at(25), "", at(96))))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("later, by a microsecond at least");
    assertThatThrownBy(
            () ->
                assigned.apply(new DeadlineExtended(ID, CENTRE, at(25), "", at(96).plusNanos(999))))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(
            assigned
                .apply(new DeadlineExtended(ID, CENTRE, at(25), "", at(96).plusNanos(1_000)))
                .replyBy())
        .contains(at(96).plusNanos(1_000));
  }

  @Test
  void apply_eventUnderAMicrosecondBeforeTheLast_accepted_asEveryStoreComparesIt() {
    Incident registered =
        Incident.replay(
            List.of(
                reported(),
                new IncidentRegistered(
                    ID, CENTRE, at(0).plusNanos(1_500), "", LAMP, URBAN, at(24))));

    assertThat(
            registered
                .apply(
                    new IncidentClaimed(
                        ID, Actor.worker(LI), at(0).plusNanos(1_200), "", LI, at(72)))
                .assignee())
        .as("in the same microsecond")
        .contains(LI);
    assertThatThrownBy(
            () ->
                registered.apply(
                    new IncidentClaimed(
                        ID, Actor.worker(LI), at(0).plusNanos(999), "", LI, at(72))))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("events must not go back in time");
  }

  @Test
  void failedVerification_theHandlerOwesANewReplyBy() {
    Incident reworked =
        Incident.replay(
            List.of(reported(), registered(0), claimed(2, LI), feedback(3, LI), failed(4, ZHAO)));

    assertThat(reworked.stage()).isEqualTo(Stage.DISPATCHED);
    assertThat(reworked.replyBy()).as("the claim's deadline was at 74 h").contains(at(28));
    assertThat(reworked.nextTimer()).contains(new Timer(TimerKind.REPLY_DEADLINE, at(28)));
  }

  @Test
  void reopened_backToItsHandlerAsRework_theCallbackRatesItAgain() {
    Incident rated =
        Incident.replay(
            List.of(
                reported(),
                registered(0),
                claimed(1, LI),
                feedback(2, LI),
                verified(3, ZHAO),
                closed(4),
                rated(5, 2)));

    Incident reopened =
        rated.apply(new CaseReopened(ID, CENTRE, at(6), "caller not satisfied", at(30)));

    assertThat(reopened.stage()).isEqualTo(Stage.DISPATCHED);
    assertThat(reopened.reopens()).isEqualTo(1);
    assertThat(reopened.replyBy()).as("the claim's deadline was at 73 h").contains(at(30));
    assertThat(reopened.nextTimer()).contains(new Timer(TimerKind.REPLY_DEADLINE, at(30)));
    assertThat(reopened.assignee()).contains(LI);
    assertThat(reopened.takenOnAt()).as("not taken on again").contains(at(1));
    assertThat(reopened.closedAt()).isEmpty();
    assertThat(reopened.handledAt()).isEmpty();
    assertThat(reopened.verifier()).isEmpty();
    assertThat(reopened.rating()).isEmpty();
    assertThat(
            reopened
                .apply(feedback(7, LI))
                .apply(verified(8, ZHAO))
                .apply(closed(9))
                .apply(rated(10, 5))
                .rating())
        .contains(new Rating(5, 5, 5));
  }

  @Test
  void suspended_untilAnInstantOrTheCentresWord_thenResumedWithANewDeadline() {
    Incident dispatched = Incident.replay(List.of(reported(), registered(0), claimed(1, LI)));

    Incident parked =
        dispatched.apply(
            new CaseSuspended(ID, CENTRE, at(2), "waiting for parts", Optional.of(at(50))));
    assertThat(parked.stage()).isEqualTo(Stage.SUSPENDED);
    assertThat(parked.suspensions()).isEqualTo(1);
    assertThat(parked.suspendedUntil()).contains(at(50));
    assertThat(parked.verifyBy()).isEmpty();
    assertThat(parked.replyBy()).isEmpty();
    assertThat(parked.assignee()).contains(LI);
    assertThat(parked.nextTimer()).contains(new Timer(TimerKind.SUSPENSION_END, at(50)));

    Incident parkedOpenEnded =
        dispatched.apply(new CaseSuspended(ID, CENTRE, at(2), "waiting for parts"));
    assertThat(parkedOpenEnded.suspendedUntil()).isEmpty();
    assertThat(parkedOpenEnded.nextTimer()).isEmpty();

    Incident resumed = parked.apply(new CaseResumed(ID, CENTRE, at(10), "parts came", at(40)));
    assertThat(resumed.stage()).isEqualTo(Stage.DISPATCHED);
    assertThat(resumed.suspendedUntil()).isEmpty();
    assertThat(resumed.replyBy()).contains(at(40));
    assertThat(resumed.nextTimer()).contains(new Timer(TimerKind.REPLY_DEADLINE, at(40)));
  }

  @Test
  void escalationKinds_onlyARequestedOneCountsAgainstTheQuota() {
    assertThat(EscalationKind.REQUESTED.countsAgainstQuota()).isTrue();
    assertThat(EscalationKind.EMERGENCY.countsAgainstQuota()).isFalse();
    assertThat(EscalationKind.NO_ELIGIBLE_WORKER.countsAgainstQuota()).isFalse();
    assertThat(EscalationKind.OUTSIDE_AUTHORITY.countsAgainstQuota()).isFalse();
  }
}
