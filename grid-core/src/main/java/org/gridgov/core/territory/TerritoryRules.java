package org.gridgov.core.territory;

import org.gridgov.core.RuleId;

/** The rule ids a {@link TerritoryBuilder} reports in its violations. */
public final class TerritoryRules {
  /** The level column is not one of {@link Level}'s names. */
  public static final RuleId UNKNOWN_LEVEL = RuleId.of("territory.unknown-level");

  /** The code is empty, holds non-digits or has an all-zero or out-of-range segment. */
  public static final RuleId CODE_FORMAT = RuleId.of("territory.code-format");

  /** The code's length does not match its level under the {@link CodeScheme}. */
  public static final RuleId CODE_LENGTH = RuleId.of("territory.code-length");

  /** The name is blank. */
  public static final RuleId BLANK_NAME = RuleId.of("territory.blank-name");

  /** The parent code names no area of the territory. */
  public static final RuleId UNKNOWN_PARENT = RuleId.of("territory.unknown-parent");

  /** The code does not start with its parent's code. */
  public static final RuleId PARENT_PREFIX = RuleId.of("territory.parent-prefix");

  /** An area that names no parent although an area its code nests in (any rung up) is there. */
  public static final RuleId MISSING_PARENT = RuleId.of("territory.missing-parent");

  /** The parent is not exactly one rung up the ladder. */
  public static final RuleId LEVEL_ORDER = RuleId.of("territory.level-order");

  /** The code appears more than once. */
  public static final RuleId DUPLICATE_CODE = RuleId.of("territory.duplicate-code");

  /** Following parents leads back to the same area. */
  public static final RuleId CYCLE = RuleId.of("territory.cycle");

  /** An area's attributes are missing, or hold a blank name or a missing value. */
  public static final RuleId ATTRIBUTE = RuleId.of("territory.attribute");

  /** An {@code area_kind} attribute that is not URBAN, FRINGE or RURAL ({@link AreaKind}). */
  public static final RuleId AREA_KIND = RuleId.of("territory.area-kind");

  /**
   * A name or attribute holds what not every store keeps as it is: more than 4,000 characters, a
   * NUL or half of a surrogate pair ({@link org.gridgov.core.incident.IncidentEvent#textProblem}).
   */
  public static final RuleId TEXT = RuleId.of("territory.text");

  /**
   * A file lacks a required column, names a column twice, has a malformed row or cannot be read.
   */
  public static final RuleId FILE_FORMAT = RuleId.of("territory.file-format");

  private TerritoryRules() {}
}
