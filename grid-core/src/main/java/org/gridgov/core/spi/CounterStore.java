package org.gridgov.core.spi;

import java.util.OptionalLong;

/**
 * Named counters updated atomically, for limits that several application nodes must respect
 * together, such as a unit's monthly escalation quota. A counter that was never touched is 0.
 */
public interface CounterStore {

  /** The value of counter {@code key}. */
  long get(String key);

  /**
   * Adds one to {@code key} when its value is below {@code limit}, atomically with respect to
   * every other caller (on every node).
   *
   * @return the new value, or empty when the counter had already reached {@code limit}
   */
  OptionalLong incrementIfBelow(String key, long limit);

  /** Adds one to {@code key} without a limit and returns the new value. */
  long increment(String key);

  /**
   * Takes one from {@code key}, to give back a reservation whose work was not done; never below
   * zero. Returns the new value.
   */
  long decrement(String key);
}
