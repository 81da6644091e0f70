package org.gridgov.core.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.junit.jupiter.api.Test;

class TerritoryBuilderTest {
  private static final String HEADER = "code,name,level,parent_code\n";
  private static final String LADDER =
      HEADER
          + "330102,上城区,DISTRICT,\n"
          + "330102011,凯旋街道,STREET,330102\n"
          + "330102011002,景芳社区,COMMUNITY,330102011\n";

  private static InvalidInputException rejected(String csv) {
    return rejected(Territory.builder(), csv);
  }

  private static InvalidInputException rejected(TerritoryBuilder builder, String csv) {
    return catchThrowableOfType(
        InvalidInputException.class,
        () -> builder.addCsv(new StringReader(csv), "grids.csv").build());
  }

  private static void assertSingle(InvalidInputException error, String path, Object rule) {
    assertThat(error).as("expected a rejection").isNotNull();
    assertThat(error.violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(path, rule.toString()));
  }

  @Test
  void build_validLadderWithGrid_buildsTree() {
    Territory territory =
        Territory.builder()
            .addCsv(new StringReader(LADDER + "330102011002001,一,GRID,330102011002\n"), "grids.csv")
            .build();

    assertThat(territory.size()).isEqualTo(4);
    assertThat(territory.at(Level.GRID)).singleElement().extracting(Area::name).isEqualTo("一");
  }

  @Test
  void build_byteOrderMarkBeforeAQuotedHeaderAndCrlf_readLikeAnyOther() {
    Territory territory =
        Territory.builder()
            .addCsv(
                new StringReader(
                    "\uFEFF\"code\",\"name\",\"level\",\"parent_code\"\r\n"
                        + "\"110101\",\"东城区\",\"DISTRICT\",\"\"\r\n"
                        + "\"110101001\",\"东华门街道\",\"STREET\",\"110101\"\r\n"),
                "r.csv")
            .build();

    assertThat(territory.at(Level.STREET))
        .singleElement()
        .extracting(Area::name)
        .isEqualTo("东华门街道");
  }

  @Test
  void build_byteOrderMarkBeforeAPlainHeader_readLikeAnyOther() {
    Territory territory =
        Territory.builder().addCsv(new StringReader("\uFEFF" + LADDER), "excel.csv").build();

    assertThat(territory.size()).isEqualTo(3);
  }

  @Test
  void build_rowsOfEmptyCellsAsASpreadsheetSavesThem_areSkippedLikeBlankLines() {
    Territory territory =
        Territory.builder()
            .addCsv(
                new StringReader(LADDER + ",,,\n330102011002001,一,GRID,330102011002\n , ,,\n,,,\n"),
                "excel.csv")
            .build();

    assertThat(territory.size()).isEqualTo(4);
  }

  @Test
  void build_unknownLevel_isRejected() {
    assertSingle(
        rejected(LADDER + "330102011002001,一,BLOCK,330102011002\n"),
        "grids.csv:5",
        TerritoryRules.UNKNOWN_LEVEL);
  }

  @Test
  void build_nonDigitCode_isRejectedAsFormat() {
    assertSingle(
        rejected(LADDER + "33010201100200A,一,GRID,330102011002\n"),
        "grids.csv:5",
        TerritoryRules.CODE_FORMAT);
  }

  @Test
  void build_zeroGridSequence_isRejectedAsFormat() {
    assertSingle(
        rejected(LADDER + "330102011002000,一,GRID,330102011002\n"),
        "grids.csv:5",
        TerritoryRules.CODE_FORMAT);
  }

  @Test
  void build_codeLengthNotMatchingLevel_isRejected() {
    assertSingle(
        rejected(LADDER + "33010201100201,一,GRID,330102011002\n"),
        "grids.csv:5",
        TerritoryRules.CODE_LENGTH);
  }

