package org.gridgov.governance;

import java.time.Instant;

/**
 * What one {@link GridGovernance#advance} did: how many due timers it took and what they led to.
 * {@code conflicts} counts incidents another writer changed first (another node acted on them).
 */
public record AdvanceResult(Instant now, int taken, int assigned, int escalated, int overdue,
    int supervised, int unchanged, int conflicts) {

  /** The number of incidents appended to. */
  public int acted() {
    return assigned + escalated + overdue + supervised;
  }
}
