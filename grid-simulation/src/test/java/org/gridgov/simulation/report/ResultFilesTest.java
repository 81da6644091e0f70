package org.gridgov.simulation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.simulation.report.ReportFiguresTest.csvRows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Territory;
import org.gridgov.scoring.indicator.Indicator;
import org.gridgov.scoring.ranking.RankedEntry;
import org.gridgov.simulation.Arrivals;
import org.gridgov.simulation.LineLoad;
import org.gridgov.simulation.Replications;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.Scores;
import org.gridgov.simulation.Simulation;
import org.gridgov.simulation.SimulationConfig;
import org.gridgov.simulation.SimulationResult;
import org.gridgov.simulation.Sweep;
import org.gridgov.simulation.UnitScore;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV and JSON files: every row there is, each cell as the result has it, text escaped. */
class ResultFilesTest {
  private static final Territory KAIXUAN =
      Divisions.shangcheng().restrictedTo(AreaCode.parse("330102011"));

  @TempDir Path dir;

  private static SimulationConfig days(LocalDate start, int days, double rate) {
    return SimulationConfig.defaults()
        .withPeriod(start, days)
        .withArrivals(Arrivals.defaults().withRate(rate));
  }

  private static SimulationResult run(SimulationConfig config) {
    return Simulation.run(KAIXUAN, config, Presets.kaixuan(), InMemoryGridStorage.create());
  }

  @Test
  void write_returnsEveryFileWritten_afterItsPrefix() {
    SimulationResult r = run(days(LocalDate.of(2024, 3, 4), 1, 0.3));

    List<Path> written = ResultFiles.write(r, dir, "compare-");

    List<Path> expected = new ArrayList<>();
    ResultFiles.FILES.forEach(f -> expected.add(dir.resolve("compare-" + f)));
    assertThat(written)
        .containsExactlyElementsOf(expected)
        .allSatisfy(f -> assertThat(f).isNotEmptyFile());
  }

  @Test
  void json_theTimeToCloseAsTheReportsChartCountsIt_aBucketPerRange() throws Exception {
    // before the fix: the report's closure-time distribution was in no file, only its median and
    // p90
    SimulationResult r =
        Results.with(
            run(days(LocalDate.of(2024, 3, 4), 1, 0.3)),
            Map.of(
                "closureMinutes",
                com.google.common.primitives.ImmutableIntArray.of(
                    60, 239, 240, 480, 1500, 10079, 10080, 20000)));

    ResultFiles.write(r, dir, "");

    JsonNode buckets =
        new ObjectMapper().readTree(dir.resolve("result.json").toFile()).get("closureHistogram");
    List<String> rows = new ArrayList<>();
    buckets.forEach(
        b ->
            rows.add(
                b.get("fromHours").asText()
                    + "-"
                    + b.get("toHours").asText()
                    + ":"
                    + b.get("closings").asText()));
    assertThat(rows)
        .containsExactly(
            "0-4:2",
            "4-8:1",
            "8-24:1",
            "24-48:1",
            "48-72:0",
            "72-120:0",
            "120-168:1",
            "168-null:2");
  }

  @Test
  void csvAndJson_aNameWithCommasQuotesAndALineBreak_readBackWhole() throws Exception {
    SimulationResult r = run(days(LocalDate.of(2024, 3, 4), 1, 0.3));
    String awkward = "景芳, \"第一\"\n网格 \\ <b>";
    List<UnitScore> grids = new ArrayList<>(r.gridScores());
    grids.add(
        new UnitScore(
            "330102011001009", awkward, 7, 3, OptionalDouble.of(3 / 7.0), OptionalDouble.of(1)));
    SimulationResult named = Results.with(r, Map.of("gridScores", ImmutableList.copyOf(grids)));

    ResultFiles.write(named, dir, "");

    Map<String, String> row =
        ReportFiguresTest.csvBy("id", dir.resolve("grids.csv")).get("330102011001009");
    assertThat(row)
        .containsEntry("name", awkward)
        .containsEntry("received", "7")
        .containsEntry("closed", "3");
    assertThat(csvRows(dir.resolve("grids.csv"))).hasSize(grids.size());
    JsonNode json = new ObjectMapper().readTree(dir.resolve("result.json").toFile());
    List<String> names = new ArrayList<>();
    json.get("result").get("gridScores").forEach(g -> names.add(g.get("name").asText()));
    assertThat(names).contains(awkward);
    assertThat(HtmlReport.render("t", named, Map.of(), Optional.empty()))
        .doesNotContain("<b>网格")
        .contains("网格 \\ &lt;b&gt; (330102011001009)");
  }

