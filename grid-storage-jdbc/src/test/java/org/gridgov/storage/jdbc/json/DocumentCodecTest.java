package org.gridgov.storage.jdbc.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.Directory;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.tck.assertions.GridgovAssertions;
import org.gridgov.tck.fixtures.Directories;
import org.junit.jupiter.api.Test;

class DocumentCodecTest {

  @Test
  void directory_writeThenRead_equivalent() {
    for (Directory directory : new Directory[] {Directories.jingfang(), Directories.everyField()}) {
      GridgovAssertions.assertThat(DirectoryCodec.read(DirectoryCodec.write(directory)))
          .isEquivalentTo(directory);
    }
  }

  @Test
  void directory_sameSetsInAnotherOrder_sameDocument() {
    Directory directory = Directories.everyField(); // a worker with two roles
    List<Worker> reversed = new ArrayList<>();
    for (Worker w : directory.roster().workers()) {
      reversed.add(new Worker(w.id(), w.name(), ImmutableSet.copyOf(w.roles().asList().reverse()),
          w.unit(), ImmutableSet.copyOf(w.grids().asList().reverse()),
          ImmutableSet.copyOf(w.lines().asList().reverse()), w.employment(), w.absences()));
    }

    assertThat(DirectoryCodec.write(directory.withRoster(Roster.of(reversed))))
        .isEqualTo(DirectoryCodec.write(directory));
  }

  @Test
  void directory_unknownSchemaVersionOrBrokenReference_refused() {
    String json = DirectoryCodec.write(Directories.jingfang());

    assertThatThrownBy(() -> DirectoryCodec.read(json.replace("\"schemaVersion\":1",
        "\"schemaVersion\":9"))).isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("schema version 9");
    assertThatThrownBy(() -> DirectoryCodec.read(json.replace("\"grids\":[\"330102011002001\"]",
        "\"grids\":[\"330102011002099\"]"))).isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("no longer valid");
  }

  @Test
  void policy_presets_writeThenRead_equalAndReadableAsAPolicyFile() {
    for (PolicySet preset : Presets.all()) {
      String json = PolicyCodec.write(preset);

      assertThat(PolicyCodec.read(json, preset.id())).isEqualTo(preset);
      assertThat(PolicyLoader.fromJson(new StringReader(json), "stored.json")).isEqualTo(preset);
    }
  }

  @Test
  void policy_invalidDocument_refused() {
    String json = PolicyCodec.write(Presets.kaixuan()).replace("\"version\":1", "\"version\":0");

    assertThatThrownBy(() -> PolicyCodec.read(json, "kaixuan v0"))
        .isInstanceOf(JsonFormatException.class).hasMessageContaining("no longer valid");
  }

  /**
   * Numbers past what their field holds are refused naming the field, not read wrapped round
   * (2^32 + 3 cast to an int is 3, the grid digits of the default scheme; 2^64 + 1 read as a long
   * is 1, the schema version).
   */
  @Test
  void directory_numberBeyondItsField_refusedNamingTheField() {
    String json = DirectoryCodec.write(Directories.jingfang());

    assertThat(json).contains("\"gridDigits\":3");
    assertThatThrownBy(() -> DirectoryCodec.read(json.replace("\"gridDigits\":3",
        "\"gridDigits\":4294967299"))).isInstanceOf(JsonFormatException.class)
        .hasMessage("directory.territory.gridDigits is out of range");
    assertThatThrownBy(() -> DirectoryCodec.read(json.replace("\"schemaVersion\":1",
        "\"schemaVersion\":18446744073709551617"))).isInstanceOf(JsonFormatException.class)
        .hasMessage("directory.schemaVersion is out of range");
  }

  @Test
  void directory_areaAttributesMissingOrNotText_refusedNamingTheField() throws Exception {
    ObjectNode root = (ObjectNode) Json.MAPPER.readTree(
        DirectoryCodec.write(Directories.jingfang()));
    ObjectNode area = (ObjectNode) root.get("territory").get("areas").get(1);

    area.remove("attributes");
    assertThatThrownBy(() -> DirectoryCodec.read(Json.write(root)))
        .isInstanceOf(JsonFormatException.class)
        .hasMessage("directory.territory.areas[1].attributes is missing or not an object");
    area.putObject("attributes").putObject("households").put("count", 120);
    assertThatThrownBy(() -> DirectoryCodec.read(Json.write(root)))
        .isInstanceOf(JsonFormatException.class)
        .hasMessage("directory.territory.areas[1].attributes holds a value that is not text");
  }
}
