package org.gridgov.core.spi;

/**
 * A write whose outcome is unknown: it failed after the store may have kept it (a commit whose
 * answer was lost with the connection). It may be stored or not; only a version-checked read or
 * retry tells. A caller must not undo what the write would have paid for (a quota slot, say) as if
 * nothing were stored.
 */
public class OutcomeUnknownException extends StorageException {
  private static final long serialVersionUID = 1L;

  public OutcomeUnknownException(String message, Throwable cause) {
    super(message, cause);
  }
}