  @Test
  void build_fourteenDigitGridUnderCjt213_isAccepted() {
    Territory territory =
        Territory.builder(CodeScheme.CJT_213)
            .addCsv(new StringReader(LADDER + "33010201100201,一,GRID,330102011002\n"), "grids.csv")
            .build();

    assertThat(territory.scheme()).isEqualTo(CodeScheme.CJT_213);
    assertThat(territory.at(Level.GRID)).hasSize(1);
  }

  @Test
  void build_blankName_isRejected() {
    assertSingle(
        rejected(LADDER + "330102011002001, ,GRID,330102011002\n"),
        "grids.csv:5",
        TerritoryRules.BLANK_NAME);
  }

  @Test
  void build_unknownParent_isRejected() {
    assertSingle(
        rejected(LADDER + "330102011003001,一,GRID,330102011003\n"),
        "grids.csv:5",
        TerritoryRules.UNKNOWN_PARENT);
  }

  @Test
  void build_gridWithoutParentWhoseCommunityIsThere_isRejectedNotMadeARoot() {
    assertSingle(
        rejected(LADDER + "330102011002001,一,GRID,\n"),
        "grids.csv:5",
        TerritoryRules.MISSING_PARENT);
    assertSingle(
        rejected(LADDER + "330102011002002,二,GRID\n"),
        "grids.csv:5",
        TerritoryRules.MISSING_PARENT);
  }

  @Test
  void build_microGridWithoutParentWhoseGridIsMissingButCommunityIsThere_isRejectedNotMadeARoot() {
    assertSingle(
        rejected(LADDER + "330102011002001001,一幢,MICRO_GRID,\n"),
        "grids.csv:5",
        TerritoryRules.MISSING_PARENT);
    assertSingle(
        rejected(LADDER + "330102011003001,一,GRID,\n"),
        "grids.csv:5",
        TerritoryRules.MISSING_PARENT);
  }

  @Test
  void build_codeOutsideParentPrefix_isRejected() {
    assertSingle(
        rejected(
            LADDER
                + "330102011003,景华社区,COMMUNITY,330102011\n"
                + "330102011003001,一,GRID,330102011002\n"),
        "grids.csv:6",
        TerritoryRules.PARENT_PREFIX);
  }

  @Test
  void build_parentTwoRungsUp_isRejectedAsLevelOrder() {
    assertSingle(
        rejected(LADDER + "330102011002001,一,GRID,330102011\n"),
        "grids.csv:5",
        TerritoryRules.LEVEL_ORDER);
  }

  @Test
  void build_parentBelowChild_isRejectedAsLevelOrder() {
    assertSingle(
        rejected(LADDER + "330102012,某街道,STREET,330102011002\n"),
        "grids.csv:5",
        TerritoryRules.LEVEL_ORDER);
  }

  @Test
  void build_duplicateCode_isRejectedOnTheSecondRow() {
    InvalidInputException error = rejected(LADDER + "330102011,凯旋街道,STREET,330102\n");

    assertSingle(error, "grids.csv:5", TerritoryRules.DUPLICATE_CODE);
    assertThat(error.violations().get(0).message()).contains("grids.csv:3");
  }

  @Test
  void build_nonDigitCodeOfAnyLength_isRejectedAsFormatNotLength() {
    assertSingle(
        rejected(HEADER + "33O1O,上城区,DISTRICT,\n"), "grids.csv:2", TerritoryRules.CODE_FORMAT);
  }

  @Test
  void build_rowWithACellOverTwoLines_isNamedByTheLineItStartsOn() {
    InvalidInputException error =
        rejected(HEADER + "330102,上城区,DISTRICT,\n" + "330102011,\"凯旋\n街道\",STREET,330103\n");

    assertSingle(error, "grids.csv:3", TerritoryRules.UNKNOWN_PARENT);
  }

