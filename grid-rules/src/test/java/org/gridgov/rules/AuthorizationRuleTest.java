package org.gridgov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.rules.World.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.Step;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.VerificationPolicy;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.rules.auth.AuthorizationRule;
import org.junit.jupiter.api.Test;

class AuthorizationRuleTest {
  private final Roster roster = roster();
  private final Incident inGrid1 = registered("i", GRID_1);

  private boolean allowed(Step step, Actor actor, Incident incident) {
    return AuthorizationRule.check(step, actor, incident, roster).isEmpty();
  }

  @Test
  void claim_byWorkerOfAnotherGrid_refusedNamingActorAndIncident() {
    assertThat(AuthorizationRule.check(Step.CLAIM, Actor.worker(C), inGrid1, roster))
        .get()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo("NOT_AUTHORIZED");
              assertThat(r.message())
                  .isEqualTo(
                      "worker:w-c may not claim incident i (grid "
                          + "330102011002001, line urban-management, level GRID)");
            });
    assertThat(allowed(Step.CLAIM, Actor.worker(A), inGrid1)).isTrue();
    assertThat(allowed(Step.CLAIM, Actor.worker(SUPERVISOR), inGrid1))
        .as("serves the grid but not for the line")
        .isFalse();
  }

  @Test
  void centreSteps_onlyACentreSeat() {
    for (Step step :
        new Step[] {
          Step.REGISTER,
          Step.REJECT,
          Step.ASSIGN,
          Step.ARBITRATE,
          Step.CONVENE_JOINT_MEETING,
          Step.EXTEND_DEADLINE,
          Step.CLOSE,
          Step.REOPEN,
          Step.SUSPEND,
          Step.RESUME,
          Step.ARCHIVE
        }) {
      assertThat(allowed(step, CENTRE, inGrid1)).as(step.name()).isTrue();
      assertThat(allowed(step, Actor.worker(A), inGrid1)).as(step.name()).isFalse();
      assertThat(allowed(step, Actor.resident("acct"), inGrid1)).as(step.name()).isFalse();
    }
  }

  @Test
  void feedbackAndReturn_onlyTheAssigneeOrTheLinesDepartment() {
    Incident assigned =
        inGrid1.apply(new IncidentAssigned(inGrid1.id(), CENTRE, at(24), "", A, URBAN, at(96)));

    assertThat(allowed(Step.FEEDBACK, Actor.worker(A), assigned)).isTrue();
    assertThat(allowed(Step.FEEDBACK, Actor.worker(B), assigned)).isFalse();
    assertThat(allowed(Step.RETURN, Actor.department(URBAN), assigned)).isTrue();
    assertThat(allowed(Step.RETURN, Actor.department(GREENING), assigned)).isFalse();
    assertThat(allowed(Step.RETURN, Actor.worker(A), assigned)).isTrue();
  }

  @Test
  void verify_supervisorOrGridWorker_butResidentsAndOthersNot() {
    Incident assigned =
        inGrid1.apply(new IncidentAssigned(inGrid1.id(), CENTRE, at(24), "", A, URBAN, at(96)));
    Incident handled =
        assigned.apply(new FeedbackGiven(assigned.id(), Actor.worker(A), at(30), "", A, "done"));

    assertThat(allowed(Step.VERIFY, Actor.worker(SUPERVISOR), handled)).isTrue();
    assertThat(allowed(Step.VERIFY, Actor.worker(B), handled)).isTrue();
    assertThat(allowed(Step.VERIFY, Actor.worker(C), handled)).as("another grid").isFalse();
    assertThat(allowed(Step.VERIFY, Actor.resident("acct"), handled)).isFalse();
  }

  @Test
  void verify_underSupervisorPolicy_onlyASupervisorOverTheGrid() {
    WorkerId communitySup = WorkerId.of("w-community-sup");
    WorkerId far = WorkerId.of("w-far-sup");
    List<Worker> workers = new ArrayList<>(roster.workers());
    workers.add(
        Worker.of(
            communitySup,
            "name",
            Set.of(Role.SUPERVISOR),
            AreaCode.parse("330102011002"),
            Set.of()));
    workers.add(
        Worker.of(far, "name", Set.of(Role.SUPERVISOR), AreaCode.parse("330102001"), Set.of()));
    Roster withSups = Roster.of(workers);
    Incident handled =
        inGrid1
            .apply(new IncidentAssigned(inGrid1.id(), CENTRE, at(24), "", A, URBAN, at(96)))
            .apply(new FeedbackGiven(inGrid1.id(), Actor.worker(A), at(30), "", A, "done"));
    VerificationPolicy.Verifiers only = VerificationPolicy.Verifiers.SUPERVISOR;

    for (Step step : new Step[] {Step.VERIFY, Step.FAIL_VERIFICATION}) {
      assertThat(AuthorizationRule.check(step, Actor.worker(SUPERVISOR), handled, withSups, only))
          .as("%s: a supervisor serving the grid", step)
          .isEmpty();
      assertThat(AuthorizationRule.check(step, Actor.worker(communitySup), handled, withSups, only))
          .as("%s: a supervisor of the community containing the grid", step)
          .isEmpty();
      assertThat(AuthorizationRule.check(step, Actor.worker(far), handled, withSups, only))
          .as("%s: a supervisor of another street", step)
          .isPresent();
      assertThat(AuthorizationRule.check(step, Actor.worker(B), handled, withSups, only))
          .as("%s: a plain worker serving the grid", step)
          .get()
          .satisfies(
              r -> {
                assertThat(r.rule()).isEqualTo(AuthorizationRule.ID);
                assertThat(r.code()).isEqualTo("NOT_AUTHORIZED");
                assertThat(r.message())
                    .isEqualTo(
                        "worker:w-b may not "
                            + step.commandName()
                            + " incident i (grid 330102011002001, line urban-management, level"
                            + " GRID)");
              });
    }
    assertThat(
            AuthorizationRule.check(
                Step.VERIFY,
                Actor.worker(B),
                handled,
                withSups,
                VerificationPolicy.Verifiers.ANY_OTHER_WORKER))
        .as("the default: any worker serving the grid")
        .isEmpty();
    assertThat(
            AuthorizationRule.check(
                Step.SUPERVISE, Actor.worker(SUPERVISOR), handled, withSups, only))
        .as("other steps unchanged")
        .isEmpty();
  }

  @Test
  void verifyAndSupervise_supervisorOfAnotherStreet_refused() {
    WorkerId far = WorkerId.of("w-far-sup");
    List<Worker> workers = new ArrayList<>(roster.workers());
    workers.add(
        Worker.of(far, "name", Set.of(Role.SUPERVISOR), AreaCode.parse("330102001"), Set.of()));
    Roster withFar = Roster.of(workers);
    Incident handled =
        inGrid1
            .apply(new IncidentAssigned(inGrid1.id(), CENTRE, at(24), "", A, URBAN, at(96)))
            .apply(new FeedbackGiven(inGrid1.id(), Actor.worker(A), at(30), "", A, "done"));

    assertThat(AuthorizationRule.check(Step.VERIFY, Actor.worker(far), handled, withFar))
        .get()
        .satisfies(r -> assertThat(r.code()).isEqualTo("NOT_AUTHORIZED"));
    assertThat(AuthorizationRule.check(Step.SUPERVISE, Actor.worker(far), handled, withFar))
        .isPresent();
    assertThat(AuthorizationRule.check(Step.SUPERVISE, Actor.worker(SUPERVISOR), handled, withFar))
        .as("the community's own supervisor")
        .isEmpty();
  }

  @Test
  void rateReportAndOverdue_byKindOfActor() {
    assertThat(allowed(Step.RATE, Actor.resident("acct"), inGrid1)).isTrue();
    assertThat(allowed(Step.RATE, Actor.worker(A), inGrid1)).isFalse();
    assertThat(allowed(Step.REPORT, Actor.external("hotline"), null)).isTrue();
    assertThat(allowed(Step.REPORT, Actor.system(RuleId.of("x.y")), null)).isFalse();
    assertThat(allowed(Step.MARK_OVERDUE, CENTRE, inGrid1)).isFalse();
    assertThat(allowed(Step.REFER, Actor.system(RuleId.of("dispatch.auto-assign")), inGrid1))
        .isTrue();
    assertThat(allowed(Step.REFER, CENTRE, inGrid1)).as("dispatch refers, nobody else").isFalse();
    assertThat(allowed(Step.REFER, Actor.worker(A), inGrid1)).isFalse();
    assertThat(allowed(Step.SUPERVISE, Actor.worker(SUPERVISOR), inGrid1)).isTrue();
    assertThat(allowed(Step.SUPERVISE, Actor.worker(A), inGrid1)).isFalse();
  }

  @Test
  void escalate_centreAssigneeOrCandidateAtTheLevel_othersNot() {
    Incident assigned =
        inGrid1.apply(new IncidentAssigned(inGrid1.id(), CENTRE, at(24), "", A, URBAN, at(96)));

    assertThat(allowed(Step.ESCALATE, CENTRE, assigned)).isTrue();
    assertThat(allowed(Step.ESCALATE, Actor.worker(A), assigned)).as("the assignee").isTrue();
    assertThat(allowed(Step.ESCALATE, Actor.worker(B), assigned))
        .as("a candidate of the grid for the line")
        .isTrue();
    assertThat(allowed(Step.ESCALATE, Actor.worker(C), assigned)).as("another grid").isFalse();
    assertThat(allowed(Step.ESCALATE, Actor.worker(SUPERVISOR), assigned))
        .as("serves the grid, not for the line")
        .isFalse();
    assertThat(allowed(Step.ESCALATE, Actor.resident("acct"), assigned)).isFalse();
    assertThat(allowed(Step.ESCALATE, Actor.department(URBAN), assigned)).isFalse();
  }

  @Test
  void claimOrEscalate_caseWithoutALine_onlyTheCentreEscalates() {
    Incident reported = Incident.start(report("r", GRID_1, false));

    assertThat(allowed(Step.CLAIM, Actor.worker(A), reported)).isFalse();
    assertThat(allowed(Step.ESCALATE, Actor.worker(A), reported)).isFalse();
    assertThat(allowed(Step.ESCALATE, CENTRE, reported)).isTrue();
  }
}
