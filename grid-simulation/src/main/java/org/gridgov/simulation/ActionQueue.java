package org.gridgov.simulation;

import java.time.Instant;
import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * The simulation's timed steps, earliest first; steps at the same instant run in the order they
 * were scheduled.
 *
 * <p>A two-level calendar queue (a hierarchical timing wheel). Time is cut into fine buckets of
 * about 69 seconds ({@code 2^36} ns) and coarse ones of {@value #RING} fine buckets (about 39
 * hours). Steps in the current fine bucket or earlier wait in a small heap; steps later in the
 * current coarse bucket are appended, unsorted, to their fine bucket in a ring; steps in the
 * {@value #RING} - 1 coarse buckets after it (about nine years) to their coarse bucket in a second
 * ring; any later wait in an overflow heap. When the small heap runs out, the next non-empty fine
 * bucket pours into it; when the fine ring runs out, the next coarse bucket pours into the fine
 * ring. Most steps are minutes to hours ahead and the farthest common one (archiving, a week after
 * closing) a few days: scheduling is an append, taking out a pop from a heap of a few dozen, where
 * a single heap of tens of thousands of entries missed the cache on every level.
 *
 * <p>Each heap keeps its keys (nanoseconds since the epoch, then a sequence number) side by side in
 * one primitive array, so ordering never touches the steps themselves; instants are rebuilt from
 * the keys when a step is taken out.
 */
final class ActionQueue {
  private static final long NANOS = 1_000_000_000L;
  private static final int FINE_SHIFT = 36;
  static final int RING = 2048;
  private static final int RING_BITS = 11;
  private static final int MASK = RING - 1;

  /** Steps in fine buckets up to {@link #current}. */
  private final Heap near = new Heap();

  /** Fine bucket {@code f} of coarse bucket {@link #coarse}, for {@code f > current}. */
  private final Bucket[] fine = new Bucket[RING];

  /** Coarse bucket {@code c}, for {@code coarse < c < coarse + RING}, at {@code c & MASK}. */
  private final Bucket[] coarseRing = new Bucket[RING];

  /** Steps at least {@value #RING} coarse buckets ahead when they were scheduled. */
  private final Heap overflow = new Heap();

  private long current;
  private long coarse;
  private int inFine;
  private int inCoarse;
  private int size;
  private long sequence;
  private long polled;

  boolean isEmpty() {
    return size == 0;
  }

  /** Whether a step is scheduled before {@code end}. */
  boolean hasStepBefore(Instant end) {
    if (!ready()) {
      return false;
    }
    long first = near.firstKey();
    long second = Math.floorDiv(first, NANOS);
    return second < end.getEpochSecond()
        || second == end.getEpochSecond() && Math.floorMod(first, NANOS) < end.getNano();
  }

  /** Schedules {@code step} at {@code at}, after every step already scheduled at that instant. */
  void add(Instant at, Runnable step) {
    long key = nanos(at);
    long seq = sequence++;
    long f = key >> FINE_SHIFT;
    long c = f >> RING_BITS;
    if (size == 0) {
      current = f;
      coarse = c;
    }
    size++;
    if (f <= current) {
      near.add(key, seq, step);
    } else if (c == coarse) {
      slot(fine, f).add(key, seq, step);
      inFine++;
    } else if (c - coarse < RING) {
      slot(coarseRing, c).add(key, seq, step);
      inCoarse++;
    } else {
      overflow.add(key, seq, step);
    }
  }

  /** Takes the earliest step out; its instant is then {@link #polledAt()}. */
  Runnable poll() {
    if (!ready()) {
      throw new NoSuchElementException("no step is scheduled");
    }
    polled = near.firstKey();
    size--;
    return near.poll();
  }

  /** The instant of the step {@link #poll()} returned last. */
  Instant polledAt() {
    return Instant.ofEpochSecond(Math.floorDiv(polled, NANOS), Math.floorMod(polled, NANOS));
  }

  /**
   * Makes sure the earliest step is in {@link #near}, pouring in the next non-empty fine bucket, or
   * first the next coarse bucket into the fine ring, while it is empty; false when nothing is
   * scheduled.
   */
  private boolean ready() {
    while (near.isEmpty()) {
      if (size == 0) {
        return false;
      }
      if (inFine > 0) {
        Bucket bucket;
        do {
          current++;
          bucket = fine[(int) (current & MASK)];
        } while (bucket == null || bucket.isEmpty());
        inFine -= bucket.drainInto(near);
        continue;
      }
      long next = Long.MAX_VALUE;
      if (inCoarse > 0) {
        next = coarse + 1;
        while (coarseRing[(int) (next & MASK)] == null) { // a poured bucket is dropped
          next++;
        }
      }
      if (!overflow.isEmpty()) {
        next = Math.min(next, overflow.firstKey() >> (FINE_SHIFT + RING_BITS));
      }
      coarse = next;
      current = (next << RING_BITS) - 1;
      Bucket pouring = coarseRing[(int) (next & MASK)];
      if (pouring != null) { // only coarse bucket next can be in its slot
        inCoarse -= pouring.size;
        inFine += pouring.size;
        pouring.pourInto(fine);
        coarseRing[(int) (next & MASK)] = null; // its arrays held a day and a half of steps
      }
      while (!overflow.isEmpty() && overflow.firstKey() >> (FINE_SHIFT + RING_BITS) <= next) {
        long key = overflow.firstKey();
        long seq = overflow.firstSeq();
        slot(fine, key >> FINE_SHIFT).add(key, seq, overflow.poll());
        inFine++;
      }
    }
    return true;
  }

  /** The bucket for {@code number} in {@code ring}, made on first use. */
  private static Bucket slot(Bucket[] ring, long number) {
    int i = (int) (number & MASK);
    Bucket bucket = ring[i];
    if (bucket == null) {
      bucket = new Bucket();
      ring[i] = bucket;
    }
    return bucket;
  }

  private static long nanos(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), NANOS), at.getNano());
  }

  /** One ring bucket's steps, in the order they were scheduled. */
  private static final class Bucket {
    private long[] keys = new long[32];
    private Runnable[] steps = new Runnable[16];
    int size;

    boolean isEmpty() {
      return size == 0;
    }

    void add(long key, long seq, Runnable step) {
      if (size == steps.length) {
        keys = Arrays.copyOf(keys, keys.length * 2);
        steps = Arrays.copyOf(steps, steps.length * 2);
      }
      keys[2 * size] = key;
      keys[2 * size + 1] = seq;
      steps[size++] = step;
    }

    /** Moves every step into {@code heap}; returns how many. */
    int drainInto(Heap heap) {
      int moved = size;
      for (int i = 0; i < size; i++) {
        heap.add(keys[2 * i], keys[2 * i + 1], steps[i]);
        steps[i] = null;
      }
      size = 0;
      return moved;
    }

    /** Copies every step to its fine bucket in {@code ring}, in the order they were scheduled. */
    void pourInto(Bucket[] ring) {
      for (int i = 0; i < size; i++) {
        slot(ring, keys[2 * i] >> FINE_SHIFT).add(keys[2 * i], keys[2 * i + 1], steps[i]);
      }
    }
  }

  /**
   * A 4-ary min-heap of steps on (key, sequence), with key and sequence side by side in one
   * primitive array.
   */
  private static final class Heap {
    private static final int ARITY = 4;

    /** Slot {@code i}'s key at {@code 2i} and sequence at {@code 2i + 1}. */
    private long[] keys = new long[128];

    private Runnable[] steps = new Runnable[64];
    private int size;

    boolean isEmpty() {
      return size == 0;
    }

    long firstKey() {
      return keys[0];
    }

    long firstSeq() {
      return keys[1];
    }

    void add(long key, long seq, Runnable step) {
      if (size == steps.length) {
        keys = Arrays.copyOf(keys, keys.length * 2);
        steps = Arrays.copyOf(steps, steps.length * 2);
      }
      siftUp(size++, key, seq, step);
    }

    Runnable poll() {
      Runnable first = steps[0];
      int last = --size;
      long key = keys[2 * last];
      long seq = keys[2 * last + 1];
      Runnable step = steps[last];
      steps[last] = null;
      if (last > 0) {
        siftDown(key, seq, step);
      }
      return first;
    }

    private void siftUp(int slot, long key, long seq, Runnable step) {
      int hole = slot;
      while (hole > 0) {
        int parent = (hole - 1) / ARITY;
        if (!before(key, seq, keys[2 * parent], keys[2 * parent + 1])) {
          break;
        }
        move(parent, hole);
        hole = parent;
      }
      put(hole, key, seq, step);
    }

    private void siftDown(long key, long seq, Runnable step) {
      int hole = 0;
      int first;
      while ((first = ARITY * hole + 1) < size) {
        int child = first;
        int end = Math.min(first + ARITY, size);
        for (int other = first + 1; other < end; other++) {
          if (before(keys[2 * other], keys[2 * other + 1], keys[2 * child], keys[2 * child + 1])) {
            child = other;
          }
        }
        if (!before(keys[2 * child], keys[2 * child + 1], key, seq)) {
          break;
        }
        move(child, hole);
        hole = child;
      }
      put(hole, key, seq, step);
    }

    private static boolean before(long key, long seq, long otherKey, long otherSeq) {
      return key < otherKey || (key == otherKey && seq < otherSeq);
    }

    private void move(int from, int to) {
      keys[2 * to] = keys[2 * from];
      keys[2 * to + 1] = keys[2 * from + 1];
      steps[to] = steps[from];
    }

    private void put(int slot, long key, long seq, Runnable step) {
      keys[2 * slot] = key;
      keys[2 * slot + 1] = seq;
      steps[slot] = step;
    }
  }
}
