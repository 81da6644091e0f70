package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gridgov.simulation.SimulationTest.KAIXUAN;
import static org.gridgov.simulation.SimulationTest.week;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.StaffingTemplates;
import org.gridgov.core.policy.DispatchPolicy;
import org.gridgov.core.policy.EscalationPolicy;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.territory.Level;
import org.gridgov.scoring.policy.GradedPayPolicy;
import org.gridgov.scoring.policy.PayScheme;
import org.gridgov.scoring.policy.ScoringPolicy;
import org.gridgov.scoring.policy.ScoringPolicyLoader;
import org.gridgov.scoring.policy.ScoringPresets;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/**
 * The research API: policy A against policy B on one seed. Everything the policy does not decide
 * (arrivals, where they land, who refuses a report) is drawn alike for both, so the difference is
 * the policy's.
 */
class ComparisonTest {
  /** Kaixuan's preset with another self-claim window. */
  static PolicySet claimWindow(Duration window) {
    PolicySet k = Presets.kaixuan();
    DispatchPolicy d = k.dispatch();
    return new PolicySet(
        k.id() + "-" + window.toHours() + "h",
        k.version(),
        k.effectiveFrom(),
        k.zone(),
        k.source(),
        new DispatchPolicy(window, d.replyWithin(), d.supervisionAfter(), d.categoryDeadlines()),
        k.returns(),
        k.verification(),
        k.escalation(),
        k.targets(),
        k.pay());
  }

  private static Map<String, Long> receivedByGrid(SimulationResult result) {
    return result.gridScores().stream()
        .collect(Collectors.toMap(UnitScore::id, UnitScore::received));
  }

  @Test
  void twelveAgainstTwentyFourHourWindow_lessSelfClaiming_onTheSameArrivalsAndRefusals() {
    Comparison c =
        Comparison.run(
            KAIXUAN,
            week(),
            claimWindow(Duration.ofHours(12)),
            Presets.kaixuan(),
            InMemoryGridStorage::create);

    assertThat(c.a().selfClaimRate()).isLessThan(c.b().selfClaimRate());
    assertThat(c.a().reported()).isEqualTo(c.b().reported());
    assertThat(c.a().rejected())
        .as("refusing a report is not the policy's")
        .isEqualTo(c.b().rejected());
    assertThat(receivedByGrid(c.a()))
        .as("where reports land is not the policy's")
        .isEqualTo(receivedByGrid(c.b()));
    assertThat(c.rows()).anySatisfy(row -> assertThat(row.delta().getAsDouble()).isNotZero());
    assertThat(c.row("self-claim rate").delta())
        .hasValue(c.b().selfClaimRate() - c.a().selfClaimRate());
    assertThatThrownBy(() -> c.row("happiness"))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith("[simulation.comparison] indicator must be one of [reported,")
        .hasMessageEndingWith("pay spread p90 − p10 (yuan)], was happiness");
  }

  /** Kaixuan's preset with every level's escalation quota replaced by {@code share}. */
  static PolicySet quota(BigDecimal share) {
    PolicySet k = Presets.kaixuan();
    EscalationPolicy e = k.escalation();
    ImmutableMap.Builder<Level, BigDecimal> quota = ImmutableMap.builder();
    e.quota().keySet().forEach(level -> quota.put(level, share));
    return new PolicySet(
        k.id() + "-quota-" + share.stripTrailingZeros().toPlainString(),
        k.version(),
        k.effectiveFrom(),
        k.zone(),
        k.source(),
        k.dispatch(),
        k.returns(),
        k.verification(),
        new EscalationPolicy(e.mode(), quota.build(), e.authority()),
        k.targets(),
        k.pay());
  }

  @Test
  void oneTenthAgainstOneTwentiethQuota_moreRefusedAndFewerPassedUp_onEverySeed() {
    PolicySet twentieth = quota(new BigDecimal("0.05"));
    assertThat(Presets.kaixuan().escalation().quota().values())
        .as("the preset's quota is one tenth")
        .containsOnly(new BigDecimal("0.1"));

    Replications study =
        Replications.run(
            KAIXUAN, month(), Presets.kaixuan(), twentieth, InMemoryGridStorage::create, 3, 2);

    for (int i = 0; i < study.seeds().size(); i++) {
      Comparison.Row refused = study.row(i, "escalations refused by quota");
      Comparison.Row passedUp = study.row(i, "escalated by choice");
      assertThat(refused.b().getAsDouble())
          .as("seed %d", i)
          .isGreaterThan(refused.a().getAsDouble());
      assertThat(passedUp.b().getAsDouble())
          .as("seed %d", i)
          .isLessThan(passedUp.a().getAsDouble());
    }
    SimulationResult first = study.first().a();
    assertThat(study.row(0, "escalations refused by quota").a())
        .hasValue(first.refused("QUOTA_EXHAUSTED"));
    assertThat(study.row(0, "escalated by choice").a())
        .hasValue(first.escalated(EscalationKind.REQUESTED));
    assertThat(study.estimate("escalations refused by quota").low().getAsDouble()).isPositive();
    assertThat(study.estimate("escalated by choice").high().getAsDouble()).isNegative();
    Comparison.Row community = study.first().row("community settlement rate");
    SimulationResult a = study.first().a();
    assertThat(community.a().getAsDouble())
        .isCloseTo(
            (double) a.settlement().counts().getOrDefault(Level.COMMUNITY, 0L)
                / a.settlement().settled(),
            within(1e-12));
  }

