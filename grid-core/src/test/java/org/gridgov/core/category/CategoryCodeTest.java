package org.gridgov.core.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.core.Refusals.refusal;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.InputRules;
import org.junit.jupiter.api.Test;

class CategoryCodeTest {

  @Test
  void parse_notACode_isRefusedNamingTheTextAndTheCategoryRule() {
    for (String text : List.of("", "P01", "X0101", "P0101x", "p0101", "E01001x")) {
      assertThat(
              refusal(() -> CategoryCode.parse(text), "category code", "text", Category.CODE)
                  .value())
          .isEqualTo(text);
    }
    assertThat(refusal(() -> CategoryCode.parse("P1"), "category code", "text", Category.CODE))
        .hasToString(
            "text: must be P or E, 2 major digits and 2 or 3 minor digits (e.g. P0101),"
                + " was P1 [category.code]");
    refusal(() -> CategoryCode.parse(null), "category code", "text", InputRules.REQUIRED);
  }

  @Test
  void parse_zeroClass_isRefusedNamingTheClass() {
    assertThat(
            refusal(() -> CategoryCode.parse("P0001"), "category code", "major", Category.CODE)
                .value())
        .isEqualTo("00");
    assertThat(
            refusal(() -> CategoryCode.parse("E01000"), "category code", "minor", Category.CODE)
                .value())
        .isEqualTo("000");
  }

  @Test
  void new_badPart_isRefusedNamingThePart() {
    refusal(() -> new CategoryCode(null, "01", "01"), "category code", "kind", InputRules.REQUIRED);
    refusal(
        () -> new CategoryCode(CategoryKind.PART, "1", "01"),
        "category code",
        "major",
        Category.CODE);
    refusal(
        () -> new CategoryCode(CategoryKind.PART, null, "01"),
        "category code",
        "major",
        Category.CODE);
    assertThat(
            refusal(
                    () -> new CategoryCode(CategoryKind.EVENT, "01", "0101"),
                    "category code",
                    "minor",
                    Category.CODE)
                .message())
        .isEqualTo("the minor class has 2 or 3 digits and is not zero");
  }

  @Test
  void compareTo_anyTwoCodes_ordersAsTheirText() {
    List<CategoryCode> codes = new ArrayList<>();
    CategoryCatalogue.standard().all().forEach(c -> codes.add(c.code()));
    for (String text :
        List.of(
            "P0101", "P01010", "P0110", "P01100", "P0199", "P1001", "E0101", "E01011", "E0109",
            "E01090", "E9999", "E99999", "P0102", "E0402", "E04021")) {
      codes.add(CategoryCode.parse(text));
    }
    for (CategoryCode a : codes) {
      for (CategoryCode b : codes) {
        assertThat(Integer.signum(a.compareTo(b)))
            .as("%s vs %s", a, b)
            .isEqualTo(Integer.signum(a.toString().compareTo(b.toString())));
      }
    }
  }
}
