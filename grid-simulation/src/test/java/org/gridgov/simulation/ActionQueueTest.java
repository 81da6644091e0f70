package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ActionQueueTest {
  private static final Instant T0 = Instant.parse("2023-01-01T00:00:00Z");
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  /** A scheduled step that remembers its instant and the order it was scheduled in. */
  private record Step(Instant at, int order) implements Runnable {
    @Override
    public void run() {}
  }

  @Test
  void stepsComeOutEarliestFirstAndInSchedulingOrderAtTheSameInstant() {
    ActionQueue queue = new ActionQueue();
    SplittableRandom random = new SplittableRandom(7);
    List<Step> scheduled = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      // few distinct instants (and some nanosecond apart) so ties are common
      Instant at = T0.plusSeconds(random.nextInt(50)).plusNanos(random.nextInt(3));
      Step step = new Step(at, i);
      scheduled.add(step);
      queue.add(at, step);
    }
    List<Step> polled = new ArrayList<>();
    while (!queue.isEmpty()) {
      Step step = (Step) queue.poll();
      assertThat(queue.polledAt()).isEqualTo(step.at());
      assertThat(queue.hasStepBefore(step.at())).as("nothing left before the step taken").isFalse();
      polled.add(step);
    }
    scheduled.sort(Comparator.comparing(Step::at).thenComparingInt(Step::order));
    assertThat(polled).containsExactlyElementsOf(scheduled);
  }

  @Test
  void stepsScheduledWhileRunningInterleaveByTime() {
    ActionQueue queue = new ActionQueue();
    queue.add(T0.plusSeconds(10), new Step(T0.plusSeconds(10), 0));
    queue.add(T0.plusSeconds(30), new Step(T0.plusSeconds(30), 1));
    assertThat(((Step) queue.poll()).order()).isZero();
    queue.add(T0.plusSeconds(20), new Step(T0.plusSeconds(20), 2));
    queue.add(T0.plusSeconds(30), new Step(T0.plusSeconds(30), 3));
    assertThat(List.of(queue.poll(), queue.poll(), queue.poll()))
        .extracting(step -> ((Step) step).order())
        .containsExactly(2, 1, 3);
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void hasStepBefore_comparesTheEarliestStepWithTheEnd() {
    ActionQueue queue = new ActionQueue();
    Instant at = T0.plusNanos(5);
    queue.add(at, new Step(at, 0));

    assertThat(queue.hasStepBefore(at)).isFalse();
    assertThat(queue.hasStepBefore(at.plusNanos(1))).isTrue();
    queue.poll();
    assertThat(queue.hasStepBefore(Instant.MAX)).as("nothing left").isFalse();
    queue.add(at, new Step(at, 1));
    assertThat(queue.hasStepBefore(Instant.MAX)).as("beyond the nanosecond keys' range").isTrue();
  }

  @Test
  void instantsBeforeTheEpochComeBackExactly() {
    ActionQueue queue = new ActionQueue();
    Instant early = Instant.parse("1969-12-31T23:59:59.999999999Z");
    Instant earlier = Instant.parse("1900-01-01T00:00:00.5Z");
    queue.add(early, new Step(early, 0));
    queue.add(earlier, new Step(earlier, 1));

    assertThat(queue.hasStepBefore(earlier)).isFalse();
    assertThat(queue.hasStepBefore(earlier.plusNanos(1))).isTrue();
    queue.poll();
    assertThat(queue.polledAt()).isEqualTo(earlier);
    queue.poll();
    assertThat(queue.polledAt()).isEqualTo(early);
  }

  /**
   * Against a sorted reference, with steps added while others are taken out: at the instant just
   * taken, in the past, within the same fine bucket, across fine and coarse buckets, at the rings'
   * edges and beyond them, so steps move through the near heap, both rings and the overflow heap.
   */
  @Test
  void anyMixOfSchedulingAndTaking_matchesASortedReference() {
    long bucket = 1L << 36;
    long[] offsets = {
      0,
      -5_000_000_000L,
      1,
      40_000_000_000L,
      bucket,
      3 * bucket + 7,
      (ActionQueue.RING - 1) * bucket,
      ActionQueue.RING * bucket,
      (ActionQueue.RING + 1) * bucket,
      7L * 24 * 3600 * NANOS_PER_SECOND,
      30L * 24 * 3600 * NANOS_PER_SECOND,
      (long) ActionQueue.RING * ActionQueue.RING * bucket - 3, // the coarse ring's edge
      20L * 365 * 24 * 3600 * NANOS_PER_SECOND
    }; // beyond it: the overflow heap
    for (int seed = 1; seed <= 20; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      ActionQueue queue = new ActionQueue();
      java.util.TreeSet<Step> reference =
          new java.util.TreeSet<>(Comparator.comparing(Step::at).thenComparingInt(Step::order));
      long now = 0;
      int order = 0;
      for (int op = 0; op < 4_000; op++) {
        if (reference.isEmpty() || random.nextInt(5) < 3) {
          long at = now + offsets[random.nextInt(offsets.length)] + random.nextLong(1_000_000L);
          Step step = new Step(Instant.ofEpochSecond(0, at), order);
          queue.add(step.at(), step);
          reference.add(step);
          order++;
        } else {
          Step expected = reference.pollFirst();
          assertThat(queue.hasStepBefore(expected.at().plusNanos(1))).isTrue();
          assertThat(queue.hasStepBefore(expected.at())).isFalse();
          assertThat(queue.poll()).as("seed %d, op %d", seed, op).isSameAs(expected);
          assertThat(queue.polledAt()).isEqualTo(expected.at());
          now = expected.at().getEpochSecond() * NANOS_PER_SECOND + expected.at().getNano();
        }
        assertThat(queue.isEmpty()).isEqualTo(reference.isEmpty());
      }
    }
  }

  @Test
  void aStepFromTheOverflowAndOneFromTheCoarseRingInOneBucket_comeOutByTime() {
    ActionQueue queue = new ActionQueue();
    Instant late = T0.plus(java.time.Duration.ofDays(20 * 365)).plusSeconds(7_200);
    Instant earlier = late.minusSeconds(3_600);
    Instant middle = T0.plus(java.time.Duration.ofDays(12 * 365));
    queue.add(T0, new Step(T0, 3));
    queue.add(late, new Step(late, 0)); // twenty years ahead: the overflow heap
    queue.add(middle, new Step(middle, 1)); // twelve: the overflow heap too
    assertThat(List.of(queue.poll(), queue.poll()))
        .extracting(step -> ((Step) step).order())
        .containsExactly(3, 1);
    queue.add(earlier, new Step(earlier, 2)); // eight years on from there: the coarse ring

    assertThat(List.of(queue.poll(), queue.poll()))
        .extracting(step -> ((Step) step).order())
        .containsExactly(2, 0);
  }

  /**
   * Steps at one instant far enough ahead to wait in the overflow heap keep their scheduling order
   * when they move on to the rings.
   */
  @Test
  void stepsAtOneFarInstant_keepTheirSchedulingOrderThroughTheOverflow() {
    ActionQueue queue = new ActionQueue();
    Instant far = T0.plus(java.time.Duration.ofDays(20 * 365));
    queue.add(T0, new Step(T0, -1));
    for (int i = 0; i < 20; i++) {
      queue.add(far, new Step(far, i));
    }
    queue.poll();
    List<Integer> orders = new ArrayList<>();
    while (!queue.isEmpty()) {
      orders.add(((Step) queue.poll()).order());
    }

    assertThat(orders).isSorted().hasSize(20);
  }

  /**
   * Hundreds of steps within one fine bucket (a few seconds), so the near heap is several levels
   * deep, taken out while others are added: against a sorted reference.
   */
  @Test
  void aDeepNearHeap_matchesASortedReference() {
    for (int seed = 1; seed <= 20; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      ActionQueue queue = new ActionQueue();
      java.util.TreeSet<Step> reference =
          new java.util.TreeSet<>(Comparator.comparing(Step::at).thenComparingInt(Step::order));
      for (int order = 0; order < 3_000; order++) {
        Instant at = T0.plusNanos(random.nextLong(5 * NANOS_PER_SECOND));
        Step step = new Step(at, order);
        queue.add(at, step);
        reference.add(step);
        if (random.nextInt(3) == 0) {
          assertThat(queue.poll())
              .as("seed %d, step %d", seed, order)
              .isSameAs(reference.pollFirst());
        }
      }
      while (!reference.isEmpty()) {
        assertThat(queue.poll()).as("seed %d", seed).isSameAs(reference.pollFirst());
      }
    }
  }

  /**
   * Before the epoch the buckets' numbers are negative: a step more than the coarse ring ahead
   * still waits in the overflow heap rather than in a ring slot it shares with a nearer bucket.
   */
  @Test
  void stepsOnBothSidesOfTheEpoch_comeOutByTime() {
    long coarse = 1L << 47; // nanoseconds in a coarse bucket
    Instant start = Instant.ofEpochSecond(0, -1_500 * coarse); // about 1963
    Instant sameSlot = Instant.ofEpochSecond(0, -1_448 * coarse); // 52 buckets on
    Instant between = Instant.ofEpochSecond(0, -1_400 * coarse);
    Instant far = Instant.ofEpochSecond(0, 600 * coarse); // 2,100 buckets on: 1972
    ActionQueue queue = new ActionQueue();
    queue.add(start, new Step(start, 0));
    queue.add(far, new Step(far, 3));
    queue.add(sameSlot, new Step(sameSlot, 1));
    queue.add(between, new Step(between, 2));

    List<Integer> orders = new ArrayList<>();
    while (!queue.isEmpty()) {
      orders.add(((Step) queue.poll()).order());
    }
    assertThat(orders).containsExactly(0, 1, 2, 3);
  }

  @Test
  void anEmptyQueueSaysSo() {
    ActionQueue queue = new ActionQueue();
    assertThatThrownBy(queue::poll).isInstanceOf(NoSuchElementException.class);
    assertThat(queue.hasStepBefore(T0)).isFalse();
  }
}
