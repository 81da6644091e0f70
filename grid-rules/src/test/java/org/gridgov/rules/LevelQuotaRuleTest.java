package org.gridgov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.rules.World.*;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.policy.EscalationPolicy;
import org.gridgov.core.policy.QuotaMode;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.escalation.EscalationDecision;
import org.gridgov.rules.escalation.LevelQuotaRule;
import org.gridgov.rules.escalation.QuotaUsage;
import org.gridgov.rules.escalation.ReportingUnit;
import org.gridgov.rules.timer.OverdueRule;
import org.junit.jupiter.api.Test;

class LevelQuotaRuleTest {
  private static final YearMonth MARCH = YearMonth.of(2024, 3);

  private static LevelQuotaRule rule(QuotaMode mode) {
    return new LevelQuotaRule(
        new EscalationPolicy(
            mode,
            ImmutableMap.of(
                Level.GRID, new BigDecimal("0.1"), Level.COMMUNITY, new BigDecimal("0.1"))));
  }

  private static QuotaUsage usage(long found, long escalated) {
    return new QuotaUsage(GRID_1, Level.GRID, MARCH, found, escalated);
  }

  @Test
  void limit_isFloorOfQuotaTimesFound() {
    assertThat(rule(QuotaMode.HARD).limit(Level.GRID, 100)).isEqualTo(10);
    assertThat(rule(QuotaMode.HARD).limit(Level.GRID, 99)).isEqualTo(9);
    assertThat(rule(QuotaMode.HARD).limit(Level.GRID, 9)).isZero();
    assertThat(rule(QuotaMode.HARD).limit(Level.STREET, 100))
        .as("no quota at STREET")
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void decide_hardQuotaTenthOfHundred_tenthPassesEleventhRefusedWithFigures() {
    Incident incident = registered("i", GRID_1);

    EscalationDecision tenth =
        rule(QuotaMode.HARD)
            .decide(incident, false, usage(100, 9), CENTRE, at(1), "beyond the grid");
    EscalationDecision eleventh =
        rule(QuotaMode.HARD)
            .decide(incident, false, usage(100, 10), CENTRE, at(1), "beyond the grid");

    assertThat(tenth).isInstanceOf(EscalationDecision.Allow.class);
    assertThat(((EscalationDecision.Allow) tenth).event().to()).isEqualTo(Level.COMMUNITY);
    assertThat(((EscalationDecision.Allow) tenth).event().overQuota()).isFalse();
    EscalationDecision.Refuse refused = (EscalationDecision.Refuse) eleventh;
    assertThat(refused.refusal().code()).isEqualTo("QUOTA_EXHAUSTED");
    assertThat(refused.refusal().message())
        .contains("GRID 330102011002001 found 100 and escalated 10 in 2024-03")
        .contains("quota 0.1 allows 10 (HARD)");
    assertThat(refused.events()).isEmpty();
  }

  @Test
  void decide_softQuotaExceeded_allowsAndFlags() {
    EscalationDecision.Allow allow =
        (EscalationDecision.Allow)
            rule(QuotaMode.SOFT)
                .decide(
                    registered("i", GRID_1),
                    false,
                    usage(100, 10),
                    CENTRE,
                    at(1),
                    "beyond the grid");

    assertThat(allow.event().overQuota()).isTrue();
    assertThat(allow.event().kind()).isEqualTo(EscalationKind.REQUESTED);
    assertThat(allow.event().reason()).contains("[over quota:");
  }

  @Test
  void decide_emergency_passesEitherWayAndIsNotCounted() {
    for (QuotaMode mode : QuotaMode.values()) {
      EscalationDecision.Allow allow =
          (EscalationDecision.Allow)
              rule(mode).decide(registered("i", GRID_1), true, usage(1, 50), CENTRE, at(1), "fire");
      assertThat(allow.event().kind()).isEqualTo(EscalationKind.EMERGENCY);
      assertThat(allow.event().overQuota()).isFalse();
    }
  }

  @Test
  void decide_caseItsLevelMayNotClose_passesEitherWayAsOutsideAuthorityAndIsNotCounted() {
    for (QuotaMode mode : QuotaMode.values()) {
      LevelQuotaRule narrowed =
          new LevelQuotaRule(
              new EscalationPolicy(
                  mode,
                  ImmutableMap.of(Level.GRID, new BigDecimal("0.1")),
                  ImmutableMap.of(Level.GRID, com.google.common.collect.ImmutableSet.of("P99"))));

      EscalationDecision.Allow allow =
          (EscalationDecision.Allow)
              narrowed.decide(
                  registered("i", GRID_1), false, usage(1, 50), CENTRE, at(1), "may not close it");

      assertThat(allow.event().kind()).isEqualTo(EscalationKind.OUTSIDE_AUTHORITY);
      assertThat(allow.event().overQuota()).isFalse();
      assertThat(allow.event().reason()).isEqualTo("may not close it");
    }
  }

  @Test
  void decide_atDistrict_refusedAsTopLevel() {
    Incident incident = registered("i", GRID_1);
    for (Level up : new Level[] {Level.COMMUNITY, Level.STREET, Level.DISTRICT}) {
      incident =
          incident.apply(
              ((EscalationDecision.Allow)
                      new LevelQuotaRule(new EscalationPolicy(QuotaMode.HARD, ImmutableMap.of()))
                          .decide(incident, false, usage(0, 0), CENTRE, at(1), "up"))
                  .event());
      assertThat(incident.level()).isEqualTo(up);
    }

    EscalationDecision top =
        rule(QuotaMode.HARD).decide(incident, true, usage(1, 0), CENTRE, at(2), "up");

    assertThat(((EscalationDecision.Refuse) top).refusal().code()).isEqualTo("TOP_LEVEL");
  }

  @Test
  void reportingUnit_derivesAncestorsFromTheGridCode() {
    assertThat(ReportingUnit.of(GRID_1, Level.COMMUNITY).value()).isEqualTo("330102011002");
    assertThat(ReportingUnit.of(GRID_1, Level.STREET).value()).isEqualTo("330102011");
    assertThat(ReportingUnit.of(GRID_1, Level.DISTRICT).value()).isEqualTo("330102");
    assertThat(ReportingUnit.of(GRID_1, Level.GRID)).isEqualTo(GRID_1);
    assertThatThrownBy(() -> ReportingUnit.of(GRID_1, Level.CITY))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("reporting unit of 330102011002001");
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo("level");
                        assertThat(v.rule()).isEqualTo("input.range");
                        assertThat(v.value()).isEqualTo("CITY");
                      });
            });
  }

  @Test
  void ruleConfiguration_negativeDuration_namesRuleAndField() {
    assertThatThrownBy(() -> new OverdueRule(java.time.Duration.ofHours(-1)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[timer.overdue] supervisionAfter must be positive, was PT-1H");
  }

  @Test
  void decide_softOverQuota_noteKeptUpToTheEventsTextLimitAndDroppedBeyondIt() {
    LevelQuotaRule soft = rule(QuotaMode.SOFT);
    Incident incident = registered("i", GRID_1);
    String note =
        ((EscalationDecision.Allow) soft.decide(incident, false, usage(100, 10), CENTRE, at(1), ""))
            .event()
            .reason();
    assertThat(note).startsWith(" [over quota: ").endsWith("]");
    String fits = "x".repeat(IncidentEvent.MAX_TEXT - note.length());
    String tooLong = fits + "x";

    EscalationDecision.Allow exactly =
        (EscalationDecision.Allow)
            soft.decide(incident, false, usage(100, 10), CENTRE, at(1), fits);
    EscalationDecision.Allow beyond =
        (EscalationDecision.Allow)
            soft.decide(incident, false, usage(100, 10), CENTRE, at(1), tooLong);

    assertThat(exactly.event().reason())
        .as("reason and note fill the text exactly")
        .isEqualTo(fits + note)
        .hasSize(IncidentEvent.MAX_TEXT);
    assertThat(beyond.event().reason()).as("the flag alone records the excess").isEqualTo(tooLong);
    assertThat(beyond.event().overQuota()).isTrue();

    String rare = new String(Character.toChars(0x20BB7)); // 𠮷: one character, two Java chars
    String rareFits = rare.repeat(IncidentEvent.MAX_TEXT - note.length());
    EscalationDecision.Allow rareExactly =
        (EscalationDecision.Allow)
            soft.decide(incident, false, usage(100, 10), CENTRE, at(1), rareFits);
    assertThat(rareExactly.event().reason())
        .as("the limit counts characters, not Java chars")
        .isEqualTo(rareFits + note);
  }

  @Test
  void decide_withinQuota_reasonUnchanged() {
    EscalationDecision.Allow allow =
        (EscalationDecision.Allow)
            rule(QuotaMode.SOFT)
                .decide(
                    registered("i", GRID_1),
                    false,
                    usage(100, 9),
                    CENTRE,
                    at(1),
                    "beyond the grid");

    assertThat(allow.event().reason()).isEqualTo("beyond the grid");
    assertThat(allow.event().overQuota()).isFalse();
    assertThat(allow.events()).containsExactly(allow.event());
  }

  @Test
  void quotaUsage_counterKey_levelUnitAndMonth() {
    assertThat(usage(100, 9).counterKey()).isEqualTo("escalation:GRID:330102011002001:2024-03");
    assertThat(QuotaUsage.counterKey(COMMUNITY, Level.COMMUNITY, MARCH))
        .isEqualTo("escalation:COMMUNITY:330102011002:2024-03");
  }

  @Test
  void quotaUsage_negativeFigures_refused() {
    assertThatThrownBy(() -> new QuotaUsage(GRID_1, Level.GRID, MARCH, -1, 0))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("quota usage of GRID 330102011002001 in 2024-03");
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo("found");
                        assertThat(v.rule()).isEqualTo("input.range");
                        assertThat(v.value()).isEqualTo("-1");
                      });
            });
    assertThatThrownBy(() -> new QuotaUsage(GRID_1, Level.GRID, MARCH, 0, -1))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.path()).isEqualTo("escalated");
                          assertThat(v.rule()).isEqualTo("input.range");
                        }));
    assertThatThrownBy(() -> new QuotaUsage(GRID_1, Level.GRID, MARCH, -1, -2))
        .as("both at once")
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.path() + " " + v.rule() + " " + v.value())
                    .containsExactly("found input.range -1", "escalated input.range -2"));
  }

  @Test
  void decide_usageOfTheRightUnitAtAnotherLevel_refusedAtTheLevelOnly() {
    org.gridgov.core.InvalidInputException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            org.gridgov.core.InvalidInputException.class,
            () ->
                rule(QuotaMode.HARD)
                    .decide(
                        registered("i", GRID_1),
                        false,
                        new QuotaUsage(GRID_1, Level.COMMUNITY, MARCH, 100, 0),
                        CENTRE,
                        at(1),
                        "up"));

    assertThat(e).isNotNull();
    assertThat(e.violations()).extracting(v -> v.path()).containsExactly("usage.level");
  }
}
