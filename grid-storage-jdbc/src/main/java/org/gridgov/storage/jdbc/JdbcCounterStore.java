package org.gridgov.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import org.gridgov.core.spi.CounterStore;

/**
 * Counters as rows updated by conditional {@code UPDATE}s: the database's row lock makes each
 * change atomic across nodes, and {@code counter_value < limit} is checked under that lock.
 */
final class JdbcCounterStore implements CounterStore {
  private final Jdbc jdbc;
  private final String get;
  private final String insertIfAbsent;
  private final String incrementBelow;
  private final String increment;
  private final String decrement;

  JdbcCounterStore(Jdbc jdbc) {
    this.jdbc = jdbc;
    Tables t = jdbc.tables();
    this.get = t.render(CounterSql.GET);
    this.insertIfAbsent = jdbc.dialect().insertCounterIfAbsent(t.counter());
    this.incrementBelow = t.render(CounterSql.INCREMENT_BELOW);
    this.increment = t.render(CounterSql.INCREMENT);
    this.decrement = t.render(CounterSql.DECREMENT);
  }

  @Override
  public long get(String key) {
    CounterStore.checkKey(key);
    return jdbc.read("reading counter " + key, c -> value(c, key));
  }

  @Override
  public OptionalLong incrementIfBelow(String key, long limit) {
    create(key);
    return jdbc.inTransaction(
        "incrementing counter " + key,
        c -> {
          try (PreparedStatement update = c.prepareStatement(incrementBelow)) {
            update.setString(1, key);
            update.setLong(2, limit);
            return update.executeUpdate() == 1
                ? OptionalLong.of(value(c, key))
                : OptionalLong.empty();
          }
        });
  }

  @Override
  public long increment(String key) {
    create(key);
    return change(key, increment, "incrementing");
  }

  @Override
  public long decrement(String key) {
    CounterStore.checkKey(key);
    return change(key, decrement, "decrementing");
  }

  private long change(String key, String sql, String verb) {
    return jdbc.inTransaction(
        verb + " counter " + key,
        c -> {
          try (PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, key);
            update.executeUpdate();
          }
          return value(c, key);
        });
  }

  /** Makes sure the row exists, so that every change is an {@code UPDATE} under a row lock. */
  private void create(String key) {
    CounterStore.checkKey(key);
    jdbc.autoCommit(
        "creating counter " + key,
        c -> {
          try (PreparedStatement insert = c.prepareStatement(insertIfAbsent)) {
            insert.setString(1, key);
            insert.executeUpdate();
          } catch (SQLException e) {
            if (!jdbc.dialect().isUniqueViolation(e)) {
              throw e;
            }
          }
          return null;
        });
  }

  private long value(Connection c, String key) throws SQLException {
    try (PreparedStatement select = c.prepareStatement(get)) {
      select.setString(1, key);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getLong(1) : 0;
      }
    }
  }
}
