package org.gridgov.storage.jdbc.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * MariaDB 10.6 or newer: {@code DATETIME(6)} holding UTC (never {@code TIMESTAMP}, which ends in
 * 2038 and follows the session zone), {@code utf8mb4_bin} text, {@code SKIP LOCKED} claims.
 */
public final class MariaDbDialect implements SqlDialect {
  private static final int DUPLICATE_KEY = 1062;

  @Override
  public String name() {
    return "mariadb";
  }

  @Override
  public boolean supportsSkipLocked() {
    return true;
  }

  @Override
  public boolean setsReadCommitted() {
    return true;
  }

  @Override
  public boolean seeksRangesPerRow() {
    return false;
  }

  @Override
  public String claimScanHint(String timerIndex) {
    return " FORCE INDEX (" + timerIndex + ")";
  }

  @Override
  public String insertCounterIfAbsent(String table) {
    return "INSERT IGNORE INTO " + table + " (counter_key, counter_value) VALUES (?, 0)";
  }

  /**
   * Not {@code INSERT IGNORE}: on a duplicate that takes a shared lock, and three savers holding it
   * while each waits to lock the row for update deadlock. This takes the row's exclusive lock.
   */
  @Override
  public String insertPolicyHeadIfAbsent(String table) {
    return "INSERT INTO "
        + table
        + " (policy_id, latest_version) VALUES (?, 0)"
        + " ON DUPLICATE KEY UPDATE policy_id = policy_id";
  }

  @Override
  public void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    statement.setObject(
        index, LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
  }

  @Override
  public int instantSqlType() {
    return java.sql.Types.TIMESTAMP;
  }

  @Override
  public Instant getInstant(ResultSet rows, String column) throws SQLException {
    LocalDateTime value = rows.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  @Override
  public boolean isUniqueViolation(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if (s.getErrorCode() == DUPLICATE_KEY) {
        return true;
      }
    }
    return SqlDialect.super.isUniqueViolation(e);
  }
}
