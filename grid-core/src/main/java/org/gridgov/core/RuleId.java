package org.gridgov.core;

import java.util.regex.Pattern;

/**
 * The stable identifier of a rule, a validation rule or a policy check: dotted and lower case, such
 * as {@code dispatch.claim-window} or {@code territory.parent-prefix}, at most {@value #MAX_LENGTH}
 * characters. Rule ids appear in messages, events, logs and the README's policy table, so they
 * never change once published.
 */
public record RuleId(String value) implements Comparable<RuleId>, java.io.Serializable {
  /** The most characters a rule id may have: ids are kept in a shared cache and in every event. */
  public static final int MAX_LENGTH = 64;

  private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

  /**
   * The values of {@link InputRules#REQUIRED} and {@link InputRules#FORMAT}, which this constructor
   * builds: its own refusals name them as text, so that they never wait on {@code InputRules} (one
   * of its ids refused while it is being initialised would find them null).
   */
  private static final String INPUT_REQUIRED = "input.required";

  private static final String INPUT_FORMAT = "input.format";

  /** Rule ids are few and reused in every event a rule makes: checked once, then shared. */
  private static final java.util.concurrent.ConcurrentMap<String, RuleId> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @throws InvalidInputException naming {@code value} under {@code input.required} when it is
   *     null, {@code input.format} when it is longer than {@link #MAX_LENGTH} (its length shown,
   *     not its text) or not dotted lower case
   */
  public RuleId {
    if (value == null) {
      throw refused(INPUT_REQUIRED, "is required", null);
    }
    if (value.length() > MAX_LENGTH) {
      throw refused(INPUT_FORMAT, "must be at most " + MAX_LENGTH + " characters", value.length());
    }
    if (!(CACHE.containsKey(value) || FORMAT.matcher(value).matches())) {
      throw refused(
          INPUT_FORMAT, "must be dotted lower case such as 'dispatch.claim-window'", value);
    }
  }

  private static InvalidInputException refused(String rule, String message, Object value) {
    return new InvalidInputException("rule id", Violation.of("value", rule, message, value));
  }

  /** The id {@code value}; ids seen before are returned without checking their format again. */
  public static RuleId of(String value) {
    RuleId known = value == null ? null : CACHE.get(value);
    if (known != null) {
      return known;
    }
    RuleId id = new RuleId(value);
    if (CACHE.size() < 4096) {
      CACHE.putIfAbsent(value, id);
    }
    return id;
  }

  @Override
  public int compareTo(RuleId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  /**
   * Written out rather than left to the record: ids are the keys of every hot map, and the
   * generated method-handle versions showed in the dispatch loop's profile.
   */
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof RuleId that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
