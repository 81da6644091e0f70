package org.gridgov.core.spi;

import java.util.Optional;
import org.gridgov.core.Directory;

/**
 * The directory (territory, people, lines, categories) as one versioned snapshot. A save names the
 * revision the writer saw, so two administrators editing at once cannot silently overwrite each
 * other.
 */
public interface DirectoryStore {

  /** The stored directory with its revision, or empty before the first save. */
  Optional<Revision<Directory>> load();

  /**
   * The latest revision, 0 before the first save: what a node asks often to learn whether another
   * saved a new directory, so an adapter should answer it without reading the directory itself.
   */
  default long revision() {
    return load().map(Revision::revision).orElse(0L);
  }

  /**
   * Replaces the directory. {@code expectedRevision} is the revision the writer loaded, 0 when none
   * was stored.
   *
   * @return the new revision
   * @throws StaleVersionException {@code ("directory", "directory", expectedRevision, actual)} when
   *     the stored revision is not {@code expectedRevision} (the contract kit checks the message
   *     {@code "directory directory is at version 1, the writer expected 0"}); nothing is written
   */
  long save(Directory directory, long expectedRevision);
}
