package org.gridgov.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.category.CategoryCatalogue;
import org.gridgov.core.line.Lines;
import org.junit.jupiter.api.Test;

class DurationsAndCsvTableTest {

  @Test
  void parse_shortAndIsoForms_readTheSameDurations() {
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(Durations.parse("24h")).isEqualTo(Duration.ofHours(24));
    assertThat(Durations.parse("2d")).isEqualTo(Duration.ofHours(48));
    assertThat(Durations.parse("PT24H")).isEqualTo(Duration.ofHours(24));
    assertThat(Durations.parse("P1D")).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void parse_anyCaseAndSurroundingSpaces_read() {
    assertThat(Durations.parse("pt2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse(" p1d ")).isEqualTo(Duration.ofDays(1));
    assertThat(Durations.parse("24H")).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void parse_otherText_isRefused() {
    for (String bad : new String[] {"", "24", "h", "1w", "-1h", "PTX", "24 hours"}) {
      assertThatThrownBy(() -> Durations.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> Durations.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void read_quotedCellsAndComments_keepsLineNumbers() {
    CsvTable table =
        CsvTable.read(
            new StringReader("# note\na,b\n\n\"x, y\",2\n3,4\n"), "t.csv", List.of("a", "b"));

    assertThat(table.rows()).extracting(CsvTable.Row::path).containsExactly("t.csv:4", "t.csv:5");
    assertThat(table.cell(table.rows().get(0), "a")).contains("x, y");
    assertThat(table.cell(table.rows().get(0), "c")).isEmpty();
  }

  @Test
  void read_quotedCellOverSeveralLines_rowNamedByTheLineItStartsOn() {
    CsvTable table =
        CsvTable.read(new StringReader("a,b\n\"first\nsecond\",2\n3,4\n"), "t.csv", List.of("a"));

    assertThat(table.rows()).extracting(CsvTable.Row::path).containsExactly("t.csv:2", "t.csv:4");
    assertThat(table.cell(table.rows().get(0), "a")).contains("first\nsecond");
  }

  @Test
  void read_rowsOfEmptyCellsAsASpreadsheetSavesThem_areSkippedLikeBlankLines() {
    CsvTable table =
        CsvTable.read(new StringReader("a,b\n,\n1,2\n , \n,\n"), "t.csv", List.of("a", "b"));

    assertThat(table.rows()).extracting(CsvTable.Row::path).containsExactly("t.csv:3");
  }

  @Test
  void read_unclosedQuote_reportsSyntax() {
    assertThatThrownBy(() -> CsvTable.read(new StringReader("a,b\n\"x,2\n"), "t.csv", List.of("a")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::rule)
                    .containsExactly("csv.syntax"));
  }

  @Test
  void load_columnNamedTwiceInTheHeader_refusedNamingTheColumn() {
    String csv =
        "code,major_name,name,default_line,emergency,handling_deadline,name\n"
            + "P0180,公用设施,路灯,urban-management,false,24h,其他\n";
    String lines = "id,name,level,categories,level\nparks,园林,STREET,P0180,DISTRICT\n";

    assertThatThrownBy(() -> CategoryCatalogue.load(new StringReader(csv), "local.csv"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::toString)
                    .containsExactly(
                        "local.csv:1: header names columns [name] more than once, was [code, major_name,"
                            + " name, default_line, emergency, handling_deadline, name] [csv.columns]"));
    assertThatThrownBy(() -> Lines.load(new StringReader(lines), "lines.csv"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::toString)
                    .containsExactly(
                        "lines.csv:1: header names columns [level] more than once, was [id, name, level,"
                            + " categories, level] [csv.columns]"));
  }

  @Test
  void read_emptyFile_asksForHeader() {
    assertThatThrownBy(() -> CsvTable.read(new StringReader(""), "t.csv", List.of("a")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::toString)
                    .containsExactly("t.csv:1: needs a header row [a] [csv.columns]"));
  }
}
