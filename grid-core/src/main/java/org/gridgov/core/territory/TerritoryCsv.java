package org.gridgov.core.territory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.gridgov.core.Violation;
import org.gridgov.core.internal.CsvTable;
import org.gridgov.core.internal.ParseErrors;

/**
 * Reads territory files: a header naming at least {@code code,name,level,parent_code}, each column
 * once, then one row per area; any other column becomes an attribute (blank cells are left out).
 * Lines starting with {@code #} are comments; blank lines, and rows whose every cell is blank (a
 * spreadsheet's {@code ,,,}), are skipped. Problems with the file's shape become violations, not
 * exceptions.
 */
final class TerritoryCsv {
  static final List<String> REQUIRED = List.of("code", "name", "level", "parent_code");
  private static final CsvMapper MAPPER =
      CsvMapper.builder()
          .enable(CsvParser.Feature.WRAP_AS_ARRAY)
          .enable(CsvParser.Feature.ALLOW_COMMENTS)
          .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
          .build();

  private TerritoryCsv() {}

  static void read(Reader reader, String source, Consumer<RawArea> rows, List<Violation> problems) {
    try (JsonParser parser = MAPPER.createParser(CsvTable.withoutBom(reader))) {
      List<String> header = null;
      List<String> cells = new ArrayList<>();
      int line = 0;
      int depth = 0; // WRAP_AS_ARRAY: the file is one outer array, each row an inner one
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.START_ARRAY) {
          depth++;
          cells.clear();
        } else if (token == JsonToken.VALUE_STRING) {
          if (cells.isEmpty()) {
            line = parser.currentTokenLocation().getLineNr();
          }
          cells.add(parser.getText().strip());
        } else if (token == JsonToken.END_ARRAY && depth-- == 2) {
          if (header == null) {
            header = header(cells, source, line, problems);
            if (header == null) {
              return;
            }
          } else {
            row(header, cells, source, line, rows, problems);
          }
        }
      }
      if (header == null) {
        problems.add(
            Violation.of(
                source, TerritoryRules.FILE_FORMAT, "file is empty, expected a header", null));
      }
    } catch (JsonProcessingException e) {
      problems.add(
          Violation.of(
              source + ":" + ParseErrors.line(e),
              TerritoryRules.FILE_FORMAT,
              "malformed CSV: " + ParseErrors.message(e),
              null));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read territory file " + source, e);
    }
  }

  private static List<String> header(
      List<String> cells, String source, int line, List<Violation> problems) {
    List<String> header = new ArrayList<>(cells);
    List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
    if (!missing.isEmpty()) {
      problems.add(
          Violation.of(
              source + ":" + line,
              TerritoryRules.FILE_FORMAT,
              "header lacks required columns " + missing,
              String.join(",", header)));
      return null;
    }
    List<String> repeated =
        header.stream()
            .filter(c -> !c.isEmpty() && header.indexOf(c) != header.lastIndexOf(c))
            .distinct()
            .toList();
    if (!repeated.isEmpty()) {
      problems.add(
          Violation.of(
              source + ":" + line,
              TerritoryRules.FILE_FORMAT,
              "header names columns " + repeated + " more than once",
              String.join(",", header)));
      return null;
    }
    return header;
  }

  private static void row(
      List<String> header,
      List<String> cells,
      String source,
      int line,
      Consumer<RawArea> rows,
      List<Violation> problems) {
    if (cells.stream().allMatch(String::isEmpty)) {
      return; // a blank line as a spreadsheet saves it: ",,,"
    }
    if (cells.size() > header.size()) {
      problems.add(
          Violation.of(
              source + ":" + line,
              TerritoryRules.FILE_FORMAT,
              "row has more cells than the header's " + header.size() + " columns",
              cells.size()));
      return;
    }
    ImmutableMap.Builder<String, String> attributes = ImmutableMap.builder();
    for (int i = 0; i < cells.size(); i++) {
      if (!REQUIRED.contains(header.get(i)) && !cells.get(i).isEmpty()) {
        attributes.put(header.get(i), cells.get(i));
      }
    }
    rows.accept(
        new RawArea(
            cell(header, cells, "code"),
            cell(header, cells, "name"),
            cell(header, cells, "level"),
            cell(header, cells, "parent_code"),
            attributes.buildKeepingLast(),
            source,
            line));
  }

  private static String cell(List<String> header, List<String> cells, String column) {
    int index = header.indexOf(column);
    return index < cells.size() ? cells.get(index) : "";
  }
}
