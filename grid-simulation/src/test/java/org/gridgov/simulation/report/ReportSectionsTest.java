package org.gridgov.simulation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.simulation.report.ReportPage.part;
import static org.gridgov.simulation.report.ReportPage.section;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.primitives.ImmutableIntArray;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridgov.core.Money;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Territory;
import org.gridgov.scoring.UnitKind;
import org.gridgov.scoring.ranking.RankedEntry;
import org.gridgov.simulation.Arrivals;
import org.gridgov.simulation.Overload;
import org.gridgov.simulation.Scores;
import org.gridgov.simulation.Simulation;
import org.gridgov.simulation.SimulationConfig;
import org.gridgov.simulation.SimulationResult;
import org.gridgov.simulation.SimulationSetup;
import org.gridgov.simulation.UnitScore;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/** The report's sections: what each shows, how much of it, and on which scale. */
class ReportSectionsTest {
  private static final Territory KAIXUAN =
      Divisions.shangcheng().restrictedTo(AreaCode.parse("330102011"));

  private static SimulationResult run(LocalDate start, int days, double rate, boolean dongcheng) {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(start, days)
            .withArrivals(Arrivals.defaults().withRate(rate));
    return Simulation.run(
        KAIXUAN,
        config,
        dongcheng ? Presets.dongcheng() : Presets.kaixuan(),
        InMemoryGridStorage.create());
  }

  private static SimulationResult threeDays() {
    return run(LocalDate.of(2024, 3, 4), 3, 2.6, false);
  }

  /** {@code r} with other grids, escalations and closure times, as another run would have. */
  private static SimulationResult with(
      SimulationResult r,
      List<UnitScore> grids,
      ImmutableMap<org.gridgov.core.incident.EscalationKind, Long> escalations,
      ImmutableIntArray closureMinutes,
      SimulationConfig config) {
    return Results.with(
        r,
        Map.of(
            "gridScores",
            ImmutableList.copyOf(grids),
            "escalations",
            escalations,
            "closureMinutes",
            closureMinutes,
            "config",
            config));
  }

  /** Each chart's title and its y-axis ticks, in page order. */
  private static Map<String, List<String>> charts(String html) {
    Map<String, List<String>> charts = new LinkedHashMap<>();
    Matcher svg =
        Pattern.compile("(?s)<svg [^>]*aria-label='([^']*)'[^>]*>(.*?)</svg>").matcher(html);
    while (svg.find()) {
      List<String> ticks = new ArrayList<>();
      Matcher tick =
          Pattern.compile("font-size='10' text-anchor='end'>([^<]+)</text>").matcher(svg.group(2));
      while (tick.find()) {
        ticks.add(tick.group(1));
      }
      charts.put(svg.group(1), ticks);
    }
    return charts;
  }

  @Test
  void render_withASecondRun_everyChartOfOneRunOnTheScaleOfTheOthers() {
    SimulationResult a = run(LocalDate.of(2024, 3, 4), 3, 2.6, false);
    SimulationResult b = run(LocalDate.of(2024, 3, 4), 3, 6.2, true);

    Map<String, List<String>> charts = charts(HtmlReport.render("t", a, Map.of(), Optional.of(b)));

    List<String> paired = new ArrayList<>();
    charts.forEach(
        (title, ticks) -> {
          if (title.endsWith(", kaixuan v1") && !ticks.isEmpty()) { // bar charts, not targets
            String other =
                title.substring(0, title.length() - "kaixuan v1".length()) + "dongcheng v1";
            assertThat(charts).as(other).containsKey(other);
            assertThat(ticks).as(title).isEqualTo(charts.get(other));
            paired.add(title.substring(0, title.indexOf(',')));
          }
        });
    assertThat(paired)
        .contains(
            "Cases a day",
            "Open cases at the end of each day",
            "Cases by hour of day",
            "Time to close",
            "Cases per line",
            "Grid workers by pay");
    // alone, a run's chart keeps its own scale: the shared one is the larger run's
    Map<String, List<String>> alone = charts(HtmlReport.render("t", a, Map.of(), Optional.empty()));
    assertThat(alone.get("Cases by hour of day"))
        .isNotEqualTo(charts.get("Cases by hour of day, kaixuan v1"));
    assertThat(alone.get("Cases per line")).isNotEqualTo(charts.get("Cases per line, kaixuan v1"));
  }