  @Test
  void exampleFiles_thePresetChangedInTheOneFieldTheirNamesSay() {
    PolicySet twelve = PolicyLoader.fromPath(Path.of("examples/kaixuan-12h.yaml"));
    PolicySet twentieth = PolicyLoader.fromPath(Path.of("examples/kaixuan-quota-1-20.yaml"));

    assertThat(twelve)
        .usingRecursiveComparison()
        .ignoringFields("source")
        .isEqualTo(claimWindow(Duration.ofHours(12)));
    assertThat(twentieth)
        .usingRecursiveComparison()
        .ignoringFields("id", "source")
        .isEqualTo(quota(new BigDecimal("0.05")));
    assertThat(twentieth.id()).isEqualTo("kaixuan-quota-1-20");
    ScoringPolicy graded20 =
        ScoringPolicyLoader.fromPath(Path.of("examples/kaixuan-scoring-graded-20.yaml"));
    assertThat(graded20)
        .usingRecursiveComparison()
        .ignoringFields("id", "source")
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(gradedShare("0.20"));
    assertThat(graded20.id()).isEqualTo("kaixuan-graded-20");
  }

  /** Four weeks of Kaixuan street at the 12345 request rate: enough passing up to meet a quota. */
  private static SimulationConfig month() {
    return SimulationConfig.defaults()
        .withPeriod(java.time.LocalDate.of(2024, 3, 4), 28)
        .withArrivals(Arrivals.defaults().withRate(6.2));
  }

  /** Kaixuan's scoring with another graded share of the base salary (its 40 % by default). */
  static ScoringPolicy gradedShare(String share) {
    ScoringPolicy k = ScoringPresets.kaixuan();
    GradedPayPolicy graded = k.pay().orElseThrow().graded().orElseThrow();
    return ScoringPolicyLoader.validate(
        new ScoringPolicy(
            k.id() + "-graded-" + share,
            k.version(),
            k.source(),
            k.indicators(),
            k.score(),
            k.threeRates(),
            k.team(),
            Optional.of(
                new PayScheme(
                    Optional.of(new GradedPayPolicy(new BigDecimal(share), graded.tiers())),
                    Optional.empty(),
                    Optional.empty())),
            k.points(),
            k.duties()));
  }

  @Test
  void aDifferentPayWeighting_paysTheVeryCasesDifferently() {
    Scenario forty = new Scenario(week(), Presets.kaixuan());
    Scenario twenty = new Scenario(week().withScoring(gradedShare("0.20")), Presets.kaixuan());

    Comparison c = Comparison.run(KAIXUAN, forty, twenty, InMemoryGridStorage::create);

    assertThat(c.rows())
        .filteredOn(row -> !row.indicator().startsWith("pay "))
        .as("scoring does not change what happens")
        .allSatisfy(row -> assertThat(row.delta()).as(row.indicator()).hasValue(0));
    assertThat(c.b().scores())
        .allSatisfy(month -> assertThat(month.scoringPolicy()).isEqualTo("kaixuan-graded-0.20 v1"));
    assertThat(c.rows())
        .extracting(Comparison.Row::indicator)
        .as("the headline indicators, in order")
        .containsExactlyElementsOf(Comparison.indicators());
    // one policy scored by two: each side named by its scoring too, as the report tells them apart
    assertThat(c.labelA()).isEqualTo("kaixuan v1, scored by kaixuan v1");
    assertThat(c.labelB()).isEqualTo("kaixuan v1, scored by kaixuan-graded-0.20 v1");
    // the same scores in the same tiers: each worker's pay above or below the fixed part is
    // half as far from it, so the spread between the best and the worst paid halves
    Comparison.Row spread = c.row("pay spread p90 − p10 (yuan)");
    assertThat(spread.a().getAsDouble()).isPositive();
    assertThat(spread.b().getAsDouble()).isCloseTo(spread.a().getAsDouble() / 2, within(0.02));
    long workers = c.a().scores().get(0).pay().orElseThrow().lines().size();
    double base =
        c.a().scores().get(0).pay().orElseThrow().lines().stream()
                .mapToLong(line -> line.fixed().fen())
                .sum()
            / 100.0
            / (1 - 0.40);
    Comparison.Row total = c.row("pay total (yuan)");
    assertThat(total.b().getAsDouble() - base)
        .isCloseTo((total.a().getAsDouble() - base) / 2, within(0.01 * workers));
  }

