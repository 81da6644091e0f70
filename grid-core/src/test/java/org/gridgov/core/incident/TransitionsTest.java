package org.gridgov.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransitionsTest {

  @Test
  void allows_answersAsTheTableOfStages_forEveryStepAndStage() {
    int allowed = 0;
    for (Step step : Step.values()) {
      for (Stage stage : Stage.values()) {
        boolean inTable = Transitions.allowedStages(step).contains(stage);
        assertThat(Transitions.allows(step, stage)).as("%s in %s", step, stage).isEqualTo(inTable);
        allowed += inTable ? 1 : 0;
      }
    }
    assertThat(allowed).as("pairs allowed").isGreaterThan(20);
    assertThat(Transitions.allows(Step.CLAIM, Stage.REGISTERED)).isTrue();
    assertThat(Transitions.allows(Step.CLAIM, Stage.DISPATCHED)).isFalse();
    assertThat(Stage.values()).hasSizeLessThanOrEqualTo(Long.SIZE); // a stage per bit
  }
}
