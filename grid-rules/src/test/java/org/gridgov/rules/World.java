package org.gridgov.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.Directory;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentRegistered;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.Source;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Absence;
import org.gridgov.core.people.AbsenceKind;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;

/** A small staffed corner of Kaixuan's 景芳 community for rule tests. */
public final class World {
  public static final Instant T0 = Instant.parse("2024-03-04T01:00:00Z"); // 09:00 Hangzhou
  public static final AreaCode COMMUNITY = AreaCode.parse("330102011002");
  public static final AreaCode GRID_1 = AreaCode.of("330102011002001", Level.GRID);
  public static final AreaCode GRID_2 = AreaCode.of("330102011002002", Level.GRID);
  public static final AreaCode GRID_3 = AreaCode.of("330102011002003", Level.GRID);
  public static final LineId URBAN = LineId.of("urban-management");
  public static final LineId GREENING = LineId.of("greening");
  public static final CategoryCode CATEGORY = CategoryCode.parse("E0401");
  public static final WorkerId A = WorkerId.of("w-a");
  public static final WorkerId B = WorkerId.of("w-b");
  public static final WorkerId C = WorkerId.of("w-c");
  public static final WorkerId SUPERVISOR = WorkerId.of("w-sup");
  public static final WorkerId CADRE = WorkerId.of("w-cadre");
  public static final Actor CENTRE = Actor.centre("seat-1");

  private World() {}

  public static Instant at(long hours) {
    return T0.plus(Duration.ofHours(hours));
  }

  static Worker worker(
      WorkerId id, Role role, AreaCode unit, Set<AreaCode> grids, LineId... lines) {
    return Worker.of(id, "name-" + id, Set.of(role), unit, grids).withLines(Set.of(lines));
  }

  /** w-a and w-b serve grid 1 for urban management, w-c grid 2; grid 3 has nobody. */
  public static Roster roster() {
    return Roster.of(
        List.of(
            worker(A, Role.GRID_MANAGER, COMMUNITY, Set.of(GRID_1), URBAN),
            worker(B, Role.SOCIAL_WORKER, COMMUNITY, Set.of(GRID_1), URBAN, GREENING),
            worker(C, Role.SOCIAL_WORKER, COMMUNITY, Set.of(GRID_2), URBAN),
            worker(SUPERVISOR, Role.SUPERVISOR, COMMUNITY, Set.of(GRID_1)),
            worker(CADRE, Role.INSTRUCTOR, COMMUNITY, Set.of(), URBAN)));
  }

  public static Directory directory() {
    return Directory.of(Divisions.jingfangExample(), roster());
  }

  public static Roster withAbsent(Roster roster, WorkerId id, Instant from, Instant until) {
    return Roster.of(
        roster.workers().stream()
            .map(
                w ->
                    w.id().equals(id)
                        ? w.withAbsence(new Absence(from, until, AbsenceKind.LEAVE))
                        : w)
            .toList());
  }

  public static IncidentReported report(String id, AreaCode grid, boolean emergency) {
    return new IncidentReported(
        IncidentId.of(id),
        Actor.worker(A),
        T0,
        "",
        Source.PATROL,
        CATEGORY,
        grid,
        Optional.empty(),
        Optional.empty(),
        emergency,
        "vending",
        Optional.empty());
  }

  /** An incident registered at T0 for urban management with a 24 h claim window. */
  public static Incident registered(String id, AreaCode grid) {
    IncidentReported reported = report(id, grid, false);
    return Incident.start(reported)
        .apply(
            new IncidentRegistered(reported.incident(), CENTRE, T0, "", CATEGORY, URBAN, at(24)));
  }
}
