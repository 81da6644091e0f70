package org.gridgov.core.incident;

/** What fires when an incident's timer is due. */
public enum TimerKind {
  /** A report was not registered within the policy's limit: supervise it (督办). */
  REGISTRATION_DUE,
  /** The self-claim window ended with nobody claiming: assign automatically. */
  CLAIM_WINDOW,
  /** The handler's reply deadline passed: mark overdue. */
  REPLY_DEADLINE,
  /** The case has been overdue long enough: supervise it (督办). */
  SUPERVISION,
  /** A handled case was not verified within the policy's limit: supervise it (督办). */
  VERIFICATION_DUE,
  /** A parked case (挂账) reached the end of its suspension: give it back to its handler. */
  SUSPENSION_END
}
