package org.gridgov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.rules.World.*;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.List;
import java.util.Set;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.EscalationPolicy;
import org.gridgov.core.policy.QuotaMode;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.dispatch.Candidates;
import org.gridgov.rules.escalation.AuthorityRule;
import org.junit.jupiter.api.Test;

/** Who may take a case above the grid, and what a level may not close. */
class CandidatesAndAuthorityTest {
  private static final WorkerId OUTSIDER = WorkerId.of("w-out");

  /** A worker of the next community, for urban management. */
  private static final Worker ELSEWHERE =
      World.worker(OUTSIDER, Role.SOCIAL_WORKER, AreaCode.parse("330102011003"), Set.of(), URBAN);

  private final Roster roster = roster();

  private static Incident up(Incident incident, Level to) {
    return incident.apply(
        new IncidentEscalated(
            incident.id(),
            CENTRE,
            at(1),
            "up",
            incident.level(),
            to,
            EscalationKind.REQUESTED,
            false,
            at(1)));
  }

  private static Worker find(Roster roster, WorkerId id) {
    return roster.find(id).orElseThrow();
  }

  @Test
  void eligible_atCommunity_theUnitsWorkersForTheLineButNotThoseOfTheCasesGrid() {
    Incident atCommunity = up(registered("i", GRID_1), Level.COMMUNITY);

    assertThat(Candidates.eligible(atCommunity, URBAN, roster))
        .extracting(Worker::id)
        .containsExactlyInAnyOrder(C, CADRE);
  }

  @Test
  void eligible_atCommunity_everyoneForTheLineServesTheCasesGrid_nobody() {
    Incident atCommunity = up(registered("i", GRID_1), Level.COMMUNITY);

    assertThat(Candidates.eligible(atCommunity, GREENING, roster))
        .as("only w-b acts for greening, and the case went up from w-b's grid")
        .isEmpty();
  }

  @Test
  void isEligible_atCommunity_unitLineAndNotTheGridsOwn() {
    Incident atCommunity = up(registered("i", GRID_1), Level.COMMUNITY);

    assertThat(Candidates.isEligible(find(roster, CADRE), atCommunity, URBAN)).isTrue();
    assertThat(Candidates.isEligible(find(roster, C), atCommunity, URBAN)).isTrue();
    assertThat(Candidates.isEligible(find(roster, A), atCommunity, URBAN))
        .as("serves the grid it went up from")
        .isFalse();
    assertThat(Candidates.isEligible(find(roster, C), atCommunity, GREENING))
        .as("not acting for the line")
        .isFalse();
    assertThat(Candidates.isEligible(ELSEWHERE, atCommunity, URBAN))
        .as("another community")
        .isFalse();
  }

  @Test
  void checkAssignee_eachReasonNamed() {
    Incident inGrid = registered("i", GRID_1);
    Incident atCommunity = up(inGrid, Level.COMMUNITY);

    assertThat(Candidates.checkAssignee(find(roster, A), inGrid, URBAN)).isEmpty();
    assertThat(Candidates.checkAssignee(find(roster, CADRE), atCommunity, URBAN)).isEmpty();
    assertThat(Candidates.checkAssignee(find(roster, C), inGrid, URBAN))
        .get()
        .satisfies(
            r -> {
              assertThat(r.rule()).isEqualTo(Candidates.ID);
              assertThat(r.code()).isEqualTo(Candidates.NOT_ELIGIBLE);
              assertThat(r.message())
                  .isEqualTo(
                      "worker w-c does not serve grid 330102011002001 for"
                          + " urban-management, where incident i is handled at GRID");
            });
    assertThat(Candidates.checkAssignee(find(roster, A), atCommunity, URBAN))
        .get()
        .satisfies(
            r ->
                assertThat(r.message())
                    .isEqualTo(
                        "worker w-a serves grid"
                            + " 330102011002001, from which incident i went up, for urban-management, where"
                            + " incident i is handled at COMMUNITY"));
    assertThat(Candidates.checkAssignee(ELSEWHERE, atCommunity, URBAN))
        .get()
        .satisfies(
            r ->
                assertThat(r.message())
                    .isEqualTo(
                        "worker w-out does not belong to"
                            + " COMMUNITY 330102011002 for urban-management, where incident i is handled at"
                            + " COMMUNITY"));
    // in the right place, not on the line: the line is named as what is missing
    assertThat(Candidates.checkAssignee(find(roster, A), inGrid, GREENING))
        .get()
        .satisfies(
            r ->
                assertThat(r.message())
                    .isEqualTo(
                        "worker w-a does not act for line"
                            + " greening, where incident i is handled at GRID"));
    assertThat(Candidates.checkAssignee(find(roster, C), atCommunity, GREENING))
        .get()
        .satisfies(
            r ->
                assertThat(r.message())
                    .isEqualTo(
                        "worker w-c does not act for line"
                            + " greening, where incident i is handled at COMMUNITY"));
  }

