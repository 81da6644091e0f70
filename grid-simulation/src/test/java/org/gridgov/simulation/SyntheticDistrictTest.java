package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gridgov.core.line.Line;
import org.gridgov.core.line.LineId;
import org.gridgov.core.line.Lines;
import org.gridgov.core.people.Absence;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.Area;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;

class SyntheticDistrictTest {
  @Test
  void departments_perDistrictLineIsPer100GridsRoundedUp_zeroStaffsNone() {
    SyntheticDistrict some = district(Staffing.dongcheng().withDepartments(4, 1));
    SyntheticDistrict none = district(Staffing.dongcheng().withDepartments(4, 0));
    int grids = some.grids().size();

    assertThat(grids).as("Dongcheng's synthetic grids").isBetween(410, 1025);
    assertThat(districtLineStaff(some))
        .isNotEmpty()
        .allSatisfy(
            (line, count) -> assertThat(count).as(line.value()).isEqualTo((grids + 99) / 100));
    assertThat(districtLineStaff(none)).isEmpty();
    assertThat(streetLineStaff(none)).as("street lines keep their 4 a street").isNotEmpty();
  }

  @Test
  void overloadedStreetLine_itsWorkersInEveryStreet() {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 3, 4), 7)
            .withOverload(Overload.baoshan(3));

    SyntheticDistrict district =
        SyntheticDistrict.build(Divisions.dongcheng(), config, new Randomness(11));

    // before: 3 for the whole district, so 14 of the 17 streets had nobody to take its cases,
    // which waited for the centre for ever
    Map<String, Long> perStreet =
        district.directory().roster().workers().stream()
            .filter(
                w ->
                    w.actsFor(LineId.of("urban-management"))
                        && w.hasRole(SyntheticDistrict.DEPARTMENT_STAFF))
            .collect(Collectors.groupingBy(w -> w.unit().value(), Collectors.counting()));
    assertThat(perStreet)
        .hasSize(Divisions.dongcheng().at(Level.STREET).size())
        .allSatisfy((street, count) -> assertThat(count).as(street).isEqualTo(3));
    assertThat(staffByUnit(district, LineId.of("sanitation")))
        .as("another street line")
        .hasSize(Divisions.dongcheng().at(Level.STREET).size())
        .allSatisfy((street, count) -> assertThat(count).as(street).isEqualTo(4));
    assertThat(district.directory().roster().workers())
        .as("its cases all go to its department")
        .filteredOn(w -> !w.grids().isEmpty())
        .noneMatch(w -> w.actsFor(LineId.of("urban-management")))
        .anyMatch(w -> w.actsFor(LineId.of("sanitation")));
  }

  /**
   * Every community gets between minGrids and maxGrids grids, numbered from 1: at 3 and 3, each of
   * Kaixuan street's 15 communities gets its grids 1, 2 and 3.
   */
  @Test
  void build_minGridsEqualToMaxGrids_eachCommunityExactlyThatMany() {
    Staffing dongcheng = Staffing.dongcheng();
    Staffing three =
        new Staffing(3, 3, "dongcheng", dongcheng.roleLines(), 4, 6, ImmutableMap.of());
    SimulationConfig config =
        SimulationConfig.defaults().withPeriod(LocalDate.of(2024, 3, 4), 7).withStaffing(three);

    SyntheticDistrict district =
        SyntheticDistrict.build(SimulationTest.KAIXUAN, config, new Randomness(11));

    List<Area> communities = SimulationTest.KAIXUAN.at(Level.COMMUNITY);
    assertThat(communities).hasSize(15);
    assertThat(district.grids()).hasSize(3 * communities.size());
    for (Area community : communities) {
      assertThat(district.grids())
          .as(community.code().value())
          .filteredOn(grid -> grid.value().startsWith(community.code().value()))
          .extracting(grid -> grid.value().substring(12))
          .containsExactly("001", "002", "003");
    }
  }

  /**
   * Kaixuan's five roles: the instructor sits in the street, the others in the grid's community,
   * and the grid's supervisor is its one verifier.
   */
  @Test
  void build_kaixuanTemplate_instructorInTheStreet_supervisorVerifies() {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 3, 4), 7)
            .withStaffing(Staffing.dongcheng().withTemplate("kaixuan"));

    SyntheticDistrict district =
        SyntheticDistrict.build(SimulationTest.KAIXUAN, config, new Randomness(11));

    Roster roster = district.directory().roster();
    assertThat(district.grids())
        .isNotEmpty()
        .allSatisfy(
            grid -> {
              assertThat(district.verifiers().get(grid))
                  .as(grid.value())
                  .containsExactly(WorkerId.of("w-" + grid + "-supervisor-1"));
              assertThat(roster.inGrid(grid))
                  .as(grid.value())
                  .hasSize(7)
                  .allSatisfy(
                      worker ->
                          assertThat(worker.unit().value())
                              .as(worker.id().value())
                              .isEqualTo(
                                  worker.hasRole(Role.INSTRUCTOR)
                                      ? grid.value().substring(0, 9)
                                      : grid.value().substring(0, 12)));
            });
  }

  @Test
  void departmentLevels_aDistrictLineStaffedInEveryStreet_aStreetLineAtTheDistrict() {
    LineId utilities = LineId.of("utilities");
    LineId market = LineId.of("market-regulation");
    SyntheticDistrict district =
        district(
            Staffing.dongcheng()
                .withDepartments(4, 6)
                .withDepartmentLevels(Map.of(utilities, Level.STREET, market, Level.DISTRICT)));
    int grids = district.grids().size();

    Map<String, Long> utilitiesByUnit = staffByUnit(district, utilities);
    assertThat(utilitiesByUnit)
        .hasSize(Divisions.dongcheng().at(Level.STREET).size())
        .allSatisfy(
            (unit, count) -> {
              assertThat(unit).hasSize(9); // a street's code
              assertThat(count).isEqualTo(4);
            });
    assertThat(staffByUnit(district, market))
        .containsExactly(Map.entry("110101", (6L * grids + 99) / 100));
    assertThat(staffByUnit(district, LineId.of("housing")))
        .as("the catalogue's level")
        .containsOnlyKeys("110101");
  }

  /**
   * The day after an absence is always a present one: a worker's absences, the one under way at the
   * start included, never overlap or follow each other without a whole day between. Three in ten
   * present workers start an absence each day, so most workers have several.
   */
  @Test
  void absences_aPresentDayBetweenAnyTwo() {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 3, 4), 60)
            .withBehaviour(Behaviour.builder().absencePerDay(0.3).absenceDays(3).build());

    SyntheticDistrict district =
        SyntheticDistrict.build(SimulationTest.KAIXUAN, config, new Randomness(11));

    long several = 0;
    for (Worker worker : district.directory().roster().workers()) {
      List<Absence> absences =
          worker.absences().stream().sorted(Comparator.comparing(Absence::from)).toList();
      several += absences.size() > 2 ? 1 : 0;
      for (int i = 1; i < absences.size(); i++) {
        assertThat(absences.get(i).from())
            .as(worker.id().value())
            .isAfterOrEqualTo(absences.get(i - 1).until().plus(Duration.ofDays(1)));
      }
    }
    assertThat(several).isGreaterThan(100);
  }

  private static Map<String, Long> staffByUnit(SyntheticDistrict district, LineId line) {
    return district.directory().roster().workers().stream()
        .filter(w -> w.actsFor(line) && w.hasRole(SyntheticDistrict.DEPARTMENT_STAFF))
        .collect(Collectors.groupingBy(w -> w.unit().value(), Collectors.counting()));
  }

  private static SyntheticDistrict district(Staffing staffing) {
    SimulationConfig config =
        SimulationConfig.defaults().withPeriod(LocalDate.of(2024, 3, 4), 7).withStaffing(staffing);
    return SyntheticDistrict.build(Divisions.dongcheng(), config, new Randomness(11));
  }

  private static Map<LineId, Long> districtLineStaff(SyntheticDistrict district) {
    return staffOfLinesAt(district, Level.DISTRICT);
  }

  private static Map<LineId, Long> streetLineStaff(SyntheticDistrict district) {
    return staffOfLinesAt(district, Level.STREET);
  }

  private static Map<LineId, Long> staffOfLinesAt(SyntheticDistrict district, Level level) {
    Lines lines = district.directory().lines();
    return district.directory().roster().workers().stream()
        .filter(w -> w.hasRole(SyntheticDistrict.DEPARTMENT_STAFF))
        .flatMap(w -> w.lines().stream())
        .filter(id -> lines.find(id).map(Line::level).orElseThrow() == level)
        .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
  }
}
