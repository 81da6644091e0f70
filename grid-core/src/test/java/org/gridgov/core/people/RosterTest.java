package org.gridgov.core.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Refusals;
import org.gridgov.core.Violation;
import org.gridgov.core.line.LineId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;

class RosterTest {
  private static final AreaCode JINGFANG = WorkerTest.JINGFANG;
  private static final AreaCode G1 = WorkerTest.GRID_1;
  private static final AreaCode G2 = WorkerTest.GRID_2;
  private static final LineId URBAN = LineId.of("urban-management");

  private static Worker worker(String id, Role role, AreaCode... grids) {
    return Worker.of(WorkerId.of(id), "n", Set.of(role), JINGFANG, Set.of(grids));
  }

  @Test
  void lookups_byGridLineAndRole_returnWorkersSortedById() {
    Worker b = worker("w-b", Role.SOCIAL_WORKER, G1, G2).withLines(Set.of(URBAN));
    Worker a = worker("w-a", Role.SOCIAL_WORKER, G1);
    Worker c = worker("w-c", Role.POLICE_OFFICER, G2).withLines(Set.of(URBAN));

    Roster roster = Roster.of(List.of(b, a, c));

    assertThat(roster.size()).isEqualTo(3);
    assertThat(roster.workers()).containsExactly(b, a, c);
    assertThat(roster.inGrid(G1)).containsExactly(a, b);
    assertThat(roster.inGrid(G2)).containsExactly(b, c);
    assertThat(roster.inGridWithLine(G1, URBAN)).containsExactly(b);
    assertThat(roster.inGridWithLine(G2, URBAN)).containsExactly(b, c);
    assertThat(roster.inGridWithLine(G1, LineId.of("fire"))).isEmpty();
    assertThat(roster.withRole(Role.SOCIAL_WORKER)).containsExactly(a, b);
    assertThat(roster.find(WorkerId.of("w-c"))).contains(c);
    assertThat(roster.find(WorkerId.of("w-z"))).isEmpty();
    assertThat(
            Refusals.refusal(
                () -> roster.require(WorkerId.of("w-z")),
                "worker lookup",
                "id",
                InputRules.UNKNOWN))
        .hasToString("id: names no worker of this roster, was w-z" + " [input.unknown]");
  }

  @Test
  void inUnitWithLine_workersOfTheUnitActingForTheLine_byId() {
    AreaCode kaixuan = AreaCode.parse("330102011");
    Worker b = worker("w-b", Role.SOCIAL_WORKER, G1).withLines(Set.of(URBAN));
    Worker a = worker("w-a", Role.ASSISTANT, G2).withLines(Set.of(URBAN));
    Worker other = worker("w-c", Role.SOCIAL_WORKER, G1);
    Worker cadre =
        Worker.of(WorkerId.of("w-d"), "n", Set.of(Role.INSTRUCTOR), kaixuan, Set.of())
            .withLines(Set.of(URBAN));

    Roster roster = Roster.of(List.of(b, a, other, cadre));

    assertThat(roster.inUnitWithLine(JINGFANG, URBAN)).containsExactly(a, b);
    assertThat(roster.inUnitWithLine(kaixuan, URBAN)).containsExactly(cadre);
    assertThat(roster.inUnitWithLine(JINGFANG, LineId.of("fire"))).isEmpty();
    assertThat(roster.inUnitWithLine(AreaCode.parse("330102011003"), URBAN)).isEmpty();
    assertThat(roster.require(WorkerId.of("w-d"))).isSameAs(cadre);
  }

  @Test
  void of_duplicateIds_listsEveryRepeat() {
    InvalidInputException error =
        catchThrowableOfType(
            InvalidInputException.class,
            () ->
                Roster.of(
                    List.of(
                        worker("w-1", Role.ASSISTANT),
                        worker("w-2", Role.ASSISTANT),
                        worker("w-1", Role.SUPERVISOR),
                        worker("w-2", Role.SUPERVISOR))));

    assertThat(error.violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("workers[2].id", "people.duplicate-worker"),
            org.assertj.core.groups.Tuple.tuple("workers[3].id", "people.duplicate-worker"));
  }

