package org.gridgov.core.category;

import java.io.Reader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.internal.CsvTable;
import org.gridgov.core.internal.Durations;
import org.gridgov.core.internal.Ids;
import org.gridgov.core.line.LineId;

/** Reads the catalogue CSV format; every bad cell becomes a violation at {@code source:line}. */
final class CategoryCsv {
  static final RuleId BOOLEAN = RuleId.of("category.emergency");
  static final List<String> COLUMNS =
      List.of("code", "major_name", "name", "default_line", "emergency", "handling_deadline");

  /** A category and the row it came from. */
  record Entry(String path, Category category) {}

  private CategoryCsv() {}

  static List<Entry> read(Reader reader, String source, boolean local) {
    CsvTable table = CsvTable.read(reader, source, COLUMNS);
    List<Violation> violations = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    for (CsvTable.Row row : table.rows()) {
      int before = violations.size();
      String path = row.path();
      String codeText = table.cell(row, "code").orElse("");
      CategoryCode code = null;
      try {
        code = CategoryCode.parse(codeText);
      } catch (IllegalArgumentException e) {
        violations.add(
            Violation.of(path, Category.CODE, "code must be like P0101 or E0401", codeText));
      }
      String majorName = table.cell(row, "major_name").orElse("");
      if (majorName.isEmpty()) {
        violations.add(
            Violation.of(path, Category.MAJOR_NAME, "major_name must not be blank", null));
      }
      String name = table.cell(row, "name").orElse("");
      if (name.isEmpty()) {
        violations.add(Violation.of(path, Category.NAME, "name must not be blank", null));
      }
      String lineText = table.cell(row, "default_line").orElse("");
      if (!Ids.isToken(lineText)) {
        violations.add(
            Violation.of(path, Category.DEFAULT_LINE, "default_line must be a line id", lineText));
      }
      String emergencyText = table.cell(row, "emergency").orElse("").toLowerCase(Locale.ROOT);
      if (!emergencyText.equals("true") && !emergencyText.equals("false")) {
        violations.add(
            Violation.of(path, BOOLEAN, "emergency must be true or false", emergencyText));
      }
      String deadlineText = table.cell(row, "handling_deadline").orElse("");
      Duration deadline = null;
      try {
        deadline = Durations.parse(deadlineText);
        if (deadline.isZero() || deadline.isNegative()) {
          violations.add(
              Violation.of(
                  path, Category.DEADLINE, "handling_deadline must be positive", deadlineText));
        }
      } catch (IllegalArgumentException e) {
        violations.add(
            Violation.of(path, Category.DEADLINE, "handling_deadline " + e.getMessage(), null));
      }
      if (violations.size() == before) {
        entries.add(
            new Entry(
                path,
                new Category(
                    code,
                    name,
                    majorName,
                    LineId.of(lineText),
                    emergencyText.equals("true"),
                    deadline,
                    local)));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("categories " + source, violations);
    }
    return entries;
  }
}
