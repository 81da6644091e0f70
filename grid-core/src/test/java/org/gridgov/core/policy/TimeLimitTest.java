package org.gridgov.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.gridgov.core.policy.TimeLimit.Grade.NORMAL;
import static org.gridgov.core.policy.TimeLimit.Grade.URGENT;
import static org.gridgov.core.territory.AreaKind.FRINGE;
import static org.gridgov.core.territory.AreaKind.RURAL;
import static org.gridgov.core.territory.AreaKind.URBAN;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Refusals;
import org.gridgov.core.Violation;
import org.gridgov.core.category.Category;
import org.gridgov.core.category.CategoryCatalogue;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Source;
import org.gridgov.core.line.LineId;
import org.junit.jupiter.api.Test;

class TimeLimitTest {
  private static final String HEAD =
      """
      id: graded
      version: 1
      effectiveFrom: 2024-01-01
      zone: Asia/Shanghai
      source: test
      returns: { bounceLimit: 2 }
      verification: { maxReworks: 3 }
      escalation: { mode: HARD, quota: { GRID: 0.1 } }
      dispatch:
        claimWindow: 24h
        replyWithin: 72h
        supervisionAfter: 24h
      """;
  private static final String TABLE =
      HEAD
          + """
        categoryDeadlines: { E0601: 36h }
        timeLimits:
          - { grade: URGENT, replyWithin: 4h }
          - { areaKind: RURAL, replyWithin: 96h }
          - { areaKind: FRINGE, replyWithin: 48h }
          - { category: E06, areaKind: RURAL, replyWithin: 120h }
          - { category: E0601, grade: URGENT, replyWithin: 1h }
          - { category: E, areaKind: RURAL, grade: NORMAL, replyWithin: 100h }
      """;
  private static final CategoryCatalogue CATALOGUE = CategoryCatalogue.standard();

  private static DispatchPolicy load(String yaml) {
    return PolicyLoader.fromYaml(new StringReader(yaml), "graded.yaml").dispatch();
  }

  private static Duration limit(
      DispatchPolicy policy,
      String code,
      TimeLimit.Grade grade,
      org.gridgov.core.territory.AreaKind kind) {
    Category category = CATALOGUE.require(CategoryCode.parse(code));
    return policy.deadlineFor(category, grade, kind);
  }

