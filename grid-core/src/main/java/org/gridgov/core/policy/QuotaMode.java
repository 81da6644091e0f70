package org.gridgov.core.policy;

/** What happens when a unit escalates past its quota. */
public enum QuotaMode {
  /** The escalation is refused (emergencies excepted). */
  HARD,
  /** The escalation goes through and is flagged for the ranking. */
  SOFT
}
