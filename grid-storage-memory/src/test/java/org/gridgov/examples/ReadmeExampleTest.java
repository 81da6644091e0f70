package org.gridgov.examples;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.gridgov.core.incident.TimerKind;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;
import org.gridgov.core.territory.Territory;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/** The README's embedding example, kept compiling and true. Keep the two in step. */
class ReadmeExampleTest {

  @Test
  void readmeExample_reportsAnIncidentIntoAKaixuanGrid() {
    // --- README example starts
    Territory territory = Divisions.jingfangExample();          // real ladder + example grids
    AreaCode grid = AreaCode.of("330102011002001", Level.GRID);  // 景芳第一网格
    Worker wang = Worker.of(WorkerId.of("w-wang"), "王", Set.of(Role.GRID_MANAGER),
        AreaCode.parse("330102011002"), Set.of(grid));
    Directory directory = Directory.of(territory, Roster.of(List.of(wang)));
    PolicySet kaixuan = Presets.kaixuan();                       // 24 h claim, 72 h reply, 1/10

    GridStorage storage = InMemoryGridStorage.create();
    storage.directory().save(directory, 0);
    storage.policies().save(kaixuan);

    Instant nine = Instant.parse("2024-03-04T01:00:00Z");        // 09:00 in Hangzhou
    IncidentId id = IncidentId.of("INC-1");
    Incident incident = storage.incidents().intake(List.of(
        new IncidentReported(id, Actor.worker(wang.id()), nine, "", Source.PATROL,
            CategoryCode.parse("P0113"), grid, Optional.empty(), Optional.empty(), false,
            "street lamp out", Optional.empty()),
        new IncidentRegistered(id, Actor.centre("seat-1"), nine, "", CategoryCode.parse("P0113"),
            LineId.of("street-lighting"), nine.plus(kaixuan.dispatch().claimWindow()))))
        .incident();
    // --- README example ends

    assertThat(incident.nextTimer().orElseThrow().kind()).isEqualTo(TimerKind.CLAIM_WINDOW);
    assertThat(incident.nextTimer().orElseThrow().dueAt()).isEqualTo(nine.plus(Duration.ofHours(24)));
    assertThat(storage.incidents().openInGrid(grid)).containsExactly(incident);
  }
}
