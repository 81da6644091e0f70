package org.gridgov.core.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;
import org.gridgov.core.territory.Territory;
import org.junit.jupiter.api.Test;

/** Kaixuan's 一格五员 over the six example grids of 景芳社区. */
class StaffingCheckTest {
  private static final Territory JINGFANG = Divisions.jingfangExample();
  private static final AreaCode COMMUNITY = AreaCode.parse("330102011002");
  private static final AreaCode STREET = AreaCode.parse("330102011");
  private static final List<Role> FIVE =
      List.of(
          Role.GRID_MANAGER,
          Role.ASSISTANT,
          Role.SENTIMENT_COLLECTOR,
          Role.SUPERVISOR,
          Role.SOCIAL_WORKER);

  private static AreaCode grid(int n) {
    return AreaCode.of(String.format("330102011002%03d", n), Level.GRID);
  }

  /** Each grid: a manager who is also a social worker, a second social worker, the other roles. */
  private static List<Worker> fullyStaffed() {
    List<Worker> workers = new ArrayList<>();
    for (int g = 1; g <= 6; g++) {
      String p = "jf" + g + "-";
      workers.add(
          Worker.of(
              WorkerId.of(p + "manager"),
              "n",
              Set.of(Role.GRID_MANAGER, Role.SOCIAL_WORKER),
              COMMUNITY,
              Set.of(grid(g))));
      workers.add(
          Worker.of(
              WorkerId.of(p + "social"),
              "n",
              Set.of(Role.SOCIAL_WORKER),
              COMMUNITY,
              Set.of(grid(g))));
      for (Role role : List.of(Role.ASSISTANT, Role.SENTIMENT_COLLECTOR, Role.SUPERVISOR)) {
        workers.add(
            Worker.of(WorkerId.of(p + role.id()), "n", Set.of(role), COMMUNITY, Set.of(grid(g))));
      }
    }
    // one street cadre is the instructor of all six grids
    workers.add(
        Worker.of(
            WorkerId.of("kx-instructor"),
            "n",
            Set.of(Role.INSTRUCTOR),
            STREET,
            Set.of(grid(1), grid(2), grid(3), grid(4), grid(5), grid(6))));
    return workers;
  }

  @Test
  void check_fullyStaffedCommunity_isComplete() {
    StaffingReport report =
        StaffingCheck.check(JINGFANG, Roster.of(fullyStaffed()), StaffingTemplates.kaixuan());

    assertThat(report.gaps()).isEmpty();
    assertThat(report.isComplete()).isTrue();
    assertThat(report.templateId()).isEqualTo("kaixuan");
  }

  @Test
  void check_absentWorker_stillCountsAsStaff() {
    List<Worker> workers = new ArrayList<>(fullyStaffed());
    Worker social = workers.get(1);
    workers.set(
        1,
        social.withAbsence(
            new Absence(
                Instant.parse("2024-03-01T00:00:00Z"),
                Instant.parse("2024-03-08T00:00:00Z"),
                AbsenceKind.LEAVE)));

    assertThat(
            StaffingCheck.check(JINGFANG, Roster.of(workers), StaffingTemplates.kaixuan())
                .isComplete())
        .isTrue();
  }

