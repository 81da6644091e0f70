package org.gridgov.storage.memory;

import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.Directory;
import org.gridgov.core.spi.DirectoryStore;
import org.gridgov.core.spi.Revision;
import org.gridgov.core.spi.StaleVersionException;

/** The directory snapshot in memory; saves are compare-and-set on the revision. */
final class InMemoryDirectoryStore implements DirectoryStore {
  private Revision<Directory> current;

  @Override
  public synchronized Optional<Revision<Directory>> load() {
    return Optional.ofNullable(current);
  }

  @Override
  public synchronized long revision() {
    return current == null ? 0 : current.revision();
  }

  @Override
  public synchronized long save(Directory directory, long expectedRevision) {
    Objects.requireNonNull(directory, "directory");
    long actual = current == null ? 0 : current.revision();
    if (actual != expectedRevision) {
      throw new StaleVersionException("directory", "directory", expectedRevision, actual);
    }
    current = new Revision<>(directory, actual + 1);
    return current.revision();
  }
}
