package org.gridgov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.rules.World.*;

import java.time.YearMonth;
import java.util.Map;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.escalation.EscalationDecision;
import org.gridgov.rules.escalation.LevelQuotaRule;
import org.gridgov.rules.escalation.QuotaUsage;
import org.gridgov.rules.escalation.ReportingUnit;
import org.gridgov.rules.escalation.SettlementReport;
import org.junit.jupiter.api.Test;

/**
 * The figures the source documents ({@code /work/shared/seeds/}, cited as file:line) state about
 * the case loop, checked against the shipped presets as the rules apply them. Figures a preset
 * marks [assumed] are not the seeds' and are not checked here.
 */
class SeedLoopFiguresTest {
  private static final YearMonth MARCH = YearMonth.of(2024, 3);

  /** The registered grid-1 case, passed up by hand (outside any quota) to {@code level}. */
  private static Incident handledAt(Level level) {
    Incident incident = registered("i", GRID_1);
    while (incident.level() != level) {
      Level from = incident.level();
      incident =
          incident.apply(
              new IncidentEscalated(
                  incident.id(),
                  CENTRE,
                  at(1),
                  "setting up",
                  from,
                  from.up().orElseThrow(),
                  EscalationKind.EMERGENCY,
                  false,
                  at(1)));
    }
    return incident;
  }

  private static EscalationDecision decide(Level level, long found, long escalated) {
    Incident incident = handledAt(level);
    QuotaUsage usage =
        new QuotaUsage(ReportingUnit.of(GRID_1, level), level, MARCH, found, escalated);
    return new LevelQuotaRule(Presets.kaixuan().escalation())
        .decide(incident, false, usage, CENTRE, at(2), "beyond this level");
  }

  /**
   * 000_b0e606dbe0f192d4.txt:27 "搭建问题处置网格、社区、街道三级平台,处置问题以本级为主,上交上级的问题量不得超过所发现问题总量的十分之一": at each of
   * the three platforms, what a unit passes up may not exceed a tenth of what it found. Reaching
   * exactly a tenth is allowed ("不得超过"), one more is refused; a unit that found fewer than ten
   * passes nothing up by choice. The district, above the three platforms, has no quota.
   */
  @Test
  void kaixuan_oneInTen_atGridCommunityAndStreet_aTenthOfWhatTheUnitFoundAndNoMore() {
    LevelQuotaRule kaixuan = new LevelQuotaRule(Presets.kaixuan().escalation());
    for (Level level : new Level[] {Level.GRID, Level.COMMUNITY, Level.STREET}) {
      assertThat(kaixuan.limit(level, 9)).as("%s, 9 found", level).isZero();
      assertThat(kaixuan.limit(level, 10)).as("%s, 10 found", level).isEqualTo(1);
      assertThat(kaixuan.limit(level, 29)).as("%s, 29 found", level).isEqualTo(2);

      EscalationDecision secondOfTwenty = decide(level, 20, 1);
      EscalationDecision thirdOfTwenty = decide(level, 20, 2);
      EscalationDecision firstOfNine = decide(level, 9, 0);

      assertThat(secondOfTwenty)
          .as("%s: 2 of 20 is a tenth exactly", level)
          .isInstanceOfSatisfying(
              EscalationDecision.Allow.class,
              allow -> {
                assertThat(allow.event().from()).isEqualTo(level);
                assertThat(allow.event().to()).isEqualTo(level.up().orElseThrow());
                assertThat(allow.event().kind()).isEqualTo(EscalationKind.REQUESTED);
                assertThat(allow.event().overQuota()).isFalse();
              });
      assertThat(thirdOfTwenty)
          .as("%s: 3 of 20 exceeds a tenth", level)
          .isInstanceOfSatisfying(
              EscalationDecision.Refuse.class,
              refuse -> assertThat(refuse.refusal().code()).isEqualTo("QUOTA_EXHAUSTED"));
      assertThat(firstOfNine)
          .as("%s: 1 of 9 exceeds a tenth", level)
          .isInstanceOfSatisfying(
              EscalationDecision.Refuse.class,
              refuse -> assertThat(refuse.refusal().code()).isEqualTo("QUOTA_EXHAUSTED"));
    }
    assertThat(Presets.kaixuan().escalation().quotaFor(Level.DISTRICT)).isEmpty();
  }

  /**
   * 001_01bab3a67fe6b5ad.txt:28 "群众问题80%―85%在社区解决,10%―15%通过街道解决,不超过5%上报区里", with "小事调解不出网格" (the
   * grid's settlements are the community's): each end of each range is within the Dongcheng
   * preset's targets, and one case beyond it is not.
   */
  @Test
  void dongcheng_settlementSplit_eachEndWithinTheTargets_oneCaseBeyondItNot() {
    Map<Level, org.gridgov.core.policy.ShareRange> targets = Presets.dongcheng().targets();

    assertThat(
            SettlementReport.ofCounts(
                    Map.of(Level.COMMUNITY, 80L, Level.STREET, 15L, Level.DISTRICT, 5L), targets)
                .allTargetsMet())
        .as("80 / 15 / 5")
        .isTrue();
    assertThat(
            SettlementReport.ofCounts(
                    Map.of(Level.COMMUNITY, 85L, Level.STREET, 10L, Level.DISTRICT, 5L), targets)
                .allTargetsMet())
        .as("85 / 10 / 5")
        .isTrue();
    assertThat(
            SettlementReport.ofCounts(
                    Map.of(Level.COMMUNITY, 85L, Level.STREET, 15L, Level.DISTRICT, 0L), targets)
                .allTargetsMet())
        .as("85 / 15 / 0: nothing reported to the district is within at most 5 %")
        .isTrue();
    assertThat(
            SettlementReport.ofCounts(
                    Map.of(Level.COMMUNITY, 80L, Level.STREET, 14L, Level.DISTRICT, 6L), targets)
                .checks())
        .extracting(c -> c.level() + "=" + c.met())
        .as("6 % reported to the district")
        .containsExactly("DISTRICT=false", "STREET=true", "COMMUNITY=true");
    assertThat(
            SettlementReport.ofCounts(
                    Map.of(Level.COMMUNITY, 79L, Level.STREET, 16L, Level.DISTRICT, 5L), targets)
                .checks())
        .extracting(c -> c.level() + "=" + c.met())
        .containsExactly("DISTRICT=true", "STREET=false", "COMMUNITY=false");
    assertThat(
            SettlementReport.ofCounts(
                    Map.of(Level.COMMUNITY, 86L, Level.STREET, 9L, Level.DISTRICT, 5L), targets)
                .checks())
        .extracting(c -> c.level() + "=" + c.met())
        .containsExactly("DISTRICT=true", "STREET=false", "COMMUNITY=false");
  }
}
