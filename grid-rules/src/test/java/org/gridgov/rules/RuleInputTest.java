package org.gridgov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.gridgov.rules.World.*;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.Step;
import org.gridgov.core.policy.EscalationPolicy;
import org.gridgov.core.policy.QuotaMode;
import org.gridgov.core.policy.ShareRange;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.auth.AuthorizationRule;
import org.gridgov.rules.dispatch.AutoAssignRule;
import org.gridgov.rules.escalation.LevelQuotaRule;
import org.gridgov.rules.escalation.QuotaUsage;
import org.gridgov.rules.escalation.SettlementReport;
import org.gridgov.rules.verification.VerificationRule;
import org.junit.jupiter.api.Test;

/** What the rules refuse as input: another unit's figures, windows that are not positive, nulls. */
class RuleInputTest {
  private static final LevelQuotaRule TENTH =
      new LevelQuotaRule(
          new EscalationPolicy(QuotaMode.HARD, ImmutableMap.of(Level.GRID, new BigDecimal("0.1"))));
  private static final YearMonth MARCH = YearMonth.of(2024, 3);

  @Test
  void levelQuota_usageOfAnotherUnitOrLevel_refusedNotCountedAgainstTheWrongFigures() {
    Incident incident = registered("i", GRID_1);

    InvalidInputException otherGrid =
        catchThrowableOfType(
            InvalidInputException.class,
            () ->
                TENTH.decide(
                    incident,
                    false,
                    new QuotaUsage(GRID_2, Level.GRID, MARCH, 100, 0),
                    CENTRE,
                    at(1),
                    "up"));
    InvalidInputException community =
        catchThrowableOfType(
            InvalidInputException.class,
            () ->
                TENTH.decide(
                    incident,
                    false,
                    new QuotaUsage(COMMUNITY, Level.COMMUNITY, MARCH, 100, 0),
                    CENTRE,
                    at(1),
                    "up"));

    assertThat(otherGrid.violations())
        .extracting(v -> v.path() + " " + v.rule())
        .containsExactly("usage.unit escalation.level-quota");
    assertThat(otherGrid)
        .hasMessageContaining(
            "usage.unit: must be the unit of incident i at"
                + " GRID, 330102011002001, was 330102011002002");
    assertThat(community.violations())
        .extracting(v -> v.path() + " " + v.rule())
        .containsExactly("usage.unit escalation.level-quota", "usage.level escalation.level-quota");
  }

  @Test
  void autoAssignAndVerification_replyWithinMissingOrNotPositive_refusedNamingTheField() {
    Incident incident = registered("i", GRID_1);

    assertThatThrownBy(
            () ->
                AutoAssignRule.decide(
                    incident, roster(), Workload.of(Map.of()), Duration.ofHours(-72), at(25)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("[dispatch.auto-assign] replyWithin must be positive");
    assertThatThrownBy(
            () -> AutoAssignRule.decide(incident, roster(), Workload.of(Map.of()), null, at(25)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("[dispatch.auto-assign] replyWithin must not be null");
    assertThatThrownBy(
            () -> new VerificationRule(2).events(incident, A, false, Duration.ZERO, at(25), "redo"))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("[verification.independent] replyWithin must be positive");
  }

  @Test
  void authorization_noIncidentForAStepOnOne_refusedNamingTheField() {
    assertThatThrownBy(() -> AuthorizationRule.check(Step.CLAIM, Actor(), null, roster()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("[auth.actor] incident must not be null");
    assertThat(AuthorizationRule.check(Step.REPORT, Actor(), null, roster())).isEmpty();
  }

  private static org.gridgov.core.incident.Actor Actor() {
    return org.gridgov.core.incident.Actor.worker(A);
  }

  @Test
  void settlementCounts_totalBeyondALong_refusedNamingTheLevelThatOverflows() {
    Map<Level, Long> counts = new java.util.EnumMap<>(Level.class);
    counts.put(Level.COMMUNITY, Long.MAX_VALUE - 1);
    counts.put(Level.STREET, 2L);
    Map<Level, ShareRange> targets =
        Map.of(Level.STREET, new ShareRange(BigDecimal.ZERO, new BigDecimal("0.15")));

    // before the fix: settled wrapped to -9223372036854775808 and the street's share was
    // reported as -0.0000 of a negative total, its target met
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class, () -> SettlementReport.ofCounts(counts, targets));

    assertThat(e.violations())
        .extracting(v -> v.path() + " " + v.rule())
        .containsExactly("counts.COMMUNITY escalation.settlement");
    assertThat(e)
        .hasMessageContaining(
            "counts.COMMUNITY: the total of the counts up to this"
                + " level must be at most "
                + Long.MAX_VALUE
                + ", was "
                + (Long.MAX_VALUE - 1));
  }

  @Test
  void settlementCounts_gridNegativeOrNull_refusedNamingTheLevelAndRule() {
    Map<Level, Long> counts = new java.util.EnumMap<>(Level.class);
    counts.put(Level.GRID, 1L);
    counts.put(Level.STREET, -1L);
    counts.put(Level.DISTRICT, null);

    // before the fix: an IllegalArgumentException naming the first only, with no rule
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class, () -> SettlementReport.ofCounts(counts, Map.of()));

    assertThat(e.violations())
        .extracting(v -> v.path() + " " + v.rule())
        .containsExactly(
            "counts.DISTRICT escalation.settlement",
            "counts.STREET escalation.settlement",
            "counts.GRID escalation.settlement");
    assertThat(e).hasMessageContaining("counts.STREET: must be at least 0, was -1");
    assertThatThrownBy(() -> SettlementReport.ofCounts(Map.of(), null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[escalation.settlement] targets must not be null");
    assertThatThrownBy(() -> SettlementReport.of(null, Map.of()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[escalation.settlement] incidents must not be null");
    assertThatThrownBy(
            () ->
                SettlementReport.of(
                    java.util.Arrays.asList((org.gridgov.core.incident.Incident) null), Map.of()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[escalation.settlement] incidents[0] must not be null");
  }

  @Test
  void refusal_codeNotUpperSnakeCase_refusedNamingIt() {
    RuleId rule = RuleId.of("custom.rule");

    assertThat(new Refusal(rule, "OVER_LIMIT_2", "incident i").code()).isEqualTo("OVER_LIMIT_2");
    assertThatThrownBy(() -> new Refusal(rule, "overLimit", "incident i"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("refusal of rule custom.rule");
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo("code");
                        assertThat(v.rule()).isEqualTo("input.format");
                        assertThat(v.value()).isEqualTo("overLimit");
                      });
            });
  }
}