  private static List<String> refusals(String yaml) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> load(yaml));
    assertThat(e).as("expected the policy to be refused").isNotNull();
    return e.violations().stream().map(v -> v.path() + " " + v.rule()).toList();
  }

  @Test
  void noRowMatches_theTighterOfCatalogueAndReplyWithin() {
    DispatchPolicy policy = load(TABLE);

    assertThat(limit(policy, "E0101", NORMAL, URBAN)).isEqualTo(Duration.ofHours(72));
    assertThat(limit(policy, "P0102", NORMAL, URBAN))
        .as("the catalogue's 2 h")
        .isEqualTo(Duration.ofHours(2));
    assertThat(limit(policy, "E0601", NORMAL, URBAN))
        .as("categoryDeadlines")
        .isEqualTo(Duration.ofHours(36));
  }

  @Test
  void aRowWithoutCategory_standsInForReplyWithin_soTheCataloguesTighterLimitHolds() {
    DispatchPolicy policy = load(TABLE);

    assertThat(limit(policy, "E0101", URGENT, URBAN)).isEqualTo(Duration.ofHours(4));
    assertThat(limit(policy, "P0102", URGENT, URBAN)).isEqualTo(Duration.ofHours(2));
    assertThat(limit(policy, "P0101", NORMAL, FRINGE))
        .as("a looser row cannot loosen 72 h")
        .isEqualTo(Duration.ofHours(48));
    assertThat(limit(policy, "P0101", NORMAL, RURAL)).isEqualTo(Duration.ofHours(72));
    assertThat(limit(policy, "P0101", URGENT, RURAL))
        .as("a grade beats an area kind")
        .isEqualTo(Duration.ofHours(4));
  }

  @Test
  void aRowNamingACategory_setsTheLimitOutright_theLongestPrefixFirst() {
    DispatchPolicy policy = load(TABLE);

    assertThat(limit(policy, "E0101", NORMAL, RURAL))
        .as("E, NORMAL, RURAL")
        .isEqualTo(Duration.ofHours(100));
    assertThat(limit(policy, "E0602", NORMAL, RURAL))
        .as("E06 beats E")
        .isEqualTo(Duration.ofHours(120));
    assertThat(limit(policy, "E0602", URGENT, RURAL))
        .as("E06 beats the grade row")
        .isEqualTo(Duration.ofHours(120));
    assertThat(limit(policy, "E0601", NORMAL, RURAL))
        .as("the whole code in categoryDeadlines")
        .isEqualTo(Duration.ofHours(36));
    assertThat(limit(policy, "E0601", URGENT, URBAN))
        .as("the whole code and a grade")
        .isEqualTo(Duration.ofHours(1));
    assertThat(limit(policy, "P0102", NORMAL, RURAL))
        .as("E rows are not for parts")
        .isEqualTo(Duration.ofHours(2));
  }

  @Test
  void aRowThatDoesNotParse_theOtherRowsProblemsListedAllTheSame() {
    // before the fix: the four rows that did not parse were all the file's reported problems
    assertThatThrownBy(
            () ->
                load(
                    HEAD
                        + """
          categoryDeadlines: { E0601: 36h }
          timeLimits:
            - { replyWithin: 4h }
            - { grade: URGENT, replyWithin: 4h }
            - { grade: URGENT, replyWithin: 5h }
            - { category: E0601, replyWithin: 5h }
            - { category: X1, replyWithin: 5h }
            - { source: FAX, replyWithin: 5h }
            - { line: "bad line", replyWithin: 5h }
            - { areaKind: RURAL, replyWithin: 0h }
            - { grade: NORMAL, replyWithin: 5h, extra: 1 }
        """))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactlyInAnyOrder(
                        tuple("dispatch.timeLimits[0]", "policy.time-limits"),
                        tuple("dispatch.timeLimits[2]", "policy.time-limits"),
                        tuple("dispatch.timeLimits[3]", "policy.time-limits"),
                        tuple("dispatch.timeLimits[4].category", "policy.enum"),
                        tuple("dispatch.timeLimits[5].source", "policy.enum"),
                        tuple("dispatch.timeLimits[6].line", "policy.id"),
                        tuple("dispatch.timeLimits[7].replyWithin", "policy.duration"),
                        tuple("dispatch.timeLimits[8].extra", "policy.unknown-field")));
  }

  @Test
  void aRowNamingASource_rankedAfterTheCategoryAndBeforeTheGrade() {
    DispatchPolicy policy =
        load(
            HEAD
                + """
          timeLimits:
            - { source: HOTLINE_12345, replyWithin: 48h }
            - { grade: URGENT, replyWithin: 4h }
            - { category: E06, replyWithin: 120h }
            - { category: E06, source: HOTLINE_12345, replyWithin: 96h }
            - { source: HOTLINE_12345, grade: URGENT, replyWithin: 2h }
        """);
    Category vending = CATALOGUE.require(CategoryCode.parse("E0402"));
    Category e0601 = CATALOGUE.require(CategoryCode.parse("E0601"));
    Category p0102 = CATALOGUE.require(CategoryCode.parse("P0102"));

    assertThat(policy.deadlineFor(vending, Source.HOTLINE_12345, NORMAL, URBAN))
        .isEqualTo(Duration.ofHours(48));
    assertThat(policy.deadlineFor(vending, Source.PATROL, NORMAL, URBAN))
        .as("another source: the general limit")
        .isEqualTo(Duration.ofHours(72));
    assertThat(policy.deadlineFor(vending, NORMAL, URBAN))
        .as("an unknown source matches no row naming one")
        .isEqualTo(Duration.ofHours(72));
    assertThat(policy.deadlineFor(vending, Source.HOTLINE_12345, URGENT, URBAN))
        .as("source and grade beat source alone")
        .isEqualTo(Duration.ofHours(2));
    assertThat(policy.deadlineFor(vending, Source.PATROL, URGENT, URBAN))
        .isEqualTo(Duration.ofHours(4));
    assertThat(policy.deadlineFor(e0601, Source.HOTLINE_12345, URGENT, URBAN))
        .as("a category beats a source")
        .isEqualTo(Duration.ofHours(96));
    assertThat(policy.deadlineFor(e0601, Source.PATROL, NORMAL, URBAN))
        .isEqualTo(Duration.ofHours(120));
    assertThat(policy.deadlineFor(p0102, Source.HOTLINE_12345, NORMAL, URBAN))
        .as("a source row cannot loosen the catalogue's 2 h")
        .isEqualTo(Duration.ofHours(2));
    assertThat(policy.deadlineFor(CategoryCode.parse("P9901"), Source.HOTLINE_12345, NORMAL, URBAN))
        .isEqualTo(Duration.ofHours(48));
    assertThat(policy.timeLimits().get(0))
        .isEqualTo(TimeLimit.forSource(Source.HOTLINE_12345, Duration.ofHours(48)));
  }

  @Test
  void aRowNamingALine_rankedAfterTheCategoryAndBeforeTheSource() {
    DispatchPolicy policy =
        load(
            HEAD
                + """
          timeLimits:
            - { line: traffic-police, replyWithin: 12h }
            - { source: HOTLINE_12345, replyWithin: 48h }
            - { line: traffic-police, grade: URGENT, replyWithin: 1h }
            - { category: E04, replyWithin: 60h }
            - { category: E04, line: traffic-police, replyWithin: 6h }
            - { line: urban-management, replyWithin: 3h }
        """);
    Category vending = CATALOGUE.require(CategoryCode.parse("E0402"));
    Category e0601 = CATALOGUE.require(CategoryCode.parse("E0601"));
    LineId police = LineId.of("traffic-police");
    LineId urban = LineId.of("urban-management");

    assertThat(policy.deadlineFor(e0601, police, Source.HOTLINE_12345, NORMAL, URBAN))
        .as("a line beats a source")
        .isEqualTo(Duration.ofHours(12));
    assertThat(
            policy.deadlineFor(e0601, LineId.of("community"), Source.HOTLINE_12345, NORMAL, URBAN))
        .as("another line: the source's row")
        .isEqualTo(Duration.ofHours(48));
    assertThat(policy.deadlineFor(e0601, urban, Source.HOTLINE_12345, NORMAL, URBAN))
        .isEqualTo(Duration.ofHours(3));
    assertThat(policy.deadlineFor(e0601, Source.HOTLINE_12345, NORMAL, URBAN))
        .as("an unknown line matches no row naming one")
        .isEqualTo(Duration.ofHours(48));
    assertThat(policy.deadlineFor(e0601, police, Source.PATROL, URGENT, URBAN))
        .as("line and grade beat line alone")
        .isEqualTo(Duration.ofHours(1));
    assertThat(policy.deadlineFor(vending, police, Source.PATROL, NORMAL, URBAN))
        .as("category and line beat the category")
        .isEqualTo(Duration.ofHours(6));
    assertThat(policy.deadlineFor(vending, police, Source.PATROL, URGENT, URBAN))
        .as("category and line beat line and grade")
        .isEqualTo(Duration.ofHours(6));
    assertThat(policy.deadlineFor(vending, urban, Source.PATROL, NORMAL, URBAN))
        .as("a category beats a line")
        .isEqualTo(Duration.ofHours(60));
    assertThat(policy.timeLimits().get(0))
        .isEqualTo(TimeLimit.forLine(police, Duration.ofHours(12)));
  }

  @Test
  void aLineRow_badOrTwice_refused() {
    assertThat(
            refusals(
                HEAD
                    + """
          timeLimits:
            - { line: "traffic police", replyWithin: 4h }
        """))
        .containsExactly("dispatch.timeLimits[0].line policy.id");
    assertThat(
            refusals(
                HEAD
                    + """
          timeLimits:
            - { line: water, replyWithin: 4h }
            - { line: water, replyWithin: 6h }
            - { line: water, source: APP, replyWithin: 2h }
        """))
        .containsExactly("dispatch.timeLimits[1] policy.time-limits");
  }

  @Test
  void aSourceRow_badOrTwice_refused() {
    assertThat(
            refusals(
                HEAD
                    + """
          timeLimits:
            - { source: PHONE, replyWithin: 4h }
            - { source: APP, replyWithin: 4h }
            - { source: APP, replyWithin: 6h }
            - { source: APP, grade: URGENT, replyWithin: 2h }
        """))
        .as("the bad row hides neither the twice-named one")
        .containsExactly(
            "dispatch.timeLimits[0].source policy.enum",
            "dispatch.timeLimits[2] policy.time-limits");
    assertThat(
            refusals(
                HEAD
                    + """
          timeLimits:
            - { source: APP, replyWithin: 4h }
            - { source: APP, replyWithin: 6h }
            - { source: APP, grade: URGENT, replyWithin: 2h }
        """))
        .containsExactly("dispatch.timeLimits[1] policy.time-limits");
  }

  @Test
  void aCategoryOutsideTheCatalogue_getsTheRowsWithoutAnOwnLimit() {
    DispatchPolicy policy = load(TABLE);
    CategoryCode local = CategoryCode.parse("P9901");

    assertThat(policy.deadlineFor(local, NORMAL, URBAN)).isEqualTo(Duration.ofHours(72));
    assertThat(policy.deadlineFor(local, NORMAL, RURAL)).isEqualTo(Duration.ofHours(96));
    assertThat(policy.deadlineFor(CategoryCode.parse("E9901"), NORMAL, RURAL))
        .isEqualTo(Duration.ofHours(100));
  }

  @Test
  void theSameTableBuiltInCode_equalsTheLoadedOne() {
    DispatchPolicy loaded =
        load(
            HEAD
                + """
          registerWithin: { URGENT: 10m }
          timeLimits:
            - { grade: URGENT, replyWithin: 4h }
            - { areaKind: RURAL, replyWithin: 96h }
        """);
    DispatchPolicy built =
        new DispatchPolicy(
                Duration.ofHours(24),
                Duration.ofHours(72),
                Duration.ofHours(24),
                com.google.common.collect.ImmutableMap.of())
            .withTimeLimits(
                List.of(
                    TimeLimit.forGrade(URGENT, Duration.ofHours(4)),
                    TimeLimit.forAreaKind(RURAL, Duration.ofHours(96))))
            .withRegisterWithin(java.util.Map.of(URGENT, Duration.ofMinutes(10)));

    assertThat(built).isEqualTo(loaded);
  }

  @Test
  void badRows_areRefusedNamingTheirPathAndRule() {
    assertThat(
            refusals(
                HEAD
                    + """
          timeLimits:
            - { grade: SOON, replyWithin: 4h }
            - { areaKind: rural, replyWithin: 96h }
            - { category: E5, replyWithin: 0s }
            - { category: X01, replyWithin: 1h }
            - { grade: URGENT, replyWithin: soon }
            - { grade: URGENT }
            - { grade: URGENT, replyWithin: 1h, areakind: RURAL }
            - 4h
        """))
        .containsExactly(
            "dispatch.timeLimits[0].grade policy.enum",
            "dispatch.timeLimits[1].areaKind policy.enum",
            "dispatch.timeLimits[3].category policy.enum",
            "dispatch.timeLimits[4].replyWithin policy.duration",
            "dispatch.timeLimits[5].replyWithin policy.required",
            "dispatch.timeLimits[6].areakind policy.unknown-field",
            "dispatch.timeLimits[7] policy.type",
            "dispatch.timeLimits[2].replyWithin policy.duration"); // 0s: found beside the others
  }

  @Test
  void aZeroLimit_isRefusedAtItsIndex() {
    assertThat(
            refusals(
                HEAD
                    + """
          timeLimits:
            - { grade: URGENT, replyWithin: 4h }
            - { category: E05, replyWithin: 0s }
        """))
        .containsExactly("dispatch.timeLimits[1].replyWithin policy.duration");
  }

  @Test
  void rowsThatNameNothing_orTheSameThings_orACategoryDeadline_areRefused() {
    assertThat(
            refusals(
                HEAD
                    + """
          categoryDeadlines: { E0601: 36h }
          timeLimits:
            - { replyWithin: 4h }
            - { grade: URGENT, areaKind: RURAL, replyWithin: 4h }
            - { areaKind: RURAL, grade: URGENT, replyWithin: 6h }
            - { category: E0601, replyWithin: 12h }
            - { category: E0601, areaKind: RURAL, replyWithin: 12h }
        """))
        .containsExactly(
            "dispatch.timeLimits[0] policy.time-limits",
            "dispatch.timeLimits[2] policy.time-limits",
            "dispatch.timeLimits[3] policy.time-limits");
  }

  @Test
  void aRowCountedInWorkingTime_mayNotOutlastTenYears() {
    List<Violation> violations =
        catchThrowableOfType(
                InvalidInputException.class,
                () ->
                    load(
                        HEAD
                            + """
          workingTime:
            hours: ["09:00-10:00"]
            workdays: [MONDAY]
            appliesTo: [replyWithin]
          timeLimits:
            - { areaKind: RURAL, replyWithin: 3000d }
        """))
            .violations();

    assertThat(violations)
        .extracting(Violation::path, Violation::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "dispatch.timeLimits[0].replyWithin", PolicyRules.WORKING_HOURS.value()));
  }

  @Test
  void constructor_refusesABadPrefixAndNulls() {
    Violation violation =
        Refusals.refusal(
            () ->
                new TimeLimit(
                    Optional.of("E05x"), Optional.empty(), Optional.empty(), Duration.ofHours(1)),
            "time limit",
            "category",
            PolicyRules.ENUM);
    assertThat(violation.value()).isEqualTo("E05x");
    assertThatThrownBy(
            () -> new TimeLimit(null, Optional.empty(), Optional.empty(), Duration.ofHours(1)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("category");
  }

  @Test
  void validate_aTableBuiltInCode_refusesANonPositiveLimit() {
    PolicySet preset = Presets.kaixuan();
    PolicySet bad =
        new PolicySet(
            preset.id(),
            preset.version(),
            preset.effectiveFrom(),
            preset.zone(),
            preset.source(),
            preset
                .dispatch()
                .withTimeLimits(List.of(TimeLimit.forGrade(URGENT, Duration.ofMinutes(-5)))),
            preset.returns(),
            preset.verification(),
            preset.escalation(),
            preset.targets(),
            preset.pay());

    assertThatThrownBy(() -> PolicyLoader.validate(bad))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "dispatch.timeLimits[0].replyWithin", PolicyRules.DURATION.value())));
  }

  @Test
  void aRowTwice_refusedShowingTheRowByWhatItNames() {
    List<Violation> violations =
        catchThrowableOfType(
                InvalidInputException.class,
                () ->
                    load(
                        HEAD
                            + """
          timeLimits:
            - { category: E05, line: urban-management, source: HOTLINE_12345, grade: URGENT,
                areaKind: RURAL, replyWithin: 2h }
            - { category: E05, line: urban-management, source: HOTLINE_12345, grade: URGENT,
                areaKind: RURAL, replyWithin: 3h }
        """))
            .violations();

    assertThat(violations)
        .extracting(Violation::toString)
        .containsExactly(
            "dispatch.timeLimits[1]: names the same category, line, source, grade and area kind as"
                + " dispatch.timeLimits[0], was {category: E05, line: urban-management, source:"
                + " HOTLINE_12345, grade: URGENT, areaKind: RURAL, replyWithin: PT3H}"
                + " [policy.time-limits]");
  }

  @Test
  void grade_ofAnEmergency_isUrgent() {
    assertThat(TimeLimit.Grade.of(true)).isEqualTo(URGENT);
    assertThat(TimeLimit.Grade.of(false)).isEqualTo(NORMAL);
  }
}