  @Test
  void of_nullWorkersOrNoCollection_namedByPositionWithTheRule() {
    List<Worker> withNulls = new ArrayList<>();
    withNulls.add(worker("w-1", Role.ASSISTANT));
    withNulls.add(null);
    withNulls.add(worker("w-1", Role.SUPERVISOR));
    withNulls.add(null);

    assertThat(
            catchThrowableOfType(InvalidInputException.class, () -> Roster.of(withNulls))
                .violations())
        .extracting(Violation::toString)
        .containsExactly(
            "workers[1]: must not be null [people.missing-worker]",
            "workers[2].id: worker id already used by workers[0], was w-1 [people.duplicate-worker]",
            "workers[3]: must not be null [people.missing-worker]");
    assertThat(
            catchThrowableOfType(InvalidInputException.class, () -> Roster.of(null)).violations())
        .extracting(Violation::toString)
        .containsExactly("workers: must not be null [people.missing-worker]");
  }

  @Test
  void workerFactories_nullElementsOrSets_namedByWorkerAndField() {
    Set<Role> roles = new HashSet<>(Set.of(Role.ASSISTANT));
    roles.add(null);
    Set<AreaCode> grids = new HashSet<>(Set.of(G1));
    grids.add(null);
    Worker fine = worker("w-1", Role.ASSISTANT, G1);

    refusedAsMissing(
        () -> Worker.of(WorkerId.of("w-1"), "n", roles, JINGFANG, Set.of(G1)),
        "worker w-1",
        "roles",
        "must not be null or hold nulls");
    refusedAsMissing(
        () -> Worker.of(WorkerId.of("w-1"), "n", Set.of(Role.ASSISTANT), JINGFANG, grids),
        "worker w-1",
        "grids",
        "must not be null or hold nulls");
    assertThat(
            Refusals.refusal(
                    () -> Worker.of(null, "n", roles, JINGFANG, grids),
                    "worker",
                    "id",
                    InputRules.REQUIRED)
                .message())
        .isEqualTo("is required");
    refusedAsMissing(
        () -> fine.withLines(null), "worker w-1", "lines", "must not be null or hold nulls");
    refusedAsMissing(
        () -> fine.withLines(Arrays.asList(URBAN, null)),
        "worker w-1",
        "lines",
        "must not be null or hold nulls");
  }

  /** A null collection or a null in it, refused as missing, naming the worker and the field. */
  private static void refusedAsMissing(
      ThrowingCallable call, String subject, String field, String message) {
    assertThat(Refusals.refusal(call, subject, field, InputRules.REQUIRED).message())
        .isEqualTo(message);
  }

  @Test
  void validateAgainst_unknownGridAndUnit_listsBoth() {
    AreaCode missingGrid = AreaCode.of("330102011002009", Level.GRID);
    Worker stray =
        Worker.of(
            WorkerId.of("w-9"),
            "n",
            Set.of(Role.ASSISTANT),
            AreaCode.parse("330102011099"),
            Set.of(G1, missingGrid));
    Roster roster = Roster.of(List.of(worker("w-1", Role.ASSISTANT, G1), stray));

    List<Violation> violations = roster.validateAgainst(Divisions.jingfangExample());

    assertThat(violations)
        .extracting(Violation::path, Violation::rule, Violation::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "workers[1].unit", "people.unknown-unit", "330102011099"),
            org.assertj.core.groups.Tuple.tuple(
                "workers[1].grids", "people.unknown-grid", "330102011002009"));
    assertThatThrownBy(() -> roster.requireValidAgainst(Divisions.jingfangExample()))
        .isInstanceOf(InvalidInputException.class);
    Roster fitting = Roster.of(List.of(worker("w-1", Role.ASSISTANT, G1)));
    assertThat(fitting.validateAgainst(Divisions.jingfangExample())).isEmpty();
    assertThat(fitting.requireValidAgainst(Divisions.jingfangExample())).isSameAs(fitting);
  }

  @Test
  void inGrid_twoThousandWorkersOver589Grids_answersFromTheIndex() {
    List<Worker> workers = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      AreaCode grid = AreaCode.of(String.format("330102011002%03d", 1 + i % 589), Level.GRID);
      workers.add(worker(String.format("w-%04d", i), Role.SOCIAL_WORKER, grid));
    }
    Roster roster = Roster.of(workers);

    assertThat(roster.inGrid(AreaCode.of("330102011002001", Level.GRID))).hasSize(4);
    assertThat(roster.inGrid(AreaCode.of("330102011002589", Level.GRID))).hasSize(3);
    assertThat(roster.withRole(Role.SOCIAL_WORKER)).hasSize(2000);
  }
}
