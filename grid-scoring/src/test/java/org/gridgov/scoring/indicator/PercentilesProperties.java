package org.gridgov.scoring.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class PercentilesProperties {

  /** Narrow values give long runs of equal durations; wide ones mostly distinct durations. */
  @Property(tries = 500)
  void of_anyValuesInAnyOrder_theValueAtTheNearestRankOfTheSortedValues(
      @ForAll @Size(max = 600) List<@LongRange(min = 0, max = 40) Long> narrow,
      @ForAll @Size(max = 600) List<@LongRange(min = 0, max = 10_000_000) Long> wide,
      @ForAll boolean useWide,
      @ForAll @Size(min = 1, max = 5) Set<@IntRange(min = 1, max = 100) Integer> ps,
      @ForAll @IntRange(min = 0, max = 3) int unused) {
    List<Long> list = useWide ? wide : narrow;
    long[] values = new long[list.size() + unused];
    for (int i = 0; i < list.size(); i++) {
      values[i] = list.get(i);
    }
    long[] sorted = Arrays.copyOf(values, list.size());
    Arrays.sort(sorted);
    List<Integer> asked = List.copyOf(ps);

    Percentiles p = Percentiles.of(values, list.size(), asked);

    assertThat(p.count()).isEqualTo(list.size());
    for (int percentile : asked) {
      assertThat(p.p(percentile))
          .as("p%d of %s", percentile, list)
          .isEqualTo(
              sorted.length == 0
                  ? Optional.empty()
                  : Optional.of(
                      Duration.ofSeconds(sorted[Percentiles.rank(percentile, sorted.length) - 1])));
    }
  }

  @Property(tries = 50)
  void of_sortedOrReversed_sameAsSorting(
      @ForAll @IntRange(min = 0, max = 5000) int n, @ForAll boolean reversed) {
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      values[i] = reversed ? n - i : i + 1;
    }

    Percentiles p = Percentiles.of(values, n, List.of(1, 50, 90, 99, 100));

    for (int percentile : List.of(1, 50, 90, 99, 100)) {
      assertThat(p.p(percentile))
          .isEqualTo(
              n == 0
                  ? Optional.empty()
                  : Optional.of(Duration.ofSeconds(Percentiles.rank(percentile, n))));
    }
  }
}
