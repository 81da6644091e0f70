package org.gridgov.core.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    assertThatThrownBy(() -> AreaCode.parse("330102011002001"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name the level");
  }

  @ParameterizedTest
  @CsvSource({
    "'', DISTRICT, must not be empty",
    "33O102, DISTRICT, digits only",
    "33010, DISTRICT, 6 digits",
    "000102, DISTRICT, province segment",
    "330101, PROVINCE, ends in 0000",
    "330000, CITY, non-zero city segment",
    "330100, DISTRICT, county segment",
    "33010201, STREET, 9 digits",
    "330102000, STREET, 001 to 599",
    "330102600, STREET, 001 to 599",
    "330100011, STREET, district part",
    "330102011000, COMMUNITY, must not be 000",
    "3301020110021, COMMUNITY, 12 digits",
    "330102011002000, GRID, must not be zero",
    "3301020110020011, GRID, 14 or 15 digits",
    "330102011000001, GRID, community part",
    "33010201100201000, MICRO_GRID, must not be zero",
    "330102011002001, MICRO_GRID, 16 to 20 digits"
  })
  void of_brokenCode_isRefusedNamingTheRule(String value, Level level, String rule) {
    assertThat(AreaCode.problem(value, level)).hasValueSatisfying(p -> assertThat(p).contains(rule));
    assertThatThrownBy(() -> AreaCode.of(value, level))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(rule)
        .hasMessageContaining(level.name());
  }

  @Test
  void of_nullLevel_isRefused() {
    assertThatThrownBy(() -> AreaCode.of("330102", null)).hasMessageContaining("level");
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
    assertThat(AreaCode.parse("330102")).isEqualByComparingTo(AreaCode.of("330102", Level.DISTRICT));
  }
}
