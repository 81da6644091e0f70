package org.gridgov.core.incident;

/** Why registration refused a report. */
public enum RejectionKind {
  /** Not a case the platform handles (不予立案). */
  INVALID,
  /** The same problem is already an incident. */
  DUPLICATE
}
