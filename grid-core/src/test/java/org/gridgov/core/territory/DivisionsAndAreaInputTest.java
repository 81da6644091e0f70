package org.gridgov.core.territory;

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
}
