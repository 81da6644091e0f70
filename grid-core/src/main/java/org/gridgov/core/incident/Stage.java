package org.gridgov.core.incident;

/**
 * Where an incident stands in the closed loop. {@link #isOpen()} separates the stages that still
 * need work from the settled ones.
 */
public enum Stage {
  /** Reported, waiting for the centre to register (立案) or reject it. */
  REPORTED,
  /** Registered at a level and a line, waiting for a self-claim or an assignment. */
  REGISTERED,
  /** Claimed or assigned: a worker is handling it. */
  DISPATCHED,
  /** Returned by a department ("not ours"), waiting for the centre to re-dispatch or arbitrate. */
  RETURNED,
  /**
   * Parked by the centre (挂账): its handler cannot solve it in time; no deadline runs until the
   * centre resumes it. Open: it still needs work.
   */
  SUSPENDED,
  /** The handler fed back; waiting for verification by someone else. */
  HANDLED,
  /** Verification passed; waiting to be closed. */
  VERIFIED,
  /** Closed (结案); may still be rated, then archived. */
  CLOSED,
  /** Refused at registration as invalid or as a duplicate. */
  REJECTED,
  /** Archived: nothing more may happen. */
  ARCHIVED;

  /** True for the stages that still need work (not closed, rejected or archived). */
  public boolean isOpen() {
    return this != CLOSED && this != REJECTED && this != ARCHIVED;
  }
}
