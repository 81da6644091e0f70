package org.gridgov.simulation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.primitives.ImmutableIntArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;
import org.gridgov.core.territory.Territory;
import org.gridgov.rules.escalation.SettlementReport;
import org.gridgov.scoring.indicator.Percentiles;
import org.gridgov.simulation.Arrivals;
import org.gridgov.simulation.Comparison;
import org.gridgov.simulation.Replications;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.Simulation;
import org.gridgov.simulation.SimulationConfig;
import org.gridgov.simulation.SimulationResult;
import org.gridgov.simulation.Sweep;
import org.gridgov.simulation.UnitScore;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every figure the report shows in more than one place agrees, and a rate of nothing is no 0. */
class ReportFiguresTest {
  private static final Territory KAIXUAN =
      Divisions.shangcheng().restrictedTo(AreaCode.parse("330102011"));

  private static SimulationResult threeDays() {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 3, 4), 3)
            .withArrivals(Arrivals.defaults().withRate(2.6));
    return Simulation.run(KAIXUAN, config, Presets.kaixuan(), InMemoryGridStorage.create());
  }

  /** {@code r} with other closing figures, as a run that closed otherwise would have them. */
  static SimulationResult closing(
      SimulationResult r,
      SettlementReport settlement,
      long closed,
      long closedOnTime,
      long rated,
      long satisfactionSum,
      ImmutableIntArray closureMinutes) {
    return Results.with(
        r,
        Map.of(
            "settlement",
            settlement,
            "closed",
            closed,
            "closedOnTime",
            closedOnTime,
            "rated",
            rated,
            "satisfactionSum",
            satisfactionSum,
            "closureMinutes",
            closureMinutes));
  }

  private static String cell(String html, String rowPattern) {
    Matcher m = Pattern.compile(rowPattern).matcher(html);
    assertThat(m.find()).as(rowPattern).isTrue();
    return m.group(1);
  }

  @Test
  void settlement_tableAndChartShowTheSummarysShare_notTheShareRoundedTwice() {
    SimulationResult r = threeDays();
    // 234 of 4,825 is 4.8497 %: 4.8 %, but 0.0485 (four places) and then 4.9 %
    SettlementReport split =
        SettlementReport.ofCounts(
            Map.of(Level.COMMUNITY, 3_483L, Level.STREET, 234L, Level.DISTRICT, 1_108L), Map.of());
    SimulationResult odd =
        closing(r, split, 4_825, 4_825, r.rated(), r.satisfactionSum(), r.closureMinutes());

    String html = HtmlReport.render("t", odd, Map.of(), Optional.empty());

    assertThat(cell(html, "<tr><td>street settlement rate</td><td>([^<]*)</td>"))
        .isEqualTo("4.8 %");
    assertThat(cell(html, "<tr><td>street</td><td>234</td><td>([^<]*)</td>"))
        .as("the settlement table")
        .isEqualTo("4.8 %");
    assertThat(html)
        .as("the chart's marker")
        .contains("<title>actual 4.8 %</title>")
        .doesNotContain("4.9 %");
  }

  @Test
  void nothingClosed_noMedianOf0Hours_noSatisfactionOf0_noTargetMet() {
    SimulationResult r = threeDays();
    SimulationResult none =
        closing(
            r, SettlementReport.ofCounts(Map.of(), Map.of()), 0, 0, 0, 0, ImmutableIntArray.of());

    String html = HtmlReport.render("t", none, Map.of(), Optional.empty());

    for (String indicator :
        new String[] {
          "closed on time",
          "median closure hours",
          "90th percentile closure hours",
          "mean satisfaction",
          "community settlement rate",
          "district settlement rate"
        }) {
      assertThat(cell(html, "<tr><td>" + indicator + "</td><td>([^<]*)</td>"))
          .as(indicator)
          .isEqualTo("–");
    }
    assertThat(cell(html, "<tr><td>closed</td><td>([^<]*)</td>")).isEqualTo("0");
    assertThat(html)
        .contains("No case was closed.")
        .doesNotContain("Median 0.0 h")
        .doesNotContain("<td>met</td>")
        .doesNotContain("<td>not met</td>")
        .doesNotContain("<title>actual 0.0 %</title>");
    // against a run that did close, the change is unknown, not the other run's whole value
    String both = HtmlReport.render("t", none, Map.of(), Optional.of(r));
    assertThat(both)
        .containsPattern(
            "<tr><td>mean satisfaction</td><td>–</td><td>[0-9.]+</td>" + "<td>–</td></tr>");
  }

  @Test
  void comparisonDefined_aRateOfNothingHasNoValue_countsAlwaysDo() {
    SimulationResult r = threeDays();
    SimulationResult none =
        closing(
            r, SettlementReport.ofCounts(Map.of(), Map.of()), 0, 0, 0, 0, ImmutableIntArray.of());

    assertThat(Comparison.defined(none, "median closure hours")).isFalse();
    assertThat(Comparison.defined(none, "mean satisfaction")).isFalse();
    assertThat(Comparison.defined(none, "street settlement rate")).isFalse();
    assertThat(Comparison.defined(none, "closed")).as("a count of 0 is a count").isTrue();
    assertThat(Comparison.defined(none, "closure rate")).as("registered, none closed").isTrue();
    assertThat(Comparison.defined(r, "median closure hours")).isEqualTo(r.closed() > 0).isTrue();
    // every closed case reopened and not closed again: no case closed, its closing time kept
    SimulationResult reopened =
        closing(
            r,
            SettlementReport.ofCounts(Map.of(), Map.of()),
            0,
            0,
            0,
            0,
            ImmutableIntArray.of(600));
    assertThat(Comparison.defined(reopened, "median closure hours")).as("of the closings").isTrue();
    assertThat(Comparison.defined(reopened, "closed on time")).as("of the closed").isFalse();
    assertThatThrownBy(() -> Comparison.defined(r, "median closing hours"))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("simulation.comparison")
        .hasMessageContaining("indicator");
    // the value itself: the result's figure where it has one, none where it has not
    assertThat(Comparison.value(r, "closed on time")).hasValue(r.onTimeRate());
    assertThat(Comparison.value(none, "mean satisfaction")).isEmpty();
    assertThat(Comparison.value(none, "closed")).hasValue(0);
    assertThatThrownBy(() -> Comparison.value(r, "median closing hours"))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("indicator");
  }

  @Test
  void resultJson_amountsAreNumbersOfYuan_asPayCsvWritesThem(@TempDir Path dir) throws Exception {
    SimulationResult r = threeDays();

    ResultFiles.write(r, dir, "");

    JsonNode pay =
        new ObjectMapper()
            .readTree(Files.readString(dir.resolve("result.json")))
            .get("result")
            .get("scores")
            .get(0)
            .get("pay");
    JsonNode line = pay.get("lines").get(0);
    for (String amount : new String[] {"fixed", "variable", "total"}) {
      assertThat(line.get(amount).isNumber()).as(amount + " " + line.get(amount)).isTrue();
    }
    assertThat(line.get("total").decimalValue())
        .isEqualByComparingTo(r.scores().get(0).pay().orElseThrow().lines().get(0).total().yuan());
    String firstRow = Files.readAllLines(dir.resolve("pay.csv")).get(1);
    assertThat(firstRow)
        .contains(
            ","
                + line.get("fixed").decimalValue().toPlainString()
                + ","
                + line.get("variable").decimalValue().toPlainString()
                + ",");
  }

  @Test
  void nothingClosed_resultJsonHasNoRatesOfNothing(@TempDir Path dir) throws Exception {
    SimulationResult r = threeDays();
    SimulationResult none =
        closing(
            r, SettlementReport.ofCounts(Map.of(), Map.of()), 0, 0, 0, 0, ImmutableIntArray.of());

    ResultFiles.write(none, dir, "");

    JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("result.json")));
    for (String field :
        new String[] {"onTimeRate", "meanSatisfaction", "closureMinutesP50", "closureMinutesP90"}) {
      assertThat(json.get(field).isNull()).as(field).isTrue();
    }
    assertThat(json.get("closureRate").asDouble()).isZero(); // registered, none closed: a real 0
  }

  @Test
  void streetMeans_roundedToTheMinute_asStreetsCsvRoundsItsHours() {
    // 17 min 50 s: streets.csv says 0.30 h (18 min); the table said 17 min
    assertThat(HtmlReport.mean(new Percentiles(1, 17 * 60 + 50, ImmutableSortedMap.of())))
        .isEqualTo("18 min");
    assertThat(HtmlReport.mean(new Percentiles(2, 2 * (59 * 60 + 40), ImmutableSortedMap.of())))
        .isEqualTo("1.0 h");
    assertThat(HtmlReport.mean(new Percentiles(1, 23 * 3600 + 20 * 60, ImmutableSortedMap.of())))
        .isEqualTo("23.3 h");
    assertThat(HtmlReport.mean(Percentiles.NONE)).isEqualTo("–");
  }

  @Test
  void streets_onTimeColumnNamesTheScoringWindow_notTheSummarysClosedOnTime() {
    SimulationResult r = threeDays();

    String html = HtmlReport.render("t", r, Map.of(), Optional.empty());
    String streets =
        html.substring(html.indexOf("<h2>Streets</h2>"), html.indexOf("<h2>Scores</h2>"));

    long hours = r.config().scoring().indicators().closeWithin().toHours();
    assertThat(streets)
        .contains("<th>closed within " + hours + " h</th>")
        .doesNotContain("<th>closed on time</th>");
  }

  @Test
  void timeToClose_countsClosings_andSaysFromWhen() {
    SimulationResult r = threeDays();

    String html = HtmlReport.render("t", r, Map.of(), Optional.empty());

    assertThat(html)
        .contains(
            "From the report to the closing, over "
                + Svg.format(r.closureMinutes().length())
                + " closings")
        .contains("closings: ")
        .doesNotContain("closed cases:");
  }

  @Test
  void unitsWithNothingClosed_haveNoOnTimeRate_notOneOf0() {
    SimulationResult r = threeDays();
    UnitScore stuck =
        new UnitScore(
            "330102011001001",
            "stuck 第1网格",
            6,
            0,
            java.util.OptionalDouble.of(0),
            java.util.OptionalDouble.empty());
    java.util.List<UnitScore> grids = new java.util.ArrayList<>(r.gridScores());
    grids.add(stuck);
    SimulationResult withStuck =
        Results.with(
            r, Map.of("gridScores", com.google.common.collect.ImmutableList.copyOf(grids)));

    String html = HtmlReport.render("t", withStuck, Map.of(), Optional.empty());

    assertThat(html)
        .contains(
            "<tr><td>stuck 第1网格 (330102011001001)</td><td>6</td><td>0</td>"
                + "<td>0.0 %</td><td>–</td></tr>");
  }

  /** A CSV file's rows, each a map of its header's names to its cells. */
  static java.util.List<Map<String, String>> csvRows(Path file) throws IOException {
    try (MappingIterator<Map<String, String>> rows =
        new CsvMapper()
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(file.toFile())) {
      return rows.readAll();
    }
  }

  /** A CSV file's rows by their {@code key} column, which is distinct. */
  static Map<String, Map<String, String>> csvBy(String key, Path file) throws IOException {
    return csvRows(file).stream()
        .collect(java.util.stream.Collectors.toMap(row -> row.get(key), row -> row));
  }

  @Test
  void gridsAndWorkersCsv_aUnitThatClosedNothing_emptyOnTimeCell_notA0(@TempDir Path dir)
      throws Exception {
    // a day of Kaixuan street at the 12345 rate, on a seed where one grid's every report was
    // refused (received 0), most grids closed nothing yet and some closed cases
    SimulationConfig config =
        SimulationConfig.defaults()
            .withSeed(-4767286540954276203L)
            .withPeriod(LocalDate.of(2024, 3, 4), 1)
            .withArrivals(Arrivals.defaults().withRate(2.6));
    SimulationResult r =
        Simulation.run(KAIXUAN, config, Presets.kaixuan(), InMemoryGridStorage.create());
    UnitScore refused =
        r.gridScores().stream().filter(s -> s.received() == 0).findFirst().orElseThrow();
    UnitScore open =
        r.gridScores().stream()
            .filter(s -> s.received() > 0 && s.closed() == 0)
            .findFirst()
            .orElseThrow();
    UnitScore closing =
        r.gridScores().stream().filter(s -> s.closed() > 0).findFirst().orElseThrow();
    UnitScore idle =
        r.workerScores().stream()
            .filter(s -> s.received() > 0 && s.closed() == 0)
            .findFirst()
            .orElseThrow();
    UnitScore busy =
        r.workerScores().stream().filter(s -> s.closed() > 0).findFirst().orElseThrow();

    ResultFiles.write(r, dir, "");

    Map<String, Map<String, String>> grids = csvBy("id", dir.resolve("grids.csv"));
    assertThat(grids.get(open.id()))
        .as("registered, none closed: a closure rate of 0")
        .containsEntry("closureRate", "0.0")
        .containsEntry("onTimeRate", "");
    assertThat(grids.get(refused.id()))
        .as("nothing registered: no closure rate either")
        .containsEntry("closureRate", "")
        .containsEntry("onTimeRate", "");
    assertThat(Double.parseDouble(grids.get(closing.id()).get("onTimeRate")))
        .isEqualTo(closing.onTimeRate().getAsDouble());
    Map<String, Map<String, String>> workers = csvBy("id", dir.resolve("workers.csv"));
    assertThat(workers.get(idle.id()))
        .containsEntry("closureRate", "0.0")
        .containsEntry("onTimeRate", "");
    assertThat(Double.parseDouble(workers.get(busy.id()).get("onTimeRate")))
        .isEqualTo(busy.onTimeRate().getAsDouble());
    JsonNode json = new ObjectMapper().readTree(dir.resolve("result.json").toFile()).get("result");
    Map<String, JsonNode> jsonGrids = new java.util.HashMap<>();
    json.get("gridScores").forEach(g -> jsonGrids.put(g.get("id").asText(), g));
    assertThat(jsonGrids.get(open.id()).get("onTimeRate").isNull()).isTrue();
    assertThat(jsonGrids.get(refused.id()).get("closureRate").isNull()).isTrue();
    assertThat(jsonGrids.get(closing.id()).get("onTimeRate").asDouble())
        .isEqualTo(closing.onTimeRate().getAsDouble());
  }

  @Test
  void replications_anIndicatorNoSeedHas_emptyCellsNullsAndDashes_notMeansOf0(@TempDir Path dir)
      throws Exception {
    // a day of Kaixuan street at a twentieth of a case per grid a day: nothing rated on any seed
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 3, 4), 1)
            .withArrivals(Arrivals.defaults().withRate(0.05));
    Replications study =
        Replications.run(
            KAIXUAN,
            config,
            Presets.kaixuan(),
            Presets.dongcheng(),
            InMemoryGridStorage::create,
            3,
            2);
    for (long seed : study.seeds()) {
      assertThat(
              Simulation.run(
                      KAIXUAN,
                      config.withSeed(seed),
                      Presets.kaixuan(),
                      InMemoryGridStorage.create())
                  .rated())
          .as("seed %d, A", seed)
          .isZero();
      assertThat(
              Simulation.run(
                      KAIXUAN,
                      config.withSeed(seed),
                      Presets.dongcheng(),
                      InMemoryGridStorage.create())
                  .rated())
          .as("seed %d, B", seed)
          .isZero();
    }

    ResultFiles.writeReplications(study, dir);
    String html =
        HtmlReport.render(
            "t", study.first().a(), Map.of(), Optional.of(study.first().b()), Optional.of(study));

    assertThat(csvBy("indicator", dir.resolve("replications.csv")).get("mean satisfaction"))
        .containsEntry("replications", "0")
        .containsEntry("meanA", "")
        .containsEntry("meanB", "")
        .containsEntry("meanDelta", "")
        .containsEntry("deltaSd", "")
        .containsEntry("low", "")
        .containsEntry("high", "")
        .containsEntry("significant", "");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("replications.json").toFile());
    int k = org.gridgov.simulation.Sweep.indicators().indexOf("mean satisfaction");
    JsonNode estimate = json.get("estimates").get(k);
    assertThat(estimate.get("indicator").asText()).isEqualTo("mean satisfaction");
    for (String field : new String[] {"meanA", "meanB", "meanDelta", "low", "high"}) {
      assertThat(estimate.get(field).isNull()).as(field).isTrue();
    }
    json.get("replications")
        .forEach(
            run -> {
              assertThat(run.get("rows").get(k).get("a").isNull()).as("a").isTrue();
              assertThat(run.get("rows").get(k).get("b").isNull()).as("b").isTrue();
            });
    assertThat(html.substring(html.indexOf("<h2>Over 3 seeds</h2>")))
        .contains("<th>seeds</th>")
        .contains(
            "<tr><td>mean satisfaction</td><td>–</td><td>–</td><td>–</td><td>–</td>"
                + "<td>–</td><td>0</td></tr>");
  }

  @Test
  void sweep_anIndicatorNoSeedHas_emptyCellsAndDashes_notMeansOf0(@TempDir Path dir)
      throws Exception {
    // as above: a day at a twentieth of a case per grid a day rates nothing on any seed
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 3, 4), 1)
            .withArrivals(Arrivals.defaults().withRate(0.05));
    Sweep sweep =
        Sweep.run(
            KAIXUAN,
            java.util.List.of(
                new Scenario(config, Presets.kaixuan()), new Scenario(config, Presets.dongcheng())),
            InMemoryGridStorage::create,
            3,
            2);
    int closing = 0; // seeds where the first scenario closed a case: an on-time rate
    for (long seed : sweep.seeds()) {
      assertThat(
              Simulation.run(
                      KAIXUAN,
                      config.withSeed(seed),
                      Presets.dongcheng(),
                      InMemoryGridStorage.create())
                  .rated())
          .as("seed %d", seed)
          .isZero();
      closing +=
          Simulation.run(
                          KAIXUAN,
                          config.withSeed(seed),
                          Presets.kaixuan(),
                          InMemoryGridStorage.create())
                      .closed()
                  > 0
              ? 1
              : 0;
    }
    assertThat(closing).isEqualTo(1);

    ResultFiles.writeSweep(sweep, dir);
    String html =
        HtmlReport.render(
            "t",
            Simulation.run(KAIXUAN, config, Presets.kaixuan(), InMemoryGridStorage.create()),
            Map.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(sweep));

    Map<String, String> second =
        csvRows(dir.resolve("sweep.csv")).stream()
            .filter(
                row ->
                    row.get("indicator").equals("mean satisfaction")
                        && row.get("scenario").equals("2"))
            .findFirst()
            .orElseThrow();
    assertThat(second)
        .containsEntry("seeds", "0")
        .containsEntry("mean", "")
        .containsEntry("changeFromFirst", "")
        .containsEntry("low", "")
        .containsEntry("high", "")
        .containsEntry("significant", "");
    String section = html.substring(html.indexOf("<h2>Sweep over 2 scenarios</h2>"));
    assertThat(section)
        .contains("<tr><td>mean satisfaction</td><td>–</td><td>–</td></tr>")
        .contains("<tr><td>mean satisfaction</td><td>–</td></tr>")
        .containsPattern("<tr><td>closed on time</td><td>[0-9.]+ % \\(1 seed\\)</td>")
        .contains(
            "leaves its seed out of that mean, and of that change; the seeds such a figure"
                + " is over follow it, a mean over none is \"–\", and a change over fewer than 2"
                + " seeds has no interval.")
        .as("a mean over every seed says no number of seeds")
        .containsPattern("<tr><td>reported</td><td>[0-9,.]+</td><td>[0-9,.]+</td></tr>");
    // the change from the first: over fewer seeds than all, it says how many
    String changes = section.substring(section.indexOf("<th>change from the first</th>"));
    int fewer = 0;
    for (String indicator : Sweep.indicators()) {
      Replications.Estimate e = sweep.against(1, indicator);
      String cell = cell(changes, "<tr><td>" + Pattern.quote(indicator) + "</td><td>([^<]*)");
      if (e.meanDelta().isPresent() && e.replications() < 3) {
        fewer++;
        assertThat(cell)
            .as(indicator)
            .endsWith(" over " + e.replications() + (e.replications() == 1 ? " seed" : " seeds"));
      } else {
        assertThat(cell).as(indicator).doesNotContain(" over ");
      }
    }
    assertThat(fewer).as("changes over fewer seeds").isPositive();
  }

  /** A sweep of two seeds has changes, and says of seeds left out; of one seed, of means only. */
  @Test
  void sweep_aSeedLeftOut_overTwoSeedsSaysSoOfTheChanges_overOneOfTheMeans() {
    // a day at a twentieth of a case per grid a day rates nothing
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(LocalDate.of(2024, 3, 4), 1)
            .withArrivals(Arrivals.defaults().withRate(0.05));
    java.util.List<Scenario> scenarios =
        java.util.List.of(
            new Scenario(config, Presets.kaixuan()), new Scenario(config, Presets.dongcheng()));
    SimulationResult first =
        Simulation.run(KAIXUAN, config, Presets.kaixuan(), InMemoryGridStorage.create());
    Sweep two = Sweep.run(KAIXUAN, scenarios, InMemoryGridStorage::create, 2, 2);
    Sweep one = Sweep.run(KAIXUAN, scenarios, InMemoryGridStorage::create, 1, 2);
    assertThat(two.seedsWith("mean satisfaction")).contains(0);
    assertThat(one.seedsWith("mean satisfaction")).contains(0);

    String overTwo =
        HtmlReport.render(
            "t", first, Map.of(), Optional.empty(), Optional.empty(), Optional.of(two));
    String overOne =
        HtmlReport.render(
            "t", first, Map.of(), Optional.empty(), Optional.empty(), Optional.of(one));

    assertThat(overTwo)
        .contains("leaves its seed out of that mean, and of that change;")
        .doesNotContain(": a mean over none is");
    assertThat(overOne)
        .contains("leaves its seed out of that mean: a mean over none is \"–\".")
        .doesNotContain("and of that change");
  }

  @Test
  void setupRate_belowAHundredth_isNotShownAsNone() {
    assertThat(HtmlReport.rate(0.3)).isEqualTo("0.30");
    assertThat(HtmlReport.rate(0.05)).isEqualTo("0.05");
    assertThat(HtmlReport.rate(6.2)).isEqualTo("6.20");
    assertThat(HtmlReport.rate(0.001)).isEqualTo("0.001");
    assertThat(HtmlReport.rate(0.0025)).isEqualTo("0.0025");
  }
}