  /**
   * The README's way to study Dongcheng's settlement target: grid managers who also act for a
   * street line (market regulation) settle its cases in the community, on the very same arrivals.
   */
  @Test
  void anotherSetup_gridManagersTakingAStreetLine_settleMoreInTheCommunity() {
    Staffing staffing = week().staffing();
    Map<Role, ImmutableSet<LineId>> lines = new LinkedHashMap<>(staffing.roleLines());
    lines.put(
        Role.GRID_MANAGER,
        ImmutableSet.<LineId>builder()
            .addAll(lines.get(Role.GRID_MANAGER))
            .add(LineId.of("market-regulation"))
            .build());
    Scenario plain = new Scenario(week(), Presets.kaixuan());
    Scenario gridMarket =
        new Scenario(
            week().withSetup("grid-market").withStaffing(staffing.withRoleLines(lines)),
            Presets.kaixuan());

    Comparison c = Comparison.run(KAIXUAN, plain, gridMarket, InMemoryGridStorage::create);

    assertThat(c.labelA()).isEqualTo("kaixuan v1, setup default");
    assertThat(c.labelB()).isEqualTo("kaixuan v1, setup grid-market");
    assertThat(c.b().setup()).isEqualTo("grid-market");
    assertThat(c.row("reported").delta()).as("the same arrivals").hasValue(0);
    assertThat(c.row("community settlement rate").delta().getAsDouble()).isPositive();
    assertThat(c.row("street settlement rate").delta().getAsDouble()).isNegative();
    assertThat(c.b().escalations().get(EscalationKind.NO_ELIGIBLE_WORKER))
        .isLessThan(c.a().escalations().get(EscalationKind.NO_ELIGIBLE_WORKER));
  }

  @Test
  void payingTheRolesSecondedToTheGridToo_paysMoreForTheVerySameCases() {
    Staffing staffing = week().staffing();
    Set<Role> everyGridRole = new java.util.HashSet<>();
    StaffingTemplates.all().stream()
        .filter(t -> t.id().equals(staffing.template()))
        .flatMap(t -> t.requirements().stream())
        .forEach(r -> everyGridRole.add(r.role()));
    Scenario own = new Scenario(week(), Presets.kaixuan());
    Scenario all =
        new Scenario(week().withPaidRoles(everyGridRole).withSetup("all-paid"), Presets.kaixuan());

    Comparison c = Comparison.run(KAIXUAN, own, all, InMemoryGridStorage::create);

    assertThat(c.rows())
        .filteredOn(row -> !row.indicator().startsWith("pay "))
        .allSatisfy(row -> assertThat(row.delta()).as(row.indicator()).hasValue(0));
    int ownPaid = c.a().scores().get(0).pay().orElseThrow().lines().size();
    int allPaid = c.b().scores().get(0).pay().orElseThrow().lines().size();
    assertThat(allPaid).isGreaterThan(2 * ownPaid);
    assertThat(c.row("pay total (yuan)").delta().getAsDouble()).isPositive();
  }

  @Test
  void scenariosOnAnotherSeedOrOtherDays_refused() {
    Scenario a = new Scenario(week(), Presets.kaixuan());

    assertThatThrownBy(
            () ->
                Comparison.run(
                    KAIXUAN,
                    a,
                    new Scenario(week().withSeed(7), Presets.kaixuan()),
                    InMemoryGridStorage::create))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.comparison] b must run on a's seed and days to be compared with"
                + " it: seed 42, 7 days from 2024-03-04 in Asia/Shanghai, was seed 7, 7 days from"
                + " 2024-03-04 in Asia/Shanghai");
    assertThatThrownBy(
            () ->
                Comparison.run(
                    KAIXUAN,
                    a,
                    new Scenario(
                        week().withPeriod(java.time.LocalDate.of(2024, 3, 4), 8),
                        Presets.kaixuan()),
                    InMemoryGridStorage::create))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageEndingWith("was seed 42, 8 days from 2024-03-04 in Asia/Shanghai");
    assertThatThrownBy(() -> Comparison.run(KAIXUAN, a, null, InMemoryGridStorage::create))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.comparison] b must not be null");
    assertThatThrownBy(() -> new Scenario(week(), null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.comparison] policy must not be null");
  }
}
