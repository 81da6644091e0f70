package org.gridgov.core.people;

/** Why a worker is away. */
public enum AbsenceKind {
  LEAVE,
  SICK,
  TRAINING,
  OTHER
}
