package org.gridgov.core;

import java.util.regex.Pattern;

/**
 * The stable identifier of a rule, a validation rule or a policy check: dotted and lower case, such
 * as {@code dispatch.claim-window} or {@code territory.parent-prefix}. Rule ids appear in messages,
 * events, logs and the README's policy table, so they never change once published.
 */
public record RuleId(String value) implements Comparable<RuleId> {
  private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

  public RuleId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "rule id must be dotted lower case such as 'dispatch.claim-window', was " + value);
    }
  }

  public static RuleId of(String value) {
    return new RuleId(value);
  }

  @Override
  public int compareTo(RuleId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
