package org.gridgov.tck;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Set;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.spi.StorageCapability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every contract: a fresh, empty {@link GridStorage} per test in {@link #storage}. An
 * adapter's test extends a contract and implements {@link #newStorage()}; it overrides {@link
 * #capabilities()} only to test fewer capabilities than the storage declares.
 */
public abstract class StorageContract {
  /** The storage under test, new and empty for each test. */
  protected GridStorage storage;

  /** A new, empty storage. Called once before each test. */
  protected abstract GridStorage newStorage();

  /**
   * Another {@link GridStorage} over the same data as {@code current}: a second application node,
   * or the store reopened after a restart. Called only by tests that need {@link
   * StorageCapability#MULTI_NODE} or {@link StorageCapability#DURABLE}.
   */
  protected GridStorage sameDataAgain(GridStorage current) {
    throw new UnsupportedOperationException(
        "override sameDataAgain to test MULTI_NODE or DURABLE storage");
  }

  /**
   * Releases what {@link #newStorage()} opened; called after each test. Does nothing by default.
   */
  protected void release(GridStorage used) {}

  /** The capabilities to test; by default those the storage declares. */
  protected Set<StorageCapability> capabilities() {
    return storage.capabilities();
  }

  /** Skips the calling test unless the adapter has {@code capability}. */
  protected final void assumeCapability(StorageCapability capability) {
    assumeTrue(
        capabilities().contains(capability), () -> "the adapter does not declare " + capability);
  }

  @BeforeEach
  final void openStorage() {
    storage = newStorage();
  }

  @AfterEach
  final void releaseStorage() {
    if (storage != null) {
      release(storage);
    }
  }
}
