package org.gridgov.core.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.junit.jupiter.api.Test;

class StaffingTemplatesDocumentsTest {
  private static final String ONE =
      """
      templates:
        - id: my-town
          name: 一格三员
          source: My town
          requirements:
            - { role: social-worker, minimumPerGrid: 3 }
      """;

  @Test
  void load_aSecondDocument_refusedAsSyntaxNotSilentlyDropped() {
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class,
            () ->
                StaffingTemplates.load(
                    new StringReader(ONE + "---\n" + ONE.replace("my-town", "other-town"))));

    assertThat(e).isNotNull();
    assertThat(e.violations()).extracting(Violation::rule).containsExactly("staffing.syntax");
    assertThat(e.violations().get(0).path()).startsWith("line ");
  }

  @Test
  void load_oneDocumentWithMarkers_reads() {
    assertThat(StaffingTemplates.load(new StringReader("---\n" + ONE + "...\n")))
        .extracting(StaffingTemplate::id)
        .containsExactly("my-town");
  }

  @Test
  void load_nullReader_refusedNamingIt() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> StaffingTemplates.load(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("reader");
  }
}
