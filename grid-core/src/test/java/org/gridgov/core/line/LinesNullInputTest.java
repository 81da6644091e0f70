package org.gridgov.core.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.category.Category;
import org.gridgov.core.category.CategoryCatalogue;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;

class LinesNullInputTest {
  @Test
  void of_nullCollectionOrNullLine_refusedNamingPathAndRule() {
    assertThatThrownBy(() -> Lines.of(null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("lines", "line.missing-line")));
    Line street = Line.of(LineId.of("a-line"), "甲", Level.STREET);
    assertThatThrownBy(() -> Lines.standard().with(Arrays.asList(street, null)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("lines[1]", "line.missing-line")));
  }

  @Test
  void catalogue_nullCollectionOrNullCategory_refusedNamingPathAndRule() {
    assertThatThrownBy(() -> CategoryCatalogue.of(null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "categories", "category.missing-category")));
    assertThatThrownBy(() -> CategoryCatalogue.of(Arrays.asList((Category) null)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "categories[0]", "category.missing-category")));
    assertThatThrownBy(() -> CategoryCatalogue.standard().with(Arrays.asList((Category) null)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "categories[0]", "category.missing-category")));
  }

  @Test
  void lineAndCategoryNames_aTextNoStoreCanKeep_refusedNamingTheField() {
    // saved with the directory: PostgreSQL refused a NUL, MariaDB and PostgreSQL kept '?' for half
    // a surrogate pair, so every store now refuses them up front
    assertThatThrownBy(() -> Line.of(LineId.of("a-line"), "河\u0000", Level.STREET))
        .isInstanceOf(org.gridgov.core.RuleConfigurationException.class)
        .hasMessage("[line.name] name must not hold a NUL character (at 1)");
    assertThatThrownBy(
            () ->
                new Category(
                    org.gridgov.core.category.CategoryCode.parse("E0690"),
                    "河\udc00",
                    "市容环境",
                    LineId.of("a-line"),
                    false,
                    java.time.Duration.ofHours(24),
                    true))
        .isInstanceOf(org.gridgov.core.RuleConfigurationException.class)
        .hasMessage("[category.name] name must not hold half of a surrogate pair (at 1)");
    assertThatThrownBy(
            () ->
                new Category(
                    org.gridgov.core.category.CategoryCode.parse("E0690"),
                    "河岸垃圾",
                    "市".repeat(4_001),
                    LineId.of("a-line"),
                    false,
                    java.time.Duration.ofHours(24),
                    true))
        .isInstanceOf(org.gridgov.core.RuleConfigurationException.class)
        .hasMessage("[category.major-name] majorName must be at most 4000 characters, was 4001");
  }
}
