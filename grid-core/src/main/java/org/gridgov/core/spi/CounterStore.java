package org.gridgov.core.spi;

import java.util.OptionalLong;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.internal.Checks;

/**
 * Named counters updated atomically, for limits that several application nodes must respect
 * together, such as a unit's monthly escalation quota. A counter that was never touched is 0. Keys
 * are 1 to {@link #MAX_KEY_LENGTH} characters that every store keeps as is; every method refuses
 * another key with an {@link InvalidInputException} ({@link #checkKey}) rather than storing it cut
 * short or merged with another key.
 */
public interface CounterStore {
  /** The longest key: what every adapter can store whole (an indexed column of 191 characters). */
  int MAX_KEY_LENGTH = 191;

  /**
   * Returns {@code key} when it is a valid counter key, else throws naming the rule: 1 to {@link
   * #MAX_KEY_LENGTH} characters, not ending in a space (MariaDB's collations compare {@code "k "}
   * equal to {@code "k"}, so the two would share one counter there), and a text every store keeps
   * as is ({@link IncidentEvent#textProblem}: no NUL, which PostgreSQL refuses, no half of a
   * surrogate pair, which it stores as {@code "?"}, sharing the counter of another key); the same
   * rule as a lease owner's.
   *
   * @throws InvalidInputException about the {@code counter} at {@code key}: {@code input.required}
   *     when it is null, {@code input.format} when it is empty, too long (its length shown) or not
   *     kept exactly
   */
  static String checkKey(String key) {
    if (key == null) {
      throw Checks.invalid("counter", "key", InputRules.REQUIRED, "is required", null);
    }
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw Checks.invalid(
          "counter",
          "key",
          InputRules.FORMAT,
          "must be 1-" + MAX_KEY_LENGTH + " characters",
          key.length() + " characters");
    }
    String problem = ExactKeys.problem(key);
    if (problem != null) {
      throw Checks.invalid("counter", "key", InputRules.FORMAT, problem, null);
    }
    return key;
  }

  /** The value of counter {@code key}. */
  long get(String key);

  /**
   * Adds one to {@code key} when its value is below {@code limit}, atomically with respect to every
   * other caller (on every node).
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
