package org.gridgov.core.spi;

/** A storage adapter failed. Subclasses name what happened; the cause holds any driver error. */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