  @Test
  void build_attributeNameNoStoreKeeps_isRejectedAtTheRowAddedInCode() {
    // a row added in code has no line: its source alone names it
    InvalidInputException error =
        catchThrowableOfType(
            InvalidInputException.class,
            () ->
                Territory.builder()
                    .add(
                        "330102",
                        "上城区",
                        "DISTRICT",
                        "",
                        Map.of("house\u0000holds", "1"),
                        "in code",
                        0)
                    .build());

    assertSingle(error, "in code", TerritoryRules.TEXT);
    assertThat(error.violations().get(0).message()).startsWith("an attribute's name");
  }

  @Test
  void add_areasBuiltInCode_chainAndBuild() {
    AreaCode district = AreaCode.parse("330102");
    AreaCode street = AreaCode.parse("330102011");

    Territory territory =
        Territory.builder()
            .add(Area.root(district, "上城区"), "code")
            .add(Area.of(street, "凯旋街道", district, Map.of()), "code")
            .build();

    assertThat(territory.children(district)).extracting(Area::code).containsExactly(street);
  }

  @Test
  void build_twoAreasParentOfEachOther_isRejectedAsCycleOnBoth() {
    InvalidInputException error =
        rejected(
            HEADER
                + "330102011,凯旋街道,STREET,330102011002\n"
                + "330102011002,景芳社区,COMMUNITY,330102011\n");

    assertThat(error.violations())
        .filteredOn(v -> v.rule().equals(TerritoryRules.CYCLE.value()))
        .extracting(Violation::path)
        .containsExactly("grids.csv:2", "grids.csv:3");
  }

  @Test
  void build_ownParent_isRejectedAsCycle() {
    InvalidInputException error = rejected(HEADER + "330102,上城区,DISTRICT,330102\n");

    assertThat(error.violations())
        .extracting(Violation::rule)
        .contains(TerritoryRules.CYCLE.value());
  }

  @Test
  void build_missingRequiredColumn_isRejectedAsFileFormat() {
    assertSingle(
        rejected("code,name,level\n330102,上城区,DISTRICT\n"),
        "grids.csv:1",
        TerritoryRules.FILE_FORMAT);
  }

  @Test
  void build_columnNamedTwice_isRejectedAsFileFormatNotReadAsTheLastOne() {
    InvalidInputException error =
        rejected(
            "code,name,level,parent_code,households,households\n330102,上城区,DISTRICT,,120,150\n");

    assertSingle(error, "grids.csv:1", TerritoryRules.FILE_FORMAT);
    assertThat(error.violations().get(0).message()).contains("households");
    assertSingle(
        rejected("code,name,level,parent_code,code\n330102,上城区,DISTRICT,,330103\n"),
        "grids.csv:1",
        TerritoryRules.FILE_FORMAT);
  }

  @Test
  void build_aQuoteInTheMiddleOfACell_malformedWithoutShowingTheCell() {
    // before the fix: "Unexpected character ('六' (code 20845 ...))", a character of the name
    InvalidInputException error = rejected(HEADER + "330102,\"上城\"六区,DISTRICT,\n");

    assertSingle(error, "grids.csv:2", TerritoryRules.FILE_FORMAT);
    assertThat(error.violations().get(0).message())
        .startsWith("malformed CSV: ")
        .contains("(a character)")
        .doesNotContain("六");
  }

