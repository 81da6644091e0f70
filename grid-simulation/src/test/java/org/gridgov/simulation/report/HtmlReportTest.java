package org.gridgov.simulation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.simulation.report.ReportPage.part;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridgov.core.Money;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.ShareRange;
import org.gridgov.core.policy.WorkingTime;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;
import org.gridgov.core.territory.Territory;
import org.gridgov.rules.escalation.SettlementReport;
import org.gridgov.scoring.indicator.Indicator;
import org.gridgov.scoring.pay.PayStatement;
import org.gridgov.scoring.policy.ScoringPresets;
import org.gridgov.simulation.Arrivals;
import org.gridgov.simulation.LineLoad;
import org.gridgov.simulation.Scores;
import org.gridgov.simulation.Simulation;
import org.gridgov.simulation.SimulationConfig;
import org.gridgov.simulation.SimulationResult;
import org.gridgov.simulation.Staffing;
import org.gridgov.simulation.UnitScore;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private static final Territory KAIXUAN =
      Divisions.shangcheng().restrictedTo(AreaCode.parse("330102011"));

  private static SimulationResult run(int days, double rate, boolean dongcheng) {
    return Simulation.run(
        KAIXUAN,
        config(days, rate),
        dongcheng ? Presets.dongcheng() : Presets.kaixuan(),
        InMemoryGridStorage.create());
  }

  /** The default setup from 4 March 2024 for {@code days} days at {@code rate} a grid a day. */
  private static SimulationConfig config(int days, double rate) {
    return SimulationConfig.defaults()
        .withPeriod(LocalDate.of(2024, 3, 4), days)
        .withArrivals(Arrivals.defaults().withRate(rate));
  }

  /** The summary row {@code indicator}'s cells after its name. */
  private static String[] summaryRow(String html, String indicator) {
    Matcher m =
        Pattern.compile(
                "<tr><td>"
                    + Pattern.quote(indicator)
                    + "</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>")
            .matcher(html);
    assertThat(m.find()).as("summary row " + indicator).isTrue();
    return new String[] {m.group(1), m.group(2), m.group(3)};
  }

  @Test
  void summary_changeOfARateInPercentagePointsAndOfACountSigned() {
    SimulationResult a = run(7, 2.6, false);
    SimulationResult b = run(7, 2.6, true);

    String html = HtmlReport.render("t", a, Map.of(), Optional.of(b));

    assertThat(summaryRow(html, "self-claim rate"))
        .containsExactly(
            Svg.percent(a.selfClaimRate()),
            Svg.percent(b.selfClaimRate()),
            String.format(Locale.ROOT, "%+.1f pp", (b.selfClaimRate() - a.selfClaimRate()) * 100));
    assertThat(summaryRow(html, "self-claim rate")[2]).endsWith(" pp").doesNotContain("%");
    assertThat(
            summaryRow(HtmlReport.render("t", a, Map.of(), Optional.of(a)), "self-claim rate")[2])
        .as("no change")
        .isEqualTo("0.0 pp");
    long overdue = b.overdue() - a.overdue();
    assertThat(summaryRow(html, "overdue")[2])
        .isEqualTo((overdue > 0 ? "+" : "") + String.format(Locale.ROOT, "%,d", overdue));
  }

  /** With a second run, where its cases were settled stands beside the first's. */
  @Test
  void settlement_withASecondRun_bothSplits() {
    SimulationResult a = run(7, 2.6, true);
    SimulationResult b = run(7, 2.6, false);
    Map<Level, ShareRange> targets = Presets.dongcheng().targets();

    String html = HtmlReport.render("t", a, targets, Optional.of(b));
    String settled =
        html.substring(
            html.indexOf("<h2>Where cases were settled</h2>"),
            html.indexOf("<h2>", html.indexOf("<h2>Where cases were settled</h2>") + 1));

    Pattern street = Pattern.compile("<tr><td>street</td><td>([0-9,]+)</td>");
    Matcher rows = street.matcher(settled);
    assertThat(rows.find()).isTrue();
    assertThat(rows.group(1))
        .isEqualTo(Svg.format(a.settlement().counts().getOrDefault(Level.STREET, 0L)));
    assertThat(rows.find()).as("the second run's table").isTrue();
    assertThat(rows.group(1))
        .isEqualTo(Svg.format(b.settlement().counts().getOrDefault(Level.STREET, 0L)));
    assertThat(settled)
        .contains("<h3>dongcheng v1</h3>", "<h3>kaixuan v1</h3>")
        .as("given one split of targets, both are judged by it")
        .contains("Both policies set the same targets");
    assertThat(HtmlReport.render("t", a, targets, Optional.empty()))
        .doesNotContain("<h3>dongcheng v1</h3>")
        .contains("against the policy's targets");
  }

  /**
   * With a second run on another setup (--compare-setup), the page says what that district was too;
   * on the same setup it says it once.
   */
  @Test
  void setup_withASecondRunOnAnotherSetup_describesBoth() {
    SimulationConfig config = config(3, 2.6);
    SimulationConfig offices =
        config
            .withSetup("centre-office-hours")
            .withBehaviour(
                config
                    .behaviour()
                    .withCentreHours(
                        new WorkingTime.Period(LocalTime.of(8, 30), LocalTime.of(17, 30))));
    SimulationResult a = kaixuan(config);
    SimulationResult b = kaixuan(offices);

    String html = HtmlReport.render("t", a, Map.of(), Optional.of(b));

    assertThat(html)
        .contains(
            "<p>Setup <b>default</b>: 2.60 problems a grid a day; the centre"
                + " works around the clock")
        .contains(
            "<p>The second run's setup <b>centre-office-hours</b>: 2.60 problems a grid a"
                + " day; the centre works 08:30-17:30 every day")
        .contains("(<code>compare-setup.yaml</code>)");
    assertThat(HtmlReport.render("t", a, Map.of(), Optional.of(a)))
        .as("the same setup: told once")
        .doesNotContain("The second run's setup");
  }

  /**
   * A second setup that staffs the district otherwise (--compare-setup) has the header give its
   * grids and workers beside the first run's; the same staffing is not repeated.
   */
  @Test
  void header_aSecondRunStaffedOtherwise_givesItsGridsAndWorkers() {
    SimulationConfig config = config(2, 2.6);
    SimulationConfig more =
        config
            .withSetup("more-staff")
            .withStaffing(
                config
                    .staffing()
                    .withDepartments(
                        config.staffing().perStreetLine() + 2,
                        config.staffing().perDistrictLine()));
    SimulationResult a = kaixuan(config);
    SimulationResult b = kaixuan(more);
    assertThat(b.workers()).as("the fixture staffs more").isGreaterThan(a.workers());

    String withMore = HtmlReport.render("t", a, Map.of(), Optional.of(b));
    String alike = HtmlReport.render("t", a, Map.of(), Optional.of(a));

    String firsts = String.format(Locale.ROOT, "%,d grids, %,d workers", a.grids(), a.workers());
    assertThat(withMore)
        .contains(
            firsts
                + String.format(
                    Locale.ROOT,
                    " (the second run's: %,d grids, %,d workers).</p>",
                    b.grids(),
                    b.workers()));
    assertThat(alike).contains(firsts + ".</p>").doesNotContain("the second run's:");
  }

  /** The Kaixuan policy's run of {@code config} in memory. */
  private static SimulationResult kaixuan(SimulationConfig config) {
    return Simulation.run(KAIXUAN, config, Presets.kaixuan(), InMemoryGridStorage.create());
  }

  /**
   * A department-load run's cells as the table writes them: received, share, closed, solve rate.
   */
  private static String lineCells(LineLoad l) {
    return "<td>"
        + Svg.format(l.received())
        + "</td><td>"
        + Svg.percent(l.share())
        + "</td><td>"
        + Svg.format(l.closed())
        + "</td><td>"
        + Svg.percent(l.solveRate())
        + "</td>";
  }

  /** Before: the second run's department load was only in compare-lines.csv. */
  @Test
  void departmentLoad_withASecondRun_itsFiguresUnderItsPolicysName() {
    SimulationResult a = run(7, 2.6, false);
    SimulationResult b = run(7, 6.2, true);
    assertThat(b.lines().stream().map(HtmlReportTest::lineCells).toList())
        .as("the two runs' loads differ somewhere")
        .isNotEqualTo(a.lines().stream().map(HtmlReportTest::lineCells).toList());

    String load =
        ReportPage.section(HtmlReport.render("t", a, Map.of(), Optional.of(b)), "Department load");

    // one table, each run's columns under its policy's name, a line's figures side by side
    assertThat(load)
        .contains(
            "<tr><th></th><th colspan='4' scope='colgroup'>kaixuan v1</th>"
                + "<th colspan='4' scope='colgroup'>dongcheng v1</th></tr>");
    for (LineLoad lineB : b.lines()) {
      LineLoad lineA =
          a.lines().stream().filter(l -> l.line().equals(lineB.line())).findFirst().orElseThrow();
      assertThat(load)
          .contains(
              "<tr><td>" + lineB.line() + "</td>" + lineCells(lineA) + lineCells(lineB) + "</tr>");
    }
    assertThat(part(load, "kaixuan v1")).contains("aria-label='Cases per line, kaixuan v1'");
    assertThat(part(load, "dongcheng v1")).contains("aria-label='Cases per line, dongcheng v1'");
    String alone =
        ReportPage.section(
            HtmlReport.render("t", a, Map.of(), Optional.empty()), "Department load");
    assertThat(alone).doesNotContain("<h3>", "colgroup").contains("aria-label='Cases per line'");
    for (LineLoad lineA : a.lines()) {
      assertThat(alone).contains("<tr><td>" + lineA.line() + "</td>" + lineCells(lineA) + "</tr>");
    }
  }

  /** Every section of one run's figures shows the second run's under its policy's name. */
  @Test
  void sections_withASecondRun_eachRunUnderItsPolicysName() {
    SimulationResult a = run(7, 6.2, false);
    SimulationResult b = run(7, 6.2, true);

    String html = HtmlReport.render("t", a, Map.of(), Optional.of(b));

    for (String heading :
        List.of(
            "Cases a day",
            "Cases by hour of day",
            "Time to close",
            "Where cases were settled",
            "Department load",
            "Grids: best and worst",
            "Grid workers: best and worst",
            "Department staff: best and worst",
            "Streets",
            "Scores",
            "Pay")) {
      String section = ReportPage.section(html, heading);
      assertThat(section.indexOf("<h3>kaixuan v1</h3>"))
          .as(heading)
          .isNotNegative()
          .isLessThan(section.indexOf("<h3>dongcheng v1</h3>"));
    }
    UnitScore bestB =
        b.gridScores().stream().filter(s -> s.received() >= 5).findFirst().orElseThrow();
    assertThat(part(ReportPage.section(html, "Grids: best and worst"), "dongcheng v1"))
        .contains(
            "<td>"
                + bestB.name()
                + " ("
                + bestB.id()
                + ")</td><td>"
                + Svg.format(bestB.received())
                + "</td><td>"
                + Svg.format(bestB.closed())
                + "</td>");
    Scores.Street streetB = b.scores().get(0).streets().get(0);
    assertThat(part(ReportPage.section(html, "Streets"), "dongcheng v1"))
        .contains("<h4>" + b.scores().get(0).period().label() + "</h4>")
        .contains(
            "<tr><td>"
                + streetB.name()
                + " ("
                + streetB.code()
                + ")</td><td>"
                + Svg.format(
                    streetB.indicators().rate(Indicator.REPORTED).numerator().longValueExact())
                + "</td>");
    PayStatement payB = b.scores().get(0).pay().orElseThrow();
    assertThat(part(ReportPage.section(html, "Pay"), "dongcheng v1"))
        .contains(", total " + HtmlReport.yuan(payB.total()) + ",")
        .contains(
            "aria-label='Grid workers by pay, "
                + b.scores().get(0).period().label()
                + ", dongcheng v1'");
    assertThat(part(ReportPage.section(html, "Cases a day"), "dongcheng v1"))
        .contains(
            "<title>"
                + b.days().get(6).day().toString().substring(5)
                + " open: "
                + Svg.format(b.days().get(6).open())
                + "</title>");
    assertThat(part(ReportPage.section(html, "Time to close"), "dongcheng v1"))
        .contains("over " + Svg.format(b.closureMinutes().length()) + " closings");
    assertThat(html).doesNotContain("every other section shows");
  }

  /** Two runs' charts share their axis, so that bars of one height are one count in both. */
  @Test
  void charts_withASecondRun_onOneScale() {
    SimulationResult a = run(7, 2.6, false);
    SimulationResult b = run(7, 6.2, true); // about 2.4 times the cases

    String days =
        ReportPage.section(HtmlReport.render("t", a, Map.of(), Optional.of(b)), "Cases a day");
    String alone =
        ReportPage.section(HtmlReport.render("t", a, Map.of(), Optional.empty()), "Cases a day");

    List<String> ticksA = ticks(part(days, "kaixuan v1"));
    assertThat(ticksA)
        .as("two charts of two runs, axis by axis")
        .isEqualTo(ticks(part(days, "dongcheng v1")));
    long mostB =
        b.days().stream().mapToLong(d -> Math.max(d.reported(), d.closed())).max().orElseThrow();
    assertThat(Double.parseDouble(ticksA.get(4).replace(",", ""))).isGreaterThanOrEqualTo(mostB);
    assertThat(ticks(alone)).as("alone, the run's own scale").isNotEqualTo(ticksA);
  }

  /** The y-axis ticks of the charts in {@code html}, chart after chart. */
  private static List<String> ticks(String html) {
    List<String> ticks = new ArrayList<>();
    Matcher m =
        Pattern.compile(
                "<text x='\\d+' y='[\\d.]+' font-size='10' text-anchor='end'>" + "([^<]+)</text>")
            .matcher(html);
    while (m.find()) {
      ticks.add(m.group(1));
    }
    return ticks;
  }

  /** {@code r} with another settlement split, as a run that settled otherwise would have it. */
  private static SimulationResult settling(
      SimulationResult r, long community, long street, long district) {
    SettlementReport split =
        SettlementReport.ofCounts(
            Map.of(Level.COMMUNITY, community, Level.STREET, street, Level.DISTRICT, district),
            Map.of());
    return ReportFiguresTest.closing(
        r, split, r.closed(), r.closedOnTime(), r.rated(), r.satisfactionSum(), r.closureMinutes());
  }

  private static Map<Level, ShareRange> split(String districtMax) {
    return Map.of(
        Level.COMMUNITY,
        range("0.80", "0.85"),
        Level.STREET,
        range("0.10", "0.15"),
        Level.DISTRICT,
        range("0", districtMax));
  }

  private static ShareRange range(String min, String max) {
    return new ShareRange(new BigDecimal(min), new BigDecimal(max));
  }

  /** A line only one of the two runs has: the other run's cells say so, a dash each. */
  @Test
  void departmentLoad_aLineOnlyOneRunHas_theOtherRunsCellsAreDashes() {
    SimulationResult full = run(3, 2.6, true);
    LineLoad only = full.lines().get(0);
    SimulationResult lacking =
        Results.with(
            run(3, 2.6, false),
            Map.of(
                "lines",
                ImmutableList.copyOf(
                    full.lines().stream().filter(l -> !l.line().equals(only.line())).toList())));
    assertThat(full.lines()).allSatisfy(l -> assertThat(l.referred()).isZero());
    String dashes = "<td>–</td>".repeat(4);

    String secondOnly =
        ReportPage.section(
            HtmlReport.render("t", lacking, Map.of(), Optional.of(full)), "Department load");
    String firstOnly =
        ReportPage.section(
            HtmlReport.render("t", full, Map.of(), Optional.of(lacking)), "Department load");

    // in the first run's order, then the lines only the second has: here the last row
    assertThat(secondOnly)
        .containsOnlyOnce("<tr><td>" + only.line() + "</td>")
        .contains(
            "<tr><td>" + only.line() + "</td>" + dashes + lineCells(only) + "</tr>\n</table>");
    assertThat(firstOnly)
        .containsOnlyOnce("<tr><td>" + only.line() + "</td>")
        .contains("<tr><td>" + only.line() + "</td>" + lineCells(only) + dashes + "</tr>");
  }

  /** One run's chart is above its table; with two, one table is above each run's chart. */
  @Test
  void departmentLoad_theChartAboveTheTable_orWithTwoRunsEachRunsChartBelowIt() {
    SimulationResult a = run(3, 2.6, false);
    SimulationResult b = run(3, 2.6, true);

    String alone =
        ReportPage.section(
            HtmlReport.render("t", a, Map.of(), Optional.empty()), "Department load");
    String both =
        ReportPage.section(HtmlReport.render("t", a, Map.of(), Optional.of(b)), "Department load");

    assertThat(alone).containsOnlyOnce("<svg").containsOnlyOnce("<table>");
    assertThat(alone.indexOf("<svg")).isLessThan(alone.indexOf("<table>"));
    assertThat(both)
        .containsOnlyOnce("<table>")
        .containsOnlyOnce("aria-label='Cases per line, kaixuan v1'")
        .containsOnlyOnce("aria-label='Cases per line, dongcheng v1'");
    assertThat(both.split("<svg", -1)).hasSize(3);
    assertThat(both.indexOf("</table>")).isLessThan(both.indexOf("<svg"));
  }

  /**
   * Dongcheng's split (community 80-85 %, street 10-15 %, district at most 5 %), shown for a policy
   * that sets none: each level judged by its range, both bounds within it, and the chart draws each
   * range.
   */
  @Test
  void settlement_eachLevelJudgedByItsRange_boundsIncluded_theChartDrawingEachRange() {
    SimulationResult onBounds = settling(run(3, 2.6, false), 800, 150, 50); // 80, 15 and 5 %
    SimulationResult outside = settling(run(3, 2.6, false), 860, 80, 60); // 86, 8 and 6 %

    String met =
        ReportPage.section(
            HtmlReport.render("t", onBounds, Map.of(), Optional.empty()),
            "Where cases were settled");
    String notMet =
        ReportPage.section(
            HtmlReport.render("t", outside, Map.of(), Optional.empty()),
            "Where cases were settled");

    assertThat(met)
        .contains("Share of the 1,000 closed cases settled at each level")
        .contains("against Dongcheng's target split, for reference.")
        .contains(
            "<tr><td>community</td><td>800</td><td>80.0 %</td><td>80.0 % – 85.0 %</td>"
                + "<td>met</td></tr>\n<tr><td>street</td><td>150</td><td>15.0 %</td>"
                + "<td>10.0 % – 15.0 %</td><td>met</td></tr>\n<tr><td>district</td><td>50</td>"
                + "<td>5.0 %</td><td>0.0 % – 5.0 %</td><td>met</td></tr>\n</table>");
    assertThat(notMet)
        .contains(
            "<tr><td>community</td><td>860</td><td>86.0 %</td><td>80.0 % – 85.0 %</td>"
                + "<td>not met</td></tr>\n<tr><td>street</td><td>80</td><td>8.0 %</td>"
                + "<td>10.0 % – 15.0 %</td><td>not met</td></tr>\n<tr><td>district</td><td>60</td>"
                + "<td>6.0 %</td><td>0.0 % – 5.0 %</td><td>not met</td></tr>\n</table>");
    for (String section : List.of(met, notMet)) {
      assertThat(section)
          .contains(
              "<title>target 80.0 %–85.0 %</title>",
              "<title>target 10.0 %–15.0 %</title>", "<title>target 0.0 %–5.0 %</title>");
    }
    assertThat(notMet)
        .contains(
            "<title>actual 86.0 %</title>",
            "<title>actual 8.0 %</title>", "<title>actual 6.0 %</title>");
  }

  /** A second policy that sets no targets is judged by Dongcheng's, and its table says so. */
  @Test
  void settlement_aSecondPolicyWithoutTargets_judgedByDongchengsForReference_andSaysSo() {
    SimulationResult a = settling(run(3, 2.6, false), 800, 130, 70);
    SimulationResult b = settling(run(3, 2.6, true), 800, 130, 70);

    String settled =
        ReportPage.section(
            HtmlReport.render(
                "t",
                a,
                split("0.10"),
                Optional.of(b),
                Map.of(),
                Optional.empty(),
                Optional.empty()),
            "Where cases were settled");

    assertThat(settled).containsOnlyOnce("The two policies set different targets");
    assertThat(part(settled, "kaixuan v1"))
        .contains("<th>target, kaixuan v1's</th>")
        .contains(
            "<tr><td>district</td><td>70</td><td>7.0 %</td><td>0.0 % – 10.0 %</td>"
                + "<td>met</td></tr>");
    assertThat(part(settled, "dongcheng v1"))
        .contains(
            "against Dongcheng's target split, for reference, as <b>dongcheng v1</b> sets"
                + " none.")
        .contains("<th>target, Dongcheng's for reference</th>")
        .contains(
            "<tr><td>district</td><td>70</td><td>7.0 %</td><td>0.0 % – 5.0 %</td>"
                + "<td>not met</td></tr>")
        .contains("<title>target 0.0 %–5.0 %</title>");
  }

  /** Before: the second split was judged by the first policy's targets. */
  @Test
  void settlement_withASecondRun_eachSplitJudgedByItsOwnPolicysTargets() {
    // 7 % at the district: met under at most 10 %, not met under at most 5 %
    SimulationResult a = settling(run(3, 2.6, true), 800, 130, 70);
    SimulationResult b = settling(run(3, 2.6, false), 800, 130, 70);

    String settled =
        ReportPage.section(
            HtmlReport.render(
                "t",
                a,
                split("0.05"),
                Optional.of(b),
                split("0.10"),
                Optional.empty(),
                Optional.empty()),
            "Where cases were settled");

    assertThat(part(settled, "kaixuan v1"))
        .contains(
            "<tr><td>district</td><td>70</td><td>7.0 %</td><td>0.0 % – 10.0 %</td>"
                + "<td>met</td></tr>")
        .contains("against <b>kaixuan v1</b>'s targets");
    assertThat(part(settled, "dongcheng v1"))
        .contains(
            "<tr><td>district</td><td>70</td><td>7.0 %</td><td>0.0 % – 5.0 %</td>"
                + "<td>not met</td></tr>")
        .contains("against <b>dongcheng v1</b>'s targets");
    assertThat(settled).contains("The two policies set different targets");
  }

  /** Where both policies set the same targets, the page says so once. */
  @Test
  void settlement_withASecondRunOfTheSameTargets_saysSoOnce() {
    SimulationResult a = settling(run(3, 2.6, true), 800, 130, 70);
    SimulationResult b = settling(run(3, 2.6, false), 800, 130, 70);

    // the same bound written with another scale, as a policy file may write it
    String settled =
        ReportPage.section(
            HtmlReport.render(
                "t",
                a,
                split("0.05"),
                Optional.of(b),
                split("0.050"),
                Optional.empty(),
                Optional.empty()),
            "Where cases were settled");

    assertThat(settled)
        .containsOnlyOnce("Both policies set the same targets")
        .doesNotContain("'s targets");
    for (String label : List.of("dongcheng v1", "kaixuan v1")) {
      assertThat(part(settled, label))
          .contains(
              "<tr><td>district</td><td>70</td><td>7.0 %</td>"
                  + "<td>0.0 % – 5.0 %</td><td>not met</td></tr>");
    }
  }

  @Test
  void counts_writtenWithThousandsSeparated_inProseAndTables() {
    SimulationResult fortnight = run(14, 6.2, false); // about 4,000 cases, 1,200 to one line

    String html = HtmlReport.render("t", fortnight, Map.of(), Optional.empty());

    assertThat(fortnight.settlement().settled()).isGreaterThan(999);
    assertThat(html)
        .contains(
            String.format(
                Locale.ROOT, "Share of the %,d closed cases", fortnight.settlement().settled()));
    LineLoad busiest = fortnight.busiestLine();
    assertThat(busiest.received()).isGreaterThan(999);
    assertThat(html)
        .contains(
            String.format(
                Locale.ROOT, "<tr><td>%s</td><td>%,d</td>", busiest.line(), busiest.received()));
    long streetReports =
        fortnight
            .scores()
            .get(0)
            .streets()
            .get(0)
            .indicators()
            .rate(org.gridgov.scoring.indicator.Indicator.REPORTED)
            .numerator()
            .longValueExact();
    assertThat(streetReports).isGreaterThan(999);
    assertThat(html).contains(String.format(Locale.ROOT, ")</td><td>%,d</td>", streetReports));
  }

  @Test
  void units_allBusyOnesShown_noEllipsisUnlessRowsWereLeftOut() {
    SimulationResult few = run(1, 3.5, false);
    SimulationResult many = run(7, 6.2, false);
    long busyFew = few.gridScores().stream().filter(s -> s.received() >= 5).count();
    long busyMany = many.gridScores().stream().filter(s -> s.received() >= 5).count();
    assertThat(busyFew).as("busy grids in a day").isBetween(11L, 20L);
    assertThat(busyMany).as("busy grids in a week").isGreaterThan(20L);

    String fewHtml = HtmlReport.render("t", few, Map.of(), Optional.empty());
    String manyHtml = HtmlReport.render("t", many, Map.of(), Optional.empty());

    String grids = section(fewHtml, "Grids: best and worst");
    for (UnitScore s : few.gridScores()) {
      if (s.received() >= 5) {
        // a grid by its name in the territory and its code; synthetic workers' names are ids
        assertThat(s.name()).endsWith("网格").isNotEqualTo(s.id());
        assertThat(grids).contains("<td>" + s.name() + " (" + s.id() + ")</td>");
      }
    }
    assertThat(grids).doesNotContain("<td colspan='5'>…</td>");
    assertThat(section(manyHtml, "Grids: best and worst")).contains("<td colspan='5'>…</td>");
  }

  @Test
  void workers_gridWorkersAndDepartmentStaffInTablesOfTheirOwn() {
    SimulationResult week = run(7, 6.2, false);
    java.util.Set<String> gridWorkers = new java.util.HashSet<>();
    week.scores()
        .get(0)
        .ranking(org.gridgov.scoring.UnitKind.WORKER)
        .entries()
        .forEach(e -> gridWorkers.add(e.unit().id()));
    List<String> busyGrid = new ArrayList<>();
    List<String> busyStaff = new ArrayList<>();
    for (UnitScore s : week.workerScores()) {
      if (s.received() >= 5) {
        (gridWorkers.contains(s.id()) ? busyGrid : busyStaff).add(s.id());
      }
    }
    assertThat(busyGrid).as("busy grid workers").isNotEmpty();
    assertThat(busyStaff).as("busy department staff").isNotEmpty();

    String html = HtmlReport.render("t", week, Map.of(), Optional.empty());
    List<String> gridRows = rowIds(section(html, "Grid workers: best and worst"));
    List<String> staffRows = rowIds(section(html, "Department staff: best and worst"));

    // before: one "Workers" table, department staff (every case closed) above every grid worker
    assertThat(gridRows)
        .isNotEmpty()
        .allMatch(gridWorkers::contains)
        .isSubsetOf(busyGrid)
        .startsWith(busyGrid.get(0));
    assertThat(staffRows)
        .isNotEmpty()
        .noneMatch(gridWorkers::contains)
        .isSubsetOf(busyStaff)
        .startsWith(busyStaff.get(0));
    assertThat(html).doesNotContain("<h2>Workers: best and worst</h2>");
  }

  /** The ids in the first cells of a best-and-worst table's rows. */
  private static List<String> rowIds(String table) {
    List<String> ids = new ArrayList<>();
    Matcher m = Pattern.compile("<tr><td>([^<]+)</td><td>\\d").matcher(table);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private static String section(String html, String heading) {
    int from = html.indexOf("<h2>" + heading + "</h2>");
    assertThat(from).as(heading).isNotNegative();
    return html.substring(from, html.indexOf("</table>", from));
  }

  @Test
  void departmentLoad_referralsColumnOnlyWhenALineLacksStaff() {
    SimulationConfig unstaffed =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 3, 4), 3)
            .withArrivals(Arrivals.defaults().withRate(2.6))
            .withStaffing(Staffing.dongcheng().withDepartments(0, 0));
    SimulationResult threeDays = kaixuan(unstaffed);
    LineLoad lacking =
        threeDays.lines().stream()
            .filter(l -> l.referred() > 0)
            .max(java.util.Comparator.comparingLong(LineLoad::referred))
            .orElseThrow();

    String html = HtmlReport.render("t", threeDays, Map.of(), Optional.empty());
    String table = section(html, "Department load");

    assertThat(table).contains("<th>referred to the centre</th>");
    assertThat(table)
        .containsPattern(
            "<tr><td>"
                + Pattern.quote(lacking.line().value())
                + "</td>(<td>[^<]*</td>){4}<td>"
                + lacking.referred()
                + "</td></tr>");
    assertThat(threeDays.lines().stream().mapToLong(LineLoad::referred).sum())
        .isEqualTo(threeDays.referred());
    assertThat(ReportPage.section(html, "Department load"))
        .contains("<p>A case is referred to the centre when nobody up to the district acts");
    assertThat(
            ReportPage.section(
                HtmlReport.render("t", run(3, 2.6, false), Map.of(), Optional.empty()),
                "Department load"))
        .as("neither column nor word of referrals")
        .doesNotContain("referred");
    // beside a run whose lines all have staff, both runs' columns have the referrals, its 0
    SimulationResult staffed = run(3, 2.6, true);
    String both =
        section(
            HtmlReport.render("t", threeDays, Map.of(), Optional.of(staffed)), "Department load");
    assertThat(both)
        .contains("<th colspan='5' scope='colgroup'>dongcheng v1</th>")
        .containsPattern(
            "<tr><td>"
                + Pattern.quote(lacking.line().value())
                + "</td>(<td>[^<]*</td>){4}<td>"
                + lacking.referred()
                + "</td>(<td>[^<]*</td>){4}"
                + "<td>0</td></tr>");
  }

  /** The difference of two figures as written ("2.67", "2.66"), signed as the change is. */
  private static String signedDifference(String a, String b) {
    BigDecimal d = new BigDecimal(b).subtract(new BigDecimal(a));
    return d.signum() == 0 ? "0.00" : (d.signum() > 0 ? "+" : "") + d.setScale(2).toPlainString();
  }

  /** The change agrees with the two rounded figures beside it, not with their exact difference. */
  @Test
  void shownChange_isTheDifferenceOfTheFiguresAsShown() {
    // 72.66 % and 83.14 % show as 72.7 % and 83.1 %: +10.4 pp, where exactly it is +10.48
    assertThat(HtmlReport.shownChange("community settlement rate", 0.7266, 0.8314))
        .isEqualTo("+10.4 pp");
    // 27.684 h and 26.966 h show as 27.68 and 26.97: -0.71, where exactly it is -0.718
    assertThat(HtmlReport.shownChange("median closure hours", 27.684, 26.966)).isEqualTo("-0.71");
    // 4.444 and 4.446 show as 4.44 and 4.45: a change of 0.01, not 0.00
    assertThat(HtmlReport.shownChange("mean satisfaction", 4.444, 4.446)).isEqualTo("+0.01");
    assertThat(HtmlReport.shownChange("closed", 5_193, 5_190)).isEqualTo("-3");
    // halves round as the figures do: 23/80 in percent is 28.749999… as a double, shown 28.7 %,
    // so 30.0 % is +1.3 pp from it, not the +1.2 of rounding 287.5 per mille up
    double a = 23 / 80.0;
    assertThat(Svg.percent(a)).isEqualTo("28.7 %");
    assertThat(HtmlReport.shownChange("closure rate", a, 0.30)).isEqualTo("+1.3 pp");
    // 2.675 and 2.665 show as 2.68 and 2.67 (String.format rounds the shortest decimal form)
    assertThat(HtmlReport.shownChange("median closure hours", 2.675, 2.665))
        .isEqualTo(signedDifference(Svg.format(2.675), Svg.format(2.665)))
        .isEqualTo("-0.01");
  }

  @Test
  void change_tooSmallToShow_isAnUnsignedZero_otherwiseSignedAtItsPrecision() {
    assertThat(HtmlReport.change("closure rate", -0.0001)).isEqualTo("0.0 pp");
    assertThat(HtmlReport.change("closure rate", 0.0001)).isEqualTo("0.0 pp");
    assertThat(HtmlReport.change("closure rate", -0.0006)).isEqualTo("-0.1 pp");
    assertThat(HtmlReport.change("closure rate", 0.0123)).isEqualTo("+1.2 pp");
    assertThat(HtmlReport.change("median closure hours", -0.001)).isEqualTo("0.00");
    assertThat(HtmlReport.change("median closure hours", -1.5)).isEqualTo("-1.50");
    assertThat(HtmlReport.change("closed", 12)).isEqualTo("+12");
    assertThat(HtmlReport.change("closed", -1234)).isEqualTo("-1,234");
    assertThat(HtmlReport.change("closed", 0)).isEqualTo("0");
    assertThat(HtmlReport.fineChange("self-claim rate", -0.00001)).isEqualTo("0.00 pp");
    assertThat(HtmlReport.fineChange("self-claim rate", -0.00006)).isEqualTo("-0.01 pp");
    assertThat(HtmlReport.fineChange("overdue", 3)).isEqualTo("+3");
  }

  @Test
  void yuan_thousandsSeparated_toTheFen_signBeforeTheSymbol() {
    assertThat(HtmlReport.yuan(Money.ofFen(638_280_000))).isEqualTo("¥6,382,800.00");
    assertThat(HtmlReport.yuan(Money.ofFen(5))).isEqualTo("¥0.05");
    assertThat(HtmlReport.yuan(Money.ofFen(-123_456))).isEqualTo("-¥1,234.56");
  }

  @Test
  void payBins_oneBarPerAmountWhenFew_elseEqualRangesHoldingEveryWorker() {
    List<Money> tiers =
        List.of(
            Money.ofYuan("4800"),
            Money.ofYuan("4800"),
            Money.ofYuan("5520"),
            Money.ofYuan("6000"),
            Money.ofYuan("6000"),
            Money.ofYuan("6000"));
    assertThat(HtmlReport.payBins(tiers))
        .containsExactly(
            new HtmlReport.PayBin("¥4,800.00", 2),
            new HtmlReport.PayBin("¥5,520.00", 1),
            new HtmlReport.PayBin("¥6,000.00", 3));

    // 0.00 to 120.00 yuan by 1 yuan: twelve ranges of 10 yuan, the highest in the last
    List<Money> spread = new ArrayList<>();
    for (int yuan = 0; yuan <= 120; yuan++) {
      spread.add(Money.ofYuan(Integer.toString(yuan)));
    }
    List<HtmlReport.PayBin> bins = HtmlReport.payBins(spread);
    assertThat(bins).hasSize(HtmlReport.PAY_BARS);
    assertThat(bins.get(0)).isEqualTo(new HtmlReport.PayBin("¥0.00–¥10.00", 10));
    assertThat(bins.get(11)).isEqualTo(new HtmlReport.PayBin("¥110.00–¥120.00", 11));
    assertThat(bins.stream().mapToLong(HtmlReport.PayBin::workers).sum()).isEqualTo(121);
    // a bound that is not a whole fen rounds up: 0.00 to 0.13 over twelve bins
    List<Money> fen = new ArrayList<>();
    for (int f = 0; f <= 13; f++) {
      fen.add(Money.ofFen(f));
    }
    assertThat(HtmlReport.payBins(fen).get(0)).isEqualTo(new HtmlReport.PayBin("¥0.00–¥0.02", 2));
    assertThat(HtmlReport.payBins(List.of(Money.ofYuan("6000"))))
        .containsExactly(new HtmlReport.PayBin("¥6,000.00", 1));
  }

  @Test
  void pay_chartAndTableOfGridWorkersByPay_countingEveryOne() {
    SimulationResult week = run(7, 2.6, false);
    long paid = week.scores().get(0).pay().orElseThrow().lines().size();

    String html = HtmlReport.render("t", week, Map.of(), Optional.empty());

    assertThat(html)
        .contains("aria-label='Open cases at the end of each day'")
        .contains(
            "<title>"
                + week.days().get(6).day().toString().substring(5)
                + " open: "
                + Svg.format(week.days().get(6).open())
                + "</title>");
    String pay = html.substring(html.indexOf("<h2>Pay</h2>"));
    assertThat(pay)
        .contains("<svg")
        .contains("Grid workers by pay, ")
        .contains("<tr><th>pay</th><th>grid workers</th><th>share</th></tr>");
    Matcher rows =
        Pattern.compile("<tr><td>¥[^<]+</td><td>([0-9,]+)</td><td>[0-9.]+ %</td></tr>")
            .matcher(pay);
    long counted = 0;
    while (rows.find()) {
      counted += Long.parseLong(rows.group(1).replace(",", ""));
    }
    assertThat(counted).isEqualTo(paid).isPositive();
    assertThat(pay)
        .as("graded pay: one bar per tier, no ranges")
        .doesNotContain("Each range holds its lower bound");
  }

  /** Ranges share their bounds in their labels: the page says which range holds a bound. */
  @Test
  void pay_inRanges_saysWhichRangeHoldsABound() {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 3, 4), 7)
            .withArrivals(Arrivals.defaults().withRate(2.6))
            .withScoring(ScoringPresets.yangling());
    SimulationResult week = kaixuan(config);

    String pay = HtmlReport.render("t", week, Map.of(), Optional.empty());
    pay = pay.substring(pay.indexOf("<h2>Pay</h2>"));

    assertThat(pay)
        .containsPattern("<tr><td>¥[^<]+–¥")
        .contains("Each range holds its lower bound and not its upper, the last both.");
  }
}
