package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.core.Directory;
import org.gridgov.core.category.CategoryCatalogue;
import org.gridgov.core.line.Line;
import org.gridgov.core.line.LineId;
import org.gridgov.core.line.Lines;
import org.gridgov.core.people.Absence;
import org.gridgov.core.people.AbsenceKind;
import org.gridgov.core.people.Employment;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.RoleRequirement;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.StaffingTemplate;
import org.gridgov.core.people.StaffingTemplates;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.Area;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.CodeScheme;
import org.gridgov.core.territory.Level;
import org.gridgov.core.territory.Territory;

/**
 * A synthetic district on a real ladder: every community of the divisions gets 2–5 grids (seeded),
 * every grid the roles of the staffing template, every street and the district their department
 * workers per line, and every worker a few seeded absences over the period.
 */
record SyntheticDistrict(Directory directory, ImmutableList<AreaCode> grids,
    ImmutableListMultimap<AreaCode, WorkerId> verifiers) {
  /** The role of department staff, who act for their line from a street or the district. */
  static final Role DEPARTMENT_STAFF = Role.of("department-staff");

  static SyntheticDistrict build(Territory divisions, SimulationConfig config, Randomness random) {
    Staffing staffing = config.staffing();
    var builder = Territory.builder().addAll(divisions);
    List<AreaCode> grids = new ArrayList<>();
    for (Area community : divisions.at(Level.COMMUNITY)) {
      int count = random.between(staffing.minGrids(), staffing.maxGrids());
      for (int i = 1; i <= count; i++) {
        AreaCode grid = CodeScheme.DEFAULT.grid(community.code(), i);
        grids.add(grid);
        builder.add(Area.of(grid, community.name() + " 第" + i + "网格", community.code(),
            Map.of("households", String.valueOf(random.between(100, 150)))), "synthetic");
      }
    }
    Territory territory = builder.build();
    StaffingTemplate template = StaffingTemplates.all().stream() // Staffing refused any other
        .filter(t -> t.id().equals(staffing.template())).findFirst().orElseThrow();
    Lines lines = Lines.standard();
    Set<LineId> overloaded = new HashSet<>();
    config.overload().ifPresent(o -> overloaded.add(o.line()));

    List<Worker> workers = new ArrayList<>();
    ImmutableListMultimap.Builder<AreaCode, WorkerId> verifiers = ImmutableListMultimap.builder();
    Absences absences = new Absences(config, random.split());
    for (AreaCode grid : grids) {
      AreaCode community = AreaCode.of(grid.value().substring(0, 12), Level.COMMUNITY);
      for (RoleRequirement requirement : template.requirements()) {
        Role role = requirement.role();
        AreaCode unit = role.equals(Role.INSTRUCTOR)
            ? AreaCode.of(grid.value().substring(0, 9), Level.STREET) : community;
        Set<LineId> acts = new HashSet<>(staffing.roleLines().getOrDefault(role,
            com.google.common.collect.ImmutableSet.of()));
        acts.removeAll(overloaded);
        for (int k = 1; k <= requirement.minimumPerGrid(); k++) {
          WorkerId id = WorkerId.of("w-" + grid + "-" + role + "-" + k);
          workers.add(absences.add(Worker.of(id, id.value(), Set.of(role), unit, Set.of(grid))
              .withLines(acts)));
          if (role.equals(Role.SUPERVISOR)) {
            verifiers.put(grid, id);
          }
        }
      }
    }
    departments(divisions, lines, staffing, config, absences, workers, grids.size());
    Directory directory = new Directory(territory, Roster.of(workers), lines,
        CategoryCatalogue.standard());
    return new SyntheticDistrict(directory, ImmutableList.copyOf(grids), verifiers.build());
  }

  private static void departments(Territory divisions, Lines lines, Staffing staffing,
      SimulationConfig config, Absences absences, List<Worker> workers, int gridCount) {
    List<Area> streets = divisions.at(Level.STREET);
    List<Area> districts = divisions.at(Level.DISTRICT);
    for (Line line : lines.all()) {
      boolean overloaded = config.overload().filter(o -> o.line().equals(line.id())).isPresent();
      Level level = staffing.departmentLevel(line);
      List<Area> units = level == Level.STREET ? streets
          : level == Level.DISTRICT ? districts : List.of();
      if (units.isEmpty()) {
        continue;
      }
      int perUnit = level == Level.STREET ? staffing.perStreetLine()
          : perDistrict(staffing.perDistrictLine(), gridCount);
      for (int u = 0; u < units.size(); u++) {
        int count = overloaded ? config.overload().get().workers() : perUnit;
        for (int k = 1; k <= count; k++) {
          WorkerId id = WorkerId.of("d-" + units.get(u).code() + "-" + line.id() + "-" + k);
          workers.add(absences.add(Worker.of(id, id.value(), Set.of(DEPARTMENT_STAFF),
              units.get(u).code(), Set.of()).withLines(Set.of(line.id()))
              .withEmployment(Employment.FULL_TIME)));
        }
      }
    }
  }

  /**
   * A district line's workers: {@code per100} for every 100 grids, rounded up, so that any rate
   * above 0 staffs a small district with at least one; 0 staffs none.
   */
  private static int perDistrict(int per100, int gridCount) {
    return (int) Math.ceil(per100 * (double) gridCount / 100);
  }

  /** Seeded absences over the simulated period. */
  private static final class Absences {
    private final Instant start;
    private final int days;
    private final double perDay;
    private final double meanDays;
    private final Randomness random;

    Absences(SimulationConfig config, Randomness random) {
      this.start = config.start().atStartOfDay(config.zone()).toInstant();
      this.days = config.days();
      this.perDay = config.behaviour().absencePerDay();
      this.meanDays = config.behaviour().absenceDays();
      this.random = random;
    }

    Worker add(Worker worker) {
      Worker result = worker;
      int day = 0;
      while (day < days) {
        if (random.chance(perDay)) {
          // whole days, 1 + geometric: a mean of exactly meanDays (a rounded exponential floored
          // at one day overshot it, by 0.2 days at 2 and 0.35 at 1)
          long length = 1 + (long) Math.floor(Math.log(1 - random.uniform())
              / Math.log(1 - 1 / meanDays));
          Instant from = start.plus(Duration.ofDays(day));
          result = result.withAbsence(new Absence(from, from.plus(Duration.ofDays(length)),
              AbsenceKind.LEAVE));
          day += (int) length;
        }
        day++;
      }
      return result;
    }
  }
}
