package org.gridgov.scoring.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.core.category.CategoryCode;
import org.junit.jupiter.api.Test;

/** {@link Tally}'s reports by category, which the high-incidence share is counted from. */
class TallyTest {
  private static final CategoryCode VENDING = CategoryCode.parse("E0402");
  private static final CategoryCode LITTER = CategoryCode.parse("E0101");

  @Test
  void moveReport_oneOfTwo_movedOneKept_theLastMoved_categoryGone() {
    Tally grid = new Tally(true);
    grid.addReport(VENDING);
    grid.addReport(VENDING);

    grid.moveReport(VENDING, LITTER);

    assertThat(grid.reportsByCategory()).containsOnlyKeys(VENDING, LITTER);
    assertThat(grid.reportsByCategory().get(VENDING)).containsExactly(1);
    assertThat(grid.reportsByCategory().get(LITTER)).containsExactly(1);

    grid.moveReport(VENDING, LITTER);

    assertThat(grid.reportsByCategory())
        .as("no category left with no report")
        .containsOnlyKeys(LITTER);
    assertThat(grid.reportsByCategory().get(LITTER)).containsExactly(2);
  }
}
