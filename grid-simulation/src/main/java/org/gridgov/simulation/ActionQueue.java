package org.gridgov.simulation;

import java.time.Instant;
import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * The simulation's timed steps, earliest first; steps at the same instant run in the order they
 * were scheduled. A 4-ary heap whose keys (nanoseconds since the epoch, then a sequence number)
 * sit in primitive arrays, so ordering never touches the steps themselves: with a few hundred
 * thousand pending steps that saves a cache miss per comparison over a {@code PriorityQueue} of
 * objects.
 */
final class ActionQueue {
  private static final int ARITY = 4;

  private long[] nanos = new long[64];
  private long[] seqs = new long[64];
  private Instant[] instants = new Instant[64];
  private Runnable[] steps = new Runnable[64];
  private int size;
  private long sequence;
  private Instant polledAt;

  boolean isEmpty() {
    return size == 0;
  }

  /** The instant of the earliest step; the queue must not be empty. */
  Instant peekAt() {
    if (size == 0) {
      throw new NoSuchElementException("no step is scheduled");
    }
    return instants[0];
  }

  /** Schedules {@code step} at {@code at}, after every step already scheduled at that instant. */
  void add(Instant at, Runnable step) {
    if (size == nanos.length) {
      int capacity = size * 2;
      nanos = Arrays.copyOf(nanos, capacity);
      seqs = Arrays.copyOf(seqs, capacity);
      instants = Arrays.copyOf(instants, capacity);
      steps = Arrays.copyOf(steps, capacity);
    }
    long key = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L),
        at.getNano());
    siftUp(size++, key, sequence++, at, step);
  }

  /** Takes the earliest step out; its instant is then {@link #polledAt()}. */
  Runnable poll() {
    if (size == 0) {
      throw new NoSuchElementException("no step is scheduled");
    }
    Runnable first = steps[0];
    polledAt = instants[0];
    int last = --size;
    long key = nanos[last];
    long seq = seqs[last];
    Instant at = instants[last];
    Runnable step = steps[last];
    instants[last] = null;
    steps[last] = null;
    if (last > 0) {
      siftDown(key, seq, at, step);
    }
    return first;
  }

  /** The instant of the step {@link #poll()} returned last. */
  Instant polledAt() {
    return polledAt;
  }

  private void siftUp(int slot, long key, long seq, Instant at, Runnable step) {
    int hole = slot;
    while (hole > 0) {
      int parent = (hole - 1) / ARITY;
      if (!before(key, seq, nanos[parent], seqs[parent])) {
        break;
      }
      move(parent, hole);
      hole = parent;
    }
    put(hole, key, seq, at, step);
  }

  private void siftDown(long key, long seq, Instant at, Runnable step) {
    int hole = 0;
    int first;
    while ((first = ARITY * hole + 1) < size) {
      int child = first;
      int end = Math.min(first + ARITY, size);
      for (int other = first + 1; other < end; other++) {
        if (before(nanos[other], seqs[other], nanos[child], seqs[child])) {
          child = other;
        }
      }
      if (!before(nanos[child], seqs[child], key, seq)) {
        break;
      }
      move(child, hole);
      hole = child;
    }
    put(hole, key, seq, at, step);
  }

  private static boolean before(long key, long seq, long otherKey, long otherSeq) {
    return key < otherKey || (key == otherKey && seq < otherSeq);
  }

  private void move(int from, int to) {
    nanos[to] = nanos[from];
    seqs[to] = seqs[from];
    instants[to] = instants[from];
    steps[to] = steps[from];
  }

  private void put(int slot, long key, long seq, Instant at, Runnable step) {
    nanos[slot] = key;
    seqs[slot] = seq;
    instants[slot] = at;
    steps[slot] = step;
  }
}
