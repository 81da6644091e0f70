package org.gridgov.core.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DivisionsAndAreaInputTest {
  @Test
  void load_nullName_refusedNamingTheKnownLadders() {
    assertThatThrownBy(() -> Divisions.load(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no shipped division ladder null")
        .hasMessageContaining(Divisions.HANGZHOU_SHANGCHENG);
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
  void area_aNameOrAttributeNoStoreCanKeep_refusedNamingAreaAndField() {
    // before the fix: PostgreSQL refused the directory's save, MariaDB saved '?', memory kept it
    AreaCode community = AreaCode.parse("330102011002");
    AreaCode grid = AreaCode.of("330102011002099", Level.GRID);
    assertThatThrownBy(() -> Area.of(grid, "网格\u0000x", community, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("area 330102011002099: name must not hold a NUL character (at 2)");
    assertThatThrownBy(() -> Area.of(grid, "网格\ud83d", community, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("area 330102011002099: name must not hold half of a surrogate pair (at 2)");
    assertThatThrownBy(() -> Area.of(grid, "网格", community, Map.of("k\u0000", "v")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("area 330102011002099: attribute name must not hold a NUL");
    assertThatThrownBy(() -> Area.of(grid, "网格", community, Map.of("households", "1\u0000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("area 330102011002099: attribute households must not hold a NUL");
    assertThat(Area.of(grid, "网格 🏠", community, Map.of("households", "120")).name())
        .as("a whole emoji is kept").isEqualTo("网格 🏠");
  }
}
