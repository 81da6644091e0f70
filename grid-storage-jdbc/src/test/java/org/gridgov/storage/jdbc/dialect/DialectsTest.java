package org.gridgov.storage.jdbc.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.gridgov.core.spi.StorageException;
import org.junit.jupiter.api.Test;

/** What each dialect says of its database, read without a server. */
class DialectsTest {

  @Test
  void forProduct_theNamesTheDriversReport_pickTheirDialect() {
    assertThat(Dialects.forProduct("PostgreSQL")).isInstanceOf(PostgresDialect.class);
    assertThat(Dialects.forProduct("MariaDB")).isInstanceOf(MariaDbDialect.class);
    assertThat(Dialects.forProduct("MySQL")).isInstanceOf(MariaDbDialect.class);
    assertThat(Dialects.forProduct("H2")).isInstanceOf(H2Dialect.class);
  }

  @Test
  void forProduct_anotherDatabase_refusedNamingIt() {
    assertThatThrownBy(() -> Dialects.forProduct("Oracle"))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("unsupported database 'Oracle'");
    assertThatThrownBy(() -> Dialects.forProduct("H2 Compatible"))
        .isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> Dialects.forProduct(null))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("unsupported database 'null'");
  }

  @Test
  void detect_databaseUnreachable_storageFailureWithTheDriversError() {
    SQLException refused = new SQLException("connection refused", "08001");
    DataSource unreachable =
        (DataSource)
            Proxy.newProxyInstance(
                DialectsTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                  throw refused;
                });

    assertThatThrownBy(() -> Dialects.detect(unreachable))
        .isInstanceOf(StorageException.class)
        .hasMessage("cannot read the database's metadata to pick a dialect")
        .hasCause(refused);
  }

  @Test
  void capabilities_asTheReadmeTableSays() {
    SqlDialect h2 = new H2Dialect();
    SqlDialect postgres = new PostgresDialect();
    SqlDialect mariadb = new MariaDbDialect();

    assertThat(h2.supportsSkipLocked()).isFalse();
    assertThat(h2.supportsMultiNode()).isFalse();
    assertThat(postgres.supportsSkipLocked()).isTrue();
    assertThat(postgres.supportsMultiNode()).isTrue();
    assertThat(mariadb.supportsSkipLocked()).isTrue();
    assertThat(mariadb.supportsMultiNode()).isTrue();
    assertThat(h2.setsReadCommitted()).isFalse();
    assertThat(postgres.setsReadCommitted()).isFalse();
    assertThat(mariadb.setsReadCommitted()).isTrue();
    assertThat(h2.seeksRangesPerRow()).isTrue();
    assertThat(postgres.seeksRangesPerRow()).isTrue();
    assertThat(mariadb.seeksRangesPerRow()).isFalse();
    assertThat(h2.migrationLocation()).isEqualTo("classpath:org/gridgov/storage/jdbc/migration/h2");
    assertThat(postgres.migrationLocation())
        .isEqualTo("classpath:org/gridgov/storage/jdbc/migration/postgresql");
    assertThat(mariadb.migrationLocation())
        .isEqualTo("classpath:org/gridgov/storage/jdbc/migration/mariadb");
  }

  @Test
  void isUniqueViolation_sqlState23505_inTheChainOrAsACause() {
    SqlDialect dialect = new PostgresDialect();
    SQLException unique = new SQLException("duplicate key", "23505");
    SQLException chained = new SQLException("batch failed", "08006");
    chained.setNextException(unique);
    SQLException wrapped = new SQLException("wrapped", "HY000", unique);

    assertThat(dialect.isUniqueViolation(unique)).isTrue();
    assertThat(dialect.isUniqueViolation(chained)).isTrue();
    assertThat(dialect.isUniqueViolation(wrapped)).isTrue();
    assertThat(dialect.isUniqueViolation(new SQLException("deadlock", "40001"))).isFalse();
    assertThat(dialect.isUniqueViolation(new SQLException("no state"))).isFalse();
    assertThat(
            dialect.isUniqueViolation(
                new SQLException("other", "08006", new IllegalStateException("not SQL"))))
        .isFalse();
  }

  @Test
  void isUniqueViolation_mariaDbDuplicateKeyError_whateverItsState() {
    SqlDialect dialect = new MariaDbDialect();
    SQLException duplicate = new SQLException("Duplicate entry", "HY000", 1062);
    SQLException chained = new SQLException("batch failed", "HY000", 1205);
    chained.setNextException(duplicate);

    assertThat(dialect.isUniqueViolation(duplicate)).isTrue();
    assertThat(dialect.isUniqueViolation(chained)).isTrue();
    assertThat(dialect.isUniqueViolation(new SQLException("dup", "23000", 1062))).isTrue();
    assertThat(dialect.isUniqueViolation(new SQLException("unique", "23505"))).isTrue();
    assertThat(dialect.isUniqueViolation(new SQLException("lock wait", "HY000", 1205))).isFalse();
  }

  /** A statement that keeps what is bound to it, by parameter index. */
  private static PreparedStatement binding(Map<Integer, Object> bound) {
    return (PreparedStatement)
        Proxy.newProxyInstance(
            DialectsTest.class.getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            (proxy, method, args) -> {
              if (method.getName().equals("setObject") && args.length == 2) {
                bound.put((Integer) args[0], args[1]);
                return null;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  /** A row whose column {@code column} holds {@code value}, read as the type asked for. */
  private static ResultSet row(String column, Object value) {
    return (ResultSet)
        Proxy.newProxyInstance(
            DialectsTest.class.getClassLoader(),
            new Class<?>[] {ResultSet.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getObject")
                  && args.length == 2
                  && column.equals(args[0])) {
                return value == null ? null : ((Class<?>) args[1]).cast(value);
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  @Test
  void instants_boundInUtcToTheMicrosecond_mariaDbAsItsZonelessDatetime() throws Exception {
    Instant at = Instant.parse("2024-03-04T01:02:03.123456789Z");
    Map<Integer, Object> bound = new HashMap<>();

    new H2Dialect().setInstant(binding(bound), 1, at);
    new PostgresDialect().setInstant(binding(bound), 2, at);
    new MariaDbDialect().setInstant(binding(bound), 3, at);

    OffsetDateTime utc = OffsetDateTime.parse("2024-03-04T01:02:03.123456Z");
    assertThat(bound)
        .containsEntry(1, utc)
        .containsEntry(2, utc)
        .containsEntry(3, LocalDateTime.parse("2024-03-04T01:02:03.123456"));
    assertThat(new H2Dialect().instantSqlType()).isEqualTo(Types.TIMESTAMP_WITH_TIMEZONE);
    assertThat(new MariaDbDialect().instantSqlType()).isEqualTo(Types.TIMESTAMP);
  }

  @Test
  void instants_readBackAsStored_nullAsNull() throws Exception {
    Instant at = Instant.parse("2024-03-04T01:02:03.123456Z");

    assertThat(
            new PostgresDialect()
                .getInstant(
                    row("due_at", OffsetDateTime.parse("2024-03-04T09:02:03.123456+08:00")),
                    "due_at"))
        .isEqualTo(at);
    assertThat(
            new MariaDbDialect()
                .getInstant(
                    row("due_at", LocalDateTime.parse("2024-03-04T01:02:03.123456")), "due_at"))
        .isEqualTo(at);
    assertThat(new H2Dialect().getInstant(row("due_at", null), "due_at")).isNull();
    assertThat(new MariaDbDialect().getInstant(row("due_at", null), "due_at")).isNull();
  }
}
