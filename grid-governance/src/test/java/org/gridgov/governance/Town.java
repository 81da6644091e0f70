package org.gridgov.governance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.gridgov.core.Directory;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Source;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.threeten.extra.MutableClock;

/** 景芳 community with a handful of workers, for facade tests. */
final class Town {
  static final Instant NINE = Instant.parse("2024-03-04T01:00:00Z"); // Monday 09:00 in Hangzhou
  static final AreaCode COMMUNITY = AreaCode.parse("330102011002");
  static final AreaCode GRID_1 = AreaCode.of("330102011002001", Level.GRID);
  static final AreaCode GRID_2 = AreaCode.of("330102011002002", Level.GRID);
  static final LineId URBAN = LineId.of("urban-management");
  static final LineId TRAFFIC = LineId.of("traffic-police");
  static final LineId GREENING = LineId.of("greening");
  static final CategoryCode VENDING = CategoryCode.parse("E0402");
  static final CategoryCode CAR = CategoryCode.parse("E0404");
  static final WorkerId A = WorkerId.of("w-a");
  static final WorkerId B = WorkerId.of("w-b");
  static final WorkerId C = WorkerId.of("w-c");
  static final WorkerId SUPERVISOR = WorkerId.of("w-sup");
  static final WorkerId POLICE = WorkerId.of("w-police");
  static final WorkerId GARDENER = WorkerId.of("w-garden");
  static final WorkerId CADRE = WorkerId.of("w-cadre");
  static final Actor CENTRE = Actor.centre("seat-1");

  private Town() {}

  static Instant hours(long h) {
    return NINE.plus(Duration.ofHours(h));
  }

  private static Worker worker(
      WorkerId id, Role role, AreaCode unit, Set<AreaCode> grids, LineId... lines) {
    return Worker.of(id, "name-" + id, Set.of(role), unit, grids).withLines(Set.of(lines));
  }

  static Directory directory() {
    AreaCode district = AreaCode.parse("330102");
    return Directory.of(
        Divisions.jingfangExample(),
        Roster.of(
            List.of(
                worker(A, Role.GRID_MANAGER, COMMUNITY, Set.of(GRID_1), URBAN),
                worker(B, Role.SOCIAL_WORKER, COMMUNITY, Set.of(GRID_1), URBAN),
                worker(C, Role.SOCIAL_WORKER, COMMUNITY, Set.of(GRID_2), URBAN),
                worker(SUPERVISOR, Role.SUPERVISOR, COMMUNITY, Set.of(GRID_1, GRID_2)),
                worker(POLICE, Role.POLICE_OFFICER, COMMUNITY, Set.of(GRID_1), TRAFFIC),
                worker(GARDENER, Role.ASSISTANT, COMMUNITY, Set.of(GRID_1), GREENING),
                worker(CADRE, Role.INSTRUCTOR, AreaCode.parse("330102011"), Set.of(), URBAN),
                worker(WorkerId.of("w-district"), Role.INSTRUCTOR, district, Set.of(), URBAN))));
  }

  /** A hard escalation quota of one in ten at community level, for the quota tests. */
  static PolicySet hardCommunityQuota() {
    return org.gridgov.core.policy.PolicyLoader.fromYaml(
        new java.io.StringReader(
            """
        id: quota-test
        version: 1
        effectiveFrom: 2024-01-01
        zone: Asia/Shanghai
        source: "test"
        dispatch: { claimWindow: 24h, replyWithin: 72h, supervisionAfter: 24h }
        returns: { bounceLimit: 2 }
        verification: { maxReworks: 3 }
        escalation: { mode: HARD, quota: { COMMUNITY: 0.1 } }
        """),
        "q.yaml");
  }

  static GridGovernance governance(GridStorage storage, MutableClock clock, PolicySet policy) {
    return GridGovernance.builder()
        .storage(storage)
        .directory(directory())
        .policy(policy)
        .clock(clock)
        .build();
  }

  static GridGovernance governance(MutableClock clock, PolicySet policy) {
    return governance(InMemoryGridStorage.create(), clock, policy);
  }

  static Report.Builder patrol(AreaCode grid, CategoryCode category) {
    return Report.by(Actor.worker(A))
        .source(Source.PATROL)
        .category(category)
        .grid(grid)
        .description("seen on patrol");
  }

  /** The town's directory with nobody acting for {@code line}, at any level. */
  static Directory withoutLine(LineId line) {
    Directory town = directory();
    return town.withRoster(
        Roster.of(town.roster().workers().stream().filter(w -> !w.actsFor(line)).toList()));
  }

  /**
   * Reports (by the supervisor, who acts for no line) and registers a vending case in grid 1;
   * returns its id.
   */
  static IncidentId vendingSeenBySupervisor(GridGovernance governance) {
    IncidentId id =
        governance
            .report(
                Report.by(Actor.worker(SUPERVISOR))
                    .source(Source.PATROL)
                    .category(VENDING)
                    .grid(GRID_1)
                    .description("seen")
                    .build())
            .incident()
            .id();
    governance.register(CENTRE, id, java.util.Optional.empty(), java.util.Optional.empty(), "");
    return id;
  }

  /** Reports and registers a case in {@code grid}; returns its id. */
  static IncidentId reportAndRegister(
      GridGovernance governance, AreaCode grid, CategoryCode category) {
    IncidentId id = governance.report(patrol(grid, category).build()).incident().id();
    governance.register(CENTRE, id, java.util.Optional.empty(), java.util.Optional.empty(), "");
    return id;
  }
}
