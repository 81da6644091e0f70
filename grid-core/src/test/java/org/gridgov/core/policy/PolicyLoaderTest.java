package org.gridgov.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.core.policy.TimeLimit.Grade.NORMAL;
import static org.gridgov.core.territory.AreaKind.URBAN;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Money;
import org.gridgov.core.Violation;
import org.gridgov.core.category.CategoryCatalogue;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {
  private static final String YAML =
      String.join(
          "\n",
          "id: test",
          "version: 2",
          "effectiveFrom: 2015-01-01T00:00:00+08:00",
          "zone: Asia/Shanghai",
          "source: test",
          "dispatch:",
          "  claimWindow: 24h",
          "  replyWithin: PT72H",
          "  supervisionAfter: 1d",
          "  categoryDeadlines: { E0501: 2h }",
          "returns: { bounceLimit: 2 }",
          "verification: { maxReworks: 3 }",
          "escalation:",
          "  mode: HARD",
          "  quota: { GRID: 0.1, STREET: 0.10 }",
          "targets:",
          "  COMMUNITY: { min: 0.80, max: 0.85 }",
          "pay:",
          "  gradedPayShare: 0.4",
          "  pieceRates: { qualityReport: 5.00, majorEventMin: 300, majorEventMax: 500.00 }",
          "  allowance: { monthly: 500, basicShare: 0.4, assessedShare: 0.6 }",
          "");
  private static final String JSON =
      "{\"id\":\"test\",\"version\":2,\"effectiveFrom\":\"2015-01-01T00:00:00+08:00\","
          + "\"zone\":\"Asia/Shanghai\",\"source\":\"test\","
          + "\"dispatch\":{\"claimWindow\":\"PT24H\",\"replyWithin\":\"72h\",\"supervisionAfter\":\"24h\","
          + "\"categoryDeadlines\":{\"E0501\":\"120m\"}},"
          + "\"returns\":{\"bounceLimit\":2},\"verification\":{\"maxReworks\":3},"
          + "\"escalation\":{\"mode\":\"HARD\",\"quota\":{\"GRID\":0.10,\"STREET\":0.1}},"
          + "\"targets\":{\"COMMUNITY\":{\"min\":0.8,\"max\":0.85}},"
          + "\"pay\":{\"gradedPayShare\":0.40,\"pieceRates\":{\"qualityReport\":5,\"majorEventMin\":300,"
          + "\"majorEventMax\":500},\"allowance\":{\"monthly\":500.00,\"basicShare\":0.40,\"assessedShare\":0.60}}}";

  private static List<String> violations(String yaml) {
    try {
      PolicyLoader.fromYaml(new StringReader(yaml), "bad.yaml");
    } catch (InvalidInputException e) {
      return e.violations().stream().map(Violation::toString).toList();
    }
    throw new AssertionError("expected the policy to be refused");
  }

  @Test
  void fromYamlAndFromJson_equivalentFiles_loadEqual() {
    PolicySet yaml = PolicyLoader.fromYaml(new StringReader(YAML), "a.yaml");
    PolicySet json = PolicyLoader.fromJson(new StringReader(JSON), "a.json");

    assertThat(json).isEqualTo(yaml);
    assertThat(yaml.effectiveFrom()).isEqualTo(Instant.parse("2014-12-31T16:00:00Z"));
    assertThat(yaml.dispatch().supervisionAfter()).isEqualTo(Duration.ofHours(24));
    assertThat(yaml.dispatch().deadlineFor(CategoryCode.parse("E0501"), NORMAL, URBAN))
        .isEqualTo(Duration.ofHours(2));
    assertThat(
            yaml.dispatch()
                .deadlineFor(
                    CategoryCatalogue.standard().require(CategoryCode.parse("P0102")),
                    NORMAL,
                    URBAN))
        .isEqualTo(Duration.ofHours(2));
    assertThat(yaml.dispatch().deadlineFor(CategoryCode.parse("E0101"), NORMAL, URBAN))
        .isEqualTo(Duration.ofHours(72));
  }

  @Test
  void deadlineFor_category_policyOverrideElseTheTighterOfCatalogueAndReplyWithin() {
    DispatchPolicy twelve =
        new DispatchPolicy(
            Duration.ofHours(24),
            Duration.ofHours(12),
            Duration.ofHours(24),
            com.google.common.collect.ImmutableMap.of(
                CategoryCode.parse("E0101"), Duration.ofHours(96)));
    CategoryCatalogue catalogue = CategoryCatalogue.standard();

    assertThat(twelve.deadlineFor(catalogue.require(CategoryCode.parse("P0101")), NORMAL, URBAN))
        .as("the catalogue's 72 h, tightened")
        .isEqualTo(Duration.ofHours(12));
    assertThat(twelve.deadlineFor(catalogue.require(CategoryCode.parse("P0102")), NORMAL, URBAN))
        .as("the catalogue's 2 h is tighter still")
        .isEqualTo(Duration.ofHours(2));
    assertThat(twelve.deadlineFor(catalogue.require(CategoryCode.parse("E0101")), NORMAL, URBAN))
        .as("named by the policy")
        .isEqualTo(Duration.ofHours(96));
  }

  @Test
  void fromYaml_manySemanticErrors_listsEveryOneWithPathAndValue() {
    String bad =
        YAML.replace("version: 2", "version: 0")
            .replace("STREET: 0.10", "STREET: 1.5")
            .replace("claimWindow: 24h", "claimWindow: PT-1H")
            .replace("bounceLimit: 2", "bounceLimit: -1")
            .replace("max: 0.85", "max: 0.5")
            .replace("majorEventMin: 300", "majorEventMin: 600")
            .replace("assessedShare: 0.6", "assessedShare: 0.5");

    assertThat(violations(bad))
        .containsExactlyInAnyOrder(
            "escalation.quota.STREET: must be between 0 and 1, was 1.5 [policy.share]",
            "version: must be greater than or equal to 1, was 0 [policy.minimum]",
            "dispatch.claimWindow: must be positive, was PT-1H [policy.duration]",
            "returns.bounceLimit: must be greater than or equal to 0, was -1 [policy.minimum]",
            "targets.COMMUNITY.max: must not be below min 0.8, was 0.5 [policy.target-range]",
            "pay.pieceRates.majorEventMax: must not be below majorEventMin ¥600.00, was ¥500.00 [policy.piece-rate-order]",
            "pay.allowance: basicShare + assessedShare must be 1, was 0.4 + 0.5 [policy.allowance-split]");
  }

  @Test
  void fromYaml_durationsBeyondTenYears_refusedNamingFieldAndRule() {
    String bad =
        YAML.replace("claimWindow: 24h", "claimWindow: PT2562047788015215H")
            .replace("replyWithin: PT72H", "replyWithin: 999999999d")
            .replace("supervisionAfter: 1d", "supervisionAfter: 3651d")
            .replace("E0501: 2h", "E0501: PT9223372036854775807S");

    assertThat(violations(bad))
        .containsExactlyInAnyOrder(
            "dispatch.claimWindow: must be at most 3650d, was PT2562047788015215H [policy.duration]",
            "dispatch.replyWithin: must be at most 3650d, was PT23999999976H [policy.duration]",
            "dispatch.supervisionAfter: must be at most 3650d, was PT87624H [policy.duration]",
            "dispatch.categoryDeadlines.E0501: must be at most 3650d, was PT2562047788015215H30M7S"
                + " [policy.duration]");
    assertThat(
            PolicyLoader.fromYaml(
                    new StringReader(YAML.replace("claimWindow: 24h", "claimWindow: 3650d")),
                    "ten-years.yaml")
                .dispatch()
                .claimWindow())
        .isEqualTo(Duration.ofDays(3650));
  }

  @Test
  void fromYaml_unknownFieldWrongTypeBadDurationBadLevel_allReported() {
    String bad =
        YAML.replace("source: test", "source: test\ncolour: red")
            .replace("maxReworks: 3", "maxReworks: three")
            .replace("supervisionAfter: 1d", "supervisionAfter: soon")
            .replace("GRID: 0.1", "GIRD: 0.1")
            .replace("mode: HARD", "mode: FIRM")
            .replace("E0501: 2h", "X1: 2h");

    assertThat(violations(bad))
        .containsExactlyInAnyOrder(
            "colour: is not a known field, expected one of [id, version, effectiveFrom, zone, source, dispatch,"
                + " returns, verification, escalation, targets, pay, callback, extension, suspension] [policy.unknown-field]",
            "verification.maxReworks: must be a whole number, was three [policy.type]",
            "dispatch.supervisionAfter: must be a duration such as 90s, 30m, 24h, 2d or PT24H, was soon [policy.duration]",
            "escalation.quota.GIRD: must be one of [PROVINCE, CITY, DISTRICT, STREET, COMMUNITY, GRID, MICRO_GRID],"
                + " was GIRD [policy.enum]",
            "escalation.mode: must be one of [HARD, SOFT], was FIRM [policy.enum]",
            "dispatch.categoryDeadlines.X1: must be a category code such as E0501, was X1 [policy.enum]");
  }

  @Test
  void escalationQuotaBasis_defaultMonthSoFar_previousMonthRead_otherValuesRefusedByPath() {
    PolicySet plain = PolicyLoader.fromYaml(new StringReader(YAML), "a.yaml");
    PolicySet previous =
        PolicyLoader.fromYaml(
            new StringReader(
                YAML.replace("  mode: HARD", "  mode: HARD\n  quotaBasis: PREVIOUS_MONTH")),
            "b.yaml");

    assertThat(plain.escalation().quotaBasis()).isEqualTo(QuotaBasis.MONTH_SO_FAR);
    assertThat(previous.escalation().quotaBasis()).isEqualTo(QuotaBasis.PREVIOUS_MONTH);
    assertThat(previous.escalation().quota()).isEqualTo(plain.escalation().quota());
    assertThat(violations(YAML.replace("  mode: HARD", "  mode: HARD\n  quotaBasis: LAST_WEEK")))
        .containsExactly(
            "escalation.quotaBasis: must be one of [MONTH_SO_FAR, PREVIOUS_MONTH], was LAST_WEEK"
                + " [policy.enum]");
  }

  @Test
  void withEscalation_replacesTheEscalationAlone_aNullBasisRefusedNamingTheField() {
    PolicySet plain = PolicyLoader.fromYaml(new StringReader(YAML), "a.yaml");
    EscalationPolicy twentieth =
        new EscalationPolicy(
            QuotaMode.HARD,
            com.google.common.collect.ImmutableMap.of(Level.GRID, new BigDecimal("0.05")),
            plain.escalation().authority(),
            QuotaBasis.PREVIOUS_MONTH);
    EscalationPolicy noBasis =
        new EscalationPolicy(
            QuotaMode.HARD, plain.escalation().quota(), plain.escalation().authority(), null);

    PolicySet b = PolicyLoader.validate(plain.withEscalation(twentieth));

    assertThat(b.escalation()).isEqualTo(twentieth);
    assertThat(b.withEscalation(plain.escalation())).isEqualTo(plain);
    assertThatThrownBy(() -> PolicyLoader.validate(plain.withEscalation(noBasis)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::path)
                    .containsExactly("escalation.quotaBasis"));
  }

  @Test
  void fromYaml_missingSections_reportsEachRequiredPathOnce() {
    assertThat(violations("id: x\nversion: 1\n"))
        .containsExactly(
            "effectiveFrom: is required [policy.required]",
            "zone: is required [policy.required]",
            "source: is required [policy.required]",
            "dispatch: is required [policy.required]",
            "returns: is required [policy.required]",
            "verification: is required [policy.required]",
            "escalation: is required [policy.required]");
  }

  @Test
  void fromYaml_badZoneDateMoneyAndQuotaLevel_reported() {
    String bad =
        YAML.replace("zone: Asia/Shanghai", "zone: Mars/Olympus")
            .replace("effectiveFrom: 2015-01-01T00:00:00+08:00", "effectiveFrom: yesterday")
            .replace("qualityReport: 5.00", "qualityReport: 5.001")
            .replace("GRID: 0.1", "DISTRICT: 0.1")
            .replace("id: test", "id: 'bad id'");

    assertThat(violations(bad))
        .containsExactlyInAnyOrder(
            "zone: must be a zone id such as Asia/Shanghai, was Mars/Olympus [policy.zone]",
            "effectiveFrom: must be an ISO offset date-time such as 2015-01-01T00:00:00+08:00 or a date,"
                + " was yesterday [policy.instant]",
            "pay.pieceRates.qualityReport: must be whole fen (at most 2 decimals), was 5.001 [policy.money]",
            "escalation.quota.DISTRICT: quotas apply to the street and lower levels only, was 0.1 [policy.quota-level]",
            "id: must match \"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}\", was bad id [policy.id]");
  }

  @Test
  void fromYaml_moneyAboveTheMaximum_reportedAsTooLargeNotAsSubFen() {
    String bad =
        YAML.replace("qualityReport: 5.00", "qualityReport: 1e20")
            .replace("monthly: 500,", "monthly: 100000000.01,");

    assertThat(violations(bad))
        .containsExactlyInAnyOrder(
            "pay.pieceRates.qualityReport: must be at most ¥100000000.00, was 100000000000000000000 [policy.money]",
            "pay.allowance.monthly: must be at most ¥100000000.00, was 100000000.01 [policy.money]");
    assertThat(
            PolicyLoader.fromYaml(
                    new StringReader(YAML.replace("monthly: 500,", "monthly: 100000000.00,")),
                    "max.yaml")
                .pay()
                .orElseThrow()
                .allowance()
                .orElseThrow()
                .monthly())
        .isEqualTo(Money.MAX_AMOUNT);
  }

  @Test
  void fromYaml_moneyWithAHugeExponent_reportedAtOnce() {
    String bad =
        YAML.replace("qualityReport: 5.00", "qualityReport: 1e999999999")
            .replace("monthly: 500,", "monthly: 1e-999999999,");

    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThat(violations(bad))
                .containsExactlyInAnyOrder(
                    "pay.pieceRates.qualityReport: must be at most ¥100000000.00, was 1E+999999999 [policy.money]",
                    "pay.allowance.monthly: must be whole fen (at most 2 decimals), was 1E-999999999 [policy.money]"));
  }

  @Test
  void fromYaml_negativeMoneyWithAHugeExponent_reportedAtOnce() {
    String bad = YAML.replace("qualityReport: 5.00", "qualityReport: -1e999999999");

    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThat(violations(bad))
                .containsExactly(
                    "pay.pieceRates.qualityReport: must not be negative, was -1E+999999999 [policy.money]"));
  }

  @Test
  void fromYaml_sharesWithHugeExponents_reportedAtOnceByField() {
    // In range but a billion decimals, or far out of range: either would make the cross-field
    // sums (target minimums, the allowance split) build numbers of a billion digits.
    String bad =
        YAML.replace(
                "COMMUNITY: { min: 0.80, max: 0.85 }",
                "COMMUNITY: { min: 1e999999999, max: 1e-999999999 }")
            .replace(
                "basicShare: 0.4, assessedShare: 0.6",
                "basicShare: 1e-999999999, assessedShare: 0.6")
            .replace(
                "quota: { GRID: 0.1, STREET: 0.10 }", "quota: { GRID: 1e-999999999, STREET: 0.10 }")
            .replace("gradedPayShare: 0.4", "gradedPayShare: 1e-999999999");

    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThat(violations(bad))
                .containsExactlyInAnyOrder(
                    "targets.COMMUNITY.min: must be between 0 and 1, was 1E+999999999 [policy.share]",
                    "targets.COMMUNITY.max: must have at most 100 decimals, was 1E-999999999 [policy.share]",
                    "pay.allowance.basicShare: must have at most 100 decimals, was 1E-999999999 [policy.share]",
                    "escalation.quota.GRID: must have at most 100 decimals, was 1E-999999999 [policy.share]",
                    "pay.gradedPayShare: must have at most 100 decimals, was 1E-999999999 [policy.share]"));
  }

  @Test
  void fromYaml_shareWithAHundredDecimals_accepted() {
    String hundred = "0." + "0".repeat(99) + "1";
    String edge =
        YAML.replace(
            "quota: { GRID: 0.1, STREET: 0.10 }", "quota: { GRID: " + hundred + ", STREET: 0.10 }");

    assertThat(PolicyLoader.fromYaml(new StringReader(edge), "edge.yaml").escalation().quota())
        .containsEntry(Level.GRID, new BigDecimal(hundred));
    assertThat(violations(edge.replace(hundred, hundred.replace("01", "001"))))
        .containsExactly(
            "escalation.quota.GRID: must have at most 100 decimals, was 1E-101 [policy.share]");
  }

  @Test
  void validate_moneyAboveTheMaximumBuiltInCode_refusedAsFromAFile() {
    PolicySet y = Presets.yangling();
    PolicySet huge =
        new PolicySet(
            y.id(),
            y.version(),
            y.effectiveFrom(),
            y.zone(),
            y.source(),
            y.dispatch(),
            y.returns(),
            y.verification(),
            y.escalation(),
            y.targets(),
            java.util.Optional.of(
                new PayPolicy(
                    java.util.Optional.empty(),
                    java.util.Optional.of(
                        new PieceRates(
                            Money.ofFen(Long.MAX_VALUE), Money.ofYuan("300"), Money.ofYuan("500"))),
                    java.util.Optional.empty())));

    assertThatThrownBy(() -> PolicyLoader.validate(huge))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::toString)
                    .containsExactly(
                        "pay.pieceRates.qualityReport: must be at most ¥100000000.00, was ¥92233720368547758.07 [policy.money]"));
  }

  @Test
  void fromYaml_authorityAtTheDistrictOrAbove_reported() {
    // The district is the top of the ladder dispatch walks: a category it may not close could be
    // closed nowhere, yet automatic assignment would give it to a district worker there.
    String bad =
        YAML.replace(
            "  quota: { GRID: 0.1, STREET: 0.10 }",
            "  quota: { GRID: 0.1, STREET: 0.10 }\n  authority: { STREET: [E05], DISTRICT: [E05],"
                + " CITY: [E04] }");

    assertThat(violations(bad))
        .containsExactlyInAnyOrder(
            "escalation.authority.DISTRICT: authority applies to the street and lower levels only"
                + " (the district closes every category), was [E05] [policy.authority-level]",
            "escalation.authority.CITY: authority applies to the street and lower levels only"
                + " (the district closes every category), was [E04] [policy.authority-level]");
  }

  @Test
  void fromYaml_keyGivenTwice_refusedNotLastOneWins() {
    String twice = YAML.replace("STREET: 0.10", "STREET: 0.10, STREET: 0.90");

    assertThat(twice).contains("STREET: 0.90");
    assertThat(violations(twice))
        .containsExactly(
            "escalation.quota.STREET: is given more than once (again on line 15) [policy.syntax]");
  }

  @Test
  void fromYaml_keyGivenTwiceAndTwoOtherViolations_listsAllThree() {
    // before the fix: only the repeated key (as Jackson's "Duplicate field 'STREET'"), the
    // version and the bounce limit hidden until it was fixed
    String bad =
        YAML.replace("version: 2", "version: 0")
            .replace("bounceLimit: 2", "bounceLimit: -1")
            .replace("STREET: 0.10", "STREET: 0.10, STREET: 0.90");

    assertThat(violations(bad))
        .containsExactlyInAnyOrder(
            "escalation.quota.STREET: is given more than once (again on line 15) [policy.syntax]",
            "version: must be greater than or equal to 1, was 0 [policy.minimum]",
            "returns.bounceLimit: must be greater than or equal to 0, was -1 [policy.minimum]");
  }

  @Test
  void fromYaml_keyGivenTwice_theRestCheckedWithTheLastValue() {
    String lastBad = YAML.replace("STREET: 0.10", "STREET: 0.10, STREET: 1.5");
    String firstBad = YAML.replace("STREET: 0.10", "STREET: 1.5, STREET: 0.10");

    assertThat(violations(lastBad))
        .containsExactly(
            "escalation.quota.STREET: is given more than once (again on line 15) [policy.syntax]",
            "escalation.quota.STREET: must be between 0 and 1, was 1.5 [policy.share]");
    assertThat(violations(firstBad))
        .containsExactly(
            "escalation.quota.STREET: is given more than once (again on line 15) [policy.syntax]");
  }

  @Test
  void fromYaml_keyGivenTwiceDeepInAList_namedByItsFullPath() {
    String bad =
        YAML.replace(
                "  categoryDeadlines: { E0501: 2h }",
                String.join(
                    "\n",
                    "  categoryDeadlines: { E0501: 2h }",
                    "  timeLimits:",
                    "    - { category: E05, replyWithin: 48h }",
                    "    - category: E04",
                    "      areaKind: RURAL",
                    "      replyWithin: 96h",
                    "      areaKind: URBAN"))
            .replace("maxReworks: 3", "maxReworks: three");

    assertThat(violations(bad))
        .containsExactly(
            "dispatch.timeLimits[1].areaKind: is given more than once (again on line 16)"
                + " [policy.syntax]",
            "verification.maxReworks: must be a whole number, was three [policy.type]");
  }

  @Test
  void fromYaml_sectionGivenTwice_onlyTheSectionNamed() {
    String bad =
        YAML.replace(
            "returns: { bounceLimit: 2 }",
            "returns: { bounceLimit: 2 }\nreturns: { bounceLimit: 3 }\nreturns: { bounceLimit: 4 }");

    assertThat(violations(bad))
        .containsExactly("returns: is given more than once (again on line 12) [policy.syntax]");
  }

  @Test
  void fromJson_keyGivenTwiceAndTwoOtherViolations_listsAllThreeByPath() {
    String bad =
        JSON.replace("\"version\":2", "\"version\":0")
            .replace("\"bounceLimit\":2", "\"bounceLimit\":-1")
            .replace("\"basicShare\":0.40", "\"basicShare\":0.40,\"basicShare\":0.40");

    assertThatThrownBy(() -> PolicyLoader.fromJson(new StringReader(bad), "bad.json"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::toString)
                    .containsExactlyInAnyOrder(
                        "pay.allowance.basicShare: is given more than once (again on line 1)"
                            + " [policy.syntax]",
                        "version: must be greater than or equal to 1, was 0 [policy.minimum]",
                        "returns.bounceLimit: must be greater than or equal to 0, was -1"
                            + " [policy.minimum]"))
        .hasMessageStartingWith("invalid policy bad.json: 3 violations");
  }

  @Test
  void fromYaml_badZoneWithADateEffectiveFrom_onlyTheZoneReported() {
    String bad =
        YAML.replace("zone: Asia/Shanghai", "zone: Mars/Olympus")
            .replace("effectiveFrom: 2015-01-01T00:00:00+08:00", "effectiveFrom: 2015-01-01");

    assertThat(violations(bad))
        .containsExactly(
            "zone: must be a zone id such as Asia/Shanghai, was Mars/Olympus [policy.zone]");
  }

  @Test
  void fromJson_syntaxError_reportsSourceAndLine() {
    assertThatThrownBy(() -> PolicyLoader.fromJson(new StringReader("{\n\"id\": }"), "p.json"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(v -> assertThat(v.path()).isEqualTo("p.json:2"))
                  .satisfies(v -> assertThat(v.rule()).isEqualTo("policy.syntax"));
            });
  }

  @Test
  void fromJson_rootNotAnObject_reportsType() {
    assertThatThrownBy(() -> PolicyLoader.fromJson(new StringReader("[1]"), "p.json"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::rule)
                    .containsExactly("policy.type"));
  }

  @Test
  void fromYaml_targetMinimumsAboveOne_reportsSum() {
    String bad =
        YAML.replace(
            "  COMMUNITY: { min: 0.80, max: 0.85 }",
            "  COMMUNITY: { min: 0.80, max: 0.85 }\n  STREET: { min: 0.3, max: 0.4 }");

    assertThat(violations(bad))
        .containsExactly(
            "targets: minimum shares must add up to at most 1, was 1.1 [policy.target-sum]");
  }

  @Test
  void fromPath_byExtension_readsYamlAndJsonAndRefusesOthers(@TempDir Path dir) throws Exception {
    Path yaml = Files.writeString(dir.resolve("p.yml"), YAML);
    Path json = Files.writeString(dir.resolve("p.json"), JSON);
    Path text = Files.writeString(dir.resolve("p.txt"), YAML);

    assertThat(PolicyLoader.fromPath(yaml))
        .isEqualTo(PolicyLoader.fromPath(json))
        .isEqualTo(PolicyLoader.fromYaml(new StringReader(YAML), "p.yml"));
    assertThatThrownBy(() -> PolicyLoader.fromPath(text))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::rule)
                    .containsExactly("policy.syntax"));
  }

  @Test
  void fromPath_emptyOrCommentsOnly_saysTheFileIsEmpty(@TempDir Path dir) throws Exception {
    for (Path empty :
        List.of(
            Files.writeString(dir.resolve("empty.yaml"), ""),
            Files.writeString(dir.resolve("comments.yml"), "# nothing yet\n"),
            Files.writeString(dir.resolve("empty.json"), "  \n"))) {
      assertThatThrownBy(() -> PolicyLoader.fromPath(empty))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e ->
                  assertThat(e.violations())
                      .singleElement()
                      .satisfies(
                          v -> {
                            assertThat(v.path()).isEqualTo(empty.toString());
                            assertThat(v.rule()).isEqualTo("policy.syntax");
                            assertThat(v.message()).startsWith("is empty, expected a policy");
                          }));
    }
  }

  @Test
  void fromPath_aTabForIndentation_oneLineNamingTheLineNotQuotingIt(@TempDir Path dir)
      throws Exception {
    Path tab =
        Files.writeString(dir.resolve("tab.yaml"), "id: x\nversion: 1\n\tsource: 张三 13800138000\n");

    // before the fix: line 2 (the last token read), and SnakeYAML's message over five lines,
    // quoting the line with a caret under it
    assertThatThrownBy(() -> PolicyLoader.fromPath(tab))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.path()).isEqualTo(tab + ":3");
                          assertThat(v.rule()).isEqualTo("policy.syntax");
                          assertThat(v.message())
                              .startsWith("is not valid: ")
                              .contains("TAB")
                              .doesNotContain("\n", "13800138000", "张三");
                        }));
  }

  @Test
  void fromPath_notUtf8_saysSoInsteadOfAParserError(@TempDir Path dir) throws Exception {
    byte[] latin1 =
        YAML.replace("id: ", "# Stra\u00dfe\nid: ")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Path file = Files.write(dir.resolve("latin1.yaml"), latin1);

    assertThatThrownBy(() -> PolicyLoader.fromPath(file))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.path()).isEqualTo(file.toString());
                          assertThat(v.rule()).isEqualTo("policy.syntax");
                          assertThat(v.message()).isEqualTo("is not UTF-8 text (save it as UTF-8)");
                        }));
  }

  @Test
  void validate_negativeMajorEventAwardsBuiltInCode_refusedAsFromAFile() {
    PolicySet y = Presets.yangling();
    PolicySet deducting =
        new PolicySet(
            y.id(),
            y.version(),
            y.effectiveFrom(),
            y.zone(),
            y.source(),
            y.dispatch(),
            y.returns(),
            y.verification(),
            y.escalation(),
            y.targets(),
            java.util.Optional.of(
                new PayPolicy(
                    java.util.Optional.empty(),
                    java.util.Optional.of(
                        new PieceRates(
                            Money.ofYuan("5"), Money.ofYuan("-500"), Money.ofYuan("-300"))),
                    java.util.Optional.empty())));

    assertThatThrownBy(() -> PolicyLoader.validate(deducting))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .contains("pay.pieceRates.majorEventMin", "pay.pieceRates.majorEventMax"));
  }

  @Test
  @SuppressWarnings("NullOptional") // every component null, the optional pay too, on purpose
  void validate_policyBuiltInCodeWithNulls_listsEveryRequiredField() {
    PolicySet empty = new PolicySet(null, 1, null, null, " ", null, null, null, null, null, null);

    assertThatThrownBy(() -> PolicyLoader.validate(empty))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactly(
                        "dispatch",
                        "effectiveFrom",
                        "escalation",
                        "id",
                        "returns",
                        "source",
                        "verification",
                        "zone"));
  }

  @Test
  void fromYaml_sharesInNestedMapsAndOptionals_reportDottedPaths() {
    String bad =
        YAML.replace("max: 0.85", "max: 1.2")
            .replace("gradedPayShare: 0.4", "gradedPayShare: 2")
            .replace("basicShare: 0.4, assessedShare: 0.6", "basicShare: -0.4, assessedShare: 1.4")
            .replace("E0501: 2h", "E0501: PT0S");

    assertThat(violations(bad))
        .containsExactlyInAnyOrder(
            "targets.COMMUNITY.max: must be between 0 and 1, was 1.2 [policy.share]",
            "pay.gradedPayShare: must be between 0 and 1, was 2 [policy.share]",
            "pay.allowance.basicShare: must be between 0 and 1, was -0.4 [policy.share]",
            "pay.allowance.assessedShare: must be between 0 and 1, was 1.4 [policy.share]",
            "dispatch.categoryDeadlines.E0501: must be positive, was PT0S [policy.duration]");
  }

  @Test
  void fromYaml_boundsThatMeet_accepted_aRangeOfOneShareMinimumsOfExactlyOneEqualAwards() {
    String edge =
        YAML.replace("quota: { GRID: 0.1, STREET: 0.10 }", "quota: { GRID: 1, STREET: 0 }")
            .replace(
                "  COMMUNITY: { min: 0.80, max: 0.85 }",
                "  COMMUNITY: { min: 0.85, max: 0.85 }\n  STREET: { min: 0.15, max: 0.2 }")
            .replace(
                "majorEventMin: 300, majorEventMax: 500.00",
                "majorEventMin: 400, majorEventMax: 400");

    PolicySet policy = PolicyLoader.fromYaml(new StringReader(edge), "edge.yaml");

    assertThat(policy.escalation().quotaFor(Level.GRID)).contains(BigDecimal.ONE);
    assertThat(policy.escalation().quotaFor(Level.STREET)).contains(BigDecimal.ZERO);
    assertThat(policy.targetFor(Level.COMMUNITY).orElseThrow().min()).isEqualByComparingTo("0.85");
    assertThat(policy.pay().orElseThrow().pieceRates().orElseThrow().majorEventMax())
        .isEqualTo(Money.ofYuan("400"));
    assertThat(violations(edge.replace("GRID: 1,", "GRID: 1.01,")))
        .containsExactly("escalation.quota.GRID: must be between 0 and 1, was 1.01 [policy.share]");
    assertThat(violations(edge.replace("STREET: 0 }", "STREET: -0.01 }")))
        .containsExactly(
            "escalation.quota.STREET: must be between 0 and 1, was -0.01 [policy.share]");
  }

  @Test
  void validate_negativeMonthlyAllowanceBuiltInCode_refusedAsFromAFile() {
    PolicySet y = Presets.yangling();
    PolicySet owing =
        new PolicySet(
            y.id(),
            y.version(),
            y.effectiveFrom(),
            y.zone(),
            y.source(),
            y.dispatch(),
            y.returns(),
            y.verification(),
            y.escalation(),
            y.targets(),
            java.util.Optional.of(
                new PayPolicy(
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Optional.of(
                        new Allowance(
                            Money.ofYuan("-500"), new BigDecimal("0.4"), new BigDecimal("0.6"))))));

    assertThatThrownBy(() -> PolicyLoader.validate(owing))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "pay.allowance.monthly", "policy.money")));
  }

  @Test
  void fromYaml_timeLimitsNotAList_reportedAsTheWrongType() {
    String bad =
        YAML.replace(
            "  categoryDeadlines: { E0501: 2h }",
            "  categoryDeadlines: { E0501: 2h }\n  timeLimits: { category: E05, replyWithin: 2h }");

    assertThat(violations(bad))
        .containsExactly("dispatch.timeLimits: must be a list, was OBJECT [policy.type]");
  }
}
