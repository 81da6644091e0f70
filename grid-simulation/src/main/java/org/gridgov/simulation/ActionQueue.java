package org.gridgov.simulation;

import java.time.Instant;
import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * The simulation's timed steps, earliest first; steps at the same instant run in the order they
 * were scheduled. A 4-ary heap whose keys (nanoseconds since the epoch, then a sequence number)
 * sit side by side in one primitive array, so ordering never touches the steps themselves and a
 * move touches two arrays: with a few hundred thousand pending steps that saves cache misses on
 * every level over a {@code PriorityQueue} of objects. Instants are rebuilt from the keys when a
 * step is taken out rather than kept.
 */
final class ActionQueue {
  private static final int ARITY = 4;
  private static final long NANOS = 1_000_000_000L;

  /** Slot {@code i}'s key at {@code 2i} (epoch nanoseconds) and sequence at {@code 2i + 1}. */
  private long[] keys = new long[128];
  private Runnable[] steps = new Runnable[64];
  private int size;
  private long sequence;
  private long polled;

  boolean isEmpty() {
    return size == 0;
  }

  /** Whether a step is scheduled before {@code end}. */
  boolean hasStepBefore(Instant end) {
    if (size == 0) {
      return false;
    }
    long second = Math.floorDiv(keys[0], NANOS);
    return second < end.getEpochSecond()
        || second == end.getEpochSecond() && Math.floorMod(keys[0], NANOS) < end.getNano();
  }

  /** Schedules {@code step} at {@code at}, after every step already scheduled at that instant. */
  void add(Instant at, Runnable step) {
    if (size == steps.length) {
      keys = Arrays.copyOf(keys, keys.length * 2);
      steps = Arrays.copyOf(steps, steps.length * 2);
    }
    siftUp(size++, nanos(at), sequence++, step);
  }

  /** Takes the earliest step out; its instant is then {@link #polledAt()}. */
  Runnable poll() {
    if (size == 0) {
      throw new NoSuchElementException("no step is scheduled");
    }
    Runnable first = steps[0];
    polled = keys[0];
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

  /** The instant of the step {@link #poll()} returned last. */
  Instant polledAt() {
    return instant(polled);
  }

  private static long nanos(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), NANOS), at.getNano());
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
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