  @Test
  void linesRankingsAndStreetsCsv_aRowPerLine_perMonthAndUnit_asTheResultHasThem()
      throws Exception {
    // from 28 February to 1 March: two months, each scored for its days
    SimulationResult r = run(days(LocalDate.of(2024, 2, 28), 3, 2.6));
    assertThat(r.scores()).hasSize(2);

    ResultFiles.write(r, dir, "");

    List<Map<String, String>> lines = csvRows(dir.resolve("lines.csv"));
    assertThat(lines).hasSize(r.lines().size());
    for (int i = 0; i < lines.size(); i++) {
      LineLoad l = r.lines().get(i);
      assertThat(lines.get(i))
          .containsEntry("line", l.line().value())
          .containsEntry("received", Long.toString(l.received()))
          .containsEntry("closed", Long.toString(l.closed()));
    }

    List<Map<String, String>> rankings = csvRows(dir.resolve("rankings.csv"));
    List<String> expected = new ArrayList<>();
    for (Scores month : r.scores()) {
      month
          .rankings()
          .forEach(
              (kind, ranking) -> {
                for (RankedEntry e : ranking.entries()) {
                  expected.add(
                      month.period().label()
                          + " "
                          + kind.name().toLowerCase(java.util.Locale.ROOT)
                          + " "
                          + e.rank()
                          + " "
                          + e.unit().id());
                }
              });
    }
    List<String> actual = new ArrayList<>();
    rankings.forEach(
        row ->
            actual.add(
                row.get("period")
                    + " "
                    + row.get("kind")
                    + " "
                    + row.get("rank")
                    + " "
                    + row.get("unit")));
    assertThat(actual).isNotEmpty().containsExactlyElementsOf(expected);
    assertThat(rankings).extracting(row -> row.get("kind")).contains("community", "worker");

    List<Map<String, String>> streets = csvRows(dir.resolve("streets.csv"));
    List<Scores.Street> expectedStreets = new ArrayList<>();
    r.scores().forEach(month -> expectedStreets.addAll(month.streets()));
    assertThat(streets).hasSize(expectedStreets.size()).hasSizeGreaterThanOrEqualTo(2);
    long reported = 0;
    for (int i = 0; i < streets.size(); i++) {
      var indicators = expectedStreets.get(i).indicators();
      Map<String, String> row = streets.get(i);
      assertThat(row)
          .containsEntry("street", expectedStreets.get(i).code())
          .containsEntry("reported", indicators.rate(Indicator.REPORTED).numerator().toString())
          .containsEntry(
              "registered", indicators.rate(Indicator.REGISTERED).numerator().toString());
      reported += Long.parseLong(row.get("reported"));
      String mean =
          indicators
              .registrationTime()
              .mean()
              .map(
                  d ->
                      BigDecimal.valueOf(d.toSeconds())
                          .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_EVEN)
                          .toPlainString())
              .orElse("");
      assertThat(row).containsEntry("registrationHoursMean", mean);
    }
    assertThat(reported).as("every report of the run, in its month").isPositive();
    assertThat(streets.get(0).get("period")).isEqualTo(r.scores().get(0).period().label());
    assertThat(streets.get(streets.size() - 1).get("period"))
        .isEqualTo(r.scores().get(1).period().label());
  }

  @Test
  void writeReplications_aRunPerSeed_underItsSeed() throws Exception {
    SimulationConfig config = days(LocalDate.of(2024, 3, 4), 1, 0.3);
    Replications study =
        Replications.run(
            KAIXUAN,
            config,
            Presets.kaixuan(),
            Presets.dongcheng(),
            InMemoryGridStorage::create,
            2,
            2);

    List<Path> written = ResultFiles.writeReplications(study, dir);

    assertThat(written)
        .containsExactly(dir.resolve("replications.csv"), dir.resolve("replications.json"));
    JsonNode runs =
        new ObjectMapper().readTree(dir.resolve("replications.json").toFile()).get("replications");
    assertThat(runs).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(runs.get(i).get("seed").asLong()).isEqualTo(study.seeds().get(i));
      assertThat(runs.get(i).get("rows")).hasSize(Sweep.indicators().size());
    }
  }

  @Test
  void writeSweep_aChangeFromTheFirstOnTwoSeeds_noneOnOne() throws Exception {
    SimulationConfig config = days(LocalDate.of(2024, 3, 4), 1, 0.3);
    List<Scenario> scenarios =
        List.of(new Scenario(config, Presets.kaixuan()), new Scenario(config, Presets.dongcheng()));

    Path one =
        ResultFiles.writeSweep(
            Sweep.run(KAIXUAN, scenarios, InMemoryGridStorage::create, 1, 2), dir.resolve("one"));
    Path two =
        ResultFiles.writeSweep(
            Sweep.run(KAIXUAN, scenarios, InMemoryGridStorage::create, 2, 2), dir.resolve("two"));

    assertThat(one).isEqualTo(dir.resolve("one").resolve("sweep.csv"));
    assertThat(Files.exists(two)).isTrue();
    assertThat(csvRows(one))
        .hasSize(2 * Sweep.indicators().size())
        .allSatisfy(
            row ->
                assertThat(row)
                    .containsEntry("changeSeeds", "")
                    .containsEntry("changeFromFirst", ""));
    Map<String, String> reported =
        csvRows(two).stream()
            .filter(
                row -> row.get("indicator").equals("reported") && row.get("scenario").equals("2"))
            .findFirst()
            .orElseThrow();
    // the policy does not decide the reports: the same on both seeds, a change of exactly 0
    assertThat(reported).containsEntry("seeds", "2").containsEntry("changeSeeds", "2");
    assertThat(Double.parseDouble(reported.get("changeFromFirst"))).isZero();
    assertThat(csvRows(two))
        .filteredOn(row -> row.get("scenario").equals("1"))
        .allSatisfy(row -> assertThat(row).containsEntry("changeSeeds", ""));
  }

  @Test
  void writeSweep_onTwoSeeds_theIntervalOfTheChangeAndWhetherItLeavesOutZero() throws Exception {
    SimulationConfig config = days(LocalDate.of(2024, 3, 4), 1, 0.3);
    Sweep sweep =
        Sweep.run(
            KAIXUAN,
            List.of(
                new Scenario(config, Presets.kaixuan()), new Scenario(config, Presets.dongcheng())),
            InMemoryGridStorage::create,
            2,
            2);

    List<Map<String, String>> rows =
        csvRows(ResultFiles.writeSweep(sweep, dir)).stream()
            .filter(row -> row.get("scenario").equals("2"))
            .toList();

    assertThat(rows)
        .hasSize(Sweep.indicators().size())
        .as("some with an interval")
        .anyMatch(row -> !row.get("low").isEmpty());
    for (Map<String, String> row : rows) {
      Replications.Estimate change = sweep.against(1, row.get("indicator"));
      assertThat(cell(row.get("low"))).as(row.get("indicator")).isEqualTo(change.low());
      assertThat(cell(row.get("high"))).as(row.get("indicator")).isEqualTo(change.high());
      assertThat(row.get("significant"))
          .as(row.get("indicator"))
          .isEqualTo(change.low().isPresent() ? Boolean.toString(change.significant()) : "");
    }
  }

  /** A CSV cell's number, or none for an empty cell. */
  private static OptionalDouble cell(String text) {
    return text.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(text));
  }
}
