package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.governance.Town.*;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gridgov.core.Directory;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * The rules the source documents ({@code /work/shared/seeds/}, cited as file:line) state about the
 * case loop, checked through the facade under the shipped presets, where the other facade tests do
 * not already check them.
 */
class SeedLoopTest {
  private static final AreaCode STREET = AreaCode.parse("330102011");
  private static final WorkerId INSTRUCTOR = WorkerId.of("w-instructor");

  private static GridGovernance kaixuan(MutableClock clock, Directory directory) {
    return GridGovernance.builder()
        .storage(InMemoryGridStorage.create())
        .directory(directory)
        .policy(Presets.kaixuan())
        .clock(clock)
        .build();
  }

  /**
   * 000_b0e606dbe0f192d4.txt:27 "问题上传24小时内由机关和社区干部主动认领" with 000_b0e606dbe0f192d4.txt:17
   * "网格指导员由街道工作人员担任" and :15 "街道干部均匀分布在基础服务团队中": a street-office cadre bound to the grid claims its
   * case within the 24 hours, and then has 72 hours to handle it and reply ("72小时内处理并反馈").
   */
  @Test
  void kaixuan_streetCadreBoundToTheGrid_claimsInTheWindow_dueSeventyTwoHoursAfterTheClaim() {
    Directory town = directory();
    List<Worker> workers = new ArrayList<>(town.roster().workers());
    workers.add(
        Worker.of(INSTRUCTOR, "name-instructor", Set.of(Role.INSTRUCTOR), STREET, Set.of(GRID_1))
            .withLines(Set.of(URBAN)));
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = kaixuan(clock, town.withRoster(Roster.of(workers)));
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);

    clock.setInstant(hours(23));
    Incident claimed = governance.claim(INSTRUCTOR, id);

    assertThat(claimed.assignee()).contains(INSTRUCTOR);
    assertThat(claimed.selfClaimed()).isTrue();
    assertThat(claimed.level()).isEqualTo(Level.GRID);
    assertThat(claimed.replyBy()).contains(hours(23 + 72));
  }

  /**
   * 000_b0e606dbe0f192d4.txt:27 "网格、社区、街道三级平台…上交上级的问题量不得超过所发现问题总量的十分之一": the street's quota too, of
   * every problem found in the street that month. Ten cases of grid 1 go up to the street because
   * nobody in the grid or the community acts for their line (not passed up by choice, so the grid's
   * and the community's counts stay at zero); the street passes one of them to the district, and
   * the second is refused.
   */
  @Test
  void kaixuan_street_passesUpATenthOfWhatWasFoundInTheStreet_theSecondOfTenRefused() {
    Directory town = directory();
    Directory onlyAboveTheCommunity =
        town.withRoster(
            Roster.of(
                town.roster().workers().stream()
                    .filter(w -> !(w.actsFor(URBAN) && w.unit().equals(COMMUNITY)))
                    .toList()));
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = kaixuan(clock, onlyAboveTheCommunity);
    List<IncidentId> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add(vendingSeenBySupervisor(governance)); // grid 1's urban workers are gone
    }
    clock.setInstant(hours(24));
    governance.advance();
    assertThat(ids)
        .allSatisfy(
            id -> {
              assertThat(governance.require(id).level()).isEqualTo(Level.STREET);
              assertThat(governance.require(id).assignee()).contains(CADRE);
            });

    Incident first = governance.escalate(Actor.worker(CADRE), ids.get(0), "needs the district");

    assertThat(first.level()).isEqualTo(Level.DISTRICT);
    assertThatThrownBy(
            () -> governance.escalate(Actor.worker(CADRE), ids.get(1), "needs the district"))
        .isInstanceOfSatisfying(
            CommandRefusedException.class, e -> assertThat(e.code()).isEqualTo("QUOTA_EXHAUSTED"))
        .hasMessageContaining("STREET 330102011 found 10 and escalated 1 in 2024-03");
    assertThat(governance.require(ids.get(1)).level()).isEqualTo(Level.STREET);
    assertThat(governance.storage().counters().get("escalation:GRID:" + GRID_1 + ":2024-03"))
        .isZero();
    assertThat(
            governance.storage().counters().get("escalation:COMMUNITY:" + COMMUNITY + ":2024-03"))
        .isZero();
  }

  /**
   * 004_a383d060480ed35e.txt:44 "处理完毕后, 指挥中心通过呼叫中心指派监督员现场核查、结案" and :66 "处理反馈、核查结案": a handled case
   * is verified on site by a supervisor before the centre closes it, so closing the handled case
   * before the verification is refused; a failed verification sends it back to its handler, due
   * again after Kaixuan's 72 hours (000_b0e606dbe0f192d4.txt:27 "72小时内处理并反馈").
   */
  @Test
  void handledCase_closedOnlyAfterTheSupervisorsVerification_aFailedOneSendsItBackForRework() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = kaixuan(clock, directory());
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
    governance.claim(A, id);
    clock.setInstant(hours(10));
    governance.feedback(A, id, "moved the stall on");
    int handled = governance.history(id).size();

    assertThatThrownBy(() -> governance.close(CENTRE, id, "done"))
        .isInstanceOf(org.gridgov.core.incident.IllegalTransitionException.class)
        .hasMessageContaining("is HANDLED: command close refused");
    assertThat(governance.history(id)).hasSize(handled);

    clock.setInstant(hours(12));
    Incident rework = governance.verify(SUPERVISOR, id, false, "stall is back");
    assertThat(rework.stage()).isEqualTo(org.gridgov.core.incident.Stage.DISPATCHED);
    assertThat(rework.assignee()).contains(A);
    assertThat(rework.replyBy()).contains(hours(12 + 72));

    clock.setInstant(hours(20));
    governance.feedback(A, id, "moved on again");
    governance.verify(SUPERVISOR, id, true, "checked on site");
    Incident closed = governance.close(CENTRE, id, "verified");

    assertThat(closed.stage()).isEqualTo(org.gridgov.core.incident.Stage.CLOSED);
    assertThat(closed.verifier()).contains(SUPERVISOR);
    assertThat(closed.reworks()).isEqualTo(1);
  }
}
