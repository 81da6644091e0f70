package org.gridgov.core.incident;

/** Who acted. */
public enum ActorKind {
  /** A worker, by worker id. */
  WORKER,
  /** A department (line), by line id. */
  DEPARTMENT,
  /** A seat of a command or supervision centre, by seat id. */
  CENTRE,
  /** gridgov itself, by the id of the rule that decided. */
  SYSTEM,
  /** A resident, by an opaque account token (never a name or phone number). */
  RESIDENT,
  /** An external system feeding incidents in, such as the 12345 hotline. */
  EXTERNAL
}
