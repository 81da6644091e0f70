package org.gridgov.core.policy;

import org.gridgov.core.RuleId;

/** The rule ids of policy files: every violation a policy can produce names one of these. */
public final class PolicyRules {
  /** The file is not valid YAML or JSON. */
  public static final RuleId SYNTAX = RuleId.of("policy.syntax");

  /** A required field or section is missing (or null). */
  public static final RuleId REQUIRED = RuleId.of("policy.required");

  /** A field the policy format does not know. */
  public static final RuleId UNKNOWN_FIELD = RuleId.of("policy.unknown-field");

  /** A value of the wrong JSON type (text where a number is expected, ...). */
  public static final RuleId TYPE = RuleId.of("policy.type");

  /** The policy id is not a token. */
  public static final RuleId ID = RuleId.of("policy.id");

  /** A number below its minimum (version, bounce limit, reworks). */
  public static final RuleId MINIMUM = RuleId.of("policy.minimum");

  /** A duration that does not parse, is not positive or is longer than 3650 days. */
  public static final RuleId DURATION = RuleId.of("policy.duration");

  /** A share (quota, target, pay share) outside [0, 1] or with more than 100 decimals. */
  public static final RuleId SHARE = RuleId.of("policy.share");

  /** An unknown level, quota mode or category code. */
  public static final RuleId ENUM = RuleId.of("policy.enum");

  /** A zone id that does not exist. */
  public static final RuleId ZONE = RuleId.of("policy.zone");

  /** An effectiveFrom that is neither an ISO offset date-time nor a date. */
  public static final RuleId INSTANT = RuleId.of("policy.instant");

  /**
   * A money amount that is negative, finer than one fen or above {@link
   * org.gridgov.core.Money#MAX_AMOUNT} (¥100,000,000.00).
   */
  public static final RuleId MONEY = RuleId.of("policy.money");

  /** A quota set for the district or a higher level (quotas apply to street and below). */
  public static final RuleId QUOTA_LEVEL = RuleId.of("policy.quota-level");

  /**
   * Closing authority restricted at the district or a higher level: the district is the top that
   * dispatch walks to, so a category it may not close could be closed nowhere.
   */
  public static final RuleId AUTHORITY_LEVEL = RuleId.of("policy.authority-level");

  /** A target range whose max is below its min. */
  public static final RuleId TARGET_RANGE = RuleId.of("policy.target-range");

  /** Target minimums adding up to more than 1. */
  public static final RuleId TARGET_SUM = RuleId.of("policy.target-sum");

  /** majorEventMax below majorEventMin. */
  public static final RuleId PIECE_RATE_ORDER = RuleId.of("policy.piece-rate-order");

  /** basicShare + assessedShare is not 1. */
  public static final RuleId ALLOWANCE_SPLIT = RuleId.of("policy.allowance-split");

  /**
   * Working time: a period of the working day that does not parse or does not end after it starts,
   * periods out of order or overlapping, no period, or no limit to apply to.
   */
  public static final RuleId WORKING_HOURS = RuleId.of("policy.working-hours");

  /**
   * Working time: no weekday worked, an unknown weekday, a date that does not parse, or a date both
   * a holiday and an extra workday.
   */
  public static final RuleId WORKING_DAYS = RuleId.of("policy.working-days");

  /**
   * A time-limit row (dispatch.timeLimits) that names nothing to match, names the same category,
   * grade and area kind as another row, or names only a category that categoryDeadlines sets too.
   */
  public static final RuleId TIME_LIMITS = RuleId.of("policy.time-limits");

  /**
   * A line the policy names (a time-limit row's) that the directory it is used with lacks ({@link
   * PolicyReferences}).
   */
  public static final RuleId UNKNOWN_LINE = RuleId.of("policy.unknown-line");

  /**
   * A category code or prefix the policy names (a deadline's, a time-limit row's, a level's closing
   * authority's) that no category of the directory's catalogue has ({@link PolicyReferences}).
   */
  public static final RuleId UNKNOWN_CATEGORY = RuleId.of("policy.unknown-category");

  /** Timeline: mixed ids, duplicate versions, effectiveFrom not increasing, or no version. */
  public static final RuleId TIMELINE = RuleId.of("policy.timeline");

  private PolicyRules() {}
}