  @Test
  void timeToClose_eachClosingInTheRangeOfItsHours_aBoundInTheRangeItStarts() {
    SimulationResult r = threeDays();
    // 0 and 3 h 59 min; 4 h; 8 h; 23 h 59 min; 168 h; 168 h 1 min and 14 days
    SimulationResult timed =
        with(
            r,
            r.gridScores(),
            r.escalations(),
            ImmutableIntArray.of(0, 239, 240, 480, 1_439, 10_080, 10_081, 20_160),
            r.config());

    String section =
        section(HtmlReport.render("t", timed, Map.of(), Optional.empty()), "Time to close");

    assertThat(section)
        .contains("over 8 closings")
        .contains("<title>0–4 h closings: 2</title>")
        .contains("<title>4–8 h closings: 1</title>")
        .contains("<title>8–24 h closings: 2</title>")
        .contains("<title>24–48 h closings: 0</title>")
        .contains("<title>120–168 h closings: 0</title>")
        .contains("<title>&gt; 168 h closings: 3</title>");
    assertThat(section)
        .contains(
            "median "
                + String.format(Locale.ROOT, "%.1f h", timed.closureTime(50).toMinutes() / 60.0));
  }

  @Test
  void settlement_saysTheEscalationsByKind_orNone() {
    SimulationResult r = threeDays();
    var kinds = org.gridgov.core.incident.EscalationKind.values();
    SimulationResult some =
        with(
            r,
            r.gridScores(),
            ImmutableMap.of(kinds[0], 4_075L, kinds[kinds.length - 1], 19L),
            r.closureMinutes(),
            r.config());
    SimulationResult none =
        with(r, r.gridScores(), ImmutableMap.of(), r.closureMinutes(), r.config());

    assertThat(
            section(
                HtmlReport.render("t", some, Map.of(), Optional.empty()),
                "Where cases were settled"))
        .contains(
            "Escalations: 4,075 "
                + kinds[0].name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + ", 19 "
                + kinds[kinds.length - 1].name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + ".");
    assertThat(
            section(
                HtmlReport.render("t", none, Map.of(), Optional.empty()),
                "Where cases were settled"))
        .contains("Escalations: none.");
  }

  private static UnitScore grid(int i, long received) {
    return new UnitScore(
        String.format(Locale.ROOT, "g%02d", i),
        String.format(Locale.ROOT, "g%02d", i),
        received,
        received,
        OptionalDouble.of(1),
        OptionalDouble.of(1));
  }

  private static List<String> gridRows(SimulationResult r, List<UnitScore> grids) {
    String html =
        HtmlReport.render(
            "t",
            with(r, grids, r.escalations(), r.closureMinutes(), r.config()),
            Map.of(),
            Optional.empty());
    String table = section(html, "Grids: best and worst");
    List<String> rows = new ArrayList<>();
    Matcher m = Pattern.compile("<tr><td(?: colspan='5')?>([^<]+)</td>").matcher(table);
    while (m.find()) {
      rows.add(m.group(1));
    }
    return rows;
  }

  @Test
  void units_tenBestAndTenWorstOfThoseWithFiveCases_anEllipsisOnlyWhereRowsAreLeftOut() {
    SimulationResult r = threeDays();
    List<UnitScore> twenty = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      twenty.add(grid(i, 5 + i));
    }
    List<UnitScore> withQuiet = new ArrayList<>(twenty);
    withQuiet.add(5, grid(99, 4)); // four cases: too few to rank
    List<UnitScore> twentyOne = new ArrayList<>(twenty);
    twentyOne.add(grid(20, 30));

