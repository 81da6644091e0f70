package org.gridgov.scoring.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecondsListTest {

  @Test
  void add_beyondAnIntsRange_countsAsTheBound() {
    SecondsList list = new SecondsList();
    list.add(-5);
    list.add(Long.MAX_VALUE);
    list.add(Long.MIN_VALUE);
    list.add(Integer.MAX_VALUE);

    Percentiles p = list.percentiles(List.of(25, 50, 100));

    assertThat(p.p(25)).contains(Duration.ofSeconds(Integer.MIN_VALUE));
    assertThat(p.p(50)).contains(Duration.ofSeconds(-5));
    assertThat(p.p(100)).contains(Duration.ofSeconds(Integer.MAX_VALUE));
  }

  @Test
  void percentiles_acrossSeveralChunks_seeEveryValue() {
    SecondsList list = new SecondsList();
    int n = 3 * SecondsList.CHUNK + 5;
    // 1..n in a scrambled order (7919 is prime, so i * 7919 mod n visits every residue once)
    for (int i = 0; i < n; i++) {
      list.add((long) i * 7919 % n + 1);
    }

    Percentiles p = list.percentiles(List.of(1, 50, 100));

    assertThat(list.size()).isEqualTo(n);
    assertThat(p.count()).isEqualTo(n);
    assertThat(p.p(1)).contains(Duration.ofSeconds(Percentiles.rank(1, n)));
    assertThat(p.p(50)).contains(Duration.ofSeconds(Percentiles.rank(50, n)));
    assertThat(p.p(100)).contains(Duration.ofSeconds(n));
  }

  @Test
  void percentiles_askedTwice_sameAnswerAndValuesKept() {
    SecondsList list = new SecondsList();
    for (long v : new long[] {9, 1, 8, 2, 7, 3, 6, 4, 5, 10}) {
      list.add(v);
    }

    Percentiles first = list.percentiles(List.of(50, 90));
    list.add(0);
    Percentiles second = list.percentiles(List.of(50, 90));

    assertThat(first.p(50)).contains(Duration.ofSeconds(5));
    assertThat(first.p(90)).contains(Duration.ofSeconds(9));
    assertThat(second.count()).isEqualTo(11);
    assertThat(second.p(50)).contains(Duration.ofSeconds(5));
    assertThat(second.p(90)).contains(Duration.ofSeconds(9));
  }
}
