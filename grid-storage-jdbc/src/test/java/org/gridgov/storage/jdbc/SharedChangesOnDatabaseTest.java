package org.gridgov.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.Directory;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Source;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;
import org.gridgov.governance.AdvanceResult;
import org.gridgov.governance.GridGovernance;
import org.gridgov.governance.Report;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two application nodes, each with its own pool, on one PostgreSQL or MariaDB database: what one
 * changes the other takes up at its next advance. A case dispatch referred to the centre (nobody up
 * to the district acts for its line) is on both nodes' worklists; once one node gives the line a
 * district worker, the other dispatches the case at its next advance, once, and it leaves both
 * worklists. A policy version saved through the store is used by both.
 */
class SharedChangesOnDatabaseTest {
  private static final Instant NINE = Instant.parse("2024-03-04T01:00:00Z");
  private static final AreaCode GRID = AreaCode.of("330102011002001", Level.GRID);
  private static final LineId URBAN = LineId.of("urban-management");
  private static final WorkerId DISTRICT = WorkerId.of("w-district");
  private final List<HikariDataSource> pools = new ArrayList<>();

  /** Reports are made at nine; each advance names its own instant. */
  private final Clock clock = Clock.fixed(NINE, ZoneOffset.UTC);

  @AfterEach
  void closePools() {
    pools.forEach(HikariDataSource::close);
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#multiNode")
  void referredCase_dispatchedOnceByTheOtherNode_afterOneGaveItsLineStaff(TestDatabase db) {
    db.fresh();
    GridGovernance a = node(db, "node-a", Optional.of(withoutUrbanStaff()));
    GridGovernance b = node(db, "node-b", Optional.empty());
    IncidentId id =
        a.report(
                Report.by(Actor.external("12345"))
                    .source(Source.HOTLINE_12345)
                    .category(CategoryCode.parse("E0402"))
                    .grid(GRID)
                    .description("stall")
                    .build())
            .incident()
            .id();
    a.register(Actor.centre("seat-1"), id, Optional.empty(), Optional.empty(), "");

    assertThat(a.advance(at(24)).referred())
        .as("nobody up to the district acts for it")
        .isEqualTo(1);
    assertThat(b.centreWorklist()).extracting(Incident::id).containsExactly(id);

    a.updateDirectory(
        d ->
            d.withRoster(
                Roster.of(
                    List.of(
                        d.roster().workers().get(0),
                        Worker.of(
                                DISTRICT,
                                "district officer",
                                Set.of(Role.INSTRUCTOR),
                                AreaCode.parse("330102"),
                                Set.of())
                            .withLines(Set.of(URBAN))))));
    AdvanceResult onB = b.advance(at(25));
    AdvanceResult onA = a.advance(at(26));

    assertThat(onB.assigned()).as("node B takes up the new revision and dispatches").isEqualTo(1);
    assertThat(onA.assigned()).as("node A finds it dispatched already").isZero();
    assertThat(onA.conflicts()).isZero();
    Incident dispatched = a.require(id);
    assertThat(dispatched.stage()).isEqualTo(Stage.DISPATCHED);
    assertThat(dispatched.assignee()).contains(DISTRICT);
    assertThat(a.centreWorklist()).isEmpty();
    assertThat(b.centreWorklist()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#multiNode")
  void policyVersionSavedThroughTheStore_usedByBothNodesFromTheirNextAdvance(TestDatabase db) {
    db.fresh();
    GridGovernance a = node(db, "node-a", Optional.of(withoutUrbanStaff()));
    GridGovernance b = node(db, "node-b", Optional.empty());
    PolicySet v1 = Presets.kaixuan();
    PolicySet v2 =
        new PolicySet(
            v1.id(),
            2,
            at(5),
            v1.zone(),
            "test: v2",
            v1.dispatch(),
            v1.returns(),
            v1.verification(),
            v1.escalation(),
            v1.targets(),
            v1.pay());

    a.storage().policies().save(v2);
    a.advance(at(1));
    b.advance(at(1));

    assertThat(a.policy().versions()).containsExactly(v1, v2);
    assertThat(b.policy().versions()).containsExactly(v1, v2);
    assertThat(b.policyAt(at(6))).isEqualTo(v2);
    assertThat(b.policyAt(at(4))).isEqualTo(v1);
  }

  private Instant at(int hours) {
    return NINE.plus(Duration.ofHours(hours));
  }

  /** A node over its own pool; the first saves {@code directory}, the others load it. */
  private GridGovernance node(TestDatabase db, String name, Optional<Directory> directory) {
    HikariDataSource pool = db.nodePool("shared-" + name, 2);
    pools.add(pool);
    JdbcGridStorage storage =
        JdbcGridStorage.builder(pool)
            .tablePrefix(db.prefix())
            .schemaMode(SchemaMode.VALIDATE)
            .build();
    var builder =
        GridGovernance.builder().storage(storage).policy(Presets.kaixuan()).clock(clock).node(name);
    return directory.map(builder::directory).orElse(builder).build();
  }

  /** Grid 1 of 景芳 with its supervisor alone, who acts for no line. */
  private static Directory withoutUrbanStaff() {
    return Directory.of(
        Divisions.jingfangExample(),
        Roster.of(
            List.of(
                Worker.of(
                    WorkerId.of("w-supervisor"),
                    "supervisor",
                    Set.of(Role.SUPERVISOR),
                    AreaCode.parse("330102011002"),
                    Set.of(GRID)))));
  }
}
