package org.gridgov.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.tck.fixtures.IncidentBuilder.anIncident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridgov.core.spi.DueTimer;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.storage.jdbc.dialect.SqlDialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nodes sharing the work: while one node's claim transaction is open, another node's claim gets the
 * next due incidents. The open claim must lock only the rows its limit lets through; had it locked
 * every due row it read (MariaDB's full scan and sort), the second node would get none.
 */
class SkipLockedClaimTest {
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final int DUE = 240;
  private static final int BATCH = 16;

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#multiNode")
  void claimWhileAnotherNodesClaimIsOpen_takesTheNextDueIncidents(TestDatabase database)
      throws Exception {
    JdbcGridStorage storage = database.fresh();
    IncidentStore store = storage.incidents();
    for (int i = 0; i < DUE; i++) {
      store.intake(
          anIncident().withId(String.format("r%03d", i)).registered(Duration.ofHours(1)).build());
    }
    SqlDialect dialect = storage.dialect();
    String claimable = ClaimQueue.claimable(new Tables(database.prefix(), dialect), dialect);

    try (Connection other = database.pool().getConnection()) {
      other.setAutoCommit(false);
      other.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      Set<String> held = new HashSet<>();
      try (PreparedStatement select = other.prepareStatement(claimable)) {
        dialect.setInstant(select, 1, ClaimQueue.EARLIEST);
        dialect.setInstant(select, 2, NOW);
        dialect.setInstant(select, 3, NOW);
        select.setInt(4, BATCH);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            held.add(rows.getString("id"));
          }
        }
      }

      List<DueTimer> mine = store.claimDue(NOW, BATCH, "node-b", Duration.ofMinutes(5));

      assertThat(held).hasSize(BATCH);
      assertThat(mine)
          .extracting(d -> d.incident().id().value())
          .as("the next due incidents, none the open claim holds")
          .hasSize(BATCH)
          .doesNotContainAnyElementsOf(held);
      other.rollback();
    }
  }
}
