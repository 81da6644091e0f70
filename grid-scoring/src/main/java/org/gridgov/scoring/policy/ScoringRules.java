package org.gridgov.scoring.policy;

import org.gridgov.core.RuleId;

/**
 * The rule ids of scoring policies: every violation a scoring policy can produce names one; and the
 * bounds every number is held to ({@link #RANGE}).
 */
public final class ScoringRules {
  /**
   * The most digits before the point of any number a scoring policy or a pay computation takes
   * ({@link #RANGE}): far beyond any valid value (amounts are at most 9 digits of yuan, shares at
   * most 1), they keep a number such as {@code 1e999999999} from costing minutes or gigabytes when
   * it is added, rounded or printed in a message.
   */
  public static final int MAX_INTEGER_DIGITS = 30;

  /** The most digits after the point (trailing zeros aside), as {@link #MAX_INTEGER_DIGITS}. */
  public static final int MAX_DECIMALS = 100;

  /** What a number beyond those bounds is told. */
  public static final String BEYOND_BOUNDS =
      "must have at most "
          + MAX_INTEGER_DIGITS
          + " digits before the point and "
          + MAX_DECIMALS
          + " after";

  /** The file is not valid YAML or JSON. */
  public static final RuleId SYNTAX = RuleId.of("scoring.syntax");

  /** A required field is missing. */
  public static final RuleId REQUIRED = RuleId.of("scoring.required");

  /** A field the format does not know. */
  public static final RuleId UNKNOWN_FIELD = RuleId.of("scoring.unknown-field");

  /** A value of the wrong type (text where a number is expected, ...). */
  public static final RuleId TYPE = RuleId.of("scoring.type");

  /** An unknown indicator, counter, source, level, role, cadence or duty name. */
  public static final RuleId ENUM = RuleId.of("scoring.enum");

  /** The policy id is not a token. */
  public static final RuleId ID = RuleId.of("scoring.id");

  /**
   * A duration that does not parse, a negative or zero window, or one longer than {@link
   * IndicatorSettings#MAX_WINDOW}.
   */
  public static final RuleId DURATION = RuleId.of("scoring.duration");

  /** A money amount finer than one fen or above {@link org.gridgov.core.Money#MAX_AMOUNT}. */
  public static final RuleId MONEY = RuleId.of("scoring.money");

  /** Weights (score, three rates, team, allowance split) that do not add up to exactly 1. */
  public static final RuleId WEIGHT_SUM = RuleId.of("scoring.weight-sum");

  /** A negative weight, rate, factor, amount, target or number of points. */
  public static final RuleId NEGATIVE = RuleId.of("scoring.negative");

  /** A share (pay share, threshold, late-reply credit) outside [0, 1]. */
  public static final RuleId SHARE = RuleId.of("scoring.share");

  /**
   * A number below its minimum or outside its range (version, marks, percentiles, times, a tier
   * factor above {@link Tier#MAX_FACTOR}, points above {@link PointsPolicy#MAX_POINTS}, a number of
   * more than 30 digits before the point or 100 after).
   */
  public static final RuleId RANGE = RuleId.of("scoring.range");

  /** A value listed twice where each may appear once (percentiles). */
  public static final RuleId DUPLICATE = RuleId.of("scoring.duplicate");

  /** Two pay tiers whose score ranges overlap. */
  public static final RuleId TIER_OVERLAP = RuleId.of("scoring.tier-overlap");

  /** A score left uncovered between two pay tiers, or below the first or above the last. */
  public static final RuleId TIER_GAP = RuleId.of("scoring.tier-gap");

  /** A tier whose max is not above its min, or bounds outside 0–100. */
  public static final RuleId TIER_BOUNDS = RuleId.of("scoring.tier-bounds");

  /** A tier with neither or both of factor and amount. */
  public static final RuleId TIER_VALUE = RuleId.of("scoring.tier-value");

  /** Star thresholds (or star counts) that do not strictly increase. */
  public static final RuleId STAR_ORDER = RuleId.of("scoring.star-order");

  /** A count indicator in the score without a positive target, or a target on a rate. */
  public static final RuleId TARGET = RuleId.of("scoring.target");

  /** A duration indicator in the score (durations are reported, not scored). */
  public static final RuleId NOT_SCORABLE = RuleId.of("scoring.not-scorable");

  /** majorEventMax below majorEventMin. */
  public static final RuleId PIECE_RATE_ORDER = RuleId.of("scoring.piece-rate-order");

  private ScoringRules() {}
}
