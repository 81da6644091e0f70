package org.gridgov.simulation.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gridgov.core.Money;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.WorkerId;
import org.gridgov.scoring.indicator.Indicator;
import org.gridgov.scoring.indicator.Percentiles;
import org.gridgov.scoring.indicator.UnitIndicators;
import org.gridgov.simulation.Comparison;
import org.gridgov.simulation.DayCount;
import org.gridgov.simulation.HourCount;
import org.gridgov.simulation.LineLoad;
import org.gridgov.simulation.Replications;
import org.gridgov.simulation.Scores;
import org.gridgov.simulation.SimulationResult;
import org.gridgov.simulation.Sweep;
import org.gridgov.simulation.UnitScore;

/**
 * Writes a run's figures as CSV (one file per table) and JSON (the whole result but the raw closure
 * times, with the headline rates and percentiles added). Rankings and pay are per calendar month:
 * {@code rankings.csv} and {@code pay.csv} have a row per month and unit (worker), with the month
 * first, and the JSON's {@code scores} a document per month with its {@code period}. A month the
 * run starts or ends in part-way is labelled with its days ({@code 2024-02-20..2024-02-29}), and
 * its pay rows are prorated to them, their {@code basis} saying so ({@code 10/29 of the month's
 * base ¥6000.00}).
 */
public final class ResultFiles {
  private static final CsvMapper CSV =
      CsvMapper.builder()
          .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .addModule(new JavaTimeModule())
          .build();
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .registerModule(new Jdk8Module())
          .registerModule(
              new SimpleModule()
                  .addSerializer(LineId.class, ToStringSerializer.instance)
                  .addSerializer(WorkerId.class, ToStringSerializer.instance)
                  .addSerializer(Money.class, new YuanSerializer()))
          .addMixIn(SimulationResult.class, WithoutRawTimes.class)
          .addMixIn(Scores.class, WithoutStreets.class)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * An amount as a number of yuan to the fen ({@code 3600.00}), as pay.csv writes it: a program
   * reading the JSON sums it without parsing "¥3600.00" first.
   */
  private static final class YuanSerializer extends StdSerializer<Money> {
    YuanSerializer() {
      super(Money.class);
    }

    @Override
    public void serialize(Money amount, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      json.writeNumber(BigDecimal.valueOf(amount.fen(), 2));
    }
  }

  /** The config is written as setup.yaml, which the reader takes again. */
  @JsonIgnoreProperties({"closureMinutes", "config"})
  private abstract static class WithoutRawTimes {}

  /** The streets' indicators go to the document's {@code streets}, as the rows of streets.csv. */
  @JsonIgnoreProperties({"streets"})
  private abstract static class WithoutStreets {}

  /** The files {@link #write} writes, each after its prefix. */
  public static final List<String> FILES =
      List.of(
          "days.csv",
          "hours.csv",
          "lines.csv",
          "grids.csv",
          "workers.csv",
          "rankings.csv",
          "pay.csv",
          "streets.csv",
          "result.json");

  private ResultFiles() {}

  /**
   * Writes {@code prefix}days.csv, hours.csv, lines.csv, grids.csv, workers.csv, rankings.csv,
   * pay.csv, streets.csv and result.json.
   */
  public static List<Path> write(SimulationResult result, Path dir, String prefix) {
    try {
      Files.createDirectories(dir);
      List<Path> written = new ArrayList<>();
      written.add(csv(dir.resolve(prefix + "days.csv"), DayCount.class, result.days()));
      written.add(csv(dir.resolve(prefix + "hours.csv"), HourCount.class, result.hours()));
      written.add(
          csv(
              dir.resolve(prefix + "lines.csv"),
              LineRow.class,
              result.lines().stream().map(LineRow::of).toList()));
      written.add(
          csv(
              dir.resolve(prefix + "grids.csv"),
              UnitRow.class,
              result.gridScores().stream().map(UnitRow::of).toList()));
      written.add(
          csv(
              dir.resolve(prefix + "workers.csv"),
              UnitRow.class,
              result.workerScores().stream().map(UnitRow::of).toList()));
      written.add(
          csv(
              dir.resolve(prefix + "rankings.csv"),
              RankingRow.class,
              RankingRow.of(result.scores())));
      written.add(csv(dir.resolve(prefix + "pay.csv"), PayRow.class, PayRow.of(result.scores())));
      List<StreetRow> streets = StreetRow.of(result.scores());
      written.add(csv(dir.resolve(prefix + "streets.csv"), StreetRow.class, streets));
      Path json = dir.resolve(prefix + "result.json");
      Map<String, Object> document = new LinkedHashMap<>();
      // a rate of nothing is null, not 0: no case closed has no median closure time of 0 minutes
      boolean closed = Comparison.defined(result, "median closure hours");
      document.put("closureRate", orNull(Comparison.value(result, "closure rate")));
      document.put("onTimeRate", orNull(Comparison.value(result, "closed on time")));
      document.put("selfClaimRate", orNull(Comparison.value(result, "self-claim rate")));
      document.put("meanSatisfaction", orNull(Comparison.value(result, "mean satisfaction")));
      document.put("closureMinutesP50", closed ? result.closureTime(50).toMinutes() : null);
      document.put("closureMinutesP90", closed ? result.closureTime(90).toMinutes() : null);
      document.put("closureHistogram", closureHistogram(result));
      document.put("result", result);
      document.put("streets", streets);
      Files.writeString(json, JSON.writeValueAsString(document), StandardCharsets.UTF_8);
      written.add(json);
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results to " + dir, e);
    }
  }

