package org.gridgov.storage.jdbc.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * What differs between databases: the migrations folder, JSON parameters, instant binding, upserts
 * and how due work is claimed. Instants are bound truncated to the microsecond, in UTC, so neither
 * the JVM's nor the session's time zone matters.
 */
public interface SqlDialect {

  /** The database's name, also the name of its migrations folder. */
  String name();

  /**
   * Where this database's Flyway migrations live: under the library's own package, not under {@code
   * db/migration}, which is Flyway's (and Spring Boot's) default location, so a host application's
   * own Flyway never finds them. Flyway's history names scripts without their folder, so databases
   * migrated from the earlier location validate unchanged.
   */
  default String migrationLocation() {
    return "classpath:org/gridgov/storage/jdbc/migration/" + name();
  }

  /**
   * Whether due work is claimed with {@code SELECT … FOR UPDATE SKIP LOCKED}; otherwise each
   * candidate is taken with a conditional {@code UPDATE} and only rows updated are kept.
   */
  boolean supportsSkipLocked();

  /**
   * What follows the incident table's name in the claim's {@code SELECT … ORDER BY next_timer_at,
   * id LIMIT ? FOR UPDATE SKIP LOCKED}, given the name of its index on (next_timer_at, id); empty
   * where the database locks only the rows the limit lets through (PostgreSQL locks each row as the
   * limit takes it). MariaDB locks every row it reads, and on a small or mostly due table its
   * planner prefers a full scan and a sort: the first node to claim would lock every due row and
   * the others would find none. There the claim must read the index in order and stop at the limit.
   */
  default String claimScanHint(String timerIndex) {
    return "";
  }

  /**
   * Whether a transaction must set READ COMMITTED itself because the database's default is stricter
   * (MariaDB's REPEATABLE READ). PostgreSQL and H2 default to READ COMMITTED, so gridgov leaves
   * their connections as they come and saves the round trips, unless the pool hands out others
   * (stricter, or READ UNCOMMITTED; checked once when the storage is built).
   */
  default boolean setsReadCommitted() {
    return false;
  }

  /** Whether several application nodes may share one database of this kind. */
  default boolean supportsMultiNode() {
    return supportsSkipLocked();
  }

  /**
   * Whether the database, reading a table for each row of another (a join or a correlated
   * subquery), seeks the index range the row's values bound: an equality on the index's first
   * column and a range on the next, or a range from a correlated bound. PostgreSQL and H2 do;
   * MariaDB reads every entry of the equal value (its "ref" access) and plans a range from a
   * correlated bound as if it were absent, so gridgov hands it the values as parameters instead.
   */
  default boolean seeksRangesPerRow() {
    return true;
  }

  /** The placeholder of a JSON value bound as a string. */
  default String jsonParameter() {
    return "?";
  }

  /** An insert of counter {@code ?} at 0 that does nothing when the key exists. */
  String insertCounterIfAbsent(String table);

  /**
   * An insert of the head row of policy {@code ?} at version 0 that does nothing when the row
   * exists; one racing it waits for the other's transaction to end.
   */
  String insertPolicyHeadIfAbsent(String table);

  default void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    statement.setObject(index, instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
  }

  /** The {@link java.sql.Types} code to bind a null instant with. */
  default int instantSqlType() {
    return java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
  }

  default Instant getInstant(ResultSet rows, String column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** Whether {@code e} (or a chained exception) reports a unique or primary key violation. */
  default boolean isUniqueViolation(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if ("23505".equals(s.getSQLState())) {
        return true;
      }
      if (s.getCause() instanceof SQLException cause && cause != s && isUniqueViolation(cause)) {
        return true;
      }
    }
    return false;
  }
}
