package org.gridgov.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.Directory;
import org.gridgov.core.spi.DirectoryStore;
import org.gridgov.core.spi.Revision;
import org.gridgov.core.spi.StaleVersionException;
import org.gridgov.core.spi.StorageException;
import org.gridgov.storage.jdbc.json.DirectoryCodec;

/**
 * The directory as JSON documents, one row per revision (nothing is overwritten). A save checks the
 * latest revision and inserts the next one; the primary key on the revision refuses a second writer
 * of the same revision.
 */
final class JdbcDirectoryStore implements DirectoryStore {
  private static final String KIND = "directory";

  /** Tries of a save chosen as a deadlock's victim while its rival has not committed. */
  private static final int DEADLOCK_ATTEMPTS = 5;

  private final Jdbc jdbc;
  private final String latest;
  private final String load;
  private final String insert;

  JdbcDirectoryStore(Jdbc jdbc) {
    this.jdbc = jdbc;
    this.latest = jdbc.tables().render(DirectorySql.LATEST_REVISION);
    this.load = jdbc.tables().render(DirectorySql.LOAD);
    this.insert = jdbc.tables().render(DirectorySql.INSERT);
  }

  @Override
  public Optional<Revision<Directory>> load() {
    return jdbc.read(
        "loading the directory",
        c -> {
          long revision = latest(c);
          if (revision == 0) {
            return Optional.empty();
          }
          try (PreparedStatement select = c.prepareStatement(load)) {
            select.setLong(1, revision);
            try (ResultSet rows = select.executeQuery()) {
              rows.next();
              return Optional.of(
                  new Revision<>(DirectoryCodec.read(rows.getString("document")), revision));
            }
          }
        });
  }

  /** One aggregate over the primary key; the document is not read. */
  @Override
  public long revision() {
    return jdbc.read("reading the directory revision", this::latest);
  }

  @Override
  public long save(Directory directory, long expectedRevision) {
    String document = DirectoryCodec.write(Objects.requireNonNull(directory, "directory"));
    for (int attempt = 1; ; attempt++) {
      try {
        return insert(document, expectedRevision);
      } catch (UniqueViolation lost) {
        long actual = revision();
        if (actual != expectedRevision) {
          throw new StaleVersionException(KIND, KIND, expectedRevision, actual);
        }
        // a deadlock's victim whose rival has not committed yet: the next try waits for it
        if (attempt == DEADLOCK_ATTEMPTS) {
          throw new StorageException(
              "saving the directory lost " + attempt + " deadlocks in a row at revision " + actual,
              lost.getCause());
        }
      }
    }
  }

  /**
   * Inserts the next revision after checking the latest. A racing insert of the same revision is a
   * {@link UniqueViolation}: refused by the primary key, or chosen as a deadlock's victim, as
   * InnoDB does when several wait to check the same new key (SQLSTATE class 40).
   */
  private long insert(String document, long expectedRevision) {
    return jdbc.inTransaction(
        "saving the directory",
        c -> {
          long actual = latest(c);
          if (actual != expectedRevision) {
            throw new StaleVersionException(KIND, KIND, expectedRevision, actual);
          }
          try (PreparedStatement statement = c.prepareStatement(insert)) {
            statement.setLong(1, actual + 1);
            statement.setInt(2, DirectoryCodec.SCHEMA_VERSION);
            statement.setString(3, document);
            statement.executeUpdate();
          } catch (SQLException e) {
            if (jdbc.dialect().isUniqueViolation(e) || Jdbc.isDeadlock(e)) {
              throw new UniqueViolation(e);
            }
            throw e;
          }
          return actual + 1;
        });
  }

  private long latest(Connection c) throws SQLException {
    try (PreparedStatement select = c.prepareStatement(latest);
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
