package org.gridgov.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintsTest {

  @Test
  void add_thenContains_acrossManyGrowths() {
    Fingerprints set = new Fingerprints();
    for (int i = 0; i < 200_000; i++) {
      assertThat(set.add("I" + i)).as("first add of I%d", i).isTrue();
    }

    for (int i = 0; i < 200_000; i++) {
      assertThat(set.contains("I" + i)).as("I%d", i).isTrue();
    }
    for (int i = 200_000; i < 400_000; i++) {
      assertThat(set.contains("I" + i)).as("never added: I%d", i).isFalse();
    }
  }

  @Test
  void add_twice_secondTimeFalse() {
    Fingerprints set = new Fingerprints();

    assertThat(set.add("node-1-k3x-0001")).isTrue();
    assertThat(set.add("node-1-k3x-0001")).isFalse();
    assertThat(set.contains("node-1-k3x-0001")).isTrue();
  }

  @Test
  void contains_empty_false_andNearStringsDiffer() {
    Fingerprints set = new Fingerprints();
    assertThat(set.contains("")).isFalse();

    set.add("i1");

    assertThat(set.contains("i1")).isTrue();
    assertThat(set.contains("I1")).isFalse();
    assertThat(set.contains("i1 ")).isFalse();
    assertThat(set.contains("i10")).isFalse();
  }
}
