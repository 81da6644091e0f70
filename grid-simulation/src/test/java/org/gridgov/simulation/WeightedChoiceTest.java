package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightedChoiceTest {

  /**
   * A draw that falls exactly on the boundary between two items belongs to the later one: an item
   * of weight 0 between them covers no draw at all, so it is never picked.
   */
  @Test
  void aDrawOnABoundary_neverPicksAnItemOfWeightZero() {
    long seed = 1;
    while (new Randomness(seed).uniform() < 0.5) { // 1 - u is then exact, and u + (1 - u) is 1
      seed++;
    }
    double u = new Randomness(seed).uniform();
    Map<String, Double> weights = new LinkedHashMap<>();
    weights.put("before", u);
    weights.put("none", 0.0);
    weights.put("after", 1.0 - u);

    assertThat(new WeightedChoice<>(weights).pick(new Randomness(seed))).isEqualTo("after");
    weights.put("none too", 0.0); // two empty items in a row, "after" now last
    weights.put("after", weights.remove("after"));
    assertThat(new WeightedChoice<>(weights).pick(new Randomness(seed))).isEqualTo("after");
    Map<String, Double> two = new LinkedHashMap<>();
    two.put("before", u);
    two.put("after", 1.0 - u); // the draw on the first bound itself
    assertThat(new WeightedChoice<>(two).pick(new Randomness(seed))).isEqualTo("after");
  }

  @Test
  void picksInProportionToTheWeights() {
    Map<String, Double> weights = new LinkedHashMap<>();
    weights.put("a", 1.0);
    weights.put("b", 0.0);
    weights.put("c", 3.0);
    WeightedChoice<String> choice = new WeightedChoice<>(weights);
    Randomness random = new Randomness(5);
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i < 40_000; i++) {
      counts.merge(choice.pick(random), 1, Integer::sum);
    }

    assertThat(counts).doesNotContainKey("b");
    assertThat(counts.get("c") / 40_000.0).isCloseTo(0.75, within(0.01));
  }

  @Test
  void weightsThatAreNegativeNaNOrAllZero_refused() {
    assertThatThrownBy(() -> new WeightedChoice<>(Map.of("a", 1.0, "b", -0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> new WeightedChoice<>(Map.of("a", 1.0, "b", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> new WeightedChoice<>(Map.of("a", 0.0, "b", 0.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }
}
