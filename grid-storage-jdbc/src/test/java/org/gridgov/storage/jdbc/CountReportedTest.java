package org.gridgov.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.tck.fixtures.Events.T0;
import static org.gridgov.tck.fixtures.IncidentBuilder.anIncident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentRejected;
import org.gridgov.core.incident.RejectionKind;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.storage.jdbc.dialect.SqlDialect;
import org.gridgov.tck.fixtures.Events;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link IncidentStore#countReported} over many grids of several units, against a count of the
 * reports written: the query reaches a unit's rows grid by grid ({@link
 * IncidentSql#COUNT_REPORTED}), so it must find every grid whose code starts with the unit's and
 * none other, whatever the neighbouring codes.
 */
class CountReportedTest {

  /** Neighbours: prefixes of one another, next to a range's end, a street ending in 9. */
  private static final List<String> GRIDS =
      List.of(
          "110101001001001",
          "110101001001010",
          "110101001001011",
          "11010100100101", // 14 digits: a prefix of the two above, as LIKE '11010100100101%' was
          "110101001002001",
          "110101001010001",
          "110101001599999",
          "110101002001001", // the end of street 110101001's range, 110101002, starts it
          "110101009001001",
          "110101009009009", // street 110101009: its range ends at 11010100:
          "110101010001001",
          "110102001001001",
          "120101001001001");

  /** The report days of each grid's incidents. */
  private static final List<Integer> DAYS = List.of(0, 29, 30, 45, 59, 60, 400);

  private static final List<String> UNITS =
      List.of(
          "110000",
          "110100",
          "110101",
          "110102",
          "120101",
          "130102",
          "110101001",
          "110101002",
          "110101005",
          "110101009",
          "110101010",
          "110101001001",
          "110101001002",
          "110101001003",
          "110101001010",
          "110101001599",
          "110101009009",
          "110101002001");

  /**
   * What each incident becomes, by its index: 0 registered (rejected FALSE), 1 waiting in REPORTED
   * (rejected NULL), 2 rejected at intake (TRUE), 3 registered by a node of an earlier release
   * (NULL, stage REGISTERED), 4 rejected by one (NULL, stage REJECTED).
   */
  private static final int KINDS = 5;

  private record Report(String grid, Instant at, int kind) {
    boolean counts() {
      return kind != 2 && kind != 4;
    }
  }

  private static Instant day(int day) {
    return T0.plus(Duration.ofDays(day));
  }

  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void countReported_manyGridsOfSeveralUnits_countsEachUnitsReportsOfThePeriod(
      TestDatabase database) throws SQLException {
    database.requireReachable();
    JdbcGridStorage storage = database.fresh();
    IncidentStore store = storage.incidents();
    List<Report> reports = new ArrayList<>();
    int n = 0;
    for (String grid : GRIDS) {
      for (int day : DAYS) {
        Report report = new Report(grid, day(day).plusNanos(1_000L * n), n % KINDS);
        reports.add(report);
        store.intake(events("r" + n + "-k" + report.kind(), report));
        n++;
      }
    }
    asAnEarlierReleaseWroteThem(database, storage);

    List<Instant[]> periods =
        List.of(
            new Instant[] {day(30), day(60)},
            new Instant[] {day(0), day(30)},
            new Instant[] {day(29), day(29).plusNanos(1_000L * n)},
            new Instant[] {day(60), Instant.MAX},
            new Instant[] {Instant.MIN, Instant.MAX},
            new Instant[] {day(400), day(401)},
            new Instant[] {day(401), day(800)},
            new Instant[] {day(45), day(45)});
    List<String> units = new ArrayList<>(UNITS);
    GRIDS.forEach(units::add);
    for (String code : units) {
      AreaCode unit = code.length() >= 14 ? AreaCode.of(code, Level.GRID) : AreaCode.parse(code);
      for (Instant[] period : periods) {
        long expected =
            reports.stream()
                .filter(r -> r.grid().startsWith(unit.codePrefix()) && r.counts())
                .filter(r -> !r.at().isBefore(period[0]) && r.at().isBefore(period[1]))
                .count();
        assertThat(store.countReported(unit, period[0], period[1]))
            .as("%s in [%s, %s)", unit, period[0], period[1])
            .isEqualTo(expected);
      }
    }
    assertThat(store.countReported(AreaCode.parse("110101005"), Instant.MIN, Instant.MAX))
        .as("a unit without reports")
        .isZero();
    assertThat(store.countReported(AreaCode.parse("110101001"), day(30), day(60)))
        .as("street 110101001 in [day 30, day 60)")
        .isPositive();
  }

