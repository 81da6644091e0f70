package org.gridgov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.rules.World.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.incident.CaseReferred;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.dispatch.AutoAssignRule;
import org.gridgov.rules.dispatch.Candidates;
import org.gridgov.rules.dispatch.DispatchDecision;
import org.junit.jupiter.api.Test;

class AutoAssignRuleTest {
  private static final Duration REPLY = Duration.ofHours(72);
  private final Roster roster = roster();

  @Test
  void decide_insideClaimWindow_waitsUntilItEnds() {
    DispatchDecision decision =
        AutoAssignRule.decide(
            registered("i", GRID_1), roster, Workload.of(Map.of()), REPLY, at(23));

    assertThat(decision).isEqualTo(new DispatchDecision.Wait(AutoAssignRule.ID, at(24)));
    assertThat(decision.events()).isEmpty();
  }

  @Test
  void decide_unclaimedAfterWindow_assignsFewestOpenCasesInGridAndLine() {
    DispatchDecision decision =
        AutoAssignRule.decide(
            registered("i", GRID_1), roster, Workload.of(Map.of(A, 3, B, 1)), REPLY, at(24));

    DispatchDecision.Assign assign = (DispatchDecision.Assign) decision;
    assertThat(assign.event().assignee()).isEqualTo(B);
    assertThat(assign.event().line()).isEqualTo(URBAN);
    assertThat(assign.event().replyBy()).isEqualTo(at(96));
    assertThat(assign.event().actor().id()).isEqualTo("dispatch.auto-assign");
  }

  @Test
  void decide_tiedWorkload_lowestWorkerIdWins() {
    DispatchDecision.Assign assign =
        (DispatchDecision.Assign)
            AutoAssignRule.decide(
                registered("i", GRID_1), roster, Workload.of(Map.of(A, 2, B, 2)), REPLY, at(30));

    assertThat(assign.event().assignee()).isEqualTo(A);
  }

  @Test
  void decide_leastLoadedWorkerAbsent_substituteTakesIt() {
    Roster withLeave = withAbsent(roster, B, at(0), at(100));

    DispatchDecision.Assign assign =
        (DispatchDecision.Assign)
            AutoAssignRule.decide(
                registered("i", GRID_1), withLeave, Workload.of(Map.of(A, 9, B, 0)), REPLY, at(24));

    assertThat(assign.event().assignee()).isEqualTo(A);
  }

  @Test
  void decide_everyCandidateAbsent_stillAssignsTheLeastLoaded() {
    Roster allAway = withAbsent(withAbsent(roster, A, at(0), at(100)), B, at(0), at(100));

    DispatchDecision.Assign assign =
        (DispatchDecision.Assign)
            AutoAssignRule.decide(
                registered("i", GRID_1), allAway, Workload.of(Map.of(A, 9, B, 0)), REPLY, at(24));

    assertThat(assign.event().assignee()).isEqualTo(B);
  }

  @Test
  void decide_nobodyInGridForLine_escalatesToCommunityWithoutCountingIt() {
    DispatchDecision decision =
        AutoAssignRule.decide(
            registered("i", GRID_3), roster, Workload.of(Map.of()), REPLY, at(24));

    IncidentEscalated event = ((DispatchDecision.Escalate) decision).event();
    assertThat(event.from()).isEqualTo(Level.GRID);
    assertThat(event.to()).isEqualTo(Level.COMMUNITY);
    assertThat(event.kind()).isEqualTo(EscalationKind.NO_ELIGIBLE_WORKER);
    assertThat(event.kind().countsAgainstQuota()).isFalse();
    assertThat(event.reason()).startsWith("NO_ELIGIBLE_WORKER");
  }

  @Test
  void decide_atCommunity_anyWorkerOfTheCommunityForTheLineIsACandidate() {
    Incident atCommunity =
        registered("i", GRID_3)
            .apply(
                ((DispatchDecision.Escalate)
                        AutoAssignRule.decide(
                            registered("i", GRID_3), roster, Workload.of(Map.of()), REPLY, at(24)))
                    .event());

    DispatchDecision.Assign assign =
        (DispatchDecision.Assign)
            AutoAssignRule.decide(
                atCommunity, roster, Workload.of(Map.of(A, 5, B, 5, C, 5)), REPLY, at(24));

    assertThat(assign.event().assignee())
        .as("the cadre of the community, not a grid worker of grid 3 (there is none)")
        .isEqualTo(CADRE);
    DispatchDecision.Assign c =
        (DispatchDecision.Assign)
            AutoAssignRule.decide(
                atCommunity, roster, Workload.of(Map.of(A, 5, B, 5, CADRE, 5)), REPLY, at(24));
    assertThat(c.event().assignee())
        .as("grid 2's worker belongs to the community too")
        .isEqualTo(World.C);
  }