  @Test
  void build_aNameOrAttributeNoStoreCanKeep_refusedByRowWithoutShowingIt() {
    InvalidInputException error =
        rejected(
            "code,name,level,parent_code,households\n"
                + "330102,上城\u0000区,DISTRICT,,\n330102011,凯旋街道,STREET,330102,1\u00002\n");

    assertThat(error.violations())
        .extracting(Violation::path, Violation::rule, Violation::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "grids.csv:2", "territory.text", "name must not hold a NUL character (at 2)"),
            org.assertj.core.groups.Tuple.tuple(
                "grids.csv:3",
                "territory.text",
                "attribute households must not hold a NUL character (at 1)"));
  }

  @Test
  void build_rowWithTooManyCells_isRejectedAsFileFormat() {
    assertSingle(
        rejected(LADDER + "330102011002001,一,GRID,330102011002,extra\n"),
        "grids.csv:5",
        TerritoryRules.FILE_FORMAT);
  }

  @Test
  void build_severalBadRows_oneExceptionListsEveryRowWithItsLine() {
    String csv =
        "# comment line\n"
            + LADDER
            + "330102011002001,一,GRID,330102011002\n"
            + "330102011002001,二,GRID,330102011002\n"
            + "33010201100200X,三,GRID,330102011002\n"
            + "\n"
            + "330102011002004,,GRID,330102011002\n"
            + "330102011009005,五,GRID,330102011009\n"
            + "330102011002006,六,GRIDDY,330102011002\n";

    InvalidInputException error = rejected(csv);

    assertThat(error.subject()).isEqualTo("territory");
    assertThat(error.violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("grids.csv:7", "territory.duplicate-code"),
            org.assertj.core.groups.Tuple.tuple("grids.csv:8", "territory.code-format"),
            org.assertj.core.groups.Tuple.tuple("grids.csv:10", "territory.blank-name"),
            org.assertj.core.groups.Tuple.tuple("grids.csv:11", "territory.unknown-parent"),
            org.assertj.core.groups.Tuple.tuple("grids.csv:12", "territory.unknown-level"));
  }

  @Test
  void build_quotedCellWithNewline_keepsLineNumbersOfLaterRows() {
    InvalidInputException error =
        rejected(
            LADDER
                + "330102011002001,\"一\n号\",GRID,330102011002\n"
                + "330102011002002,二,GRID,330102011009\n");

    assertSingle(error, "grids.csv:7", TerritoryRules.UNKNOWN_PARENT);
  }

  @Test
  void addAll_loadedTerritory_extendsItWithGrids() {
    Territory base = Territory.builder().addCsv(new StringReader(LADDER), "ladder.csv").build();

    Territory extended =
        Territory.builder()
            .addAll(base)
            .add(
                "330102011002001",
                "一",
                "GRID",
                "330102011002",
                Map.of("households", "120"),
                "api",
                1)
            .build();

    assertThat(extended.size()).isEqualTo(4);
    assertThat(base.size()).isEqualTo(3);
    assertThat(extended.descendants(AreaCode.parse("330102"), Level.GRID)).hasSize(1);
  }

  @Test
  void add_attributesMissingOrWithBlankNamesOrValues_listedWithTheRow() {
    Territory base = Territory.builder().addCsv(new StringReader(LADDER), "ladder.csv").build();
    Map<String, String> bad = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    bad.put(null, "1");
    bad.put(" ", "2");
    bad.put("households", null);
    bad.put("area_kind", " ");
    bad.put("area_km2", "0.4");

    InvalidInputException error =
        catchThrowableOfType(
            InvalidInputException.class,
            () ->
                Territory.builder()
                    .addAll(base)
                    .add("330102011002001", "一", "GRID", "330102011002", bad, "api", 7)
                    .add("330102011002002", "二", "GRID", "330102011002", null, "api", 8)
                    .build());

    assertThat(error.violations())
        .extracting(Violation::toString)
        .containsExactly(
            "api:7: attribute names must not be blank [territory.attribute]",
            "api:7: attribute names must not be blank, was   [territory.attribute]",
            "api:7: attribute area_kind must not be blank (leave it out instead), was   "
                + "[territory.attribute]",
            "api:7: attribute households must not be blank (leave it out instead) "
                + "[territory.attribute]",
            "api:8: attributes must not be null (use an empty map) [territory.attribute]");
  }

  @Test
  void addAll_gridDuplicatingALoadedArea_isRejected() {
    Territory base = Territory.builder().addCsv(new StringReader(LADDER), "ladder.csv").build();

    InvalidInputException error =
        rejected(
            Territory.builder().addAll(base), HEADER + "330102011002,景芳,COMMUNITY,330102011\n");

    assertSingle(error, "grids.csv:2", TerritoryRules.DUPLICATE_CODE);
  }
}
