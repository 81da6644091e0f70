package org.gridgov.core.category;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryCodeTest {

  @Test
  void compareTo_anyTwoCodes_ordersAsTheirText() {
    List<CategoryCode> codes = new ArrayList<>();
    CategoryCatalogue.standard().all().forEach(c -> codes.add(c.code()));
    for (String text : List.of("P0101", "P01010", "P0110", "P01100", "P0199", "P1001", "E0101",
        "E01011", "E0109", "E01090", "E9999", "E99999", "P0102", "E0402", "E04021")) {
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