  @Test
  void check_oneGapOfEachKind_reportsAllAtOnceInStableOrder() {
    List<Worker> workers = new ArrayList<>(fullyStaffed());
    workers.removeIf(w -> w.id().value().equals("jf2-supervisor")); // missing role
    workers.removeIf(w -> w.id().value().equals("jf3-social")); // one social worker of two
    AreaCode ghost = AreaCode.of("330102011002007", Level.GRID);
    workers.add(
        Worker.of(
            WorkerId.of("jf5-extra"),
            "n",
            Set.of(Role.ASSISTANT),
            COMMUNITY,
            Set.of(grid(5), ghost))); // serves a grid the territory lacks
    workers.add(
        Worker.of(
            WorkerId.of("jh-helper"),
            "n",
            Set.of(Role.ASSISTANT),
            AreaCode.parse("330102011003"),
            Set.of(grid(4)))); // from 景华社区, outside its unit

    StaffingReport report =
        StaffingCheck.check(JINGFANG, Roster.of(workers), StaffingTemplates.kaixuan());

    assertThat(report.isComplete()).isFalse();
    assertThat(report.gaps())
        .containsExactly(
            StaffingGap.belowMinimum(grid(2), Role.SUPERVISOR, 1, 0),
            StaffingGap.belowMinimum(grid(3), Role.SOCIAL_WORKER, 2, 1),
            StaffingGap.outsideUnit(
                WorkerId.of("jh-helper"), grid(4), AreaCode.parse("330102011003")),
            StaffingGap.unknownGrid(WorkerId.of("jf5-extra"), ghost));
    assertThat(report.gapsIn(grid(3)))
        .extracting(StaffingGap::kind)
        .containsExactly(GapKind.BELOW_MINIMUM);
    assertThat(report.gaps(GapKind.UNKNOWN_GRID)).hasSize(1);
    assertThat(report.gapsIn(grid(1))).isEmpty();
    assertThat(report.gaps().get(1).describe())
        .isEqualTo("330102011002003: role social-worker: 1 of 2 required [staffing.below-minimum]");
  }

  @Test
  void check_workerHoldingTwoRoles_countsForEach() {
    List<Worker> workers = new ArrayList<>();
    workers.add(Worker.of(WorkerId.of("a"), "n", Set.copyOf(FIVE), COMMUNITY, Set.of(grid(1))));

    StaffingReport report =
        StaffingCheck.check(JINGFANG, Roster.of(workers), StaffingTemplates.kaixuan());

    assertThat(report.gapsIn(grid(1)))
        .containsExactly(
            StaffingGap.belowMinimum(grid(1), Role.INSTRUCTOR, 1, 0),
            StaffingGap.belowMinimum(grid(1), Role.SOCIAL_WORKER, 2, 1));
    assertThat(report.gapsIn(grid(2))).hasSize(6);
  }

  @Test
  void check_severalGapsOfAKindInAGrid_orderedByRoleThenWorker() {
    // the template lists grid-manager first and social-worker before supervisor; the roster has
    // jh-b before jh-a: the report orders by role id and worker id, not by either
    AreaCode jinghua = AreaCode.parse("330102011003");
    List<Worker> workers = new ArrayList<>(fullyStaffed());
    workers.add(
        Worker.of(WorkerId.of("jh-b"), "n", Set.of(Role.ASSISTANT), jinghua, Set.of(grid(4))));
    workers.add(
        Worker.of(WorkerId.of("jh-a"), "n", Set.of(Role.ASSISTANT), jinghua, Set.of(grid(4))));
    workers.removeIf(w -> w.id().value().startsWith("jf2-"));

    StaffingReport report =
        StaffingCheck.check(JINGFANG, Roster.of(workers), StaffingTemplates.kaixuan());

    assertThat(report.gapsIn(grid(2)))
        .extracting(g -> g.role().orElseThrow().id())
        .containsExactly(
            "assistant", "grid-manager", "sentiment-collector", "social-worker", "supervisor");
    assertThat(report.gapsIn(grid(4)))
        .extracting(g -> g.worker().orElseThrow().value())
        .containsExactly("jh-a", "jh-b");
  }

  @Test
  void check_templateWithoutGridsWithinUnit_allowsServingAnotherCommunity() {
    StaffingTemplate lenient =
        new StaffingTemplate(
            "lenient", "L", "test", com.google.common.collect.ImmutableList.of(), false);
    Roster roster =
        Roster.of(
            List.of(
                Worker.of(
                    WorkerId.of("x"),
                    "n",
                    Set.of(Role.ASSISTANT),
                    AreaCode.parse("330102011003"),
                    Set.of(grid(1)))));

    assertThat(StaffingCheck.check(JINGFANG, roster, lenient).isComplete()).isTrue();
    assertThat(
            StaffingCheck.check(JINGFANG, roster, StaffingTemplates.kaixuan())
                .gaps(GapKind.OUTSIDE_UNIT))
        .hasSize(1);
  }
}
