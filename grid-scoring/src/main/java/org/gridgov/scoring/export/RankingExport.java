package org.gridgov.scoring.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.UncheckedIOException;
import java.util.List;
import org.gridgov.scoring.ranking.Improvement;
import org.gridgov.scoring.ranking.MostImproved;
import org.gridgov.scoring.ranking.RankedEntry;
import org.gridgov.scoring.ranking.Ranking;

/**
 * Rankings as CSV (a header row, then {@code period,kind,rank,unit,score}) and as JSON (an object
 * with {@code period}, {@code kind} and the {@code entries}). Scores are written as plain decimals,
 * never in exponent form.
 */
public final class RankingExport {
  private static final CsvMapper CSV = new CsvMapper();
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private RankingExport() {}

  /** A row of a ranking file. */
  record Row(String period, String kind, int rank, String unit, String score) {}

  /** A row of a most-improved file. */
  record ImprovementRow(
      String period,
      String kind,
      int rank,
      String unit,
      String previous,
      String current,
      String delta) {}

  public static String csv(Ranking ranking) {
    return write(Row.class, rows(ranking), "period", "kind", "rank", "unit", "score");
  }

  public static String csv(MostImproved improved) {
    return write(
        ImprovementRow.class,
        rows(improved),
        "period",
        "kind",
        "rank",
        "unit",
        "previous",
        "current",
        "delta");
  }

  public static String json(Ranking ranking) {
    return json(new Document<>(ranking.period(), ranking.kind().name(), rows(ranking)));
  }

  public static String json(MostImproved improved) {
    return json(new Document<>(improved.period(), improved.kind().name(), rows(improved)));
  }

  /** The JSON document: the period, the kind and the rows. */
  record Document<T>(String period, String kind, List<T> entries) {}

  private static List<Row> rows(Ranking r) {
    return r.entries().stream()
        .map(
            (RankedEntry e) ->
                new Row(
                    r.period(),
                    r.kind().name(),
                    e.rank(),
                    e.unit().id(),
                    e.score().toPlainString()))
        .toList();
  }

  private static List<ImprovementRow> rows(MostImproved m) {
    return m.entries().stream()
        .map(
            (Improvement e) ->
                new ImprovementRow(
                    m.period(),
                    m.kind().name(),
                    e.rank(),
                    e.unit().id(),
                    e.previous().toPlainString(),
                    e.current().toPlainString(),
                    e.delta().toPlainString()))
        .toList();
  }

  private static <T> String write(Class<T> type, List<T> rows, String... columns) {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    for (String column : columns) {
      schema.addColumn(column);
    }
    java.io.StringWriter out = new java.io.StringWriter();
    try (var writer = CSV.writerFor(type).with(schema.build()).writeValues(out)) {
      writer.writeAll(rows);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String json(Object document) {
    try {
      return JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
