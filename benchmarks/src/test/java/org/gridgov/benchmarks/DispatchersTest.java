package org.gridgov.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.people.Absence;
import org.gridgov.core.people.AbsenceKind;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.rules.Workload;
import org.gridgov.rules.dispatch.Candidates;
import org.gridgov.rules.dispatch.DispatchDecision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rule-engine versions of the auto-assign rule decide exactly as gridgov's {@code
 * AutoAssignRule} does on the benchmark's own incidents, so {@link DispatchBenchmark} compares the
 * same work.
 */
class DispatchersTest {
  private static final int SAMPLE = 600;
  private static Dongcheng district;
  private static Incident[] incidents;

  @BeforeAll
  static void build() {
    district = Dongcheng.build();
    incidents = district.incidents(DispatchBenchmark.INCIDENTS, Dongcheng.SEED + 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"drools", "drools-pooled", "easyrules"})
  void decide_benchmarkIncidents_sameDecisionAsGridgov(String engine) {
    Dispatcher dispatcher = Dispatcher.named(engine);
    Workload workload = district.workload();
    for (int i = 0; i < SAMPLE; i++) {
      Incident incident = incidents[i];
      DispatchDecision expected = decide(Dispatcher.named("gridgov"), incident, workload);
      DispatchDecision actual = decide(dispatcher, incident, workload);
      assertThat(actual).as("%s on %s", engine, incident).isEqualTo(expected);
    }
  }

  @Test
  void sample_coversTiesAbsencesAndEscalations_soTheComparisonMeansSomething() {
    Workload workload = district.workload();
    int assigned = 0;
    int escalated = 0;
    int withAbsent = 0;
    int onlyAbsent = 0;
    int tiedOnLoad = 0;
    for (int i = 0; i < SAMPLE; i++) {
      Incident incident = incidents[i];
      List<Worker> candidates =
          Candidates.eligible(incident, incident.line().orElseThrow(), district.roster());
      DispatchDecision decision = decide(Dispatcher.named("gridgov"), incident, workload);
      assigned += decision instanceof DispatchDecision.Assign ? 1 : 0;
      escalated += decision instanceof DispatchDecision.Escalate ? 1 : 0;
      long absent = candidates.stream().filter(w -> w.isAbsentAt(Dongcheng.NOW)).count();
      withAbsent += absent > 0 ? 1 : 0;
      onlyAbsent += absent > 0 && absent == candidates.size() ? 1 : 0;
      int least =
          candidates.stream()
              .filter(w -> !w.isAbsentAt(Dongcheng.NOW))
              .mapToInt(w -> workload.openCases(w.id()))
              .min()
              .orElse(-1);
      long atLeast =
          candidates.stream()
              .filter(w -> !w.isAbsentAt(Dongcheng.NOW))
              .filter(w -> workload.openCases(w.id()) == least)
              .count();
      tiedOnLoad += atLeast > 1 ? 1 : 0;
    }
    assertThat(assigned).isGreaterThan(SAMPLE / 2);
    assertThat(escalated).isPositive();
    assertThat(withAbsent).isGreaterThan(20);
    assertThat(onlyAbsent).isPositive();
    assertThat(tiedOnLoad).isGreaterThan(20);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gridgov", "drools", "drools-pooled", "easyrules"})
  void decide_presentBeforeAbsentThenFewestOpenThenId_picksTheSameWorker(String engine) {
    Incident incident = incidents[0];
    AreaCode grid = incident.grid();
    Instant now = Dongcheng.NOW;
    Absence away = new Absence(now.minusSeconds(60), now.plusSeconds(60), AbsenceKind.SICK);
    List<Worker> workers =
        new ArrayList<>(
            List.of(
                worker("w-a", grid, incident).withAbsence(away), // absent with no cases
                worker("w-c", grid, incident), // present, 2 cases
                worker("w-b", grid, incident), // present, 2 cases, lower id than w-c
                worker("w-d", grid, incident))); // present, 3 cases
    Workload workload =
        Workload.of(Map.of(WorkerId.of("w-c"), 2, WorkerId.of("w-b"), 2, WorkerId.of("w-d"), 3));

    DispatchDecision decision =
        Dispatcher.named(engine)
            .decide(incident, Roster.of(workers), workload, Duration.ofHours(72), now);

    assertThat(assignee(decision)).contains(WorkerId.of("w-b"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gridgov", "drools", "drools-pooled", "easyrules"})
  void decide_everyCandidateAbsent_picksTheAbsentOneWithFewestOpen(String engine) {
    Incident incident = incidents[0];
    Instant now = Dongcheng.NOW;
    Absence away = new Absence(now.minusSeconds(60), now.plusSeconds(60), AbsenceKind.LEAVE);
    List<Worker> workers =
        List.of(
            worker("w-a", incident.grid(), incident).withAbsence(away),
            worker("w-b", incident.grid(), incident).withAbsence(away));
    Workload workload = Workload.of(Map.of(WorkerId.of("w-a"), 4, WorkerId.of("w-b"), 1));

    DispatchDecision decision =
        Dispatcher.named(engine)
            .decide(incident, Roster.of(workers), workload, Duration.ofHours(72), now);

    assertThat(assignee(decision)).contains(WorkerId.of("w-b"));
  }

  private static Worker worker(String id, AreaCode grid, Incident incident) {
    AreaCode community = AreaCode.parse(grid.value().substring(0, 12));
    return Worker.of(
            WorkerId.of(id), "name-" + id, Set.of(Role.SOCIAL_WORKER), community, Set.of(grid))
        .withLines(Set.of(incident.line().orElseThrow()));
  }

  private static DispatchDecision decide(
      Dispatcher dispatcher, Incident incident, Workload workload) {
    return dispatcher.decide(
        incident, district.roster(), workload, Dongcheng.REPLY_WITHIN, Dongcheng.NOW);
  }

  private static Optional<WorkerId> assignee(DispatchDecision decision) {
    return decision instanceof DispatchDecision.Assign assign
        ? Optional.of(assign.event().assignee())
        : Optional.empty();
  }
}
