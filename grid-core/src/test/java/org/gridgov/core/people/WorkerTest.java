package org.gridgov.core.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.core.Refusals.refusal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gridgov.core.InputRules;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.line.LineId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;

class WorkerTest {
  static final AreaCode JINGFANG = AreaCode.parse("330102011002");
  static final AreaCode GRID_1 = AreaCode.of("330102011002001", Level.GRID);
  static final AreaCode GRID_2 = AreaCode.of("330102011002002", Level.GRID);
  private static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");

  private static Worker worker() {
    return Worker.of(
        WorkerId.of("w-001"),
        "某社工",
        Set.of(Role.SOCIAL_WORKER, Role.GRID_MANAGER),
        JINGFANG,
        Set.of(GRID_1, GRID_2));
  }

  @Test
  void isAbsentAt_insideAndAtBounds_untilIsExclusive() {
    Worker away = worker().withAbsence(new Absence(T0, T0.plusSeconds(3600), AbsenceKind.SICK));

    assertThat(away.isAbsentAt(T0)).isTrue();
    assertThat(away.isAbsentAt(T0.plusSeconds(3599))).isTrue();
    assertThat(away.isAbsentAt(T0.plusSeconds(3600))).isFalse();
    assertThat(away.isAbsentAt(T0.minusSeconds(1))).isFalse();
    assertThat(worker().isAbsentAt(T0)).isFalse();
    assertThat(away.absences()).hasSize(1);
  }

  @Test
  void absence_fromNotBeforeUntil_isRefused() {
    assertThat(
            refusal(
                () -> new Absence(T0, T0, AbsenceKind.LEAVE), "absence", "until", InputRules.RANGE))
        .hasToString(
            "until: must be after from 2024-03-01T08:00:00Z, "
                + "was 2024-03-01T08:00:00Z [input.range]");
    refusal(
        () -> new Absence(T0, T0.minusSeconds(1), AbsenceKind.LEAVE),
        "absence",
        "until",
        InputRules.RANGE);
  }

  @Test
  void absence_instantsEveryStoreKeeps_upToTheBoundsIncluded() {
    Absence widest =
        new Absence(IncidentEvent.MIN_INSTANT, IncidentEvent.MAX_INSTANT, AbsenceKind.LEAVE);

    assertThat(worker().withAbsence(widest).isAbsentAt(T0)).isTrue();
  }

  @Test
  void absence_instantOutsideWhatStoresKeep_refusedNamingTheField() {
    Instant early = IncidentEvent.MIN_INSTANT.minusNanos(1);
    Instant late = IncidentEvent.MAX_INSTANT.plusNanos(1);

    assertThat(
            refusal(
                () -> new Absence(Instant.MIN, T0, AbsenceKind.LEAVE),
                "absence",
                "from",
                InputRules.RANGE))
        .hasToString(
            "from: must be between 1900-01-01T00:00:00Z and "
                + "9999-12-31T23:59:59.999999Z, was "
                + Instant.MIN
                + " [input.range]");
    refusal(() -> new Absence(early, T0, AbsenceKind.LEAVE), "absence", "from", InputRules.RANGE);
    assertThat(
            refusal(
                    () -> new Absence(T0, Instant.MAX, AbsenceKind.SICK),
                    "absence",
                    "until",
                    InputRules.RANGE)
                .value())
        .isEqualTo(Instant.MAX.toString());
    refusal(() -> new Absence(T0, late, AbsenceKind.SICK), "absence", "until", InputRules.RANGE);
  }

  @Test
  void hasRoleAndServes_reflectTheRecord() {
    Worker worker = worker().withLines(Set.of(LineId.of("urban-management")));

    assertThat(worker.hasRole(Role.SOCIAL_WORKER)).isTrue();
    assertThat(worker.hasRole(Role.POLICE_OFFICER)).isFalse();
    assertThat(worker.serves(GRID_2)).isTrue();
    assertThat(worker.serves(AreaCode.of("330102011002003", Level.GRID))).isFalse();
    assertThat(worker.actsFor(LineId.of("urban-management"))).isTrue();
    assertThat(worker.actsFor(LineId.of("fire"))).isFalse();
    assertThat(worker.withEmployment(Employment.PART_TIME).employment())
        .isEqualTo(Employment.PART_TIME);
  }