  /**
   * The closings by time from the report to the closing, in the report's chart's ranges: {@code
   * fromHours} held, {@code toHours} not, null for the last range, which has no end.
   */
  private static List<Map<String, Object>> closureHistogram(SimulationResult result) {
    List<Double> counts = HtmlReport.closureCounts(result);
    List<Map<String, Object>> rows = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < counts.size(); i++) {
      Integer to =
          i < HtmlReport.CLOSURE_BUCKETS_HOURS.length ? HtmlReport.CLOSURE_BUCKETS_HOURS[i] : null;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("fromHours", from);
      row.put("toHours", to);
      row.put("closings", counts.get(i).longValue());
      rows.add(row);
      if (to != null) {
        from = to;
      }
    }
    return rows;
  }

  /**
   * Writes a study over several seeds: replications.csv (a row per indicator: the replications it
   * is over, those where both runs have it, the means, the mean difference B − A, its standard
   * deviation and confidence interval, whether it leaves out zero; empty cells for what the
   * estimate does not have) and replications.json (the policies, the seeds, the same rows with
   * nulls for the empty cells, and each replication's seed and indicators under both policies, null
   * where a run has none, for a plot of their spread).
   */
  public static List<Path> writeReplications(Replications study, Path dir) {
    try {
      Files.createDirectories(dir);
      List<EstimateRow> rows = study.estimates().stream().map(EstimateRow::of).toList();
      Path csv = csv(dir.resolve("replications.csv"), EstimateRow.class, rows);
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("a", study.first().labelA());
      document.put("b", study.first().labelB());
      document.put("seeds", study.seeds());
      document.put("estimates", rows);
      List<Map<String, Object>> runs = new ArrayList<>();
      for (int i = 0; i < study.seeds().size(); i++) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("seed", study.seeds().get(i));
        run.put("rows", study.rows().get(i));
        runs.add(run);
      }
      document.put("replications", runs);
      Path json = dir.resolve("replications.json");
      Files.writeString(json, JSON.writeValueAsString(document), StandardCharsets.UTF_8);
      return List.of(csv, json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write replications to " + dir, e);
    }
  }

  /**
   * Writes {@code sweep.csv}: a row per indicator and scenario, the seeds whose run has the
   * indicator and its mean over them and, for every scenario after the first on two seeds or more,
   * the seeds where both it and the first have it and its mean change from the first over them,
   * with the interval (empty cells for what there is not).
   */
  public static Path writeSweep(Sweep sweep, Path dir) {
    List<SweepRow> rows = new ArrayList<>();
    for (String indicator : Sweep.indicators()) {
      List<OptionalDouble> means = sweep.means(indicator);
      List<Integer> seeds = sweep.seedsWith(indicator);
      for (int s = 0; s < means.size(); s++) {
        Optional<Replications.Estimate> e =
            s == 0 || sweep.seeds().size() < Replications.MIN_REPLICATIONS
                ? Optional.empty()
                : Optional.of(sweep.against(s, indicator));
        rows.add(
            new SweepRow(
                indicator,
                s + 1,
                sweep.labels().get(s),
                seeds.get(s),
                orNull(means.get(s)),
                e.map(Replications.Estimate::replications).orElse(null),
                e.map(x -> orNull(x.meanDelta())).orElse(null),
                e.map(x -> orNull(x.low())).orElse(null),
                e.map(x -> orNull(x.high())).orElse(null),
                e.filter(x -> x.low().isPresent())
                    .map(Replications.Estimate::significant)
                    .orElse(null)));
      }
    }
    try {
      Files.createDirectories(dir);
      return csv(dir.resolve("sweep.csv"), SweepRow.class, rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sweep to " + dir, e);
    }
  }

  /** {@code value}, or null (an empty cell, a JSON null) when there is none. */
  private static Double orNull(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }

  /**
   * One indicator of one scenario of a sweep: {@code seeds} its mean is over, {@code changeSeeds}
   * its change from the first.
   */
  record SweepRow(
      String indicator,
      int scenario,
      String label,
      int seeds,
      Double mean,
      Integer changeSeeds,
      Double changeFromFirst,
      Double low,
      Double high,
      Boolean significant) {}

  /**
   * One indicator over the replications, with whether its interval leaves out zero (null without an
   * interval).
   */
  record EstimateRow(
      String indicator,
      int replications,
      double confidence,
      Double meanA,
      Double meanB,
      Double meanDelta,
      Double deltaSd,
      Double low,
      Double high,
      Boolean significant) {
    static EstimateRow of(Replications.Estimate e) {
      return new EstimateRow(
          e.indicator(),
          e.replications(),
          e.confidence(),
          orNull(e.meanA()),
          orNull(e.meanB()),
          orNull(e.meanDelta()),
          orNull(e.deltaSd()),
          orNull(e.low()),
          orNull(e.high()),
          e.low().isPresent() ? e.significant() : null);
    }
  }

  /** A grid's or worker's figures, a rate it has none of an empty cell ({@link UnitScore}). */
  record UnitRow(
      String id, String name, long received, long closed, Double closureRate, Double onTimeRate) {
    static UnitRow of(UnitScore u) {
      return new UnitRow(
          u.id(),
          u.name(),
          u.received(),
          u.closed(),
          orNull(u.closureRate()),
          orNull(u.onTimeRate()));
    }
  }

  /** A line's load with the line as plain text, for CSV. */
  record LineRow(
      String line, long received, long closed, long referred, double share, double solveRate) {
    static LineRow of(LineLoad l) {
      return new LineRow(
          l.line().value(), l.received(), l.closed(), l.referred(), l.share(), l.solveRate());
    }
  }

  /** A unit's place in its month's ranking of its kind. */
  record RankingRow(String period, String kind, int rank, String unit, BigDecimal score) {
    static List<RankingRow> of(List<Scores> months) {
      List<RankingRow> rows = new ArrayList<>();
      for (Scores month : months) {
        month
            .rankings()
            .forEach(
                (kind, ranking) ->
                    ranking
                        .entries()
                        .forEach(
                            e ->
                                rows.add(
                                    new RankingRow(
                                        month.period().label(),
                                        kind.name().toLowerCase(Locale.ROOT),
                                        e.rank(),
                                        e.unit().id(),
                                        e.score()))));
      }
      return rows;
    }
  }

  /**
   * A street's evaluation indicators for a month (or the part of one the run covers): counts, rates
   * (empty when nothing was due) and mean times in hours (empty when there was none).
   */
  record StreetRow(
      String period,
      String street,
      String name,
      long reported,
      long registered,
      BigDecimal closureRate,
      BigDecimal closedOnTimeRate,
      long closedLate,
      long overdueUnhandled,
      long supervised,
      BigDecimal registrationHoursMean,
      BigDecimal handlingHoursMean,
      BigDecimal highIncidenceShare) {
    static List<StreetRow> of(List<Scores> months) {
      List<StreetRow> rows = new ArrayList<>();
      for (Scores month : months) {
        for (Scores.Street street : month.streets()) {
          UnitIndicators s = street.indicators();
          rows.add(
              new StreetRow(
                  month.period().label(),
                  street.code(),
                  street.name(),
                  count(s, Indicator.REPORTED),
                  count(s, Indicator.REGISTERED),
                  s.value(Indicator.CLOSURE_RATE).orElse(null),
                  s.value(Indicator.CLOSED_ON_TIME_RATE).orElse(null),
                  count(s, Indicator.CLOSED_LATE),
                  count(s, Indicator.OVERDUE_UNHANDLED),
                  count(s, Indicator.SUPERVISED),
                  hours(s.registrationTime()),
                  hours(s.handlingTime()),
                  s.value(Indicator.HIGH_INCIDENCE_SHARE).orElse(null)));
        }
      }
      return rows;
    }

    private static long count(UnitIndicators unit, Indicator count) {
      return unit.rate(count).numerator().longValueExact();
    }

    /** The mean in hours to 2 decimals, or null. */
    private static BigDecimal hours(Percentiles durations) {
      return durations
          .mean()
          .map(
              d ->
                  BigDecimal.valueOf(d.toSeconds())
                      .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_EVEN))
          .orElse(null);
    }
  }

  /** A grid worker's pay for a month (or the part of one the run covers), in yuan (exact). */
  record PayRow(
      String period,
      String scheme,
      String worker,
      BigDecimal fixedYuan,
      BigDecimal variableYuan,
      BigDecimal totalYuan,
      String basis) {
    static List<PayRow> of(List<Scores> months) {
      List<PayRow> rows = new ArrayList<>();
      for (Scores month : months) {
        month
            .pay()
            .ifPresent(
                pay ->
                    pay.lines()
                        .forEach(
                            l ->
                                rows.add(
                                    new PayRow(
                                        month.period().label(),
                                        pay.scheme(),
                                        l.worker().value(),
                                        l.fixed().yuan(),
                                        l.variable().yuan(),
                                        l.total().yuan(),
                                        l.basis()))));
      }
      return rows;
    }
  }

  private static <T> Path csv(Path file, Class<T> type, List<T> rows) throws IOException {
    CsvSchema schema = CSV.schemaFor(type).withHeader();
    Files.writeString(file, CSV.writer(schema).writeValueAsString(rows), StandardCharsets.UTF_8);
    return file;
  }
}
