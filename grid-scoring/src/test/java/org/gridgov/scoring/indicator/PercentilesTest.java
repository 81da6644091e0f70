package org.gridgov.scoring.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void rank_nearestRank_ceilOfPTimesNOver100() {
    assertThat(Percentiles.rank(50, 4)).isEqualTo(2);
    assertThat(Percentiles.rank(50, 5)).isEqualTo(3);
    assertThat(Percentiles.rank(90, 10)).isEqualTo(9);
    assertThat(Percentiles.rank(90, 11)).isEqualTo(10);
    assertThat(Percentiles.rank(100, 7)).isEqualTo(7);
    assertThat(Percentiles.rank(1, 7)).isEqualTo(1);
  }

  @Test
  void of_tenValues_returnsObservedValues() {
    long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    Percentiles p = Percentiles.of(sorted, sorted.length, List.of(25, 50, 90, 100));

    assertThat(p.count()).isEqualTo(10);
    assertThat(p.p(25)).contains(Duration.ofSeconds(3));
    assertThat(p.p(50)).contains(Duration.ofSeconds(5));
    assertThat(p.p(90)).contains(Duration.ofSeconds(9));
    assertThat(p.p(100)).contains(Duration.ofSeconds(10));
    assertThat(p.p(75)).as("not asked").isEmpty();
    assertThat(p.mean()).as("55 s over 10").contains(Duration.ofMillis(5_500));
  }

  @Test
  void mean_ofUnevenValues_keepsTheFraction() {
    long[] values = {3600, 0, 1};

    Percentiles p = Percentiles.of(values, values.length, List.of(50));

    assertThat(p.mean()).contains(Duration.ofSeconds(3601).dividedBy(3));
    assertThat(p.mean().orElseThrow().toNanos()).isEqualTo(1_200_333_333_333L);
  }

  @Test
  void of_noValues_empty() {
    assertThat(Percentiles.of(new long[0], 0, List.of(50))).isEqualTo(Percentiles.NONE);
    assertThat(Percentiles.NONE.mean()).isEmpty();
  }

  @Test
  void rank_outOfRange_refused() {
    assertThatThrownBy(() -> Percentiles.rank(0, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.rank(101, 3)).isInstanceOf(IllegalArgumentException.class);
  }
}