    List<String> all = new ArrayList<>();
    twenty.forEach(s -> all.add(s.id()));
    assertThat(gridRows(r, withQuiet))
        .as("twenty: each once, none left out")
        .containsExactlyElementsOf(all);
    List<String> cut = new ArrayList<>(all.subList(0, 10));
    cut.add("…");
    cut.addAll(all.subList(11, 20));
    cut.add("g20");
    assertThat(gridRows(r, twentyOne)).containsExactlyElementsOf(cut);
    assertThat(gridRows(r, twenty.subList(0, 3))).containsExactly("g00", "g01", "g02");
    assertThat(
            section(
                HtmlReport.render(
                    "t",
                    with(r, List.of(grid(1, 4)), r.escalations(), r.closureMinutes(), r.config()),
                    Map.of(),
                    Optional.empty()),
                "Grids: best and worst"))
        .contains("None with at least 5 cases.");
  }

  @Test
  void scoresAndPay_aRunOverTwoMonths_eachMonthUnderItsHeading_partMonthsSaySo() {
    SimulationResult r = run(LocalDate.of(2024, 2, 28), 3, 2.6, false);
    assertThat(r.scores()).hasSize(2);
    String html = HtmlReport.render("t", r, Map.of(), Optional.empty());
    String scores = section(html, "Scores");
    String pay = section(html, "Pay");

    for (var month : r.scores()) {
      String label = month.period().label();
      assertThat(scores).contains("<h3>" + label + "</h3>");
      assertThat(pay).contains("<h3>" + label + "</h3>");
    }
    assertThat(pay)
        .contains(" (2 of the month's 29 days).")
        .contains(" (1 of the month's 31 days).");
    // the grid workers' ranking: the first five and the last five, the rest left out
    List<RankedEntry> entries = r.scores().get(0).ranking(UnitKind.WORKER).entries();
    assertThat(entries.size()).isGreaterThan(10);
    String first =
        scores.substring(
            scores.indexOf("<h4>grid workers ("),
            scores.indexOf("</table>", scores.indexOf("<h4>grid workers (")));
    assertThat(first).startsWith("<h4>grid workers (" + entries.size() + ")</h4>");
    List<String> shown = new ArrayList<>();
    Matcher row =
        Pattern.compile("<tr><td(?: colspan='3')?>(\\d+|…)</td>(?:<td>([^<]+)</td>)?")
            .matcher(first);
    while (row.find()) {
      shown.add(row.group(2) == null ? row.group(1) : row.group(2));
    }
    List<String> expected = new ArrayList<>();
    entries.subList(0, 5).forEach(e -> expected.add(e.unit().id()));
    expected.add("…");
    entries.subList(entries.size() - 5, entries.size()).forEach(e -> expected.add(e.unit().id()));
    assertThat(shown).containsExactlyElementsOf(expected);
    assertThat(scores).contains("<h4>communities (").contains("<h4>lines (");
  }

  @Test
  void pay_wholeMonth_saysNoPartOfAMonth_sharesOfTheWorkersAddUp() {
    SimulationResult r = run(LocalDate.of(2024, 2, 1), 29, 0.3, false);
    String pay = section(HtmlReport.render("t", r, Map.of(), Optional.empty()), "Pay");

    assertThat(pay).doesNotContain("of the month's");
    long paid = r.scores().get(0).pay().orElseThrow().lines().size();
    Matcher rows =
        Pattern.compile("<tr><td>¥[^<]+</td><td>([0-9,]+)</td><td>([0-9.]+) %</td>").matcher(pay);
    while (rows.find()) {
      long workers = Long.parseLong(rows.group(1).replace(",", ""));
      assertThat(Double.parseDouble(rows.group(2)))
          .isCloseTo(100.0 * workers / paid, org.assertj.core.api.Assertions.within(0.051));
    }
  }

  @Test
  void payBins_rangesFromTheLowestPay_notFromZero() {
    // 6,000.00 to 6,120.00 yuan by 10 yuan: thirteen amounts, twelve ranges of 10 yuan
    List<Money> thirteen = new ArrayList<>();
    for (int i = 0; i <= 12; i++) {
      thirteen.add(Money.ofYuan(Integer.toString(6_000 + 10 * i)));
    }
    List<HtmlReport.PayBin> bins = HtmlReport.payBins(thirteen);
    assertThat(bins).hasSize(12);
    assertThat(bins.get(0)).isEqualTo(new HtmlReport.PayBin("¥6,000.00–¥6,010.00", 1));
    assertThat(bins.get(5)).isEqualTo(new HtmlReport.PayBin("¥6,050.00–¥6,060.00", 1));
    assertThat(bins.get(11)).isEqualTo(new HtmlReport.PayBin("¥6,110.00–¥6,120.00", 2));
    // twelve amounts: a bar each
    assertThat(HtmlReport.payBins(thirteen.subList(0, 12)))
        .hasSize(12)
        .allSatisfy(bin -> assertThat(bin.label()).doesNotContain("–"))
        .allSatisfy(bin -> assertThat(bin.workers()).isEqualTo(1));
  }

  @Test
  void header_describesTheSetup_itsOfficeHoursOverloadAndOwnHours() throws Exception {
    SimulationResult r = threeDays();
    SimulationConfig offices =
        SimulationSetup.fromPath(Path.of("examples/setup-weekday-offices.yaml"), r.config())
            .withOverload(Overload.baoshan(8))
            .withSetup("weekday-offices");

    String html =
        HtmlReport.render(
            "t",
            with(r, r.gridScores(), r.escalations(), r.closureMinutes(), offices),
            Map.of(),
            Optional.empty());
    String setup =
        html.substring(html.indexOf("<p>Setup "), html.indexOf("</p>", html.indexOf("<p>Setup ")));

    assertThat(setup)
        .startsWith(
            "<p>Setup <b>weekday-offices</b>: 2.60 problems a grid a day,"
                + " PATROL on hours of its own;")
        .contains(
            "the centre works 08:30-12:00 and 13:30-17:30 on Mon, Tue, Wed, Thu, Fri, "
                + offices.behaviour().centreHours().holidays().size()
                + " holidays off, "
                + offices.behaviour().centreHours().extraWorkdays().size()
                + " make-up days worked")
        .contains("grid workers 08:00-18:00 every day, each resting 2 days a week by rota")
        .contains("; 8 department workers on urban-management, which gets 80 % of the problems");
    assertThat(HtmlReport.render("t", r, Map.of(), Optional.empty()))
        .contains(
            "<p>Setup <b>default</b>: 2.60 problems a grid a day; the centre works around"
                + " the clock, grid workers around the clock, department staff around the clock");
  }

  @Test
  void summary_withASecondRun_headsEachRunsColumnAndTheChange() {
    SimulationResult a = run(LocalDate.of(2024, 3, 4), 1, 0.3, false);
    SimulationResult b = run(LocalDate.of(2024, 3, 4), 1, 0.3, true);

    assertThat(section(HtmlReport.render("t", a, Map.of(), Optional.of(b)), "Summary"))
        .contains(
            "<tr><th>indicator</th><th>kaixuan v1</th><th>dongcheng v1</th>"
                + "<th>change, second − first</th></tr>");
    assertThat(section(HtmlReport.render("t", a, Map.of(), Optional.empty()), "Summary"))
        .contains("<tr><th>indicator</th><th>kaixuan v1</th></tr>");
  }

  @Test
  void studies_saySeedsAndDegreesOfFreedom_aChangeTableOnlyOverTwoSeedsOrMore() {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 3, 4), 1)
            .withArrivals(Arrivals.defaults().withRate(0.3));
    SimulationResult first =
        Simulation.run(KAIXUAN, config, Presets.kaixuan(), InMemoryGridStorage.create());
    var study =
        org.gridgov.simulation.Replications.run(
            KAIXUAN,
            config,
            Presets.kaixuan(),
            Presets.dongcheng(),
            InMemoryGridStorage::create,
            2,
            2);
    List<org.gridgov.simulation.Scenario> scenarios =
        List.of(
            new org.gridgov.simulation.Scenario(config, Presets.kaixuan()),
            new org.gridgov.simulation.Scenario(config, Presets.dongcheng()));

    String replications =
        section(
            HtmlReport.render(
                "t",
                study.first().a(),
                Map.of(),
                Optional.of(study.first().b()),
                Optional.of(study)),
            "Over 2 seeds");
    org.gridgov.simulation.Sweep oneSeed =
        org.gridgov.simulation.Sweep.run(KAIXUAN, scenarios, InMemoryGridStorage::create, 1, 2);
    String one =
        section(
            HtmlReport.render(
                "t", first, Map.of(), Optional.empty(), Optional.empty(), Optional.of(oneSeed)),
            "Sweep over 2 scenarios");
    String two =
        section(
            HtmlReport.render(
                "t",
                first,
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(
                    org.gridgov.simulation.Sweep.run(
                        KAIXUAN, scenarios, InMemoryGridStorage::create, 2, 2))),
            "Sweep over 2 scenarios");

    assertThat(replications).contains("(Student's t, 1 degree of freedom)");
    int indicators = org.gridgov.simulation.Sweep.indicators().size();
    assertThat(replications)
        .as("many intervals read together: some leave out zero by chance")
        .contains(
            "Each of the "
                + indicators
                + " intervals is for its own indicator: where nothing changes, about 1 in 20"
                + " leaves out zero by chance");
    assertThat(one).doesNotContain("leaves out zero by chance");
    assertThat(two)
        .contains(
            "Each of the "
                + indicators
                + " intervals is for its own indicator and scenario: where nothing changes,"
                + " about 1 in 20 leaves out zero by chance");
    // the chart's bars in percent and hours, as the table's means
    double closure = oneSeed.means("closure rate").get(1).getAsDouble();
    double median = oneSeed.means("median closure hours").get(1).getAsDouble();
    assertThat(one)
        .contains("<title>dongcheng v1 closure rate: " + Svg.format(closure * 100) + "</title>")
        .contains("<title>dongcheng v1 median: " + Svg.format(median) + "</title>");
    assertThat(one)
        .contains("Each scenario on the same seed (")
        .doesNotContain("mean change from the first")
        .doesNotContain("change from the first</th>")
        .contains("<th>kaixuan v1</th><th>dongcheng v1</th>");
    assertThat(two)
        .contains("Each scenario on the same 2 seeds (")
        .contains("then each scenario's mean change from the first, <b>kaixuan v1</b>")
        .contains("<tr><th>change from the first</th><th>dongcheng v1</th></tr>")
        .contains("<tr><td>reported</td><td>0 (");
  }

  @Test
  void streets_eachStreetsRatesAsPercentages_orADash() {
    SimulationResult r = threeDays();
    String streets = section(HtmlReport.render("t", r, Map.of(), Optional.empty()), "Streets");

    for (Scores.Street street : r.scores().get(0).streets()) {
      var indicators = street.indicators();
      String closure =
          indicators
              .value(org.gridgov.scoring.indicator.Indicator.CLOSURE_RATE)
              .map(v -> Svg.percent(v.doubleValue()))
              .orElse("–");
      assertThat(streets)
          .contains(
              "<tr><td>"
                  + street.name()
                  + " ("
                  + street.code()
                  + ")</td><td>"
                  + indicators.rate(org.gridgov.scoring.indicator.Indicator.REPORTED).numerator()
                  + "</td><td>"
                  + indicators.rate(org.gridgov.scoring.indicator.Indicator.REGISTERED).numerator()
                  + "</td><td>"
                  + closure
                  + "</td>");
    }
  }

  @Test
  void charts_eachBarCarriesTheRunsOwnFigure() {
    SimulationResult r = run(LocalDate.of(2024, 3, 4), 7, 2.6, false);
    String html = HtmlReport.render("t", r, Map.of(), Optional.empty());

    for (var day : r.days()) {
      String label = day.day().toString().substring(5);
      assertThat(html)
          .contains("<title>" + label + " reported: " + Svg.format(day.reported()) + "</title>")
          .contains("<title>" + label + " closed: " + Svg.format(day.closed()) + "</title>");
    }
    for (var hour : r.hours()) {
      String label = String.format(Locale.ROOT, "%02d", hour.hour());
      assertThat(html)
          .contains(
              "<title>" + label + " reported: " + Svg.format(hour.reported()) + "</title>",
              "<title>" + label + " registered: " + Svg.format(hour.registered()) + "</title>",
              "<title>" + label + " replied: " + Svg.format(hour.replied()) + "</title>",
              "<title>" + label + " closed: " + Svg.format(hour.closed()) + "</title>");
    }
    for (var line : r.lines()) {
      assertThat(html)
          .contains(
              "<title>"
                  + line.line().value()
                  + " received: "
                  + Svg.format(line.received())
                  + "</title>",
              "<title>"
                  + line.line().value()
                  + " closed: "
                  + Svg.format(line.closed())
                  + "</title>");
    }
  }

  @Test
  void pay_binsChartCountsTheWorkers_andTheLowestMedianAndHighestPaidAreSo() {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 3, 4), 7)
            .withArrivals(Arrivals.defaults().withRate(2.6))
            .withScoring(org.gridgov.scoring.policy.ScoringPresets.yangling());
    SimulationResult r =
        Simulation.run(KAIXUAN, config, Presets.kaixuan(), InMemoryGridStorage.create());
    var lines = new ArrayList<>(r.scores().get(0).pay().orElseThrow().lines());
    lines.sort(java.util.Comparator.comparingLong(l -> l.total().fen()));
    String pay = section(HtmlReport.render("t", r, Map.of(), Optional.empty()), "Pay");

    for (HtmlReport.PayBin bin :
        HtmlReport.payBins(lines.stream().map(org.gridgov.scoring.pay.PayLine::total).toList())) {
      assertThat(pay)
          .contains(
              "<title>"
                  + Svg.escape(bin.label())
                  + " grid workers: "
                  + Svg.format(bin.workers())
                  + "</title>");
    }
    Matcher rows =
        Pattern.compile(
                "<tr><td>([^<]+)</td><td>¥[^<]+</td><td>¥[^<]+</td>" + "<td>(¥[^<]+)</td></tr>")
            .matcher(pay);
    List<String> totals = new ArrayList<>();
    while (rows.find()) {
      totals.add(rows.group(2));
    }
    assertThat(totals)
        .containsExactly(
            HtmlReport.yuan(lines.get(0).total()),
            HtmlReport.yuan(lines.get(lines.size() / 2).total()),
            HtmlReport.yuan(lines.get(lines.size() - 1).total()));
    assertThat(lines.get(0).total().fen()).isLessThan(lines.get(lines.size() - 1).total().fen());
  }

  @Test
  void studies_everyIndicatorOnEverySeed_noSeedsColumnAndNoWordOfSeedsLeftOut() {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 3, 4), 3)
            .withArrivals(Arrivals.defaults().withRate(2.6));
    var study =
        org.gridgov.simulation.Replications.run(
            KAIXUAN,
            config,
            Presets.kaixuan(),
            Presets.dongcheng(),
            InMemoryGridStorage::create,
            2,
            2);
    var sweep =
        org.gridgov.simulation.Sweep.run(
            KAIXUAN,
            List.of(
                new org.gridgov.simulation.Scenario(config, Presets.kaixuan()),
                new org.gridgov.simulation.Scenario(config, Presets.dongcheng())),
            InMemoryGridStorage::create,
            2,
            2);
    assertThat(study.estimates()).allSatisfy(e -> assertThat(e.replications()).isEqualTo(2));
    for (String indicator : org.gridgov.simulation.Sweep.indicators()) {
      assertThat(sweep.seedsWith(indicator)).containsOnly(2);
    }

    String replications =
        section(
            HtmlReport.render(
                "t",
                study.first().a(),
                Map.of(),
                Optional.of(study.first().b()),
                Optional.of(study)),
            "Over 2 seeds");
    String swept =
        section(
            HtmlReport.render(
                "t",
                study.first().a(),
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(sweep)),
            "Sweep over 2 scenarios");

    assertThat(replications)
        .doesNotContain("<th>seeds</th>")
        .doesNotContain("is left out")
        .contains("<th>beyond chance</th></tr>");
    assertThat(swept).doesNotContain("leaves its seed out").doesNotContain(" seed)");
  }

  @Test
  void render_aRunThatReopenedCases_countsEachClosingOfThem() {
    SimulationResult r = threeDays();
    SimulationResult reopened = Results.with(r, Map.of("reopened", 3L));

    assertThat(
            section(HtmlReport.render("t", reopened, Map.of(), Optional.empty()), "Time to close"))
        .contains(
            " closings (a case reopened after the callback and closed"
                + " again counts each time): median ");
    assertThat(section(HtmlReport.render("t", r, Map.of(), Optional.empty()), "Time to close"))
        .doesNotContain("reopened");
    assertThat(section(HtmlReport.render("t", r, Map.of(), Optional.empty()), "Scores"))
        .contains("<p>Scored by <b>" + r.scores().get(0).scoringPolicy() + "</b> per calendar");
    assertThat(section(HtmlReport.render("t", r, Map.of(), Optional.empty()), "Streets"))
        .contains(
            "registered in the month; closed within "
                + r.config().scoring().indicators().closeWithin().toHours()
                + " h (and closed late)");
  }

  @Test
  void casesADay_whatOpenCasesAre_saidOnce_underTheCasesChart_orAboveBothRuns() {
    SimulationResult a = threeDays();
    SimulationResult b = run(LocalDate.of(2024, 3, 4), 3, 2.6, true);
    String note = "<p>Open at the end of each day: reported and neither closed nor refused yet.";

    String alone = section(HtmlReport.render("t", a, Map.of(), Optional.empty()), "Cases a day");
    String both = section(HtmlReport.render("t", a, Map.of(), Optional.of(b)), "Cases a day");

    assertThat(alone).containsOnlyOnce(note);
    assertThat(alone.indexOf(note))
        .isGreaterThan(alone.indexOf("aria-label='Cases a day'"))
        .isLessThan(alone.indexOf("aria-label='Open cases at the end of each day'"));
    assertThat(both).containsOnlyOnce(note);
    assertThat(both.indexOf(note)).isLessThan(both.indexOf("<h3>kaixuan v1</h3>"));
  }

  @Test
  void units_theOrderSaidOnce_aboveBothRuns_notWhereNeitherHasFiveCases() {
    String order =
        "<p>By closure rate, then on-time rate, then the number of cases (more first),"
            + " among those with at least 5 cases.</p>";
    SimulationResult a = threeDays();
    SimulationResult b = run(LocalDate.of(2024, 3, 4), 3, 2.6, true);
    SimulationResult quietA =
        with(a, List.of(grid(1, 4)), a.escalations(), a.closureMinutes(), a.config());
    SimulationResult quietB =
        with(b, List.of(grid(2, 3)), b.escalations(), b.closureMinutes(), b.config());
    assertThat(b.gridScores()).anySatisfy(s -> assertThat(s.received()).isGreaterThan(4));

    String alone =
        section(HtmlReport.render("t", a, Map.of(), Optional.empty()), "Grids: best and worst");
    String both =
        section(HtmlReport.render("t", a, Map.of(), Optional.of(b)), "Grids: best and worst");
    String secondBusy =
        section(HtmlReport.render("t", quietA, Map.of(), Optional.of(b)), "Grids: best and worst");
    String neither =
        section(
            HtmlReport.render("t", quietA, Map.of(), Optional.of(quietB)), "Grids: best and worst");

    assertThat(alone).containsOnlyOnce(order);
    assertThat(alone.indexOf(order)).isLessThan(alone.indexOf("<table>"));
    for (String twoRuns : List.of(both, secondBusy)) {
      assertThat(twoRuns).containsOnlyOnce(order);
      assertThat(twoRuns.indexOf(order)).isLessThan(twoRuns.indexOf("<h3>kaixuan v1</h3>"));
    }
    assertThat(part(secondBusy, "kaixuan v1")).contains("<p>None with at least 5 cases.</p>");
    assertThat(neither).doesNotContain("By closure rate");
    assertThat(part(neither, "kaixuan v1")).contains("<p>None with at least 5 cases.</p>");
    assertThat(part(neither, "dongcheng v1")).contains("<p>None with at least 5 cases.</p>");
  }

  /** Two runs scored otherwise pay otherwise: their pay charts too are on one scale. */
  @Test
  void pay_twoRunsScoredByDifferentPolicies_theirChartsOnOneScale() {
    SimulationResult graded = threeDays();
    SimulationResult ranges =
        Simulation.run(
            KAIXUAN,
            graded.config().withScoring(org.gridgov.scoring.policy.ScoringPresets.yangling()),
            Presets.kaixuan(),
            InMemoryGridStorage.create());

    Map<String, List<String>> charts =
        charts(HtmlReport.render("t", graded, Map.of(), Optional.of(ranges)));

    List<List<String>> pay = new ArrayList<>();
    charts.forEach(
        (title, ticks) -> {
          if (title.startsWith("Grid workers by pay, ")) {
            pay.add(ticks);
          }
        });
    assertThat(pay).hasSize(2);
    assertThat(pay.get(0)).isNotEmpty().isEqualTo(pay.get(1));
    long most = 0;
    for (SimulationResult r : List.of(graded, ranges)) {
      for (HtmlReport.PayBin bin :
          HtmlReport.payBins(
              r.scores().get(0).pay().orElseThrow().lines().stream()
                  .map(org.gridgov.scoring.pay.PayLine::total)
                  .sorted(java.util.Comparator.comparingLong(Money::fen))
                  .toList())) {
        most = Math.max(most, bin.workers());
      }
    }
    assertThat(Double.parseDouble(pay.get(0).get(pay.get(0).size() - 1).replace(",", "")))
        .as("the top tick, over the most workers of either run's bars")
        .isGreaterThanOrEqualTo(most);
  }

  @Test
  void header_aLinesOwnHours_followTheOtherDepartmentStaffs() throws Exception {
    SimulationResult r = threeDays();
    SimulationConfig shifts =
        SimulationSetup.fromPath(Path.of("examples/setup-utilities-shifts.yaml"), r.config());

    String html =
        HtmlReport.render(
            "t",
            with(r, r.gridScores(), r.escalations(), r.closureMinutes(), shifts),
            Map.of(),
            Optional.empty());
    String setup =
        html.substring(html.indexOf("<p>Setup "), html.indexOf("</p>", html.indexOf("<p>Setup ")));

    assertThat(setup)
        .startsWith("<p>Setup <b>utilities-shifts</b>: ")
        .containsPattern(
            ", department staff 08:30-12:00 and 13:30-17:30 on Mon, Tue, Wed, Thu,"
                + " Fri, [0-9]+ holidays off, [0-9]+ make-up days worked, utilities staff around the"
                + " clock \\(");
  }

  /** A title, a grid's name and what else the page is given are text, not markup. */
  @Test
  void render_givenTextWithMarkup_escapesIt() {
    SimulationResult r = threeDays();
    UnitScore odd =
        new UnitScore(
            "330102011001001",
            "A&B <i>第1网格</i> \"x\" 'y'",
            6,
            6,
            OptionalDouble.of(1),
            OptionalDouble.of(1));

    String html =
        HtmlReport.render(
            "Kaixuan <b>run</b> & \"co\" 'x'",
            with(r, List.of(odd), r.escalations(), r.closureMinutes(), r.config()),
            Map.of(),
            Optional.empty());

    String title = "Kaixuan &lt;b&gt;run&lt;/b&gt; &amp; &quot;co&quot; &#39;x&#39;";
    assertThat(html)
        .contains("<title>" + title + "</title>", "<h1>" + title + "</h1>")
        .contains(
            "<tr><td>A&amp;B &lt;i&gt;第1网格&lt;/i&gt; &quot;x&quot; &#39;y&#39;"
                + " (330102011001001)</td><td>6</td>")
        .doesNotContain("<b>run</b>", "<i>第1网格</i>", "A&B");
  }

  /** "Beyond chance" where the interval of the change leaves out zero, and only there. */
  @Test
  void studies_beyondChanceExactlyWhereTheIntervalLeavesOutZero() {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 3, 4), 3)
            .withArrivals(Arrivals.defaults().withRate(2.6));
    var study =
        org.gridgov.simulation.Replications.run(
            KAIXUAN,
            config,
            Presets.kaixuan(),
            Presets.dongcheng(),
            InMemoryGridStorage::create,
            3,
            2);

    String table =
        section(
            HtmlReport.render(
                "t",
                study.first().a(),
                Map.of(),
                Optional.of(study.first().b()),
                Optional.of(study)),
            "Over 3 seeds");

    List<String> said = new ArrayList<>();
    for (var e : study.estimates()) {
      Matcher row =
          Pattern.compile(
                  "<tr><td>"
                      + Pattern.quote(e.indicator())
                      + "</td>(?:<td>[^<]*</td>){4}<td>([^<]*)</td>")
              .matcher(table);
      assertThat(row.find()).as(e.indicator()).isTrue();
      String expected =
          e.low().isEmpty()
              ? "–"
              : e.low().getAsDouble() > 0 || e.high().getAsDouble() < 0 ? "yes" : "no";
      assertThat(row.group(1)).as(e.indicator()).isEqualTo(expected);
      said.add(row.group(1));
    }
    assertThat(said).as("changes beyond chance and within it").contains("yes", "no");
  }
}
