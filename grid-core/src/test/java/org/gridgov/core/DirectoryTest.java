package org.gridgov.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Employment;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;
import org.gridgov.core.territory.Territory;
import org.junit.jupiter.api.Test;

class DirectoryTest {

  @Test
  void directory_brokenReferences_listedAndNothingBuilt() {
    Territory territory = Divisions.jingfangExample();
    Worker stray =
        Worker.of(
                WorkerId.of("w-9"),
                "某人",
                Set.of(Role.ASSISTANT),
                AreaCode.parse("330102011002"),
                Set.of(AreaCode.of("330102011002099", Level.GRID)))
            .withLines(Set.of(LineId.of("no-such-line")))
            .withEmployment(Employment.PART_TIME);

    assertThatThrownBy(() -> Directory.of(territory, Roster.of(List.of(stray))))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(v -> v.rule())
                    .containsExactlyInAnyOrder("people.unknown-grid", "directory.unknown-line"));
  }

  @Test
  void directory_unknownLinesOfAWorker_listedInLineOrderWhateverTheSetsOrder() {
    Territory territory = Divisions.jingfangExample();
    Worker worker =
        Worker.of(
                WorkerId.of("w-8"),
                "某人",
                Set.of(Role.ASSISTANT),
                AreaCode.parse("330102011002"),
                Set.of(AreaCode.of("330102011002001", Level.GRID)))
            .withLines(new LinkedHashSet<>(List.of(LineId.of("zz-line"), LineId.of("aa-line"))));

    assertThatThrownBy(() -> Directory.of(territory, Roster.of(List.of(worker))))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(v -> v.value())
                    .containsExactly("aa-line", "zz-line"));
  }
}
