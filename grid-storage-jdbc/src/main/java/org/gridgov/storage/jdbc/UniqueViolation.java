package org.gridgov.storage.jdbc;

/**
 * Thrown inside a transaction when a unique constraint refused a row, so that the caller can roll
 * back first and then find out which conflict it was.
 */
final class UniqueViolation extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UniqueViolation(Throwable cause) {
    super("unique constraint", cause, false, false);
  }
}
