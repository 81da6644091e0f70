package org.gridgov.storage.jdbc.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.storage.jdbc.json.CodecRefusals.assertRequired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridgov.core.Directory;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.VerificationPolicy.Verifiers;
import org.gridgov.core.territory.Area;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.core.territory.Territory;
import org.gridgov.tck.assertions.GridgovAssertions;
import org.gridgov.tck.fixtures.Directories;
import org.gridgov.tck.fixtures.Policies;
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
      reversed.add(
          new Worker(
              w.id(),
              w.name(),
              ImmutableSet.copyOf(w.roles().asList().reverse()),
              w.unit(),
              ImmutableSet.copyOf(w.grids().asList().reverse()),
              ImmutableSet.copyOf(w.lines().asList().reverse()),
              w.employment(),
              w.absences()));
    }

    assertThat(DirectoryCodec.write(directory.withRoster(Roster.of(reversed))))
        .isEqualTo(DirectoryCodec.write(directory));
  }

  @Test
  void directory_unknownSchemaVersionOrBrokenReference_refused() {
    String json = DirectoryCodec.write(Directories.jingfang());

    assertThatThrownBy(
            () -> DirectoryCodec.read(json.replace("\"schemaVersion\":1", "\"schemaVersion\":9")))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("schema version 9");
    assertThatThrownBy(
            () ->
                DirectoryCodec.read(
                    json.replace(
                        "\"grids\":[\"330102011002001\"]", "\"grids\":[\"330102011002099\"]")))
        .isInstanceOf(JsonFormatException.class)
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
        .isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("no longer valid");
  }

  /**
   * Numbers past what their field holds are refused naming the field, not read wrapped round (2^32
   * + 3 cast to an int is 3, the grid digits of the default scheme; 2^64 + 1 read as a long is 1,
   * the schema version).
   */
  @Test
  void directory_numberBeyondItsField_refusedNamingTheField() {
    String json = DirectoryCodec.write(Directories.jingfang());

    assertThat(json).contains("\"gridDigits\":3");
    assertThatThrownBy(
            () ->
                DirectoryCodec.read(json.replace("\"gridDigits\":3", "\"gridDigits\":4294967299")))
        .isInstanceOf(JsonFormatException.class)
        .hasMessage("directory.territory.gridDigits is out of range");
    assertThatThrownBy(
            () ->
                DirectoryCodec.read(
                    json.replace("\"schemaVersion\":1", "\"schemaVersion\":18446744073709551617")))
        .isInstanceOf(JsonFormatException.class)
        .hasMessage("directory.schemaVersion is out of range");
  }

  @Test
  void directory_areaAttributesMissingOrNotText_refusedNamingTheField() throws Exception {
    ObjectNode root =
        (ObjectNode) Json.MAPPER.readTree(DirectoryCodec.write(Directories.jingfang()));
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

  /**
   * A worker serving a micro-grid (an 18-digit code under the default scheme): its code is read
   * back at that level, not as a grid.
   */
  @Test
  void directory_workerServingAMicroGrid_writeThenRead_equivalent() {
    Directory base = Directories.everyField();
    AreaCode grid = AreaCode.of("330102011002099", Level.GRID);
    AreaCode microGrid = base.territory().scheme().microGrid(grid, 7);
    Territory territory =
        Territory.builder()
            .addAll(base.territory())
            .add(Area.of(microGrid, "微网格", grid, Map.of()), "test")
            .build();
    Worker w = base.roster().workers().get(0);
    Worker serving =
        new Worker(
            w.id(),
            w.name(),
            w.roles(),
            w.unit(),
            ImmutableSet.of(grid, microGrid),
            w.lines(),
            w.employment(),
            w.absences());
    Directory directory =
        new Directory(territory, Roster.of(List.of(serving)), base.lines(), base.catalogue());

    assertThat(microGrid.level()).isEqualTo(Level.MICRO_GRID);
    GridgovAssertions.assertThat(DirectoryCodec.read(DirectoryCodec.write(directory)))
        .isEquivalentTo(directory);
  }

  /** A schema version below the first is refused as one above the codec's is. */
  @Test
  void directory_schemaVersionBelowOne_refused() {
    String json = DirectoryCodec.write(Directories.jingfang());

    for (String version : new String[] {"0", "-1"}) {
      assertThatThrownBy(
              () ->
                  DirectoryCodec.read(
                      json.replace("\"schemaVersion\":1", "\"schemaVersion\":" + version)))
          .isInstanceOf(JsonFormatException.class)
          .hasMessage("directory schema version " + version + " is not 1 to 1");
    }
  }

  /** A number left out, stored as text or as a fraction: refused naming the field. */
  @Test
  void directory_numberMissingOrNotWhole_refusedNamingTheField() throws Exception {
    String json = DirectoryCodec.write(Directories.jingfang());
    List<ObjectNode> broken = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      broken.add((ObjectNode) Json.MAPPER.readTree(json));
    }
    ((ObjectNode) broken.get(0).get("territory")).remove("gridDigits");
    ((ObjectNode) broken.get(1).get("territory")).put("gridDigits", "3");
    ((ObjectNode) broken.get(2).get("territory")).put("gridDigits", 3.5);

    for (ObjectNode root : broken) {
      assertThatThrownBy(() -> DirectoryCodec.read(Json.write(root)))
          .isInstanceOf(JsonFormatException.class)
          .hasMessage("directory.territory.gridDigits is missing or not a whole number");
    }
  }

  @Test
  void directory_areaAttributesOfAnotherKind_refusedNamingTheField() throws Exception {
    ObjectNode root =
        (ObjectNode) Json.MAPPER.readTree(DirectoryCodec.write(Directories.jingfang()));
    ObjectNode area = (ObjectNode) root.get("territory").get("areas").get(1);

    area.put("attributes", "households=120");
    assertThatThrownBy(() -> DirectoryCodec.read(Json.write(root)))
        .isInstanceOf(JsonFormatException.class)
        .hasMessage("directory.territory.areas[1].attributes is missing or not an object");
    area.putArray("attributes").add("households");
    assertThatThrownBy(() -> DirectoryCodec.read(Json.write(root)))
        .isInstanceOf(JsonFormatException.class)
        .hasMessage("directory.territory.areas[1].attributes is missing or not an object");
  }

  @Test
  void policy_everyOptionalPart_writeThenRead_equalAndReadableAsAPolicyFile() {
    PolicySet policy = Policies.everyPart();
    assertThat(policy.dispatch().workingTime()).isPresent();
    assertThat(policy.dispatch().timeLimits()).hasSize(5);
    assertThat(policy.pay().orElseThrow().allowance()).isPresent();
    assertThat(policy.extension().beforeDeadline()).isTrue();
    String json = PolicyCodec.write(policy);

    assertThat(PolicyCodec.read(json, "every-part")).isEqualTo(policy);
    assertThat(PolicyLoader.fromJson(new StringReader(json), "stored.json")).isEqualTo(policy);
  }

  /**
   * Who may verify is written when it is not the default, so the documents stored before the field
   * existed (and every preset's) read as before: any worker of the grid other than the handler.
   */
  @Test
  void policy_verifiers_writtenWhenSupervisor_documentWithoutItReadsAsAnyOtherWorker()
      throws Exception {
    PolicySet policy = Policies.everyPart();
    assertThat(policy.verification().verifiers()).isEqualTo(Verifiers.SUPERVISOR);
    String json = PolicyCodec.write(policy);

    assertThat(Json.MAPPER.readTree(json).get("verification").get("verifiers").textValue())
        .isEqualTo("SUPERVISOR");
    assertThat(PolicyCodec.read(json, "every-part").verification().verifiers())
        .isEqualTo(Verifiers.SUPERVISOR);
    ObjectNode older = (ObjectNode) Json.MAPPER.readTree(json);
    ((ObjectNode) older.get("verification")).remove("verifiers");
    assertThat(PolicyCodec.read(Json.write(older), "older").verification().verifiers())
        .isEqualTo(Verifiers.ANY_OTHER_WORKER);
    assertThat(
            Json.MAPPER
                .readTree(PolicyCodec.write(Presets.kaixuan()))
                .get("verification")
                .has("verifiers"))
        .as("the default is not written")
        .isFalse();
  }

  /** Limits with one of their parts each, and an extension limit that may follow the deadline. */
  @Test
  void policy_limitsWithOnePartEach_writeThenRead_equal() {
    for (String limits :
        List.of(
            """
        callback: { reopenLimit: 1 }
        extension: { limit: 2 }
        suspension: { limit: 1 }
        """,
            """
        callback: { reopenWithin: 7d }
        extension: { longest: 1d }
        suspension: { longest: 10d }
        """)) {
      PolicySet policy = Policies.everyPart(limits);
      assertThat(policy.extension().limitsExtension()).isTrue();
      assertThat(policy.extension().beforeDeadline()).isFalse();

      assertThat(PolicyCodec.read(PolicyCodec.write(policy), "limits"))
          .as(limits)
          .isEqualTo(policy);
    }
  }

  /**
   * The stored form the codec promises: durations in ISO-8601, amounts in yuan and shares as the
   * exact decimals given (not binary fractions such as 0.1000000000000000055).
   */
  @Test
  void policy_write_durationsIso8601_amountsInYuan_sharesExact() throws Exception {
    String json = PolicyCodec.write(Policies.everyPart());
    JsonNode pay = Json.MAPPER.readTree(json).get("pay");

    assertThat(json)
        .contains(
            "\"claimWindow\":\"PT2H\"",
            "\"E0601\":\"PT36H\"",
            "\"reopenWithin\":\"PT360H\"",
            "\"quota\":{\"GRID\":0.1,\"COMMUNITY\":0.1}");
    assertThat(pay.get("pieceRates").get("qualityReport").decimalValue())
        .isEqualByComparingTo("5.5");
    assertThat(pay.get("pieceRates").get("majorEventMax").decimalValue())
        .isEqualByComparingTo("500.25");
    assertThat(pay.get("allowance").get("monthly").decimalValue()).isEqualByComparingTo("500");
    assertThat(pay.get("gradedPayShare").decimalValue()).isEqualByComparingTo("0.4");
  }

  /** Each public entry point refuses a missing argument at its field, before reading anything. */
  @Test
  void missingArguments_refusedNamingTheParameter() {
    assertRequired(() -> DirectoryCodec.write(null), "directory");
    assertRequired(() -> DirectoryCodec.read(null), "json");
    assertRequired(() -> PolicyCodec.write(null), "policy");
    assertRequired(() -> PolicyCodec.read(null, "stored"), "json");
    assertRequired(
        () -> PolicyCodec.read(PolicyCodec.write(Policies.everyPart()), null), "sourceName");
  }
}