  /**
   * Reports committed while the count runs, between its two statements on MariaDB (the unit's
   * grids, then their counts): one in a grid listed, one in a grid not. Read at READ COMMITTED, the
   * count took the first and not the second, 3, neither the 2 before nor the 4 after; it reads the
   * snapshot of its first statement. PostgreSQL and H2 count in one statement, with nothing in
   * between. Either way the next count sees both, and a read still runs at READ COMMITTED.
   */
  @ParameterizedTest
  @MethodSource("org.gridgov.storage.jdbc.Databases#all")
  void countReported_reportsCommittedBetweenItsStatements_countsOneSnapshot(TestDatabase database)
      throws SQLException {
    database.requireReachable();
    JdbcGridStorage storage = database.fresh();
    IncidentStore store = storage.incidents();
    store.intake(events("a1", new Report("110101001001001", day(1), 0)));
    store.intake(events("a2", new Report("110101001001001", day(2), 0)));
    SqlDialect dialect = storage.dialect();
    Tables tables = new Tables(database.prefix(), dialect);
    Jdbc jdbc = new Jdbc(database.pool(), dialect, tables);
    EventRows events = new EventRows(tables);
    IncidentQueries queries =
        new IncidentQueries(jdbc, new IncidentRows(tables), new IncidentLoader(events, 0), events);
    Runnable commitTwo =
        () -> {
          store.intake(events("b1", new Report("110101001001001", day(3), 0))); // a grid listed
          store.intake(events("b2", new Report("110101001002001", day(3), 0))); // a grid not
        };
    AtomicInteger between = new AtomicInteger();
    queries.afterGridsRead =
        () -> {
          between.incrementAndGet();
          commitTwo.run();
        };
    AreaCode street = AreaCode.parse("110101001");

    assertThat(queries.countReported(street, day(0), day(10))).isEqualTo(2);
    assertThat(between)
        .as("runs between two statements")
        .hasValue(dialect.seeksRangesPerRow() ? 0 : 1);
    queries.afterGridsRead = () -> {};
    if (between.get() == 0) {
      commitTwo.run();
    }
    assertThat(queries.countReported(street, day(0), day(10))).as("after").isEqualTo(4);
    assertThat(jdbc.read("reading the level", Connection::getTransactionIsolation))
        .isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
  }

  @Test
  void codesAfter_incrementsTheLastDigit_nineToTheCharacterAfterIt() {
    assertThat(IncidentQueries.codesAfter("110101001")).isEqualTo("110101002");
    assertThat(IncidentQueries.codesAfter("110101009")).isEqualTo("11010100:");
    assertThat(IncidentQueries.codesAfter("11")).isEqualTo("12");
    assertThat("110101009999999").isLessThan(IncidentQueries.codesAfter("110101009"));
    assertThat("110101010").isGreaterThan(IncidentQueries.codesAfter("110101009"));
  }

  private static List<IncidentEvent> events(String id, Report report) {
    List<IncidentEvent> opening =
        anIncident()
            .withId(id)
            .inGrid(AreaCode.of(report.grid(), Level.GRID))
            .reportedAt(report.at())
            .registered(Duration.ofHours(1))
            .build();
    return switch (report.kind()) {
      case 1 -> List.of(opening.get(0));
      case 2, 4 ->
          List.of(
              opening.get(0),
              new IncidentRejected(
                  IncidentId.of(id),
                  Events.CENTRE,
                  report.at(),
                  "same lamp",
                  RejectionKind.DUPLICATE,
                  Optional.of(IncidentId.of("r0-k0"))));
      default -> opening;
    };
  }

  /** Kinds 3 and 4: rows whose rejected column a node of the release before schema 8 left NULL. */
  private static void asAnEarlierReleaseWroteThem(TestDatabase database, JdbcGridStorage storage)
      throws SQLException {
    Tables tables = new Tables(database.prefix(), storage.dialect());
    try (Connection c = database.pool().getConnection();
        PreparedStatement update =
            c.prepareStatement(
                tables.render(
                    "UPDATE {incident} SET rejected = NULL WHERE id LIKE '%-k3' OR id LIKE '%-k4'"))) {
      assertThat(update.executeUpdate()).isPositive();
    }
  }
}
