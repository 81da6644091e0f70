package org.gridgov.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.Directory;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Source;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;
import org.gridgov.governance.GridGovernance;
import org.gridgov.governance.Report;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/** The README's embedding example, kept compiling and true. Keep the two in step. */
class ReadmeExampleTest {

  @Test
  void readmeExample_unclaimedCaseIsAssignedAfterTheClaimWindow() {
    // --- README example starts
    Instant nine = Instant.parse("2024-03-04T01:00:00Z"); // 09:00 in Hangzhou
    Clock clock = Clock.fixed(nine, ZoneOffset.UTC); // fixed for the example
    AreaCode grid = AreaCode.of("330102011002001", Level.GRID); // 景芳第一网格, Kaixuan street
    Worker wang =
        Worker.of(
                WorkerId.of("w-wang"),
                "王",
                Set.of(Role.GRID_MANAGER),
                AreaCode.parse("330102011002"),
                Set.of(grid))
            .withLines(Set.of(LineId.of("street-lighting")));
    Directory directory = Directory.of(Divisions.jingfangExample(), Roster.of(List.of(wang)));

    GridGovernance governance =
        GridGovernance.builder()
            .storage(InMemoryGridStorage.create()) // or JDBC, or your own adapter
            .directory(directory)
            .policy(Presets.kaixuan()) // 24 h claim, 72 h reply, 1/10
            .clock(clock)
            .build();

    IncidentId id =
        governance
            .report(
                Report.by(Actor.worker(wang.id()))
                    .source(Source.PATROL)
                    .category(CategoryCode.parse("P0113")) // 路灯: a street lamp out
                    .grid(grid)
                    .description("lamp out at building 3")
                    .build())
            .incident()
            .id();
    governance.register(Actor.centre("seat-1"), id, Optional.empty(), Optional.empty(), "");

    governance.advance(nine.plus(Duration.ofHours(24))); // nobody claimed it in 24 h
    Incident incident = governance.require(id); // assigned to w-wang
    // --- README example ends

    assertThat(incident.assignee()).contains(wang.id());
    assertThat(incident.line()).contains(LineId.of("street-lighting"));
    assertThat(incident.replyBy())
        .as("the lamp category's own 24 h deadline")
        .contains(nine.plus(Duration.ofHours(48)));
  }
}
