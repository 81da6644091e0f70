package org.gridgov.governance;

import java.time.Instant;

/**
 * What one {@link GridGovernance#advance} did: how many due timers it took and what they led to.
 * {@code escalated} counts levels passed (a case nobody in its grid or community can take goes up
 * two in one step, and is assigned in the same step: it counts in both); {@code conflicts} counts
 * incidents another writer changed first (another node acted on them).
 */
public record AdvanceResult(Instant now, int taken, int assigned, int escalated, int overdue,
    int supervised, int unchanged, int conflicts) {

  /** The decisions stored: assignments, levels passed, overdue marks and supervisions. */
  public int acted() {
    return assigned + escalated + overdue + supervised;
  }
}