  @Test
  void new_setsIteratingInAnyOrder_keepRolesGridsAndLinesSorted() {
    // A HashSet or Set.of iterates in hash order, which may change from one run to the next.
    Worker worker =
        Worker.of(
                WorkerId.of("w-003"),
                "某社工",
                new LinkedHashSet<>(List.of(Role.SOCIAL_WORKER, Role.GRID_MANAGER)),
                JINGFANG,
                new LinkedHashSet<>(List.of(GRID_2, GRID_1)))
            .withLines(
                new LinkedHashSet<>(List.of(LineId.of("urban-management"), LineId.of("fire"))));

    assertThat(worker.roles()).containsExactly(Role.GRID_MANAGER, Role.SOCIAL_WORKER);
    assertThat(worker.grids()).containsExactly(GRID_1, GRID_2);
    assertThat(worker.lines()).containsExactly(LineId.of("fire"), LineId.of("urban-management"));
  }

  @Test
  void new_emptyRoles_isRefusedNamingIdAndField() {
    assertThat(
            refusal(
                    () -> Worker.of(WorkerId.of("w-002"), "x", Set.of(), JINGFANG, Set.of()),
                    "worker w-002",
                    "roles",
                    InputRules.RANGE)
                .message())
        .isEqualTo("must not be empty");
  }

  @Test
  void new_blankName_isRefused() {
    refusal(
        () -> Worker.of(WorkerId.of("w-002"), " ", Set.of(Role.ASSISTANT), JINGFANG, Set.of()),
        "worker w-002",
        "name",
        InputRules.REQUIRED);
    refusal(
        () -> Worker.of(WorkerId.of("w-002"), null, Set.of(Role.ASSISTANT), JINGFANG, Set.of()),
        "worker w-002",
        "name",
        InputRules.REQUIRED);
  }

  @Test
  void new_aNameNoStoreCanKeep_refusedWithoutShowingIt() {
    // the directory is saved as JSON, which PostgreSQL refuses with a NUL in it
    assertThat(
            refusal(
                () ->
                    Worker.of(
                        WorkerId.of("w-002"),
                        "王\u0000五",
                        Set.of(Role.ASSISTANT),
                        JINGFANG,
                        Set.of()),
                "worker w-002",
                "name",
                InputRules.FORMAT))
        .hasToString("name: must not hold a NUL character (at 1) [input.format]");
    assertThat(
            refusal(
                () ->
                    Worker.of(
                        WorkerId.of("w-002"),
                        "王".repeat(4_001),
                        Set.of(Role.ASSISTANT),
                        JINGFANG,
                        Set.of()),
                "worker w-002",
                "name",
                InputRules.FORMAT))
        .hasToString("name: must be at most 4000 characters, was 4001 [input.format]");
  }

  @Test
  void new_unitAGrid_isRefused() {
    assertThat(
            refusal(
                () ->
                    Worker.of(WorkerId.of("w-002"), "x", Set.of(Role.ASSISTANT), GRID_1, Set.of()),
                "worker w-002",
                "unit",
                InputRules.RANGE))
        .hasToString(
            "unit: must be a COMMUNITY, a STREET or a DISTRICT, was 330102011002001 (GRID)"
                + " [input.range]");
  }

  @Test
  void new_servedAreaNotAGrid_isRefused() {
    assertThat(
            refusal(
                    () ->
                        Worker.of(
                            WorkerId.of("w-002"),
                            "x",
                            Set.of(Role.ASSISTANT),
                            JINGFANG,
                            Set.of(JINGFANG)),
                    "worker w-002",
                    "grids",
                    InputRules.RANGE)
                .value())
        .isEqualTo("330102011002 (COMMUNITY)");
  }

  @Test
  void new_nullIdEmploymentUnitOrAbsences_isRefused() {
    Worker w = worker();
    refusal(
        () ->
            new Worker(
                w.id(),
                w.name(),
                w.roles(),
                w.unit(),
                w.grids(),
                w.lines(),
                null,
                ImmutableList.of()),
        "worker w-001",
        "employment",
        InputRules.REQUIRED);
    refusal(
        () ->
            new Worker(
                w.id(),
                w.name(),
                w.roles(),
                null,
                w.grids(),
                ImmutableSet.of(),
                Employment.FULL_TIME,
                ImmutableList.of()),
        "worker w-001",
        "unit",
        InputRules.REQUIRED);
    refusal(
        () ->
            new Worker(
                w.id(),
                w.name(),
                w.roles(),
                w.unit(),
                w.grids(),
                w.lines(),
                Employment.FULL_TIME,
                null),
        "worker w-001",
        "absences",
        InputRules.REQUIRED);
    refusal(
        () ->
            new Worker(
                null,
                w.name(),
                w.roles(),
                w.unit(),
                w.grids(),
                w.lines(),
                Employment.FULL_TIME,
                ImmutableList.of()),
        "worker",
        "id",
        InputRules.REQUIRED);
  }
}
