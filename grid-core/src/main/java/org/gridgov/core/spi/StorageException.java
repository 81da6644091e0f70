package org.gridgov.core.spi;

/** A storage adapter failed. Subclasses name what happened; the cause holds any driver error. */
public class StorageException extends RuntimeException {
  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
