package org.gridgov.simulation;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.RuleId;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.line.Line;
import org.gridgov.core.line.LineId;
import org.gridgov.core.line.Lines;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.StaffingTemplate;
import org.gridgov.core.people.StaffingTemplates;
import org.gridgov.core.territory.Level;

/**
 * How the synthetic district is divided and staffed.
 *
 * @param minGrids fewest grids a community gets (Dongcheng: 2)
 * @param maxGrids most grids a community gets (Dongcheng: 5)
 * @param template the staffing template whose roles every grid gets, one of {@link
 *     StaffingTemplates#all()} ({@code kaixuan}, {@code dongcheng}, {@code yangling})
 * @param roleLines the lines each grid role acts for; a role not listed acts for none
 * @param perStreetLine department workers per street for each line working at the street (0–999)
 * @param perDistrictLine department workers in the district, per 100 grids (rounded up), for each
 *     line working at the district (a district's departments grow with it; 0–999, 0 for none)
 * @param departmentLevels where a line's department workers sit when not at the level the line
 *     catalogue gives it: {@code STREET} for a district department that sends its staff to every
 *     street (Beijing's 街乡吹哨、部门报到: the departments report to the street), {@code DISTRICT} for a
 *     street line pooled at the district; a line of the catalogue ({@link Lines#standard()}) that
 *     works at a street or the district. Empty: the catalogue's levels
 */
public record Staffing(
    int minGrids,
    int maxGrids,
    String template,
    ImmutableMap<Role, ImmutableSet<LineId>> roleLines,
    int perStreetLine,
    int perDistrictLine,
    ImmutableMap<LineId, Level> departmentLevels) {
  static final RuleId ID = RuleId.of("simulation.staffing");

  public Staffing {
    Checks.atLeast(ID, "minGrids", 1, minGrids);
    Checks.check(
        ID,
        "maxGrids",
        maxGrids >= minGrids && maxGrids <= 999,
        "must be between minGrids and 999, was " + maxGrids);
    Checks.notBlank(ID, "template", template);
    List<String> templates = StaffingTemplates.all().stream().map(StaffingTemplate::id).toList();
    Checks.check(
        ID,
        "template",
        templates.contains(template),
        "must be one of " + templates + ", was '" + template + "'");
    Checks.notNull(ID, "roleLines", roleLines);
    Checks.between(ID, "perStreetLine", 0, 999, perStreetLine);
    Checks.between(ID, "perDistrictLine", 0, 999, perDistrictLine);
    Checks.notNull(ID, "departmentLevels", departmentLevels);
    departmentLevels.forEach(
        (line, level) -> {
          Checks.check(
              ID,
              "departmentLevels." + line,
              level == Level.STREET || level == Level.DISTRICT,
              "must be STREET or DISTRICT, was " + level);
          Optional<Line> known = Lines.standard().find(line);
          Checks.check(
              ID,
              "departmentLevels." + line,
              known.isPresent(),
              "is not a line of the catalogue, expected one of " + departmentLines());
          Checks.check(
              ID,
              "departmentLevels." + line,
              departmentLines().contains(line),
              "works at the "
                  + known.map(Line::level).orElse(null)
                  + ", where grid roles act for it and no department sits");
        });
  }

  /** The catalogue's lines that department workers staff: those at a street or the district. */
  static List<LineId> departmentLines() {
    return Lines.standard().all().stream()
        .filter(l -> l.level() == Level.STREET || l.level() == Level.DISTRICT)
        .map(Line::id)
        .toList();
  }

  /** Where {@code line}'s department workers sit: its {@link #departmentLevels} or its own. */
  public Level departmentLevel(Line line) {
    return departmentLevels.getOrDefault(line.id(), line.level());
  }

  /**
   * Dongcheng's 2–5 grids a community and its 7+X roles. Grid workers take the small matters
   * (community affairs, city appearance, sanitation, greening, civil affairs, order); police and
   * firefighters in the grid take theirs; the rest goes to department workers: 4 per street for
   * each street line, 6 per 100 grids in the district for each district line.
   */
  public static Staffing dongcheng() {
    Map<Role, ImmutableSet<LineId>> lines = new LinkedHashMap<>();
    lines.put(Role.GRID_MANAGER, lines("community", "urban-management", "sanitation"));
    lines.put(Role.SOCIAL_WORKER, lines("community", "civil-affairs", "sanitation"));
    lines.put(Role.ASSISTANT, lines("urban-management", "sanitation", "greening"));
    lines.put(Role.PARTY_SECRETARY, lines("community"));
    lines.put(Role.POLICE_OFFICER, lines("public-security", "traffic-police"));
    lines.put(Role.JUDICIAL_WORKER, lines("community"));
    lines.put(Role.FIREFIGHTER, lines("fire"));
    lines.put(
        Role.FULL_TIME_GRID_WORKER,
        lines("community", "urban-management", "sanitation", "civil-affairs"));
    lines.put(Role.SENTIMENT_COLLECTOR, lines("community"));
    return new Staffing(2, 5, "dongcheng", ImmutableMap.copyOf(lines), 4, 6, ImmutableMap.of());
  }

  public Staffing withTemplate(String id) {
    return new Staffing(
        minGrids, maxGrids, id, roleLines, perStreetLine, perDistrictLine, departmentLevels);
  }

  public Staffing withRoleLines(Map<Role, ? extends Set<LineId>> value) {
    Checks.notNull(ID, "roleLines", value);
    Map<Role, ImmutableSet<LineId>> copy = new LinkedHashMap<>();
    value.forEach((role, lines) -> copy.put(role, ImmutableSet.copyOf(lines)));
    return new Staffing(
        minGrids,
        maxGrids,
        template,
        ImmutableMap.copyOf(copy),
        perStreetLine,
        perDistrictLine,
        departmentLevels);
  }

  public Staffing withDepartments(int street, int district) {
    return new Staffing(
        minGrids, maxGrids, template, roleLines, street, district, departmentLevels);
  }

  public Staffing withDepartmentLevels(Map<LineId, Level> value) {
    Checks.notNull(ID, "departmentLevels", value);
    return new Staffing(
        minGrids,
        maxGrids,
        template,
        roleLines,
        perStreetLine,
        perDistrictLine,
        ImmutableMap.copyOf(value));
  }

  private static ImmutableSet<LineId> lines(String... ids) {
    ImmutableSet.Builder<LineId> b = ImmutableSet.builder();
    for (String id : ids) {
      b.add(LineId.of(id));
    }
    return b.build();
  }
}
