package org.gridgov.core.policy;

/**
 * Which month's problems found an escalation quota is a share of. Seed 000 names the share (上交上级的
 * 问题量不得超过所发现问题总量的十分之一) and no period; escalations are counted per calendar month either way.
 */
public enum QuotaBasis {
  /**
   * What the unit has found so far in the month of the escalation: the share held at every moment,
   * so a unit that has found fewer than ten problems this month may pass up nothing under a HARD
   * 1/10 quota (on the 1st, nothing at all).
   */
  MONTH_SO_FAR,
  /**
   * What the unit found in the whole calendar month before: an allowance known from the 1st and
   * fixed for the month, as a unit planning its month would read the rule.
   */
  PREVIOUS_MONTH
}
