package org.gridgov.core.spi;

/**
 * An optimistic-concurrency conflict: the writer expected {@code kind} {@code id} at version {@code
 * expectedVersion}, but another writer had already moved it to {@code actualVersion}. Nothing was
 * written; reload and decide again.
 */
public class StaleVersionException extends StorageException {
  private static final long serialVersionUID = 1L;
  private final String kind;
  private final String id;
  private final long expectedVersion;
  private final long actualVersion;

  public StaleVersionException(String kind, Object id, long expectedVersion, long actualVersion) {
    super(
        kind
            + " "
            + id
            + " is at version "
            + actualVersion
            + ", the writer expected "
            + expectedVersion);
    this.kind = kind;
    this.id = String.valueOf(id);
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  public String kind() {
    return kind;
  }

  public String id() {
    return id;
  }

  public long expectedVersion() {
    return expectedVersion;
  }

  public long actualVersion() {
    return actualVersion;
  }
}
