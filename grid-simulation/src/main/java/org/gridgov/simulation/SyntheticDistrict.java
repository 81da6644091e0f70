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
record SyntheticDistrict(
    Directory directory,
    ImmutableList<AreaCode> grids,
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
        builder.add(
            Area.of(
                grid,
                community.name() + " 第" + i + "网格",
                community.code(),
                Map.of("households", String.valueOf(random.between(100, 150)))),
            "synthetic");
      }
    }
    Territory territory = builder.build();
    StaffingTemplate template =
        StaffingTemplates.all().stream() // Staffing refused any other
            .filter(t -> t.id().equals(staffing.template()))
            .findFirst()
            .orElseThrow();
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
        AreaCode unit =
            role.equals(Role.INSTRUCTOR)
                ? AreaCode.of(grid.value().substring(0, 9), Level.STREET)
                : community;
        Set<LineId> acts =
            new HashSet<>(
                staffing
                    .roleLines()
                    .getOrDefault(role, com.google.common.collect.ImmutableSet.of()));
        acts.removeAll(overloaded);
        for (int k = 1; k <= requirement.minimumPerGrid(); k++) {
          WorkerId id = WorkerId.of("w-" + grid + "-" + role + "-" + k);
          workers.add(
              absences.add(
                  Worker.of(id, id.value(), Set.of(role), unit, Set.of(grid)).withLines(acts)));
          if (role.equals(Role.SUPERVISOR)) {
            verifiers.put(grid, id);
          }
        }
      }
    }
    departments(divisions, lines, staffing, config, absences, workers, grids.size());
    Directory directory =
        new Directory(territory, Roster.of(workers), lines, CategoryCatalogue.standard());
    return new SyntheticDistrict(directory, ImmutableList.copyOf(grids), verifiers.build());
  }

  private static void departments(
      Territory divisions,
      Lines lines,
      Staffing staffing,
      SimulationConfig config,
      Absences absences,
      List<Worker> workers,
      int gridCount) {
    List<Area> streets = divisions.at(Level.STREET);
    List<Area> districts = divisions.at(Level.DISTRICT);
    for (Line line : lines.all()) {
      boolean overloaded = config.overload().filter(o -> o.line().equals(line.id())).isPresent();
      Level level = staffing.departmentLevel(line);
      List<Area> units =
          level == Level.STREET ? streets : level == Level.DISTRICT ? districts : List.of();
      if (units.isEmpty()) {
        continue;
      }
      int perUnit =
          level == Level.STREET
              ? staffing.perStreetLine()
              : perDistrict(staffing.perDistrictLine(), gridCount);
      for (int u = 0; u < units.size(); u++) {
        int count = overloaded ? config.overload().get().workers() : perUnit;
        for (int k = 1; k <= count; k++) {
          WorkerId id = WorkerId.of("d-" + units.get(u).code() + "-" + line.id() + "-" + k);
          workers.add(
              absences.add(
                  Worker.of(id, id.value(), Set.of(DEPARTMENT_STAFF), units.get(u).code(), Set.of())
                      .withLines(Set.of(line.id()))
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

  /**
   * Seeded absences over the simulated period. On each day a worker could start one (present, and
   * not just back: the day after an absence is always a present one) an absence starts with chance
   * p = {@code perDay}, of 1 + a geometric number of whole days, a mean of exactly m = {@code
   * meanDays}; so a share π = m·p / (1 + m·p) of the workers is away on a day, in the long run.
   * Each worker's process starts in that steady state, so the run's first days are staffed as its
   * later ones (starting everyone present put only p away on the first day, and long absences took
   * months to reach π): with chance π the worker is on the first day in an absence that still has 1
   * + a geometric number of whole days to run, the first day included (m on average: a geometric
   * length is memoryless), and began a geometric number of whole days before it, independently (the
   * two make the longer absence a given day falls in, 2m − 1 days on average); otherwise the worker
   * is present and may start one from the second day on, as after any present day.
   */
  static final class Absences {
    private final Instant start;
    private final int days;
    private final double perDay;
    private final double meanDays;
    private final double awayShare;
    private final Randomness random;

    Absences(SimulationConfig config, Randomness random) {
      this.start = config.start().atStartOfDay(config.zone()).toInstant();
      this.days = config.days();
      this.perDay = config.behaviour().absencePerDay();
      this.meanDays = config.behaviour().absenceDays();
      this.awayShare = meanDays * perDay / (1 + meanDays * perDay);
      this.random = random;
    }

    Worker add(Worker worker) {
      Worker result = worker;
      int day = 1; // present on the first day: the first chance is on the next
      if (random.chance(awayShare)) {
        long remaining = 1 + geometricDays();
        // at most about 13,400 days (36.7 years at a mean of 365: the draw's least 1 − u is
        // 2^-53), so even from the earliest start, 1971, the absence begins after 1900, the
        // earliest instant a store keeps
        long before = geometricDays();
        result =
            result.withAbsence(
                new Absence(
                    start.minus(Duration.ofDays(before)),
                    start.plus(Duration.ofDays(remaining)),
                    AbsenceKind.LEAVE));
        day = (int) remaining + 1; // the day after the absence is a present one
      }
      while (day < days) {
        if (random.chance(perDay)) {
          // whole days, 1 + geometric: a mean of exactly meanDays (a rounded exponential floored
          // at one day overshot it, by 0.2 days at 2 and 0.35 at 1)
          long length = 1 + geometricDays();
          Instant from = start.plus(Duration.ofDays(day));
          result =
              result.withAbsence(
                  new Absence(from, from.plus(Duration.ofDays(length)), AbsenceKind.LEAVE));
          day += (int) length;
        }
        day++;
      }
      return result;
    }

    /**
     * A geometric number of whole days, 0, 1, 2 …, each further day with chance 1 − 1/meanDays: a
     * mean of meanDays − 1 (always 0 at a mean of 1).
     */
    private long geometricDays() {
      return (long) Math.floor(Math.log(1 - random.uniform()) / Math.log(1 - 1 / meanDays));
    }
  }
}
