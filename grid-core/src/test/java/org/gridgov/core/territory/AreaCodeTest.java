package org.gridgov.core.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.core.Refusals.refusal;

import org.gridgov.core.InputRules;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AreaCodeTest {

  @Test
  void parse_divisionCodes_infersLevel() {
    assertThat(AreaCode.parse("330000").level()).isEqualTo(Level.PROVINCE);
    assertThat(AreaCode.parse("330100").level()).isEqualTo(Level.CITY);
    assertThat(AreaCode.parse("330102").level()).isEqualTo(Level.DISTRICT);
    assertThat(AreaCode.parse("330102011").level()).isEqualTo(Level.STREET);
    assertThat(AreaCode.parse("330102011002").level()).isEqualTo(Level.COMMUNITY);
  }

  @Test
  void parse_gridLengthCode_isRefusedAskingForTheLevel() {
    Violation violation =
        refusal(
            () -> AreaCode.parse("330102011002001"),
            "area code 330102011002001",
            "value",
            TerritoryRules.CODE_LENGTH);
    assertThat(violation.message())
        .isEqualTo("a division code has 6, 9 or 12 digits, was 15; name the level of a grid code");
  }

  @Test
  void parse_null_isRefusedAsRequired() {
    refusal(() -> AreaCode.parse(null), "area code", "value", InputRules.REQUIRED);
  }

  @ParameterizedTest
  @CsvSource({
    "'', DISTRICT, must not be empty, territory.code-format",
    "33O102, DISTRICT, digits only, territory.code-format",
    "33O10, DISTRICT, digits only, territory.code-format",
    "33010, DISTRICT, 6 digits, territory.code-length",
    "000102, DISTRICT, province segment, territory.code-format",
    "330101, PROVINCE, ends in 0000, territory.code-format",
    "330000, CITY, non-zero city segment, territory.code-format",
    "330100, DISTRICT, county segment, territory.code-format",
    "33010201, STREET, 9 digits, territory.code-length",
    "330102000, STREET, 001 to 599, territory.code-format",
    "330102600, STREET, 001 to 599, territory.code-format",
    "330100011, STREET, district part, territory.code-format",
    "330102011000, COMMUNITY, must not be 000, territory.code-format",
    "3301020110021, COMMUNITY, 12 digits, territory.code-length",
    "330102011002000, GRID, must not be zero, territory.code-format",
    "3301020110020011, GRID, 14 or 15 digits, territory.code-length",
    "330102011000001, GRID, community part, territory.code-format",
    "33010201100201000, MICRO_GRID, must not be zero, territory.code-format",
    "330102011002001, MICRO_GRID, 16 to 20 digits, territory.code-length",
    "330102011002001000001, MICRO_GRID, 16 to 20 digits, territory.code-length",
    "3301029, DISTRICT, 6 digits, territory.code-length"
  })
  void of_brokenCode_isRefusedNamingTheRule(
      String value, Level level, String problem, String rule) {
    assertThat(AreaCode.problem(value, level))
        .hasValueSatisfying(p -> assertThat(p).contains(problem));
    Violation violation =
        refusal(
            () -> AreaCode.of(value, level),
            "area code " + value + " (" + level + ")",
            "value",
            RuleId.of(rule));
    assertThat(violation.message()).contains(problem);
  }

  @Test
  void of_nullLevelOrValue_isRefusedAsRequired() {
    refusal(() -> AreaCode.of("330102", null), "area code 330102", "level", InputRules.REQUIRED);
    refusal(() -> AreaCode.of(null, null), "area code", "level", InputRules.REQUIRED);
    refusal(
        () -> AreaCode.of(null, Level.DISTRICT),
        "area code (DISTRICT)",
        "value",
        InputRules.REQUIRED);
  }

  @Test
  void of_brokenCode_rendersTheSubjectFieldAndRule() {
    assertThatThrownBy(() -> AreaCode.of("33O102", Level.DISTRICT))
        .hasMessage(
            "invalid area code 33O102 (DISTRICT): 1 violation"
                + System.lineSeparator()
                + "  value: must hold digits only [territory.code-format]");
  }

  @Test
  void isPrefixOf_ancestorsByCode_areStrictPrefixes() {
    AreaCode province = AreaCode.parse("330000");
    AreaCode city = AreaCode.parse("330100");
    AreaCode district = AreaCode.parse("330102");
    AreaCode street = AreaCode.parse("330102011");
    AreaCode grid = AreaCode.of("330102011002001", Level.GRID);

    assertThat(province.isPrefixOf(district)).isTrue();
    assertThat(city.isPrefixOf(district)).isTrue();
    assertThat(district.isPrefixOf(grid)).isTrue();
    assertThat(street.isPrefixOf(grid)).isTrue();
    assertThat(grid.isPrefixOf(street)).isFalse();
    assertThat(street.isPrefixOf(street)).isFalse();
    assertThat(AreaCode.parse("110101").isPrefixOf(street)).isFalse();
    assertThat(AreaCode.parse("330200").isPrefixOf(district)).isFalse();
  }

  @Test
  void isPrefixOf_aCodeAtTheSameLevel_isNoPrefixEvenWhenItsDigitsAre() {
    // a province or city code is matched by its leading digits only, and grids come in 14 or 15
    // digits: neither makes an area contain itself or a sibling
    AreaCode province = AreaCode.parse("330000");
    AreaCode city = AreaCode.parse("330100");

    assertThat(province.isPrefixOf(province)).isFalse();
    assertThat(province.isPrefixOf(AreaCode.parse("330000"))).isFalse();
    assertThat(city.isPrefixOf(city)).isFalse();
    assertThat(
            AreaCode.of("33010201100201", Level.GRID)
                .isPrefixOf(AreaCode.of("330102011002011", Level.GRID)))
        .isFalse();
  }

  @Test
  void of_microGridOfEveryLengthSomeSchemeGives_isAccepted() {
    // CodeScheme(2, 2) gives the shortest micro-grid, CodeScheme(3, 5) the longest
    AreaCode shortest =
        new CodeScheme(2, 2).microGrid(AreaCode.of("33010201100201", Level.GRID), 1);
    AreaCode longest =
        new CodeScheme(3, 5).microGrid(AreaCode.of("330102011002001", Level.GRID), 1);

    assertThat(shortest.value()).hasSize(16);
    assertThat(longest.value()).hasSize(20);
    assertThat(AreaCode.problem("3301020110020101", Level.MICRO_GRID)).isEmpty();
    assertThat(AreaCode.problem("33010201100200100001", Level.MICRO_GRID)).isEmpty();
  }

  @Test
  void codePrefix_isWhatEveryCodeInsideStartsWith() {
    assertThat(AreaCode.parse("330000").codePrefix()).isEqualTo("33");
    assertThat(AreaCode.parse("330100").codePrefix()).isEqualTo("3301");
    assertThat(AreaCode.parse("330102").codePrefix()).isEqualTo("330102");
    assertThat(AreaCode.parse("330102011").codePrefix()).isEqualTo("330102011");
    assertThat(AreaCode.of("330102011002001", Level.GRID).codePrefix())
        .isEqualTo("330102011002001");
  }

  @ParameterizedTest
  @CsvSource({
    "330102011, STREET_OFFICE",
    "330102099, STREET_OFFICE",
    "330102100, TOWN",
    "330102199, TOWN",
    "330102200, TOWNSHIP",
    "330102399, TOWNSHIP",
    "330102400, ENTERPRISE_UNIT",
    "330102599, ENTERPRISE_UNIT"
  })
  void streetKind_segment_followsGbt10114(String code, StreetKind kind) {
    assertThat(AreaCode.parse(code).streetKind()).contains(kind);
  }

  @Test
  void streetKind_notAStreet_isEmpty() {
    assertThat(AreaCode.parse("330102011002").streetKind()).isEmpty();
  }

  @Test
  void compareTo_sameDigits_ordersByValueThenLevel() {
    assertThat(AreaCode.parse("330102").compareTo(AreaCode.parse("330102011"))).isNegative();
    assertThat(AreaCode.parse("330102"))
        .isEqualByComparingTo(AreaCode.of("330102", Level.DISTRICT));
  }
}
