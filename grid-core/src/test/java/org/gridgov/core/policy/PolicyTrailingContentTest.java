package org.gridgov.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.junit.jupiter.api.Test;

class PolicyTrailingContentTest {
  private static String preset() throws IOException {
    try (InputStream in = Presets.class.getResourceAsStream("presets/kaixuan.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void fromYaml_aSecondDocument_refusedNotSilentlyDropped() throws IOException {
    String twoDocuments = preset() + "\n---\nid: other\n";
    assertThatThrownBy(() -> PolicyLoader.fromYaml(new StringReader(twoDocuments), "two.yaml"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::rule)
                    .containsExactly("policy.syntax"))
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations().get(0).path())
                    .startsWith("two.yaml:"));
  }

  @Test
  void fromJson_contentAfterThePolicy_refusedLikeYaml() throws IOException {
    String json =
        new com.fasterxml.jackson.databind.json.JsonMapper()
            .writeValueAsString(
                new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(preset()));
    assertThat(PolicyLoader.fromJson(new StringReader(json), "one.json"))
        .isEqualTo(Presets.kaixuan());
    assertThatThrownBy(
            () -> PolicyLoader.fromJson(new StringReader(json + " {\"id\":\"other\"}"), "two.json"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::rule)
                    .containsExactly("policy.syntax"))
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations().get(0).path())
                    .startsWith("two.json:"));
  }

  @Test
  void fromYaml_explicitStartAndEndMarkers_stillOneDocument() throws IOException {
    assertThat(PolicyLoader.fromYaml(new StringReader("---\n" + preset() + "\n...\n"), "one.yaml"))
        .isEqualTo(Presets.kaixuan());
  }

  @Test
  void nullReader_refusedNamingIt() {
    assertThatThrownBy(() -> PolicyLoader.fromYaml(null, "p.yaml"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("reader");
    assertThatThrownBy(() -> PolicyLoader.fromJson(null, "p.json"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("reader");
  }
}