  @Test
  void authority_gridMayNotCloseE0401_handlingRefusedAndPassedUpUncounted() {
    AuthorityRule rule =
        new AuthorityRule(
            new EscalationPolicy(
                QuotaMode.HARD,
                ImmutableMap.of(),
                ImmutableMap.of(Level.GRID, ImmutableSet.of("E06"))));
    Incident inGrid = registered("i", GRID_1);

    assertThat(rule.mayHandle(inGrid)).isFalse();
    assertThat(rule.checkHandle(inGrid))
        .get()
        .satisfies(
            r -> {
              assertThat(r.rule()).isEqualTo(AuthorityRule.ID);
              assertThat(r.code()).isEqualTo(AuthorityRule.OUTSIDE_AUTHORITY);
              assertThat(r.message())
                  .isEqualTo(
                      "category E0401 is outside the authority of GRID;"
                          + " incident i goes up before anyone handles it");
            });
    IncidentEscalated passed = rule.passUp(inGrid, at(3)).orElseThrow();
    assertThat(passed.from()).isEqualTo(Level.GRID);
    assertThat(passed.to()).isEqualTo(Level.COMMUNITY);
    assertThat(passed.kind()).isEqualTo(EscalationKind.OUTSIDE_AUTHORITY);
    assertThat(passed.kind().countsAgainstQuota()).isFalse();
    assertThat(passed.overQuota()).isFalse();
    assertThat(passed.at()).isEqualTo(at(3));
    assertThat(passed.reason()).startsWith("OUTSIDE_AUTHORITY: category E0401");

    Incident atCommunity = up(inGrid, Level.COMMUNITY);
    assertThat(rule.mayHandle(atCommunity)).as("no restriction at the community").isTrue();
    assertThat(rule.checkHandle(atCommunity)).isEmpty();
    assertThat(rule.passUp(atCommunity, at(3))).isEmpty();
  }

  @Test
  void authority_districtMayNotClose_notPassedBeyondTheTop() {
    AuthorityRule rule =
        new AuthorityRule(
            new EscalationPolicy(
                QuotaMode.HARD,
                ImmutableMap.of(),
                ImmutableMap.of(Level.DISTRICT, ImmutableSet.of("E06"))));
    Incident atDistrict =
        up(up(up(registered("i", GRID_1), Level.COMMUNITY), Level.STREET), Level.DISTRICT);

    assertThat(rule.mayHandle(atDistrict)).isFalse();
    assertThat(rule.checkHandle(atDistrict)).isPresent();
    assertThat(rule.passUp(atDistrict, at(3))).as("the centre decides at the top").isEmpty();
  }

  @Test
  void candidatesAtStreet_unitIsTheStreet() {
    Incident atStreet = up(up(registered("i", GRID_1), Level.COMMUNITY), Level.STREET);
    Worker streetCadre =
        World.worker(
            WorkerId.of("w-street"), Role.INSTRUCTOR, AreaCode.parse("330102011"), Set.of(), URBAN);
    Roster withStreet =
        Roster.of(
            java.util.stream.Stream.concat(
                    roster.workers().stream(), java.util.stream.Stream.of(streetCadre))
                .toList());

    assertThat(Candidates.eligible(atStreet, URBAN, withStreet))
        .extracting(Worker::id)
        .containsExactly(WorkerId.of("w-street"));
    assertThat(Candidates.isEligible(find(withStreet, CADRE), atStreet, URBAN))
        .as("a community's worker is not the street's")
        .isFalse();
    assertThat(List.of(streetCadre))
        .allSatisfy(w -> assertThat(Candidates.isEligible(w, atStreet, URBAN)).isTrue());
  }

  @Test
  void checkAssignee_workerOfAnotherUnitServingTheGrid_namedAsNotBelonging() {
    Incident atCommunity = up(registered("i", GRID_1), Level.COMMUNITY);
    Worker streetWorker =
        World.worker(
            WorkerId.of("w-st"),
            Role.INSTRUCTOR,
            AreaCode.parse("330102011"),
            Set.of(GRID_1),
            URBAN);

    assertThat(Candidates.checkAssignee(streetWorker, atCommunity, URBAN))
        .get()
        .satisfies(
            r ->
                assertThat(r.message())
                    .startsWith("worker w-st does not belong to" + " COMMUNITY 330102011002"));
  }
}
