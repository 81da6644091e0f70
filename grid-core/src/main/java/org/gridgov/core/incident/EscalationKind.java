package org.gridgov.core.incident;

/** Why a case went up a level, which decides whether it counts against the level's quota. */
public enum EscalationKind {
  /** The level passed the case up by choice: counted against its quota. */
  REQUESTED,
  /** Fire or danger to life: always passes, never counted. */
  EMERGENCY,
  /** Nobody at the level could take the case (no eligible worker): not the level's choice. */
  NO_ELIGIBLE_WORKER,
  /** The level may not close the case's category (the policy's authority): it must go up. */
  OUTSIDE_AUTHORITY;

  /** Whether an escalation of this kind counts against the quota of the level it leaves. */
  public boolean countsAgainstQuota() {
    return this == REQUESTED;
  }
}
