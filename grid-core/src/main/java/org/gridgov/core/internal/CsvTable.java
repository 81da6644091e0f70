package org.gridgov.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;

/**
 * A CSV file read into rows that remember their line: a header row, then data rows. Lines starting
 * with {@code #} are comments; blank lines, and rows whose every cell is blank (a spreadsheet's
 * {@code ,,,}), are skipped. Internal.
 */
public record CsvTable(String source, ImmutableList<String> header, ImmutableList<Row> rows) {
  public static final RuleId SYNTAX = RuleId.of("csv.syntax");
  public static final RuleId COLUMNS = RuleId.of("csv.columns");
  private static final CsvMapper MAPPER = new CsvMapper();

  /** One data row: its 1-based line in the file and its cells, trimmed. */
  public record Row(String source, int line, ImmutableList<String> cells) {
    public String path() {
      return source + ":" + line;
    }
  }

  public CsvTable {
    header = ImmutableList.copyOf(header);
    rows = ImmutableList.copyOf(rows);
  }

  /**
   * Reads {@code reader}, requiring every column of {@code required} in the header (any order),
   * each column named once, and as many cells in each row as header columns. Fails with every
   * violation found.
   */
  public static CsvTable read(Reader reader, String source, List<String> required) {
    List<Row> all = new ArrayList<>();
    CsvSchema schema = CsvSchema.emptySchema().withComments();
    try (JsonParser parser = MAPPER.getFactory().createParser(withoutBom(reader))) {
      CsvParser csv = (CsvParser) parser;
      csv.setSchema(schema);
      csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
      csv.enable(CsvParser.Feature.TRIM_SPACES);
      csv.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
      List<String> cells = new ArrayList<>();
      int line = 0;
      int depth = 0;
      JsonToken token;
      while ((token = csv.nextToken()) != null) {
        if (token == JsonToken.START_ARRAY) {
          depth++;
          cells.clear();
          line = 0;
        } else if (token == JsonToken.VALUE_STRING) {
          String text = csv.getText().trim();
          if (cells.isEmpty()) {
            line = csv.currentTokenLocation().getLineNr();
          }
          cells.add(text);
        } else if (token == JsonToken.END_ARRAY
            && depth-- == 2
            && !cells.stream().allMatch(String::isEmpty)) { // skips a spreadsheet's ",,,"
          all.add(new Row(source, line, ImmutableList.copyOf(cells)));
        }
      }
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          source,
          Violation.of(
              source + ":" + ParseErrors.line(e),
              SYNTAX,
              "is not valid CSV: " + ParseErrors.message(e),
              null));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    return check(source, all, required);
  }

  /**
   * {@code reader} past a leading byte-order mark (Excel, R's UTF-8-BOM), so that a quoted first
   * header cell still parses as quoted.
   */
  public static Reader withoutBom(Reader reader) {
    PushbackReader in = new PushbackReader(reader, 1);
    try {
      int first = in.read();
      if (first != -1 && first != '\uFEFF') {
        in.unread(first);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CSV", e);
    }
    return in;
  }

  private static CsvTable check(String source, List<Row> all, List<String> required) {
    List<Violation> violations = new ArrayList<>();
    if (all.isEmpty()) {
      throw new InvalidInputException(
          source, Violation.of(source + ":1", COLUMNS, "needs a header row " + required, null));
    }
    Row head = all.get(0);
    for (String column : required) {
      if (!head.cells().contains(column)) {
        violations.add(
            Violation.of(head.path(), COLUMNS, "header misses column " + column, head.cells()));
      }
    }
    List<String> repeated =
        head.cells().stream()
            .filter(c -> !c.isEmpty() && head.cells().indexOf(c) != head.cells().lastIndexOf(c))
            .distinct()
            .toList();
    if (!repeated.isEmpty()) {
      violations.add(
          Violation.of(
              head.path(),
              COLUMNS,
              "header names columns " + repeated + " more than once",
              head.cells()));
    }
    List<Row> data = all.subList(1, all.size());
    for (Row row : data) {
      if (row.cells().size() != head.cells().size()) {
        violations.add(
            Violation.of(
                row.path(),
                COLUMNS,
                "must have " + head.cells().size() + " cells like the header",
                row.cells().size()));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(source, violations);
    }
    return new CsvTable(source, head.cells(), ImmutableList.copyOf(data));
  }

  /** Column name to index. */
  public ImmutableMap<String, Integer> columns() {
    ImmutableMap.Builder<String, Integer> b = ImmutableMap.builder();
    for (int i = 0; i < header.size(); i++) {
      b.put(header.get(i), i);
    }
    return b.buildKeepingLast();
  }

  /** The cell of {@code row} under {@code column}, empty when the header lacks it. */
  public Optional<String> cell(Row row, String column) {
    Integer index = columns().get(column);
    return index == null ? Optional.empty() : Optional.of(row.cells().get(index));
  }
}
