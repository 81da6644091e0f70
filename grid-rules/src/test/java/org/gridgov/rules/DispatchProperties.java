package org.gridgov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.rules.World.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.EscalationPolicy;
import org.gridgov.core.policy.QuotaMode;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.dispatch.AutoAssignRule;
import org.gridgov.rules.dispatch.Candidates;
import org.gridgov.rules.dispatch.DispatchDecision;
import org.gridgov.rules.escalation.EscalationDecision;
import org.gridgov.rules.escalation.LevelQuotaRule;
import org.gridgov.rules.escalation.QuotaUsage;

class DispatchProperties {
  private static final List<AreaCode> GRIDS = List.of(GRID_1, GRID_2, GRID_3);
  private static final List<WorkerId> WORKERS = List.of(A, B, C, SUPERVISOR, CADRE);

  @Property(tries = 300)
  void autoAssign_neverBeforeTheWindowEnds_andOnlyToAnEligibleWorker(
      @ForAll @IntRange(min = 0, max = 2) int grid,
      @ForAll @IntRange(min = 0, max = 48) int hour,
      @ForAll @Size(5) List<@IntRange(min = 0, max = 20) Integer> loads) {
    Incident incident = registered("i", GRIDS.get(grid));
    Map<WorkerId, Integer> workload = new HashMap<>();
    for (int i = 0; i < WORKERS.size(); i++) {
      workload.put(WORKERS.get(i), loads.get(i));
    }
    Roster roster = roster();
    Instant now = at(hour);

    DispatchDecision decision =
        AutoAssignRule.decide(incident, roster, Workload.of(workload), Duration.ofHours(72), now);

    if (now.isBefore(incident.claimUntil().orElseThrow())) {
      assertThat(decision).isInstanceOf(DispatchDecision.Wait.class);
    } else if (decision instanceof DispatchDecision.Assign assign) {
      Worker chosen = roster.require(assign.event().assignee());
      assertThat(Candidates.isEligible(chosen, incident, URBAN)).isTrue();
      List<Worker> candidates = Candidates.eligible(incident, URBAN, roster);
      assertThat(candidates)
          .allSatisfy(
              w ->
                  assertThat(workload.get(w.id()))
                      .isGreaterThanOrEqualTo(workload.get(chosen.id())));
    } else {
      assertThat(Candidates.eligible(incident, URBAN, roster)).isEmpty();
      assertThat(decision).isInstanceOf(DispatchDecision.Escalate.class);
    }
  }

  /**
   * Against a plain reference, any number of candidates: present before absent, then fewest open
   * cases, then lowest id (the rule looks at absences only when a candidate could win).
   */
  @Property(tries = 500)
  void autoAssign_choosesPresentThenLightestThenLowestId(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 4) Integer> loads,
      @ForAll @Size(min = 40, max = 40) List<Boolean> away) {
    Instant now = at(24);
    List<Worker> candidates = new java.util.ArrayList<>();
    Map<WorkerId, Integer> workload = new HashMap<>();
    for (int i = 0; i < loads.size(); i++) {
      WorkerId id = WorkerId.of(String.format("w-%02d", (i * 7) % 40));
      Worker worker =
          Worker.of(
                  id,
                  "n",
                  java.util.Set.of(org.gridgov.core.people.Role.ASSISTANT),
                  COMMUNITY,
                  java.util.Set.of(GRID_1))
              .withLines(java.util.Set.of(URBAN));
      candidates.add(
          away.get(i)
              ? worker.withAbsence(
                  new org.gridgov.core.people.Absence(
                      at(0), at(100), org.gridgov.core.people.AbsenceKind.LEAVE))
              : worker);
      workload.put(id, loads.get(i));
    }
    Worker expected =
        candidates.stream()
            .min(
                java.util.Comparator.comparing((Worker w) -> w.isAbsentAt(now))
                    .thenComparing(w -> workload.get(w.id()))
                    .thenComparing(Worker::id))
            .orElseThrow();

    DispatchDecision decision =
        AutoAssignRule.decide(
            registered("i", GRID_1), candidates, Workload.of(workload), Duration.ofHours(72), now);

    assertThat(decision)
        .isInstanceOfSatisfying(
            DispatchDecision.Assign.class,
            assign -> assertThat(assign.event().assignee()).isEqualTo(expected.id()));
  }

  @Property(tries = 300)
  void hardQuota_escalationsNeverExceedQuotaTimesFound(
      @ForAll @Size(max = 300) List<Boolean> foundOrAsk,
      @ForAll @IntRange(min = 1, max = 50) int quotaPercent) {
    BigDecimal quota = BigDecimal.valueOf(quotaPercent, 2);
    LevelQuotaRule rule =
        new LevelQuotaRule(
            new EscalationPolicy(
                QuotaMode.HARD, com.google.common.collect.ImmutableMap.of(Level.GRID, quota)));
    long found = 0;
    long escalated = 0;
    Incident incident = registered("i", GRID_1);
    for (boolean isFound : foundOrAsk) {
      if (isFound) {
        found++;
        continue;
      }
      QuotaUsage usage =
          new QuotaUsage(GRID_1, Level.GRID, YearMonth.of(2024, 3), found, escalated);
      if (rule.decide(incident, false, usage, CENTRE, at(1), "up")
          instanceof EscalationDecision.Allow) {
        escalated++;
      }
      assertThat(BigDecimal.valueOf(escalated))
          .isLessThanOrEqualTo(quota.multiply(BigDecimal.valueOf(found)));
    }
  }
}
