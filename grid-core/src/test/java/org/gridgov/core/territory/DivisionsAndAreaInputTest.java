package org.gridgov.core.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.core.Refusals.refusal;

import java.util.Map;
import org.gridgov.core.InputRules;
import org.gridgov.core.Violation;
import org.junit.jupiter.api.Test;

class DivisionsAndAreaInputTest {
  @Test
  void load_nullName_refusedNamingTheKnownLadders() {
    Violation violation =
        refusal(() -> Divisions.load(null), "division ladder", "name", InputRules.REQUIRED);
    assertThat(violation.message()).contains(Divisions.HANGZHOU_SHANGCHENG);
  }

  @Test
  void load_unknownName_refusedNamingItAndTheKnownLadders() {
    Violation violation =
        refusal(() -> Divisions.load("nowhere"), "division ladder", "name", InputRules.UNKNOWN);
    assertThat(violation.value()).isEqualTo("nowhere");
    assertThat(violation.message()).contains(Divisions.BEIJING_DONGCHENG);
  }

  @Test
  void names_areTheLaddersLoadAccepts_andEachHasItsShortcut() {
    assertThat(Divisions.names())
        .containsExactly(Divisions.BEIJING_DONGCHENG, Divisions.HANGZHOU_SHANGCHENG);
    assertThat(Divisions.dongcheng()).isSameAs(Divisions.load(Divisions.BEIJING_DONGCHENG));
    assertThat(Divisions.dongcheng().roots())
        .extracting(a -> a.code().value())
        .containsExactly("110101");
    assertThat(Divisions.shangcheng()).isSameAs(Divisions.load(Divisions.HANGZHOU_SHANGCHENG));
  }

  @Test
  void areaOf_nullParentOrAttributes_refusedNamingTheField() {
    AreaCode community = AreaCode.parse("330102011002");
    AreaCode grid = AreaCode.of("330102011002001", Level.GRID);
    assertThatThrownBy(() -> Area.of(grid, "格", null, Map.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("area " + grid + ": parent");
    assertThatThrownBy(() -> Area.of(grid, "格", community, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("attributes");
  }

  @Test
  void area_blankName_refusedNamingAreaAndField() {
    AreaCode grid = AreaCode.of("330102011002099", Level.GRID);
    refusal(() -> Area.root(grid, " "), "area 330102011002099", "name", TerritoryRules.BLANK_NAME);
    refusal(() -> Area.root(grid, null), "area 330102011002099", "name", TerritoryRules.BLANK_NAME);
  }

  @Test
  void area_aNameOrAttributeNoStoreCanKeep_refusedNamingAreaAndField() {
    // before the fix: PostgreSQL refused the directory's save, MariaDB saved '?', memory kept it
    AreaCode community = AreaCode.parse("330102011002");
    AreaCode grid = AreaCode.of("330102011002099", Level.GRID);
    String area = "area 330102011002099";
    assertThat(
            refusal(
                () -> Area.of(grid, "网格\u0000x", community, Map.of()),
                area,
                "name",
                TerritoryRules.TEXT))
        .hasToString("name: must not hold a NUL character (at 2) [territory.text]");
    assertThat(
            refusal(
                    () -> Area.of(grid, "网格\ud83d", community, Map.of()),
                    area,
                    "name",
                    TerritoryRules.TEXT)
                .message())
        .isEqualTo("must not hold half of a surrogate pair (at 2)");
    assertThat(
            refusal(
                    () -> Area.of(grid, "网格", community, Map.of("k\u0000", "v")),
                    area,
                    "attributes",
                    TerritoryRules.TEXT)
                .message())
        .startsWith("an attribute's name must not hold a NUL");
    assertThat(
            refusal(
                    () -> Area.of(grid, "网格", community, Map.of("households", "1\u0000")),
                    area,
                    "attributes.households",
                    TerritoryRules.TEXT)
                .message())
        .startsWith("must not hold a NUL");
    assertThat(Area.of(grid, "网格 🏠", community, Map.of("households", "120")).name())
        .as("a whole emoji is kept")
        .isEqualTo("网格 🏠");
  }
}
