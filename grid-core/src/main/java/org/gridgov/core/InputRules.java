package org.gridgov.core;

/**
 * The rule ids of plain input checks, shared by every module: a value missing, unknown, out of
 * range or badly formed. A check that belongs to a domain rule (a grid code's prefix, a policy's
 * quota) names that rule instead.
 */
public final class InputRules {
  /** A required value is missing (null or blank). */
  public static final RuleId REQUIRED = RuleId.of("input.required");

  /** An id or code that names nothing known here. */
  public static final RuleId UNKNOWN = RuleId.of("input.unknown");

  /** A number, duration, instant or size outside what the field allows. */
  public static final RuleId RANGE = RuleId.of("input.range");

  /** Text that does not have the field's form (digits, length, pattern). */
  public static final RuleId FORMAT = RuleId.of("input.format");

  private InputRules() {}
}
