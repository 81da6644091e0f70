package org.gridgov.simulation;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulation's only source of randomness: a {@link SplittableRandom} from the scenario's seed,
 * so the same seed gives the same run. Not thread-safe; a run is single-threaded.
 */
final class Randomness {
  private static final double LONGEST_SECONDS = Behaviour.LONGEST.toSeconds();
  private final SplittableRandom random;

  Randomness(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A new independent stream, for a part of the model that must not shift the others. */
  Randomness split() {
    return new Randomness(random.nextLong());
  }

  /** A seed for streams derived later ({@link #forStep}). */
  long nextSeed() {
    return random.nextLong();
  }

  /**
   * The stream of one step of one case: its draws depend only on {@code seed}, the case and {@code
   * step}, the step's key within the case (its kind and the case's turns so far, not its place in
   * the history: the engine's {@code stepKey}), not on what other cases drew before. Two policies
   * run on one seed so draw alike for every step they have not made differ, however many events
   * either recorded before it (common random numbers), and a comparison shows the policy's effect
   * rather than resampling noise.
   */
  static Randomness forStep(long seed, String caseId, long step) {
    long key = caseKey(caseId) * 0x9E3779B97F4A7C15L + step * 0xC2B2AE3D27D4EB4FL;
    return new Randomness(seed ^ key);
  }

  /**
   * A case's key: the 64-bit FNV-1a hash of its id's characters. {@link String#hashCode} has 32
   * bits and collides within a long run ({@code "I18200000"} has the hash of {@code "I1021885"}),
   * and any two ids built for it collide ({@code "Aa"} and {@code "BB"}), which would give two
   * cases the same draws at every step; two ids collide in 64-bit FNV-1a with a chance of about one
   * in 2<sup>64</sup>. Computed at each step rather than kept: an id of ten characters takes ten
   * multiplications, where a table of keys would be one more cache miss per event.
   */
  static long caseKey(String caseId) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < caseId.length(); i++) {
      h = (h ^ caseId.charAt(i)) * 0x100000001B3L;
    }
    return h;
  }

  /**
   * A uniform draw in [0, 1) that is a property of one case rather than of a step: it depends only
   * on {@code seed} and the case, so every step of the case sees the same value (whether anybody
   * can solve the case, whoever it is given to and however often). A SplitMix64 mix of the key,
   * apart from every step's stream, allocating nothing.
   */
  static double ofCase(long seed, String caseId) {
    return ofKey(seed, caseKey(caseId));
  }

  /**
   * A uniform draw in [0, 1) that depends only on {@code seed} and {@code key} (a case's, a
   * patrol's number): a SplitMix64 mix, allocating nothing and drawing from no stream.
   */
  static double ofKey(long seed, long key) {
    long z = seed ^ (key * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (z >>> 11) * 0x1.0p-53;
  }

  double uniform() {
    return random.nextDouble();
  }

  int between(int min, int maxInclusive) {
    return random.nextInt(min, maxInclusive + 1);
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  /** An exponential duration with the given mean. */
  Duration exponential(Duration mean) {
    double u = 1.0 - random.nextDouble(); // (0, 1]
    return seconds(-Math.log(u) * mean.toSeconds());
  }

  /** A log-normal duration with the given median and shape (sigma of the underlying normal). */
  Duration logNormal(Duration median, double sigma) {
    return seconds(median.toSeconds() * Math.exp(sigma * gaussian()));
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  private double gaussian() {
    // Box-Muller; one value per call keeps the stream simple and deterministic
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /**
   * {@code value} seconds, at least one and at most {@link Behaviour#LONGEST}: a log-normal tail
   * can reach beyond the last instant, where adding the draw to the clock would overflow.
   */
  private static Duration seconds(double value) {
    return Duration.ofSeconds(Math.max(1, Math.round(Math.min(value, LONGEST_SECONDS))));
  }
}
