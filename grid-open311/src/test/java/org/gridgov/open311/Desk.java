package org.gridgov.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.Directory;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.RejectionKind;
import org.gridgov.core.incident.Source;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;
import org.gridgov.governance.GridGovernance;
import org.gridgov.governance.Report;
import org.threeten.extra.MutableClock;

/**
 * 景芳 community under Kaixuan's policy with three cases reported an hour apart from Monday 09:00 in
 * Hangzhou: a vending stall handled, verified and closed; a parked car registered and waiting in
 * its claim window; a second report of the stall rejected as a duplicate.
 */
final class Desk {
  static final Instant NINE = Instant.parse("2024-03-04T01:00:00Z");
  static final AreaCode COMMUNITY = AreaCode.parse("330102011002");
  static final AreaCode GRID = AreaCode.of("330102011002001", Level.GRID);
  static final CategoryCode VENDING = CategoryCode.parse("E0402");
  static final CategoryCode CAR = CategoryCode.parse("E0404");
  static final WorkerId MANAGER = WorkerId.of("w-a");
  static final WorkerId SUPERVISOR = WorkerId.of("w-sup");
  static final Actor CENTRE = Actor.centre("seat-1");

  final MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
  final GridGovernance governance;
  final IncidentId closed;
  final IncidentId waiting;
  final IncidentId duplicate;

  Desk(GridStorage storage) {
    governance =
        GridGovernance.builder()
            .storage(storage)
            .directory(directory())
            .policy(Presets.kaixuan())
            .clock(clock)
            .build();
    closed = report(VENDING, "stall outside gate 2\u0007 blocking the path");
    governance.register(CENTRE, closed, Optional.empty(), Optional.empty(), "");
    governance.claim(MANAGER, closed);
    clock.add(Duration.ofMinutes(30));
    governance.feedback(MANAGER, closed, "stall moved on");
    governance.verify(SUPERVISOR, closed, true, "checked on site");
    governance.close(CENTRE, closed, "stall removed");
    clock.setInstant(NINE.plusSeconds(3_600));
    waiting = report(CAR, "car on the fire lane");
    governance.register(CENTRE, waiting, Optional.empty(), Optional.empty(), "");
    clock.setInstant(NINE.plusSeconds(7_200));
    duplicate = report(VENDING, "the same stall");
    governance.reject(
        CENTRE,
        duplicate,
        RejectionKind.DUPLICATE,
        Optional.of(closed),
        "already closed as the first report");
    clock.setInstant(NINE.plusSeconds(3 * 3_600));
  }

  IncidentId report(CategoryCode category, String description) {
    return governance
        .report(
            Report.by(Actor.worker(MANAGER))
                .source(Source.PATROL)
                .category(category)
                .grid(GRID)
                .description(description)
                .build())
        .incident()
        .id();
  }

  static Directory directory() {
    return Directory.of(
        Divisions.jingfangExample(),
        Roster.of(
            List.of(
                Worker.of(MANAGER, "name-a", Set.of(Role.GRID_MANAGER), COMMUNITY, Set.of(GRID))
                    .withLines(Set.of(LineId.of("urban-management"))),
                Worker.of(
                    SUPERVISOR, "name-sup", Set.of(Role.SUPERVISOR), COMMUNITY, Set.of(GRID)))));
  }
}
