package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.Directory;
import org.gridgov.core.Money;
import org.gridgov.core.policy.Presets;
import org.gridgov.governance.GridGovernance;
import org.gridgov.scoring.Period;
import org.gridgov.scoring.Scoring;
import org.gridgov.scoring.ScoringRun;
import org.gridgov.scoring.pay.PayLine;
import org.gridgov.scoring.pay.PayStatement;
import org.gridgov.scoring.policy.IndicatorSettings;
import org.gridgov.scoring.policy.ScoringPolicy;
import org.gridgov.simulation.report.HtmlReport;
import org.gridgov.simulation.report.ResultFiles;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scoring, rankings and pay are monthly: a run over several calendar months is scored month by
 * month, each month (the part of it the run covers, at either end) as grid-scoring scores that
 * month from every stored history alive in it.
 */
class MonthlyScoresTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** Kaixuan's scoring with two days to settle, so that each month's first two days count twice. */
  private static ScoringPolicy settlingTwoDays() {
    ScoringPolicy k = SimulationConfig.defaults().scoring();
    IndicatorSettings s = k.indicators();
    return new ScoringPolicy(
        k.id(),
        k.version(),
        k.source(),
        new IndicatorSettings(
            s.respondWithin(),
            s.closeWithin(),
            Duration.ofDays(2),
            s.satisfiedAtLeast(),
            s.lateReplyCredit(),
            s.percentiles(),
            s.threeRateSources()),
        k.score(),
        k.threeRates(),
        k.team(),
        k.pay(),
        k.points(),
        k.duties());
  }

  @Test
  void run_overThreeMonths_eachMonthScoredAsFromTheStoredHistories() {
    LocalDate start = LocalDate.of(2024, 3, 27); // to 5 May: 27–31 March, April, 1–5 May
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(start, 40)
            .withArrivals(Arrivals.defaults().withRate(0.5))
            .withScoring(settlingTwoDays());
    InMemoryGridStorage storage = InMemoryGridStorage.builder().keepArchived(true).build();

    SimulationResult result =
        Simulation.run(SimulationTest.KAIXUAN, config, Presets.kaixuan(), storage);

    List<Period> months =
        List.of(
            new Period(start, LocalDate.of(2024, 3, 31), SHANGHAI),
            Period.month(YearMonth.of(2024, 4), SHANGHAI),
            new Period(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 5), SHANGHAI));
    assertThat(result.scores()).extracting(Scores::period).containsExactlyElementsOf(months);
    assertThat(result.archived()).as("cases went all the way").isPositive();
    GridGovernance reader =
        GridGovernance.builder()
            .storage(storage)
            .policy(Presets.kaixuan())
            .clock(Clock.fixed(result.end(), SHANGHAI))
            .node("reader")
            .build();
    Directory directory = reader.directory();
    for (int m = 0; m < months.size(); m++) {
      Period month = months.get(m);
      ScoringRun scoring = Scoring.of(config.scoring()).period(month);
      Scores fromStore =
          Simulation.scores(
              config,
              scoring,
              scoring.indicators(
                  reader.histories(month.from(), month.to()),
                  Visits.of(config, directory.roster()).of(month),
                  directory),
              directory);
      assertThat(result.scores().get(m)).as(month.label()).isEqualTo(fromStore);
    }
    assertThat(result.scores().get(1).pay()).map(PayStatement::period).contains("2024-04");
  }

  @Test
  void run_overTwoMonths_paysEachMonthItsMonthlyBase(@TempDir Path dir) throws Exception {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 3, 1), 61)
            .withArrivals(Arrivals.defaults().withRate(0.2));
    // Kaixuan's graded pay: 40 % of the ¥6,000 monthly base is graded, so ¥3,600 is fixed
    assertThat(config.baseSalary()).isEqualTo(Money.ofYuan("6000"));
    assertThat(config.scoring().pay().orElseThrow().graded().orElseThrow().share())
        .isEqualByComparingTo("0.40");

    SimulationResult result =
        Simulation.run(
            SimulationTest.KAIXUAN, config, Presets.kaixuan(), InMemoryGridStorage.create());

    assertThat(result.scores())
        .extracting(s -> s.period().label())
        .containsExactly("2024-03", "2024-04");
    for (Scores month : result.scores()) {
      PayStatement pay = month.pay().orElseThrow();
      assertThat(pay.period()).isEqualTo(month.period().label());
      assertThat(pay.lines())
          .isNotEmpty()
          .extracting(PayLine::worker)
          .containsExactlyElementsOf(
              result.scores().get(0).pay().orElseThrow().lines().stream()
                  .map(PayLine::worker)
                  .toList());
      assertThat(pay.lines()).extracting(PayLine::fixed).containsOnly(Money.ofYuan("3600"));
      assertThat(month.ranking(org.gridgov.scoring.UnitKind.WORKER).period())
          .isEqualTo(month.period().label());
      // every grid's team is ranked, department staff (no grid) are not; the pay covers the
      // grid system's own staff, not the police officers and others seconded to the grid
      List<String> ranked =
          month.ranking(org.gridgov.scoring.UnitKind.WORKER).entries().stream()
              .map(e -> e.unit().id())
              .toList();
      List<String> paid = pay.lines().stream().map(l -> l.worker().value()).toList();
      assertThat(ranked)
          .noneMatch(id -> id.startsWith("d-"))
          .anyMatch(id -> id.contains("-police-officer-"))
          .containsAll(paid);
      assertThat(paid)
          .allMatch(id -> id.contains("-grid-manager-") || id.contains("-social-worker-"));
      assertThat(
              ranked.stream()
                  .filter(id -> id.contains("-grid-manager-") || id.contains("-social-worker-")))
          .containsExactlyInAnyOrderElementsOf(paid);
    }
    assertThat(result.workerScores())
        .extracting(UnitScore::id)
        .as("department staff handled cases, so the run has some to leave out of the ranking")
        .anyMatch(id -> id.startsWith("d-"));

    String html =
        HtmlReport.render("two months", result, Presets.kaixuan().targets(), Optional.empty());
    String pay = html.substring(html.indexOf("<h2>Pay</h2>"));
    assertThat(pay).contains("<h3>2024-03</h3>", "<h3>2024-04</h3>");
    assertThat(html.substring(html.indexOf("<h2>Scores</h2>"), html.indexOf("<h2>Pay</h2>")))
        .contains("<h3>2024-03</h3>", "<h3>2024-04</h3>");
    ResultFiles.write(result, dir, "");
    List<String> rows = Files.readAllLines(dir.resolve("pay.csv"));
    assertThat(rows.get(0)).startsWith("period,scheme,worker,fixedYuan,variableYuan,totalYuan");
    int paid = result.scores().get(0).pay().orElseThrow().lines().size();
    assertThat(rows.stream().filter(r -> r.startsWith("2024-03,graded,")))
        .hasSize(paid)
        .allSatisfy(r -> assertThat(r).contains(",3600.00,"));
    assertThat(rows.stream().filter(r -> r.startsWith("2024-04,graded,"))).hasSize(paid);
    assertThat(Files.readAllLines(dir.resolve("rankings.csv")))
        .anySatisfy(r -> assertThat(r).startsWith("2024-03,worker,1,"))
        .anySatisfy(r -> assertThat(r).startsWith("2024-04,worker,1,"));
    // each month's streets: every street of the territory, their reports those the run counted
    // on the days of the month (the run's own tally, not the scorer's)
    List<org.gridgov.core.territory.Area> streetAreas =
        SimulationTest.KAIXUAN.areas().stream()
            .filter(a -> a.level() == org.gridgov.core.territory.Level.STREET)
            .toList();
    List<String> streets = streetAreas.stream().map(a -> a.code().toString()).sorted().toList();
    for (Scores month : result.scores()) {
      assertThat(month.streets())
          .extracting(Scores.Street::code)
          .containsExactlyElementsOf(streets);
      assertThat(month.streets())
          .extracting(Scores.Street::name)
          .containsExactly(streetAreas.get(0).name());
      long reportedInMonth =
          result.days().stream()
              .filter(d -> month.period().contains(d.day()))
              .mapToLong(DayCount::reported)
              .sum();
      assertThat(
              month.streets().stream()
                  .mapToLong(
                      s -> s.indicators().count(org.gridgov.scoring.indicator.Counter.REPORTED))
                  .sum())
          .as(month.period().label())
          .isEqualTo(reportedInMonth)
          .isPositive();
    }
    List<String> streetRows = Files.readAllLines(dir.resolve("streets.csv"));
    assertThat(streetRows.get(0))
        .isEqualTo(
            "period,street,name,reported,registered,closureRate,"
                + "closedOnTimeRate,closedLate,overdueUnhandled,supervised,registrationHoursMean,"
                + "handlingHoursMean,highIncidenceShare");
    assertThat(streetRows).hasSize(1 + 2 * streets.size());
    assertThat(html.substring(html.indexOf("<h2>Streets</h2>"), html.indexOf("<h2>Scores</h2>")))
        .contains(
            "<h3>2024-03</h3>",
            "<h3>2024-04</h3>",
            "<td>" + streetAreas.get(0).name() + " (" + streets.get(0) + ")</td>",
            "<th>overdue, unhandled</th>",
            "<th>high-incidence share</th>");
    assertThat(Files.readString(dir.resolve("result.json")))
        .contains("\"streets\" : [", "\"highIncidenceShare\" :");
    assertThat(Files.readString(dir.resolve("result.json")))
        .contains(
            "\"first\" : \"2024-03-01\"",
            "\"last\" : \"2024-03-31\"",
            "\"first\" : \"2024-04-01\"",
            "\"last\" : \"2024-04-30\"");
  }

  @Test
  void run_startingMidMonth_paysThePartMonthItsDaysAndTheWholeMonthInFull(@TempDir Path dir)
      throws Exception {
    // 20 February to 31 March 2024: 10 of leap February's 29 days, then the whole of March
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 2, 20), 41)
            .withArrivals(Arrivals.defaults().withRate(0.2));
    assertThat(config.baseSalary()).isEqualTo(Money.ofYuan("6000"));
    assertThat(config.scoring().pay().orElseThrow().graded().orElseThrow().share())
        .isEqualByComparingTo("0.40");

    SimulationResult result =
        Simulation.run(
            SimulationTest.KAIXUAN, config, Presets.kaixuan(), InMemoryGridStorage.create());

    assertThat(result.scores())
        .extracting(s -> s.period().label())
        .containsExactly("2024-02-20..2024-02-29", "2024-03");
    // February: 6000 × 10/29 = 2068.965… → 2068.97; graded 40 % = 827.588 → 827.59, fixed
    // 1241.38; the variable part is the graded part × a Kaixuan tier factor 0.5, 0.8, 1.0 or 1.2
    PayStatement february = result.scores().get(0).pay().orElseThrow();
    assertThat(february.lines())
        .isNotEmpty()
        .allSatisfy(
            l -> {
              assertThat(l.fixed()).isEqualTo(Money.ofYuan("1241.38"));
              assertThat(l.variable())
                  .isIn(
                      Money.ofYuan("413.80"),
                      Money.ofYuan("662.07"),
                      Money.ofYuan("827.59"),
                      Money.ofYuan("993.11"));
              assertThat(l.basis()).contains("10/29 of the month's base ¥6000.00");
            });
    // March, whole: 6000, graded 2400, fixed 3600; × 0.5, 0.8, 1.0 or 1.2
    PayStatement march = result.scores().get(1).pay().orElseThrow();
    assertThat(march.lines())
        .hasSameSizeAs(february.lines())
        .allSatisfy(
            l -> {
              assertThat(l.fixed()).isEqualTo(Money.ofYuan("3600.00"));
              assertThat(l.variable())
                  .isIn(
                      Money.ofYuan("1200.00"),
                      Money.ofYuan("1920.00"),
                      Money.ofYuan("2400.00"),
                      Money.ofYuan("2880.00"));
              assertThat(l.basis()).doesNotContain("of the month");
            });

    String html =
        HtmlReport.render("mid-month start", result, Presets.kaixuan().targets(), Optional.empty());
    String pay = html.substring(html.indexOf("<h2>Pay</h2>"));
    assertThat(pay)
        .contains(
            "<h3>2024-02-20..2024-02-29</h3>",
            "<h3>2024-03</h3>",
            "for 2024-02-20..2024-02-29 (10 of the month's 29 days)",
            "paid pro rata");
    assertThat(pay).doesNotContain("for 2024-03 (");
    ResultFiles.write(result, dir, "");
    List<String> rows = Files.readAllLines(dir.resolve("pay.csv"));
    assertThat(rows.stream().filter(r -> r.startsWith("2024-02-20..2024-02-29,graded,")))
        .hasSize(february.lines().size())
        .allSatisfy(r -> assertThat(r).contains(",1241.38,").contains("10/29 of the month's base"));
  }

  @Test
  void run_insideOneMonth_onePeriodOfItsDays() {
    SimulationResult result =
        Simulation.run(
            SimulationTest.KAIXUAN,
            SimulationTest.week(),
            Presets.kaixuan(),
            InMemoryGridStorage.create());

    assertThat(result.scores())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.period())
                  .isEqualTo(
                      new Period(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 10), SHANGHAI));
              assertThat(s.pay().orElseThrow().lines()).isNotEmpty();
            });
  }

  @Test
  void months_endsCutToTheRun() {
    assertThat(MonthlyIndicators.months(LocalDate.of(2024, 1, 31), 31, SHANGHAI))
        .containsExactly(
            new Period(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 1, 31), SHANGHAI),
            Period.month(YearMonth.of(2024, 2), SHANGHAI),
            new Period(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1), SHANGHAI));
    assertThat(MonthlyIndicators.months(LocalDate.of(2024, 2, 1), 29, SHANGHAI))
        .containsExactly(Period.month(YearMonth.of(2024, 2), SHANGHAI));
  }
}
