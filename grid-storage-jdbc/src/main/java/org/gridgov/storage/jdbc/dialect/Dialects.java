package org.gridgov.storage.jdbc.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.gridgov.core.spi.StorageException;

/** Picks the dialect of a database from its {@link DatabaseMetaData}. */
public final class Dialects {
  private Dialects() {}

  /**
   * The dialect of the database behind {@code dataSource}.
   *
   * @throws StorageException when the database cannot be reached or is not supported
   */
  public static SqlDialect detect(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return forProduct(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new StorageException("cannot read the database's metadata to pick a dialect", e);
    }
  }

  /** The dialect for a {@link DatabaseMetaData#getDatabaseProductName()}. */
  public static SqlDialect forProduct(String product) {
    String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (name.contains("postgres")) {
      return new PostgresDialect();
    }
    if (name.contains("mariadb") || name.contains("mysql")) {
      return new MariaDbDialect();
    }
    if (name.equals("h2")) {
      return new H2Dialect();
    }
    throw new StorageException(
        "unsupported database '"
            + product
            + "': gridgov's JDBC storage supports PostgreSQL, MariaDB and H2");
  }
}
