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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.gridgov.core.Directory;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.MarkedOverdue;
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
import org.gridgov.governance.AdvanceResult;
import org.gridgov.governance.GridGovernance;
import org.gridgov.governance.Report;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Several application nodes on one PostgreSQL or MariaDB database: three {@link GridGovernance}
 * instances, each with its own connection pool, take the same incident stream and fire the same
 * timers at once. Every timer fires once, every incident ends with one consistent history, and
 * every node finds every node's cases of the day through {@link GridGovernance#histories}.
 */
class ClusterTest {
  private static final Instant NINE = Instant.parse("2024-03-04T01:00:00Z");
  private static final int NODES = 3;
  private static final int INCIDENTS = 240;
  private final List<HikariDataSource> pools = new ArrayList<>();

  @AfterEach
  void closePools() {
    pools.forEach(HikariDataSource::close);
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#multiNode")
  void nodesOnOneDatabase_everyTimerFiresOnceAndHistoriesAgree(TestDatabase db) throws Exception {
    db.fresh(); // migrated, empty tables under this JVM's prefix
    AtomicReference<Instant> now = new AtomicReference<>(NINE);
    Clock clock =
        new Clock() {
          @Override
          public Instant instant() {
            return now.get();
          }

          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };
    List<GridGovernance> nodes = new ArrayList<>();
    for (int n = 0; n < NODES; n++) {
      JdbcGridStorage storage =
          JdbcGridStorage.builder(pool(db, n))
              .tablePrefix(db.prefix())
              .schemaMode(SchemaMode.VALIDATE)
              .build();
      var builder =
          GridGovernance.builder()
              .storage(storage)
              .policy(Presets.kaixuan())
              .clock(clock)
              .node("node-" + n)
              .batchSize(16);
      nodes.add((n == 0 ? builder.directory(directory()) : builder).build());
    }
    AreaCode grid = AreaCode.of("330102011002001", Level.GRID);
    List<IncidentId> ids = new ArrayList<>();
    for (int i = 0; i < INCIDENTS; i++) {
      GridGovernance via = nodes.get(i % NODES);
      IncidentId id =
          via.report(
                  Report.by(Actor.external("12345"))
                      .source(Source.HOTLINE_12345)
                      .category(CategoryCode.parse("E0402"))
                      .grid(grid)
                      .description("stall")
                      .build())
              .incident()
              .id();
      via.register(Actor.centre("seat-" + i % NODES), id, Optional.empty(), Optional.empty(), "");
      ids.add(id);
    }

    now.set(NINE.plus(Duration.ofHours(24)));
    List<AdvanceResult> assignment = all(nodes, now.get());
    now.set(NINE.plus(Duration.ofHours(24 + 72)));
    List<AdvanceResult> deadlines = all(nodes, now.get());

    assertThat(assignment.stream().mapToInt(AdvanceResult::assigned).sum()).isEqualTo(INCIDENTS);
    assertThat(deadlines.stream().mapToInt(AdvanceResult::overdue).sum()).isEqualTo(INCIDENTS);
    assertThat(assignment)
        .as("the work was shared")
        .filteredOn(r -> r.assigned() > 0)
        .hasSizeGreaterThan(1);
    for (IncidentId id : ids) {
      List<IncidentEvent> history = nodes.get(0).history(id);
      assertThat(history).filteredOn(e -> e instanceof IncidentAssigned).hasSize(1);
      assertThat(history).filteredOn(e -> e instanceof MarkedOverdue).hasSize(1);
      Incident stored = nodes.get(1).require(id);
      assertThat(Incident.replay(history)).isEqualTo(stored);
    }
    for (GridGovernance node : nodes) {
      List<List<IncidentEvent>> day = new ArrayList<>();
      node.histories(NINE, NINE.plus(Duration.ofDays(1))).forEach(day::add);
      assertThat(day)
          .as("every node reads every node's cases of the day, whole")
          .extracting(history -> history.get(0).incident())
          .containsExactlyElementsOf(ids.stream().sorted().toList());
      assertThat(day)
          .allSatisfy(
              history -> assertThat(history).hasSize(4).last().isInstanceOf(MarkedOverdue.class));
    }
  }

  private static List<AdvanceResult> all(List<GridGovernance> nodes, Instant at) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
    try {
      List<Callable<AdvanceResult>> tasks = new ArrayList<>();
      nodes.forEach(node -> tasks.add(() -> node.advance(at)));
      List<AdvanceResult> results = new ArrayList<>();
      for (Future<AdvanceResult> f : pool.invokeAll(tasks)) {
        results.add(f.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }

  private HikariDataSource pool(TestDatabase db, int node) {
    HikariDataSource pool = db.nodePool("cluster-node-" + node, 3);
    pools.add(pool);
    return pool;
  }

  private static Directory directory() {
    List<Worker> workers = new ArrayList<>();
    AreaCode grid = AreaCode.of("330102011002001", Level.GRID);
    for (int w = 1; w <= 4; w++) {
      workers.add(
          Worker.of(
                  WorkerId.of("w-" + w),
                  "worker " + w,
                  Set.of(Role.SOCIAL_WORKER),
                  AreaCode.parse("330102011002"),
                  Set.of(grid))
              .withLines(Set.of(LineId.of("urban-management"))));
    }
    return Directory.of(Divisions.jingfangExample(), Roster.of(workers));
  }
}
