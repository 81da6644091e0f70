package org.gridgov.governance;

import java.time.Instant;

/**
 * What one {@link GridGovernance#advance} did: how many due timers it took and what they led to.
 * {@code escalated} counts levels passed (a case nobody in its grid or community can take goes up
 * two in one step, and is assigned in the same step: it counts in both); {@code referred} counts
 * cases handed to the centre because nobody up to the district acts for their line (passed up in
 * the same step, counted in {@code escalated} too); {@code resumed} counts parked cases (挂账) given
 * back to their handlers at the end of their suspension; {@code conflicts} counts incidents another
 * writer changed first (another node acted on them).
 */
public record AdvanceResult(
    Instant now,
    int taken,
    int assigned,
    int escalated,
    int overdue,
    int supervised,
    int referred,
    int resumed,
    int unchanged,
    int conflicts) {

  /**
   * The decisions stored: assignments, levels passed, overdue marks, supervisions, referrals to the
   * centre and suspensions ended.
   */
  public int acted() {
    return assigned + escalated + overdue + supervised + referred + resumed;
  }
}
