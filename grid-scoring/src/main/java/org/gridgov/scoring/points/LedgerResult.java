package org.gridgov.scoring.points;

/**
 * What a ledger operation did, and the ledger after it (the same ledger unless {@link
 * Outcome#APPLIED}).
 */
public record LedgerResult(Outcome outcome, PointsLedger ledger, String message) {
  /** The outcome of a ledger operation. */
  public enum Outcome {
    /** The entry was added. */
    APPLIED,
    /** The same entry (same id and content) was already there: nothing changed (idempotent). */
    DUPLICATE,
    /** The id is already used by a different entry: refused, nothing changed. */
    CONFLICT,
    /** The redemption would take the balance below zero: refused, nothing changed. */
    INSUFFICIENT
  }

  public boolean applied() {
    return outcome == Outcome.APPLIED;
  }
}
