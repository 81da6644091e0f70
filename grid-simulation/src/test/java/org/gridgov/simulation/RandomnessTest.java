package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The per-case streams: keyed by the whole id, so that no two cases share their draws. */
class RandomnessTest {
  private static final long SEED = new Randomness(42).nextSeed();

  /** The first two ids of a run whose 32-bit {@link String#hashCode} is the same. */
  @Test
  void casesWhoseStringHashesCollide_drawApart() {
    assertThat("I18200000".hashCode())
        .as("the ids collide in String.hashCode")
        .isEqualTo("I1021885".hashCode());
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());

    assertThat(draws("I18200000")).isNotEqualTo(draws("I1021885"));
    assertThat(draws("Aa")).isNotEqualTo(draws("BB"));
    assertThat(Randomness.ofCase(SEED, "I18200000"))
        .isNotEqualTo(Randomness.ofCase(SEED, "I1021885"));
    assertThat(Randomness.ofCase(SEED, "Aa")).isNotEqualTo(Randomness.ofCase(SEED, "BB"));
  }

  /** Every id of a long run (two million cases) has a key of its own. */
  @Test
  void caseKeys_ofTwoMillionIds_areDistinct() {
    int n = 2_000_000;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = Randomness.caseKey("I" + (i + 1));
    }
    Arrays.sort(keys);
    long distinct = Arrays.stream(keys).distinct().count();

    assertThat(distinct).isEqualTo(n);
  }

  /** A step's stream depends on the seed, the case and the step alone. */
  @Test
  void forStep_isAFunctionOfSeedCaseAndStep() {
    assertThat(draws("I7")).isEqualTo(draws("I7"));
    assertThat(Randomness.forStep(SEED, "I7", 3).uniform())
        .isNotEqualTo(Randomness.forStep(SEED, "I7", 4).uniform());
    assertThat(Randomness.forStep(SEED, "I7", 3).uniform())
        .isNotEqualTo(Randomness.forStep(SEED + 1, "I7", 3).uniform());
  }

  /** Seed 0 is a seed like any other: its cases and steps draw apart too. */
  @Test
  void forStep_underSeedZero_stillDrawsApartByCaseAndStep() {
    assertThat(Randomness.forStep(0, "I7", 3).uniform())
        .isNotEqualTo(Randomness.forStep(0, "I8", 3).uniform());
    assertThat(Randomness.forStep(0, "I7", 3).uniform())
        .isNotEqualTo(Randomness.forStep(0, "I7", 4).uniform());
  }

  /** Two seeds derive different seeds for their later streams. */
  @Test
  void nextSeed_differsBySeed_andRepeatsForTheSameSeed() {
    assertThat(new Randomness(1).nextSeed())
        .isNotEqualTo(new Randomness(2).nextSeed())
        .isEqualTo(new Randomness(1).nextSeed());
  }

  /**
   * The keyed draws of consecutive keys (a run's patrols, its cases) are uniform on [0, 1) under
   * any seed, seed 0 included, and two seeds give different draws for one key.
   */
  @Test
  void ofKey_overConsecutiveKeys_isUniformOnZeroToOne() {
    for (long seed : new long[] {0, 1, SEED}) {
      int n = 100_000;
      int[] tenths = new int[10];
      for (long key = 0; key < n; key++) {
        double u = Randomness.ofKey(seed, key);
        assertThat(u).as("seed %d, key %d", seed, key).isGreaterThanOrEqualTo(0).isLessThan(1);
        tenths[(int) (u * 10)]++;
      }
      // 10,000 expected in each tenth (sd about 95)
      for (int tenth = 0; tenth < 10; tenth++) {
        assertThat(tenths[tenth]).as("seed %d, tenth %d", seed, tenth).isBetween(9_600, 10_400);
      }
    }
    assertThat(Randomness.ofKey(0, 5)).isNotEqualTo(Randomness.ofKey(1, 5));
  }

  /** Exponential durations have their mean; log-normal ones their median and quartiles. */
  @Test
  void exponentialAndLogNormalDurations_haveTheirMeanMedianAndSpread() {
    Randomness random = new Randomness(3);
    int n = 40_000;
    double sum = 0;
    double[] logNormal = new double[n];
    for (int i = 0; i < n; i++) {
      sum += random.exponential(java.time.Duration.ofHours(1)).toSeconds();
      logNormal[i] = random.logNormal(java.time.Duration.ofHours(2), 0.5).toSeconds();
    }
    Arrays.sort(logNormal);

    assertThat(sum / n).as("mean of 3,600 s (sd about 18)").isBetween(3_520.0, 3_680.0);
    assertThat(logNormal[n / 2]).as("median").isBetween(7_050.0, 7_350.0);
    // quartiles at 7,200 times exp(-/+ 0.6745 x 0.5): 5,128 and 10,110
    assertThat(logNormal[n / 4]).as("lower quartile").isBetween(5_000.0, 5_260.0);
    assertThat(logNormal[3 * n / 4]).as("upper quartile").isBetween(9_860.0, 10_360.0);
  }

  /** The first draws of a case's first five steps. */
  private static double[] draws(String caseId) {
    double[] draws = new double[5];
    for (int step = 0; step < draws.length; step++) {
      draws[step] = Randomness.forStep(SEED, caseId, step + 1).uniform();
    }
    return draws;
  }
}
