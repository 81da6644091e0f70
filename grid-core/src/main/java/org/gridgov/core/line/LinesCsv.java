package org.gridgov.core.line;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableSet;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.internal.CsvTable;
import org.gridgov.core.internal.Ids;
import org.gridgov.core.territory.Level;

/** Reads the lines CSV format ({@code id,name,level,categories}). */
final class LinesCsv {
  static final RuleId CATEGORY_CODE = RuleId.of("line.category-code");
  static final List<String> COLUMNS = List.of("id", "name", "level", "categories");

  record Entry(String path, Line line) {}

  private LinesCsv() {}

  static List<Entry> read(Reader reader, String source) {
    CsvTable table = CsvTable.read(reader, source, COLUMNS);
    List<Violation> violations = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    for (CsvTable.Row row : table.rows()) {
      int before = violations.size();
      String path = row.path();
      String id = table.cell(row, "id").orElse("");
      if (!Ids.isToken(id)) {
        violations.add(Violation.of(path, Line.ID, "id must be a line id token", id));
      }
      String name = table.cell(row, "name").orElse("");
      if (name.isEmpty()) {
        violations.add(Violation.of(path, Line.NAME, "name must not be blank", null));
      }
      String levelText = table.cell(row, "level").orElse("");
      Level level = null;
      try {
        level = Level.valueOf(levelText);
      } catch (IllegalArgumentException e) {
        violations.add(
            Violation.of(
                path, Line.LEVEL, "level must be one of " + List.of(Level.values()), levelText));
      }
      ImmutableSet.Builder<CategoryCode> codes = ImmutableSet.builder();
      for (String text :
          Splitter.on(' ').omitEmptyStrings().split(table.cell(row, "categories").orElse(""))) {
        try {
          codes.add(CategoryCode.parse(text));
        } catch (IllegalArgumentException e) {
          violations.add(
              Violation.of(path, CATEGORY_CODE, "categories must hold codes like P0101", text));
        }
      }
      if (violations.size() == before) {
        entries.add(new Entry(path, new Line(LineId.of(id), name, level, codes.build())));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("lines " + source, violations);
    }
    return entries;
  }
}
