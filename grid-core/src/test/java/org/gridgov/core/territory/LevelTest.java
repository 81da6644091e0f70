package org.gridgov.core.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LevelTest {

  @Test
  void upAndDown_stepOneRungAndStopAtTheEnds() {
    assertThat(Level.PROVINCE.down()).contains(Level.CITY);
    assertThat(Level.COMMUNITY.down()).contains(Level.GRID);
    assertThat(Level.GRID.down()).contains(Level.MICRO_GRID);
    assertThat(Level.MICRO_GRID.down()).isEmpty();
    assertThat(Level.PROVINCE.up()).isEmpty();
    assertThat(Level.GRID.up()).contains(Level.COMMUNITY);
    for (Level level : Level.values()) {
      level.down().ifPresent(below -> assertThat(below.up()).contains(level));
    }
  }

  @Test
  void isAboveAndIsBelow_areStrict() {
    assertThat(Level.STREET.isAbove(Level.GRID)).isTrue();
    assertThat(Level.STREET.isAbove(Level.STREET)).isFalse();
    assertThat(Level.GRID.isBelow(Level.STREET)).isTrue();
    assertThat(Level.GRID.isBelow(Level.GRID)).isFalse();
  }
}
