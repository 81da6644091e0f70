package org.gridgov.core.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSet;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.category.Category;
import org.gridgov.core.category.CategoryCatalogue;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;

class LinesTest {
  private static final CategoryCode HYDRANT = CategoryCode.parse("P0114");

  @Test
  void validate_standardLinesAndCatalogue_passes() {
    Lines.standard().validate(CategoryCatalogue.standard());

    assertThat(Lines.standard().require(LineId.of("community")).level()).isEqualTo(Level.COMMUNITY);
    assertThat(Lines.standard().all())
        .extracting(l -> l.id().value())
        .contains("urban-management", "greening", "traffic-police", "fire", "public-security");
  }

  @Test
  void responsibleFor_noExplicitHolder_usesDefaultLine() {
    Category hydrant = CategoryCatalogue.standard().require(HYDRANT);

    assertThat(Lines.standard().responsibleFor(hydrant)).map(Line::id).contains(LineId.of("fire"));
  }

  @Test
  void responsibleFor_explicitHolder_winsOverDefault() {
    Lines lines =
        Lines.standard()
            .with(
                List.of(
                    new Line(
                        LineId.of("water"), "自来水公司", Level.DISTRICT, ImmutableSet.of(HYDRANT))));

    assertThat(lines.responsibleFor(CategoryCatalogue.standard().require(HYDRANT)))
        .map(Line::id)
        .contains(LineId.of("water"));
  }

  @Test
  void with_duplicateIdAndSharedCategory_listsBoth() {
    Lines lines =
        Lines.standard()
            .with(
                List.of(
                    new Line(LineId.of("water"), "水务", Level.DISTRICT, ImmutableSet.of(HYDRANT))));

    assertThatThrownBy(
            () ->
                lines.with(
                    List.of(
                        Line.of(LineId.of("fire"), "消防", Level.DISTRICT),
                        new Line(
                            LineId.of("gas"), "燃气", Level.DISTRICT, ImmutableSet.of(HYDRANT)))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::toString)
                    .containsExactly(
                        "lines[0]: duplicate line id, was fire [line.duplicate-id]",
                        "lines[1]: category already held by line water, was P0114 [line.shared-category]"));
  }

  @Test
  void validate_unknownDefaultLinesAndCategories_listsEvery() {
    Lines lines =
        Lines.load(
            new StringReader("id,name,level,categories\nfire,消防,DISTRICT,P0114 E0999\n"),
            "lines.csv");

    assertThatThrownBy(() -> lines.validate(CategoryCatalogue.standard()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(Violation::rule)
                  .contains("line.unknown-default-line", "line.unknown-category");
              assertThat(e.violations())
                  .extracting(Violation::toString)
                  .contains(
                      "category.P0101.defaultLine: names no known line, was utilities [line.unknown-default-line]",
                      "line.fire.categories: names no known category, was E0999 [line.unknown-category]");
            });
  }

  @Test
  void load_badRows_listsEveryViolationWithLine() {
    String csv = "id,name,level,categories\n bad id,x,STREET,\nok,,TOWN,P01 E0101\n";

    assertThatThrownBy(() -> Lines.load(new StringReader(csv), "lines.csv"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.path() + " " + v.rule())
                    .containsExactly(
                        "lines.csv:2 line.id",
                        "lines.csv:3 line.name",
                        "lines.csv:3 line.level",
                        "lines.csv:3 line.category-code"));
  }

  @Test
  void category_defaultsReachable_forEveryStandardCategory() {
    for (Category c : CategoryCatalogue.standard().all()) {
      assertThat(Lines.standard().responsibleFor(c)).as(c.code().toString()).isPresent();
    }
  }

  @Test
  void with_csv_addsLinesAndReportsDuplicatesByLine() {
    Lines lines =
        Lines.standard()
            .with(
                new StringReader("id,name,level,categories\nwater,水务,DISTRICT,P0101\n"),
                "more.csv");

    assertThat(
            lines.responsibleFor(CategoryCatalogue.standard().require(CategoryCode.parse("P0101"))))
        .map(Line::id)
        .contains(LineId.of("water"));
    assertThatThrownBy(
            () ->
                lines.with(
                    new StringReader("id,name,level,categories\nfire,消防,DISTRICT,\n"), "more.csv"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::toString)
                    .containsExactly(
                        "more.csv:2: duplicate line id, was fire [line.duplicate-id]"));
  }

  @Test
  void of_allLinesOfARegistry_sameRegistryAndDuplicatesRefused() {
    Lines copy = Lines.of(Lines.standard().all());

    assertThat(copy.all()).containsExactlyElementsOf(Lines.standard().all());
    Line first = Lines.standard().all().get(0);
    assertThatThrownBy(() -> Lines.of(List.of(first, first)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void check_unknownCategoriesOfALine_listedInCodeOrderWhateverTheSetsOrder() {
    // ImmutableSet keeps the order of what it copies: a HashSet's or Set.of's hash order.
    Line line =
        new Line(
            LineId.of("water"),
            "水务",
            Level.DISTRICT,
            ImmutableSet.copyOf(
                new LinkedHashSet<>(
                    List.of(CategoryCode.parse("P0198"), CategoryCode.parse("P0197")))));

    assertThat(line.categories())
        .containsExactly(CategoryCode.parse("P0197"), CategoryCode.parse("P0198"));
    assertThat(Lines.standard().with(List.of(line)).check(CategoryCatalogue.standard()))
        .extracting(Violation::value)
        .containsExactly("P0197", "P0198");
  }
}
