package org.gridgov.core.people;

/**
 * Whether a worker does grid work full time or alongside another job (Yangling's part-time
 * members).
 */
public enum Employment {
  FULL_TIME,
  PART_TIME
}
