package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.Map;

/**
 * Picks among items in proportion to their weights (cumulative table, binary search): item {@code
 * i} takes the draws from its lower bound, included, to its upper bound, excluded, so an item of
 * weight 0 is never picked.
 */
final class WeightedChoice<T> {
  private final ImmutableList<T> items;
  private final double[] cumulative;

  WeightedChoice(Map<T, Double> weights) {
    this.items = ImmutableList.copyOf(weights.keySet());
    this.cumulative = new double[items.size()];
    double total = 0;
    int i = 0;
    for (double w : weights.values()) {
      if (w < 0 || Double.isNaN(w)) {
        throw new IllegalArgumentException("weights must not be negative, was " + w);
      }
      total += w;
      cumulative[i++] = total;
    }
    if (total <= 0) {
      throw new IllegalArgumentException("at least one weight must be positive");
    }
    for (int j = 0; j < cumulative.length; j++) {
      cumulative[j] /= total;
    }
  }

  T pick(Randomness random) {
    double u = random.uniform();
    int index = Arrays.binarySearch(cumulative, u);
    if (index < 0) {
      index = -index - 1;
    } else { // on a bound: the draw is the next item's, past any of weight 0 (equal bounds)
      do {
        index++;
      } while (cumulative[index] <= u); // the last bound is 1, above every draw
    }
    return items.get(Math.min(index, items.size() - 1));
  }
}
