package org.gridgov.scoring.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Money;
import org.gridgov.core.Violation;
import org.gridgov.core.incident.Source;
import org.gridgov.core.people.Role;
import org.gridgov.core.policy.PolicyRules;
import org.gridgov.core.policy.WorkingTime;
import org.gridgov.scoring.Scoring;
import org.gridgov.scoring.indicator.Counter;
import org.gridgov.scoring.indicator.Indicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringPolicyLoaderTest {
  private static final String VALID =
      """
      id: test
      version: 1
      source: "a test"
      indicators:
        respondWithin: 24h
        closeWithin: 96h
        satisfiedAtLeast: 4
        lateReplyCredit: 0.5
        percentiles: [50, 90]
        threeRateSources: [HOTLINE_12345]
      score:
        visits: {weight: 0.5, target: 40}
        reply-index: {weight: 0.5, zeroBelow: 0.6}
      threeRates: {response: 0.10, resolution: 0.45, satisfaction: 0.45}
      team:
        own: 0.6
        grid: 0.4
        roles: {instructor: {own: 0, grid: 1}}
        poolWeights: {grid-manager: 3}
      pay:
        graded:
          share: 0.40
          tiers:
            - {min: 0, max: 60, factor: 0.5}
            - {min: 60, max: 100, factor: 1.0}
        pieceRates: {qualityReport: 5.00, majorEventMin: 300, majorEventMax: 500}
        allowance: {monthly: 500, basicShare: 0.4, assessedShare: 0.6}
      points:
        static: {visit: 1, self-check: 2}
        dynamic: {effective-reported: 5}
        stars:
          - {stars: 1, minPoints: 20}
          - {stars: 2, minPoints: 50}
      duties:
        self-check: {level: GRID, every: DAILY}
      """;

  private static ScoringPolicy load(String yaml) {
    return ScoringPolicyLoader.fromYaml(new StringReader(yaml), "test.yaml");
  }

  private static InvalidInputException reject(String yaml) {
    return catchThrowableOfType(InvalidInputException.class, () -> load(yaml));
  }

  @Test
  void fromYaml_validFile_everyFieldRead() {
    ScoringPolicy p = load(VALID);

    assertThat(p.indicators().closeWithin()).isEqualTo(Duration.ofHours(96));
    assertThat(p.indicators().threeRateSources()).containsExactly(Source.HOTLINE_12345);
    assertThat(p.score()).containsOnlyKeys(Indicator.VISITS, Indicator.REPLY_INDEX);
    assertThat(p.score().get(Indicator.REPLY_INDEX).zeroBelow()).contains(new BigDecimal("0.6"));
    assertThat(p.team().orElseThrow().roles()).containsKey(Role.INSTRUCTOR);
    assertThat(p.pay().orElseThrow().pieceRates().orElseThrow().qualityReport())
        .isEqualTo(Money.ofYuan("5"));
    assertThat(p.pay().orElseThrow().graded().orElseThrow().tierOf(new BigDecimal("60")))
        .isEqualTo(1);
    assertThat(p.points().orElseThrow().dynamicPoints())
        .containsEntry(Counter.EFFECTIVE_REPORTED, 5L);
    assertThat(p.points().orElseThrow().starsFor(49)).isEqualTo(1);
    assertThat(p.duties()).containsKey("self-check");
  }

  @Test
  void fromJson_sameRulesAsYaml() {
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class,
            () ->
                ScoringPolicyLoader.fromJson(
                    new StringReader("{\"id\": \"x\", \"version\": 0}"), "x.json"));

    assertThat(e.violations())
        .extracting(Violation::path)
        .contains("version", "source", "indicators");
  }

  @Test
  void fromYamlAndJson_emptyOrCommentsOnly_saysTheSourceIsEmpty() {
    for (InvalidInputException e :
        java.util.List.of(
            catchThrowableOfType(
                InvalidInputException.class,
                () -> ScoringPolicyLoader.fromYaml(new StringReader("# later\n"), "s.yaml")),
            catchThrowableOfType(
                InvalidInputException.class,
                () -> ScoringPolicyLoader.fromJson(new StringReader(""), "s.yaml")))) {
      assertThat(e.violations())
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.path()).isEqualTo("s.yaml");
                assertThat(v.rule()).isEqualTo("scoring.syntax");
                assertThat(v.message()).startsWith("is empty, expected a scoring policy");
              });
    }
  }

  @Test
  void fromYaml_aSecondDocumentAfterThePolicy_refusedNotSilentlyDropped() throws Exception {
    String kaixuan;
    try (java.io.InputStream in =
        ScoringPresets.class.getResourceAsStream("presets/kaixuan.yaml")) {
      kaixuan = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(ScoringPolicyLoader.fromYaml(new StringReader(kaixuan), "one.yaml"))
        .isEqualTo(ScoringPresets.kaixuan());

    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class,
            () ->
                ScoringPolicyLoader.fromYaml(
                    new StringReader(kaixuan + "\n---\nid: other\n"), "two.yaml"));

    assertThat(e.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.rule()).isEqualTo("scoring.syntax");
              assertThat(v.path()).startsWith("two.yaml:");
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "score weights sum 0.9     | 'reply-index: {weight: 0.5, zeroBelow: 0.6}' | 'reply-index: {weight: 0.4, zeroBelow: 0.6}' | score | scoring.weight-sum",
        "negative score weight     | 'reply-index: {weight: 0.5, zeroBelow: 0.6}' | 'reply-index: {weight: -0.5, zeroBelow: 0.6}' | score.reply-index | scoring.negative",
        "three rates sum 1.1       | 'response: 0.10,' | 'response: 0.20,' | threeRates | scoring.weight-sum",
        "team split sum 0.9        | 'grid: 0.4' | 'grid: 0.3' | team | scoring.weight-sum",
        "role split sum 2          | '{own: 0, grid: 1}' | '{own: 1, grid: 1}' | team.roles.instructor | scoring.weight-sum",
        "negative pool weight      | 'grid-manager: 3' | 'grid-manager: -3' | team.poolWeights.grid-manager | scoring.negative",
        "tiers overlap             | '{min: 60, max: 100, factor: 1.0}' | '{min: 50, max: 100, factor: 1.0}' | pay.graded.tiers[1].min | scoring.tier-overlap",
        "tiers gap                 | '{min: 60, max: 100, factor: 1.0}' | '{min: 70, max: 100, factor: 1.0}' | pay.graded.tiers[1].min | scoring.tier-gap",
        "tiers stop short          | '{min: 60, max: 100, factor: 1.0}' | '{min: 60, max: 90, factor: 1.0}' | pay.graded.tiers[1].max | scoring.tier-gap",
        "tier min above max        | '{min: 0, max: 60, factor: 0.5}' | '{min: 0, max: 0, factor: 0.5}' | pay.graded.tiers[0] | scoring.tier-bounds",
        "tier factor and amount    | '{min: 0, max: 60, factor: 0.5}' | '{min: 0, max: 60, factor: 0.5, amount: 10}' | pay.graded.tiers[0] | scoring.tier-value",
        "negative tier factor      | '{min: 0, max: 60, factor: 0.5}' | '{min: 0, max: 60, factor: -0.5}' | pay.graded.tiers[0].factor | scoring.negative",
        "pay share above 1         | 'share: 0.40' | 'share: 1.40' | pay.graded.share | scoring.share",
        "negative piece rate       | 'qualityReport: 5.00' | 'qualityReport: -5.00' | pay.pieceRates.qualityReport | scoring.negative",
        "piece rates reversed      | 'majorEventMax: 500' | 'majorEventMax: 200' | pay.pieceRates.majorEventMax | scoring.piece-rate-order",
        "piece rate below a fen    | 'qualityReport: 5.00' | 'qualityReport: 5.001' | pay.pieceRates.qualityReport | scoring.money",
        "piece rate above the max  | 'qualityReport: 5.00' | 'qualityReport: 100000000.01' | pay.pieceRates.qualityReport | scoring.money",
        "piece rate beyond a long  | 'qualityReport: 5.00' | 'qualityReport: 1e20' | pay.pieceRates.qualityReport | scoring.money",
        "award max above the max   | 'majorEventMax: 500' | 'majorEventMax: 100000001' | pay.pieceRates.majorEventMax | scoring.money",
        "allowance above the max   | 'monthly: 500' | 'monthly: 100000001' | pay.allowance.monthly | scoring.money",
        "negative tier amount      | '{min: 0, max: 60, factor: 0.5}' | '{min: 0, max: 60, amount: -10}' | pay.graded.tiers[0].amount | scoring.negative",
        "tier amount above the max | '{min: 0, max: 60, factor: 0.5}' | '{min: 0, max: 60, amount: 100000001}' | pay.graded.tiers[0].amount | scoring.money",
        "tier factor above 10      | '{min: 0, max: 60, factor: 0.5}' | '{min: 0, max: 60, factor: 10.01}' | pay.graded.tiers[0].factor | scoring.range",
        "tier factor absurd        | '{min: 0, max: 60, factor: 0.5}' | '{min: 0, max: 60, factor: 1e999}' | pay.graded.tiers[0].factor | scoring.range",
        "share with a huge exponent| 'share: 0.40' | 'share: 1e99999' | pay.graded.share | scoring.range",
        "share with a tiny exponent| 'share: 0.40' | 'share: 1e-99999' | pay.graded.share | scoring.range",
        "share at the int exponent | 'share: 0.40' | 'share: 1e2147483647' | pay.graded.share | scoring.range",
        "weight at the int exponent| 'visits: {weight: 0.5, target: 40}' | 'visits: {weight: 1e2147483647, target: 40}' | score.visits.weight | scoring.range",
        "static points above max   | 'visit: 1,' | 'visit: 1000001,' | points.static.visit | scoring.range",
        "dynamic points above max  | 'effective-reported: 5' | 'effective-reported: 1000001' | points.dynamic.effective-reported | scoring.range",
        "allowance split 1.1       | 'assessedShare: 0.6' | 'assessedShare: 0.7' | pay.allowance | scoring.weight-sum",
        "stars not increasing      | '{stars: 2, minPoints: 50}' | '{stars: 2, minPoints: 20}' | points.stars[1] | scoring.star-order",
        "negative points           | 'visit: 1,' | 'visit: -1,' | points.static.visit | scoring.negative",
        "static points unknown     | 'self-check: 2}' | 'patrol: 2}' | points.static.patrol | scoring.enum",
        "dynamic counter unknown   | 'effective-reported: 5' | 'good-deeds: 5' | points.dynamic.good-deeds | scoring.enum",
        "count without target      | 'visits: {weight: 0.5, target: 40}' | 'visits: {weight: 0.5}' | score.visits.target | scoring.target",
        "duration scored           | 'visits: {weight: 0.5, target: 40}' | 'response-time: {weight: 0.5}' | score.response-time | scoring.not-scorable",
        "unknown indicator         | 'visits: {weight: 0.5, target: 40}' | 'smiles: {weight: 0.5}' | score.smiles | scoring.enum",
        "threshold above 1         | 'zeroBelow: 0.6' | 'zeroBelow: 6' | score.reply-index.zeroBelow | scoring.share",
        "late credit above 1       | 'lateReplyCredit: 0.5' | 'lateReplyCredit: 1.5' | indicators.lateReplyCredit | scoring.share",
        "satisfied mark 6          | 'satisfiedAtLeast: 4' | 'satisfiedAtLeast: 6' | indicators.satisfiedAtLeast | scoring.range",
        "no high-incidence category| 'satisfiedAtLeast: 4' | 'satisfiedAtLeast: 4\\n  highIncidenceTop: 0' | indicators.highIncidenceTop | scoring.range",
        "high-incidence as text    | 'satisfiedAtLeast: 4' | 'satisfiedAtLeast: 4\\n  highIncidenceTop: ten' | indicators.highIncidenceTop | scoring.type",
        "percentile 0              | '[50, 90]' | '[0, 90]' | indicators.percentiles[0] | scoring.range",
        "percentile twice          | '[50, 90]' | '[90, 90]' | indicators.percentiles[1] | scoring.duplicate",
        "window zero               | 'closeWithin: 96h' | 'closeWithin: 0h' | indicators.closeWithin | scoring.duration",
        "window beyond a century   | 'closeWithin: 96h' | 'closeWithin: PT2562047788015215H' | indicators.closeWithin | scoring.duration",
        "settling beyond a century | 'closeWithin: 96h' | 'closeWithin: 96h\\n  settleAfter: 36501d' | indicators.settleAfter | scoring.duration",
        "window unreadable         | 'closeWithin: 96h' | 'closeWithin: soon' | indicators.closeWithin | scoring.duration",
        "unknown source            | '[HOTLINE_12345]' | '[FAX]' | indicators.threeRateSources[0] | scoring.enum",
        "duty times 0              | 'every: DAILY}' | 'every: DAILY, times: 0}' | duties.self-check.times | scoring.range",
        "duty level district       | 'level: GRID' | 'level: DISTRICT' | duties.self-check.level | scoring.enum",
        "unknown field             | 'source: \"a test\"' | 'source: \"a test\"\nbonus: 1' | bonus | scoring.unknown-field",
        "wrong type                | 'version: 1' | 'version: one' | version | scoring.type",
        "bad id                    | 'id: test' | 'id: \"a b\"' | id | scoring.id",
      })
  void fromYaml_badField_violationNamesFieldAndRule(
      String name, String from, String to, String path, String rule) {
    assertThat(VALID).contains(from);

    InvalidInputException e = reject(VALID.replace(from, to.replace("\\n", "\n")));

    assertThat(e.violations())
        .as(e.getMessage())
        .anySatisfy(
            v -> {
              assertThat(v.path()).isEqualTo(path);
              assertThat(v.rule()).isEqualTo(rule);
            });
  }

  @Test
  void fromYaml_severalProblems_allListed() {
    InvalidInputException e =
        reject(
            VALID
                .replace("grid: 0.4", "grid: 0.3")
                .replace("share: 0.40", "share: 1.40")
                .replace("min: 60, max: 100", "min: 50, max: 100"));

    assertThat(e.violations())
        .extracting(Violation::rule)
        .contains("scoring.weight-sum", "scoring.share", "scoring.tier-overlap");
    assertThat(e.getMessage())
        .contains("team: weights must add up to 1, was 0.9 [scoring.weight-sum]");
  }

  @Test
  void fromYaml_keyGivenTwiceDeepInAListAndTwoOtherProblems_allThreeListedByPath() {
    // before the fix: only Jackson's "Duplicate field 'factor'" at test.yaml:25, the others hidden
    InvalidInputException e =
        reject(
            VALID
                .replace("version: 1", "version: 0")
                .replace("share: 0.40", "share: 1.40")
                .replace(
                    "{min: 60, max: 100, factor: 1.0}",
                    "{min: 60, max: 100, factor: 1.0, factor: 9}"));

    assertThat(e.violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactlyInAnyOrder(
            tuple("pay.graded.tiers[1].factor", "scoring.syntax"),
            tuple("version", "scoring.range"),
            tuple("pay.graded.share", "scoring.share"));
    assertThat(e.getMessage())
        .contains(
            "pay.graded.tiers[1].factor: is given more than once"
                + " (again on line 25) [scoring.syntax]");
  }

  @Test
  void fromYaml_amountsFactorsAndPointsAtTheirMaximum_accepted() {
    ScoringPolicy p =
        load(
            VALID
                .replace("qualityReport: 5.00", "qualityReport: 100000000.00")
                .replace("majorEventMax: 500", "majorEventMax: 100000000")
                .replace("monthly: 500", "monthly: 100000000")
                .replace("{min: 0, max: 60, factor: 0.5}", "{min: 0, max: 60, factor: 10}")
                .replace("visit: 1,", "visit: 1000000,")
                .replace("effective-reported: 5", "effective-reported: 1000000"));

    assertThat(p.pay().orElseThrow().allowance().orElseThrow().monthly())
        .isEqualTo(Money.MAX_AMOUNT);
    assertThat(p.points().orElseThrow().staticPoints())
        .containsEntry("visit", PointsPolicy.MAX_POINTS);
  }

  @Test
  void fromYaml_amountBeyondALong_saysItIsTooLargeNotSubFen() {
    InvalidInputException e = reject(VALID.replace("qualityReport: 5.00", "qualityReport: 1e20"));

    assertThat(e.violations())
        .extracting(Violation::toString)
        .contains(
            "pay.pieceRates.qualityReport: must be at most ¥100000000.00, was 100000000000000000000 [scoring.money]");
  }

  @Test
  void validate_codeBuiltPolicyWithAmountsAndPointsOutOfRange_refusedByPath() {
    ScoringPolicy yangling = ScoringPresets.yangling();
    org.gridgov.core.policy.Allowance allowance =
        yangling.pay().orElseThrow().allowance().orElseThrow();
    ScoringPolicy huge =
        new ScoringPolicy(
            yangling.id(),
            yangling.version(),
            yangling.source(),
            yangling.indicators(),
            yangling.score(),
            yangling.threeRates(),
            yangling.team(),
            java.util.Optional.of(
                new PayScheme(
                    java.util.Optional.of(
                        new GradedPayPolicy(
                            new BigDecimal("0.4"),
                            com.google.common.collect.ImmutableList.of(
                                new Tier(
                                    BigDecimal.ZERO,
                                    new BigDecimal("100"),
                                    java.util.Optional.of(new BigDecimal("1e30")),
                                    java.util.Optional.empty())))),
                    yangling.pay().orElseThrow().pieceRates(),
                    java.util.Optional.of(
                        new org.gridgov.core.policy.Allowance(
                            Money.ofFen(Long.MAX_VALUE),
                            allowance.basicShare(),
                            allowance.assessedShare())))),
            java.util.Optional.of(
                new PointsPolicy(
                    com.google.common.collect.ImmutableMap.of("visit", Long.MAX_VALUE),
                    com.google.common.collect.ImmutableMap.of(
                        Counter.EFFECTIVE_REPORTED, Long.MAX_VALUE),
                    com.google.common.collect.ImmutableList.of())),
            yangling.duties());

    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> ScoringPolicyLoader.validate(huge));

    assertThat(e).isNotNull();
    assertThat(e.violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactlyInAnyOrder(
            org.assertj.core.api.Assertions.tuple("pay.graded.tiers[0].factor", "scoring.range"),
            org.assertj.core.api.Assertions.tuple("pay.allowance.monthly", "scoring.money"),
            org.assertj.core.api.Assertions.tuple("points.static.visit", "scoring.range"),
            org.assertj.core.api.Assertions.tuple(
                "points.dynamic.effective-reported", "scoring.range"));
  }

  @Test
  void validate_codeBuiltNumberWithAHugeExponent_rangeViolationAtOnce() {
    ScoringPolicy k = ScoringPresets.kaixuan();
    Indicator first = k.score().keySet().iterator().next();
    GradedPayPolicy graded = k.pay().orElseThrow().graded().orElseThrow();
    for (String number : List.of("1e-999999999", "-1e999999999")) {
      Map<Indicator, IndicatorWeight> score = new LinkedHashMap<>(k.score());
      IndicatorWeight w = score.get(first);
      score.put(first, new IndicatorWeight(new BigDecimal(number), w.zeroBelow(), w.target()));
      List<Tier> tiers = new ArrayList<>(graded.tiers());
      Tier t = tiers.get(0);
      tiers.set(0, new Tier(t.min(), t.max(), Optional.of(new BigDecimal(number)), t.amount()));
      PayScheme pay =
          new PayScheme(
              Optional.of(new GradedPayPolicy(new BigDecimal(number), ImmutableList.copyOf(tiers))),
              Optional.empty(),
              Optional.empty());
      ScoringPolicy bad =
          new ScoringPolicy(
              k.id(),
              k.version(),
              k.source(),
              k.indicators(),
              ImmutableMap.copyOf(score),
              k.threeRates(),
              k.team(),
              Optional.of(pay),
              k.points(),
              k.duties());

      InvalidInputException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(2),
              () -> catchThrowableOfType(InvalidInputException.class, () -> Scoring.of(bad)),
              number);

      assertThat(e).as(number).isNotNull();
      assertThat(e.violations())
          .as(e.getMessage())
          .extracting(Violation::path, Violation::rule)
          .containsExactlyInAnyOrder(
              tuple("score." + first.id(), "scoring.range"),
              tuple("pay.graded.share", "scoring.range"),
              tuple("pay.graded.tiers[0].factor", "scoring.range"));
    }
  }

  @Test
  void fromYaml_notYaml_syntaxViolation() {
    assertThat(reject("id: [unclosed").violations())
        .extracting(Violation::rule)
        .containsExactly("scoring.syntax");
  }

  @Test
  void presets_allLoadAndValidate() {
    assertThat(ScoringPresets.all())
        .extracting(ScoringPolicy::id)
        .containsExactly("kaixuan", "yangling", "l-community", "beijing-12345");
    ScoringPresets.all().forEach(ScoringPolicyLoader::validate);
    assertThat(ScoringPresets.kaixuan().pay().orElseThrow().graded().orElseThrow().share())
        .isEqualByComparingTo("0.40");
    assertThat(ScoringPresets.yangling().pay().orElseThrow().allowance().orElseThrow().basic())
        .isEqualTo(Money.ofYuan("200"));
    assertThat(ScoringPresets.beijing12345().threeRates().orElseThrow().response())
        .isEqualByComparingTo("0.10");
  }

  @Test
  void fromPath_byExtensionInUtf8_readsYamlAndJsonAndRefusesOthers(@TempDir Path dir)
      throws Exception {
    String yaml;
    try (var in = ScoringPresets.class.getResourceAsStream("presets/kaixuan.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path yamlFile = Files.writeString(dir.resolve("kaixuan.yml"), yaml);
    Path jsonFile =
        Files.writeString(
            dir.resolve("kaixuan.json"),
            new ObjectMapper().writeValueAsString(new YAMLMapper().readTree(yaml)));
    Path text = Files.writeString(dir.resolve("kaixuan.txt"), yaml);
    Path latin1 =
        Files.write(
            dir.resolve("latin1.yaml"),
            yaml.replace("source: \"", "source: \"caf\u00e9 ")
                .getBytes(StandardCharsets.ISO_8859_1));

    assertThat(ScoringPolicyLoader.fromPath(yamlFile)).isEqualTo(ScoringPresets.kaixuan());
    assertThat(ScoringPolicyLoader.fromPath(jsonFile)).isEqualTo(ScoringPresets.kaixuan());
    assertThat(
            catchThrowableOfType(
                    InvalidInputException.class, () -> ScoringPolicyLoader.fromPath(text))
                .violations())
        .extracting(Violation::rule, Violation::message)
        .containsExactly(tuple("scoring.syntax", "must end in .yaml, .yml or .json"));
    assertThat(
            catchThrowableOfType(
                    InvalidInputException.class, () -> ScoringPolicyLoader.fromPath(latin1))
                .violations())
        .extracting(Violation::rule, Violation::message)
        .containsExactly(tuple("scoring.syntax", "is not UTF-8 text (save it as UTF-8)"));
  }

  @Test
  void timing_aMapByGradeAndOneDurationForEveryAreaKind_loadAsMaps() {
    ScoringPolicy policy =
        load(
            VALID.replace(
                "  threeRateSources: [HOTLINE_12345]\n",
                "  threeRateSources: [HOTLINE_12345]\n"
                    + "  registerWithin: {URGENT: 10m, NORMAL: 30m}\n"
                    + "  verifyWithin: 1h\n"));

    assertThat(policy.indicators().registerWithin())
        .containsExactly(
            Map.entry(org.gridgov.core.policy.TimeLimit.Grade.URGENT, Duration.ofMinutes(10)),
            Map.entry(org.gridgov.core.policy.TimeLimit.Grade.NORMAL, Duration.ofMinutes(30)));
    assertThat(policy.indicators().verifyWithin())
        .hasSize(3)
        .allSatisfy((kind, limit) -> assertThat(limit).isEqualTo(Duration.ofHours(1)));
    assertThat(load(VALID).indicators().registerWithin()).isEmpty();
  }

  @Test
  void highIncidenceTop_readOrTheDefault() {
    ScoringPolicy policy =
        load(
            VALID.replace(
                "  satisfiedAtLeast: 4\n", "  satisfiedAtLeast: 4\n  highIncidenceTop: 3\n"));

    assertThat(policy.indicators().highIncidenceTop()).isEqualTo(3);
    assertThat(load(VALID).indicators().highIncidenceTop())
        .isEqualTo(IndicatorSettings.DEFAULT_HIGH_INCIDENCE_TOP)
        .isEqualTo(10);
  }

  @Test
  void timing_unknownKeysAndBadLimits_refusedByPath() {
    InvalidInputException e =
        reject(
            VALID.replace(
                "  threeRateSources: [HOTLINE_12345]\n",
                "  threeRateSources: [HOTLINE_12345]\n"
                    + "  registerWithin: {SOON: 10m, NORMAL: 0s}\n"
                    + "  verifyWithin: {RURAL: soon}\n"));

    assertThat(e.violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactlyInAnyOrder(
            tuple("indicators.registerWithin.SOON", ScoringRules.ENUM.value()),
            tuple("indicators.registerWithin.NORMAL", ScoringRules.DURATION.value()),
            tuple("indicators.verifyWithin.RURAL", ScoringRules.DURATION.value()));
  }

  @Test
  void workingTime_readAsTheDispatchPolicysIs_appliedToTheStepLimitsItNames() {
    ScoringPolicy policy =
        load(
            VALID.replace(
                "  threeRateSources: [HOTLINE_12345]\n",
                "  threeRateSources: [HOTLINE_12345]\n"
                    + "  registerWithin: 30m\n"
                    + "  workingTime:\n"
                    + "    hours: ['08:30-12:00', '13:30-17:30']\n"
                    + "    workdays: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]\n"
                    + "    holidays: ['2024-04-04']\n"
                    + "    extraWorkdays: ['2024-04-07']\n"
                    + "    appliesTo: [registerWithin]\n"));

    WorkingTime working = policy.indicators().workingTime().orElseThrow();
    assertThat(working.appliesTo()).containsExactly(WorkingTime.Limit.REGISTRATION);
    assertThat(working.hours()).hasSize(2);
    assertThat(working.isWorkday(java.time.LocalDate.of(2024, 4, 4))).isFalse();
    assertThat(working.isWorkday(java.time.LocalDate.of(2024, 4, 7)))
        .as("a make-up Sunday")
        .isTrue();
    assertThat(load(VALID).indicators().workingTime()).isEmpty();
  }

  @Test
  void workingTime_badPartsAndLimitsItCannotHold_refusedByPath() {
    InvalidInputException e =
        reject(
            VALID.replace(
                "  threeRateSources: [HOTLINE_12345]\n",
                "  threeRateSources: [HOTLINE_12345]\n"
                    + "  workingTime:\n"
                    + "    hours: ['17:30-08:30']\n"
                    + "    workdays: [FUNDAY]\n"
                    + "    appliesTo: [closeWithin]\n"));
    // one hour on Mondays holds about 5,200 hours in a century: a 10,000 h limit may not end
    InvalidInputException tooLong =
        reject(
            VALID.replace(
                "  threeRateSources: [HOTLINE_12345]\n",
                "  threeRateSources: [HOTLINE_12345]\n"
                    + "  verifyWithin: 10000h\n"
                    + "  workingTime: {hours: ['08:00-09:00'], workdays: [MONDAY], appliesTo: [verifyWithin]}\n"));

    assertThat(e.violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactlyInAnyOrder(
            tuple("indicators.workingTime.hours[0]", PolicyRules.WORKING_HOURS.value()),
            tuple("indicators.workingTime.workdays[0]", PolicyRules.WORKING_DAYS.value()),
            tuple("indicators.workingTime.appliesTo[0]", PolicyRules.WORKING_HOURS.value()));
    assertThat(e.violations())
        .filteredOn(v -> v.path().endsWith("appliesTo[0]"))
        .extracting(Violation::message)
        .singleElement()
        .asString()
        .contains("registerWithin, verifyWithin");
    assertThat(tooLong.violations())
        .extracting(Violation::path, Violation::rule)
        .contains(tuple("indicators.verifyWithin.URBAN", PolicyRules.WORKING_HOURS.value()));
  }

  @Test
  void validate_codeBuiltWorkingTimeForADispatchLimit_refusedByPath() {
    ScoringPolicy kaixuan = ScoringPresets.kaixuan();
    WorkingTime claimWindowOnly =
        new WorkingTime(
            ImmutableList.of(WorkingTime.Period.parse("08:30-17:30").orElseThrow()),
            com.google.common.collect.ImmutableSet.of(java.time.DayOfWeek.MONDAY),
            com.google.common.collect.ImmutableSortedSet.of(),
            com.google.common.collect.ImmutableSortedSet.of(),
            com.google.common.collect.ImmutableSet.of(WorkingTime.Limit.CLAIM_WINDOW));
    ScoringPolicy odd =
        new ScoringPolicy(
            kaixuan.id(),
            kaixuan.version(),
            kaixuan.source(),
            kaixuan.indicators().withWorkingTime(claimWindowOnly),
            kaixuan.score(),
            kaixuan.threeRates(),
            kaixuan.team(),
            kaixuan.pay(),
            kaixuan.points(),
            kaixuan.duties());

    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> ScoringPolicyLoader.validate(odd));

    assertThat(e.violations())
        .extracting(Violation::path, Violation::rule, Violation::value)
        .containsExactly(
            tuple(
                "indicators.workingTime.appliesTo",
                PolicyRules.WORKING_HOURS.value(),
                "claimWindow"));
  }

  @Test
  void roleScores_inTheFilesOrder_theFirstRoleAWorkerHoldsCounts() {
    ScoringPolicy policy =
        load(
            VALID
                + """
        roleScores:
          police-officer: {handled-on-time-rate: {weight: 1}}
          supervisor: {reported: {weight: 0.5, target: 10}, reply-index: {weight: 0.5}}
        """);

    assertThat(policy.roleScores().keySet()).containsExactly(Role.POLICE_OFFICER, Role.SUPERVISOR);
    assertThat(policy.scoreFor(java.util.Set.of(Role.SUPERVISOR, Role.POLICE_OFFICER)))
        .containsOnlyKeys(Indicator.HANDLED_ON_TIME_RATE);
    assertThat(policy.scoreFor(java.util.Set.of(Role.SUPERVISOR)))
        .containsOnlyKeys(Indicator.REPORTED, Indicator.REPLY_INDEX);
    assertThat(policy.scoreFor(java.util.Set.of(Role.GRID_MANAGER))).isEqualTo(policy.score());
    assertThat(load(VALID).roleScores()).isEmpty();
  }

  @Test
  void roleScores_badRoleOrIndicator_notForWorkers_badSum_empty_refusedByPath() {
    InvalidInputException e =
        reject(
            VALID
                + """
        roleScores:
          Janitor!: {reply-index: {weight: 1}}
          supervisor: {response-rate: {weight: 1}}
          police-officer: {reply-index: {weight: 0.5}, handled-on-time: {weight: 0.5}}
          instructor: {}
          full-time-grid-worker: {reply-index: {weight: 0.5}, visits: {weight: 0.6, target: 4}}
        """);

    assertThat(e.violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactlyInAnyOrder(
            tuple("roleScores.Janitor!", ScoringRules.ENUM.value()),
            tuple("roleScores.supervisor.response-rate", ScoringRules.NOT_SCORABLE.value()),
            tuple("roleScores.police-officer.handled-on-time", ScoringRules.ENUM.value()),
            tuple("roleScores.instructor", ScoringRules.REQUIRED.value()),
            tuple("roleScores.full-time-grid-worker", ScoringRules.WEIGHT_SUM.value()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "satisfiedAtLeast: 4|satisfiedAtLeast: 1|",
        "satisfiedAtLeast: 4|satisfiedAtLeast: 5|",
        "satisfiedAtLeast: 4|satisfiedAtLeast: 0|indicators.satisfiedAtLeast",
        "satisfiedAtLeast: 4|satisfiedAtLeast: 6|indicators.satisfiedAtLeast",
        "percentiles: [50, 90]|percentiles: [1, 100]|",
        "percentiles: [50, 90]|percentiles: [50, 101]|indicators.percentiles[1]",
        "target: 40|target: 0|score.visits.target",
        "grid-manager: 3|grid-manager: 0|",
        "majorEventMax: 500|majorEventMax: 300|",
        "visit: 1, self-check: 2|visit: 0, self-check: 0|",
        "effective-reported: 5|effective-reported: 0|",
        "minPoints: 20|minPoints: 0|",
        "{stars: 2, minPoints: 50}|{stars: 2, minPoints: 20}|points.stars[1]",
        "{min: 0, max: 60, factor: 0.5}|{min: 0, max: 60, factor: 0}|",
        "{min: 60, max: 100, factor: 1.0}|{min: 60, max: 100.5, factor: 1.0}|pay.graded.tiers[1]",
      })
  void validate_valuesAtTheirBounds_acceptedJustBeyond_refusedNamingThePath(
      String from, String to, String refusedAt) {
    assertThat(VALID).contains(from);
    String yaml = VALID.replace(from, to);

    if (refusedAt == null) {
      assertThat(load(yaml)).isNotNull();
    } else {
      InvalidInputException e = reject(yaml);
      assertThat(e).isNotNull();
      assertThat(e.violations()).extracting(Violation::path).contains(refusedAt);
    }
  }

  /** A copy of {@code p} with {@code source}, {@code indicators} and {@code pay} replaced. */
  private static ScoringPolicy with(
      ScoringPolicy p, String source, IndicatorSettings indicators, Optional<PayScheme> pay) {
    return new ScoringPolicy(
        p.id(),
        p.version(),
        source,
        indicators,
        p.score(),
        p.threeRates(),
        p.team(),
        pay,
        p.points(),
        p.duties());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "respondWithin zero        | 'respondWithin: 24h' | 'respondWithin: 0s' | indicators.respondWithin: must be positive, was PT0S [scoring.duration]",
        "respondWithin negative    | 'respondWithin: 24h' | 'respondWithin: PT-1S' | indicators.respondWithin: must be positive, was PT-1S [scoring.duration]",
        "respondWithin a century on| 'respondWithin: 24h' | 'respondWithin: 36501d' | indicators.respondWithin: must be at most 36500d, was PT876024H [scoring.duration]",
        "verifyWithin zero         | 'threeRateSources: [HOTLINE_12345]' | 'threeRateSources: [HOTLINE_12345]\\n  verifyWithin: {RURAL: 0s}' | indicators.verifyWithin.RURAL: must be positive, was PT0S [scoring.duration]",
        "stars not increasing      | '{stars: 2, minPoints: 50}' | '{stars: 1, minPoints: 50}' | points.stars[1]: stars and minPoints must both increase over the level before, was 1 stars at 50 [scoring.star-order]",
        "stars equal               | '{stars: 2, minPoints: 50}' | '{stars: 1, minPoints: 51}' | points.stars[1]: stars and minPoints must both increase over the level before, was 1 stars at 51 [scoring.star-order]",
        "star threshold equal      | '{stars: 2, minPoints: 50}' | '{stars: 2, minPoints: 20}' | points.stars[1]: stars and minPoints must both increase over the level before, was 2 stars at 20 [scoring.star-order]",
        "star threshold negative   | '{stars: 1, minPoints: 20}' | '{stars: 1, minPoints: -1}' | points.stars[0].minPoints: must not be negative, was -1 [scoring.negative]",
        "target on a rate          | 'reply-index: {weight: 0.5, zeroBelow: 0.6}' | 'reply-index: {weight: 0.5, target: 3}' | score.reply-index.target: applies to counts only, was 3 [scoring.target]",
        "zeroBelow on a count      | 'visits: {weight: 0.5, target: 40}' | 'visits: {weight: 0.5, target: 40, zeroBelow: 0.5}' | score.visits.zeroBelow: applies to rates only, was 0.5 [scoring.target]",
        "negative target           | 'visits: {weight: 0.5, target: 40}' | 'visits: {weight: 0.5, target: -1}' | score.visits.target: a count needs a positive target, was -1 [scoring.target]",
        "negative target, tens     | 'visits: {weight: 0.5, target: 40}' | 'visits: {weight: 0.5, target: -40}' | score.visits.target: a count needs a positive target, was -40 [scoring.target]",
        "target of tens on a rate  | 'reply-index: {weight: 0.5, zeroBelow: 0.6}' | 'reply-index: {weight: 0.5, target: 40}' | score.reply-index.target: applies to counts only, was 40 [scoring.target]",
        "negative weight, sum 1    | '{own: 0, grid: 1}' | '{own: -1, grid: 2}' | team.roles.instructor.own: must not be negative, was -1 [scoring.negative]",
        "zeroBelow negative        | 'zeroBelow: 0.6' | 'zeroBelow: -0.1' | score.reply-index.zeroBelow: must be between 0 and 1, was -0.1 [scoring.share]",
        "allowance share negative  | 'basicShare: 0.4, assessedShare: 0.6' | 'basicShare: -0.4, assessedShare: 1.4' | pay.allowance.basicShare: must not be negative, was -0.4 [scoring.negative]",
        "allowance split 0.9       | 'basicShare: 0.4, assessedShare: 0.6' | 'basicShare: 0.4, assessedShare: 0.5' | pay.allowance: weights must add up to 1, was 0.9 [scoring.weight-sum]",
        "allowance share missing   | 'basicShare: 0.4, assessedShare: 0.6' | 'assessedShare: 0.6' | pay.allowance.basicShare: is required [scoring.required]",
      })
  void fromYaml_aRuleBroken_refusedNamingFieldRuleAndMessage(
      String name, String from, String to, String violation) {
    assertThat(VALID).contains(from);

    InvalidInputException e = reject(VALID.replace(from, to.replace("\\n", "\n")));

    assertThat(e).as(name).isNotNull();
    assertThat(e.violations())
        .extracting(Violation::toString)
        .as(e.getMessage())
        .containsExactly(violation);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "respondWithin: 24h|respondWithin: 1s",
        "respondWithin: 24h|respondWithin: 36500d",
        "threeRateSources: [HOTLINE_12345]|threeRateSources: [HOTLINE_12345]\\n  verifyWithin: {RURAL: 1s}",
        "{stars: 2, minPoints: 50}|{stars: 2, minPoints: 21}",
        "{stars: 1, minPoints: 20}|{stars: 1, minPoints: 0}",
        "reply-index: {weight: 0.5, zeroBelow: 0.6}|reply-index: {weight: 0.5, zeroBelow: 0}",
        "visits: {weight: 0.5, target: 40}|visits: {weight: 0.5, target: 0.01}",
        "basicShare: 0.4, assessedShare: 0.6|basicShare: 0, assessedShare: 1",
        "reply-index: {weight: 0.5, zeroBelow: 0.6}|reply-index: {weight: 0.5, zeroBelow: 1}",
      })
  void fromYaml_valueJustInsideTheRule_accepted(String from, String to) {
    assertThat(VALID).contains(from);

    assertThat(load(VALID.replace(from, to.replace("\\n", "\n")))).isNotNull();
  }

  @Test
  void validate_codeBuiltBlankOrMissingSource_refusedNamingTheField() {
    ScoringPolicy k = ScoringPresets.kaixuan();

    for (String source : java.util.Arrays.asList(" \t", "", null)) {
      InvalidInputException e =
          catchThrowableOfType(
              InvalidInputException.class,
              () -> ScoringPolicyLoader.validate(with(k, source, k.indicators(), k.pay())));

      assertThat(e).as("[%s]", source).isNotNull();
      assertThat(e.violations())
          .extracting(Violation::toString)
          .containsExactly("source: must not be blank [scoring.required]");
    }
    assertThat(ScoringPolicyLoader.validate(with(k, "x", k.indicators(), k.pay())).source())
        .isEqualTo("x");
  }

  @Test
  void fromYaml_blankSource_refusedNamingTheField() {
    InvalidInputException e = reject(VALID.replace("source: \"a test\"", "source: \"  \""));

    assertThat(e).isNotNull();
    assertThat(e.violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("source", "scoring.required"));
  }

  @Test
  void validate_codeBuiltAllowanceWithoutItsShares_refusedNamingEach_noSumChecked() {
    ScoringPolicy y = ScoringPresets.yangling();
    PayScheme pay = y.pay().orElseThrow();
    Money monthly = pay.allowance().orElseThrow().monthly();
    for (var allowance :
        List.of(
            new org.gridgov.core.policy.Allowance(monthly, null, new BigDecimal("0.6")),
            new org.gridgov.core.policy.Allowance(monthly, new BigDecimal("0.4"), null))) {
      ScoringPolicy bad =
          with(
              y,
              y.source(),
              y.indicators(),
              Optional.of(new PayScheme(pay.graded(), pay.pieceRates(), Optional.of(allowance))));

      InvalidInputException e =
          catchThrowableOfType(
              InvalidInputException.class, () -> ScoringPolicyLoader.validate(bad));

      assertThat(e).isNotNull();
      assertThat(e.violations())
          .extracting(Violation::toString)
          .containsExactly(
              "pay.allowance."
                  + (allowance.basicShare() == null ? "basicShare" : "assessedShare")
                  + ": is required [scoring.required]");
    }
  }

  /** Kaixuan's scoring policy, built in code, with {@code indicator} weighted {@code weight}. */
  private static ScoringPolicy kaixuanWith(Indicator indicator, IndicatorWeight weight) {
    ScoringPolicy k = ScoringPresets.kaixuan();
    Map<Indicator, IndicatorWeight> score = new LinkedHashMap<>(k.score());
    score.put(indicator, weight);
    return new ScoringPolicy(
        k.id(),
        k.version(),
        k.source(),
        k.indicators(),
        ImmutableMap.copyOf(score),
        k.threeRates(),
        k.team(),
        k.pay(),
        k.points(),
        k.duties());
  }

  /** What {@link ScoringPolicyLoader#validate} refuses in {@code policy}, each as text. */
  private static List<String> violationsOf(ScoringPolicy policy) {
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class, () -> ScoringPolicyLoader.validate(policy));
    assertThat(e).as("refused").isNotNull();
    return e.violations().stream().map(Violation::toString).toList();
  }

  @Test
  void validate_codeBuiltWeightBeyondTheBounds_onlyTheRangeViolation_noSumOfIt() {
    Indicator first = ScoringPresets.kaixuan().score().keySet().iterator().next();
    IndicatorWeight w = ScoringPresets.kaixuan().score().get(first);

    List<String> violations =
        violationsOf(
            kaixuanWith(
                first, new IndicatorWeight(new BigDecimal("1e31"), w.zeroBelow(), w.target())));

    assertThat(violations)
        .containsExactly(
            "score."
                + first.id()
                + ": "
                + ScoringRules.BEYOND_BOUNDS
                + ", was 1E+31 [scoring.range]");
  }

  /** An extreme exponent is refused by range at once, never written out digit by digit. */
  @Test
  void validate_codeBuiltTargetOfAnExtremeExponent_refusedCheaplyAsOutOfRange() {
    Indicator count =
        ScoringPresets.kaixuan().score().keySet().stream()
            .filter(i -> i.kind() == Indicator.Kind.COUNT)
            .findFirst()
            .orElseThrow();
    IndicatorWeight w = ScoringPresets.kaixuan().score().get(count);

    List<String> violations =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () ->
                violationsOf(
                    kaixuanWith(
                        count,
                        new IndicatorWeight(
                            w.weight(),
                            w.zeroBelow(),
                            Optional.of(new BigDecimal("-1e999999999"))))));

    assertThat(violations)
        .contains(
            "score."
                + count.id()
                + ".target: "
                + ScoringRules.BEYOND_BOUNDS
                + ", was -1E+999999999 [scoring.range]")
        .allSatisfy(v -> assertThat(v).hasSizeLessThan(300));
  }

  @Test
  void validate_codeBuiltTargetBeyondTheBounds_refusedAsOutOfRange() {
    Indicator count =
        ScoringPresets.kaixuan().score().keySet().stream()
            .filter(i -> i.kind() == Indicator.Kind.COUNT)
            .findFirst()
            .orElseThrow();
    IndicatorWeight w = ScoringPresets.kaixuan().score().get(count);

    List<String> violations =
        violationsOf(
            kaixuanWith(
                count,
                new IndicatorWeight(
                    w.weight(), w.zeroBelow(), Optional.of(new BigDecimal("1e-101")))));

    assertThat(violations)
        .containsExactly(
            "score."
                + count.id()
                + ".target: "
                + ScoringRules.BEYOND_BOUNDS
                + ", was 1E-101 [scoring.range]");
  }

  @Test
  void workingTime_appliedToRegistration_aRegisterLimitItCannotHold_refused() {
    String working =
        "  workingTime: {hours: ['08:00-09:00'], workdays: [MONDAY],"
            + " appliesTo: [registerWithin]}\n";
    InvalidInputException e =
        reject(
            VALID.replace(
                "  threeRateSources: [HOTLINE_12345]\n",
                "  threeRateSources: [HOTLINE_12345]\n  registerWithin: {NORMAL: 10000h}\n"
                    + working));
    ScoringPolicy verifyNotCounted =
        load(
            VALID.replace(
                "  threeRateSources: [HOTLINE_12345]\n",
                "  threeRateSources: [HOTLINE_12345]\n  registerWithin: {NORMAL: 5000h}\n"
                    + "  verifyWithin: 10000h\n"
                    + working));

    assertThat(e).isNotNull();
    assertThat(e.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("indicators.registerWithin.NORMAL");
              assertThat(v.rule()).isEqualTo(PolicyRules.WORKING_HOURS.value());
              assertThat(v.message())
                  .startsWith("counted in working time, may take more than 36500 days");
            });
    assertThat(verifyNotCounted.indicators().verifyWithin())
        .as("verifyWithin counts in calendar time: 10000 h is within a century")
        .containsEntry(org.gridgov.core.territory.AreaKind.RURAL, Duration.ofHours(10000));
  }

  @Test
  void validate_codeBuiltWorkingTimeForBothStepLimits_accepted() {
    ScoringPolicy kaixuan = ScoringPresets.kaixuan();
    for (var appliesTo :
        List.of(
            com.google.common.collect.ImmutableSet.of(WorkingTime.Limit.REGISTRATION),
            com.google.common.collect.ImmutableSet.of(WorkingTime.Limit.VERIFICATION),
            com.google.common.collect.ImmutableSet.of(
                WorkingTime.Limit.REGISTRATION, WorkingTime.Limit.VERIFICATION))) {
      WorkingTime working =
          new WorkingTime(
              ImmutableList.of(WorkingTime.Period.parse("08:30-17:30").orElseThrow()),
              com.google.common.collect.ImmutableSet.of(java.time.DayOfWeek.MONDAY),
              com.google.common.collect.ImmutableSortedSet.of(),
              com.google.common.collect.ImmutableSortedSet.of(),
              appliesTo);
      ScoringPolicy p =
          with(
              kaixuan,
              kaixuan.source(),
              kaixuan.indicators().withWorkingTime(working),
              kaixuan.pay());

      assertThat(ScoringPolicyLoader.validate(p)).as(appliesTo.toString()).isSameAs(p);
    }
  }
}