  @Test
  void decide_nobodyUpToTheDistrict_refersToTheCentreAndEndsTheTimer() {
    Roster nobodyForUrban =
        Roster.of(roster.workers().stream().filter(w -> !w.actsFor(URBAN)).toList());
    Incident incident = registered("i", GRID_1);
    DispatchDecision decision;
    while ((decision =
            AutoAssignRule.decide(incident, nobodyForUrban, Workload.of(Map.of()), REPLY, at(24)))
        instanceof DispatchDecision.Escalate up) {
      assertThat(up.events()).as("the event to append").containsExactly(up.event());
      incident = incident.apply(up.event());
    }

    assertThat(incident.level()).isEqualTo(Level.DISTRICT);
    CaseReferred event = ((DispatchDecision.Refer) decision).event();
    assertThat(decision.events()).as("the event to append").containsExactly(event);
    assertThat(event.line()).isEqualTo(URBAN);
    assertThat(event.level()).isEqualTo(Level.DISTRICT);
    assertThat(event.reason()).startsWith("NO_ELIGIBLE_WORKER");
    Incident referred = incident.apply(event);
    assertThat(referred.stage()).isEqualTo(Stage.REGISTERED);
    assertThat(referred.awaitsCentre()).isTrue();
    assertThat(referred.nextTimer()).as("no timer round takes it again").isEmpty();
    assertThat(
            AutoAssignRule.decide(referred, nobodyForUrban, Workload.of(Map.of()), REPLY, at(30)))
        .as("once referred, dispatch leaves it to the centre")
        .isInstanceOf(DispatchDecision.NoChange.class);
    assertThat(AutoAssignRule.decide(referred, roster, Workload.of(Map.of()), REPLY, at(30)))
        .as("even when someone has joined: dispatched again on the directory change only")
        .isInstanceOf(DispatchDecision.NoChange.class);
  }

  @Test
  void redispatch_referredCase_assignedAmongTheCandidatesOtherwiseLeftWithTheCentre() {
    Incident registered = registered("i", GRID_1);
    Incident referred =
        registered.apply(new CaseReferred(registered.id(), CENTRE, at(24), "", URBAN, Level.GRID));
    List<Worker> candidates = Candidates.eligible(referred, URBAN, roster);

    DispatchDecision.Assign assign =
        (DispatchDecision.Assign)
            AutoAssignRule.redispatch(
                referred, candidates, Workload.of(Map.of(A, 3, B, 1)), REPLY, at(40));

    assertThat(assign.event().assignee()).isEqualTo(B);
    assertThat(assign.event().line()).isEqualTo(URBAN);
    assertThat(assign.event().replyBy()).isEqualTo(at(40 + 72));
    assertThat(AutoAssignRule.redispatch(referred, List.of(), Workload.of(Map.of()), REPLY, at(40)))
        .isEqualTo(
            new DispatchDecision.NoChange(
                AutoAssignRule.ID, "nobody at GRID acts for its line yet"));
    assertThat(
            AutoAssignRule.redispatch(registered, candidates, Workload.of(Map.of()), REPLY, at(40)))
        .as("a case with its claim window is dispatched by its timer")
        .isInstanceOf(DispatchDecision.NoChange.class);
    assertThatThrownBy(
            () ->
                AutoAssignRule.redispatch(
                    referred, candidates, Workload.of(Map.of()), Duration.ZERO, at(40)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("replyWithin");
  }

  @Test
  void decide_notRegistered_noChange() {
    Incident dispatched =
        registered("i", GRID_1)
            .apply(
                ((DispatchDecision.Assign)
                        AutoAssignRule.decide(
                            registered("i", GRID_1), roster, Workload.of(Map.of()), REPLY, at(24)))
                    .event());

    assertThat(AutoAssignRule.decide(dispatched, roster, Workload.of(Map.of()), REPLY, at(30)))
        .isInstanceOf(DispatchDecision.NoChange.class);
  }

  @Test
  void decide_amongGivenCandidates_waitsInTheWindowThenAssignsTheLightest() {
    Incident incident = registered("i", GRID_1);
    List<Worker> candidates = Candidates.eligible(incident, URBAN, roster);

    assertThat(AutoAssignRule.decide(incident, candidates, Workload.of(Map.of()), REPLY, at(23)))
        .isEqualTo(new DispatchDecision.Wait(AutoAssignRule.ID, at(24)));
    DispatchDecision assign =
        AutoAssignRule.decide(incident, candidates, Workload.of(Map.of(A, 3, B, 1)), REPLY, at(24));
    assertThat(assign.events())
        .singleElement()
        .isInstanceOfSatisfying(
            IncidentAssigned.class,
            e -> {
              assertThat(e.assignee()).isEqualTo(B);
              assertThat(e.replyBy()).isEqualTo(at(96));
            });
    assertThat(
            AutoAssignRule.decide(incident, List.of(), Workload.of(Map.of()), REPLY, at(24))
                .events())
        .singleElement()
        .isInstanceOf(IncidentEscalated.class);
  }

  @Test
  void decided_chosenOrNobody_assignsOrPassesUpWithItsEvent() {
    Incident incident = registered("i", GRID_1);
    Worker b = roster.find(B).orElseThrow();

    DispatchDecision assign = AutoAssignRule.decided(incident, URBAN, b, REPLY, at(30));
    DispatchDecision up = AutoAssignRule.decided(incident, URBAN, null, REPLY, at(30));

    assertThat(assign).isInstanceOf(DispatchDecision.Assign.class);
    assertThat(assign.events()).containsExactly(((DispatchDecision.Assign) assign).event());
    assertThat(((DispatchDecision.Assign) assign).event().replyBy()).isEqualTo(at(30 + 72));
    assertThat(up.events()).containsExactly(((DispatchDecision.Escalate) up).event());
    assertThatThrownBy(() -> AutoAssignRule.decided(incident, URBAN, b, Duration.ZERO, at(30)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("replyWithin");
  }
}
