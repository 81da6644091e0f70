package org.gridgov.core.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.core.Refusals.refusal;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.gridgov.core.InputRules;
import org.junit.jupiter.api.Test;

class TerritoryRealDataTest {
  static Territory load(String name) throws Exception {
    try (Reader reader =
        new InputStreamReader(
            Objects.requireNonNull(
                TerritoryRealDataTest.class.getResourceAsStream("/divisions/" + name)),
            StandardCharsets.UTF_8)) {
      return Territory.builder().addCsv(reader, name).build();
    }
  }

  private static AreaCode code(String value) {
    return AreaCode.parse(value);
  }

  @Test
  void build_dongchengFile_has17StreetsAnd169Communities() throws Exception {
    Territory dongcheng = load("beijing-dongcheng.csv");

    assertThat(dongcheng.roots()).extracting(a -> a.code().value()).containsExactly("110101");
    assertThat(dongcheng.descendants(code("110101"), Level.STREET)).hasSize(17);
    assertThat(dongcheng.descendants(code("110101"), Level.COMMUNITY)).hasSize(169);
    assertThat(dongcheng.at(Level.COMMUNITY)).hasSize(169);
    assertThat(dongcheng.size()).isEqualTo(1 + 17 + 169);
    assertThat(dongcheng.require(code("110101001")).name()).isEqualTo("东华门街道");
  }

  @Test
  void build_shangchengFile_kaixuanHas15Communities() throws Exception {
    Territory shangcheng = load("hangzhou-shangcheng.csv");
    AreaCode kaixuan = code("330102011");

    assertThat(shangcheng.children(kaixuan)).hasSize(15);
    assertThat(shangcheng.children(kaixuan).get(0).code().value()).isEqualTo("330102011001");
    assertThat(shangcheng.children(kaixuan))
        .extracting(a -> a.code().value())
        .isSorted()
        .allMatch(c -> c.startsWith("330102011"));
    assertThat(kaixuan.streetKind()).contains(StreetKind.STREET_OFFICE);
  }

  @Test
  void ancestors_realCommunity_nearestFirstEndingAtTheDistrict() throws Exception {
    Territory shangcheng = load("hangzhou-shangcheng.csv");
    AreaCode jingfang = code("330102011002");

    assertThat(shangcheng.ancestors(jingfang))
        .extracting(a -> a.code().value())
        .containsExactly("330102011", "330102");
    assertThat(shangcheng.parent(jingfang)).map(Area::name).contains("凯旋街道");
    assertThat(shangcheng.ancestorAt(jingfang, Level.DISTRICT)).map(Area::name).contains("上城区");
    assertThat(shangcheng.ancestorAt(jingfang, Level.CITY)).isEmpty();
    assertThat(shangcheng.parent(code("330102"))).isEmpty();
    assertThat(shangcheng.children(jingfang)).isEmpty();
    assertThat(shangcheng.descendants(jingfang, Level.GRID)).isEmpty();
  }

  @Test
  void find_byTextOrCode_findsOnlyMatchingLevel() throws Exception {
    Territory dongcheng = load("beijing-dongcheng.csv");

    assertThat(dongcheng.find("110101001")).isPresent();
    assertThat(dongcheng.find(AreaCode.of("110101001", Level.STREET))).isPresent();
    assertThat(dongcheng.find("330102")).isEmpty();
    assertThat(dongcheng.contains(code("330102"))).isFalse();
    assertThat(
            refusal(
                () -> dongcheng.require(code("110101598")),
                "area lookup",
                "code",
                InputRules.UNKNOWN))
        .hasToString("code: names no STREET of this territory, was 110101598 [input.unknown]");
  }

  @Test
  void jingfangExample_onTopOfShangcheng_addsGridsAndMicroGridsWithAttributes() {
    Territory territory = Divisions.jingfangExample();
    AreaCode jingfang = code("330102011002");

    assertThat(territory.size()).isEqualTo(Divisions.shangcheng().size() + 10);
    assertThat(territory.children(jingfang)).hasSize(6).allMatch(a -> a.level() == Level.GRID);
    assertThat(territory.descendants(code("330102011"), Level.MICRO_GRID)).hasSize(4);
    Area first = territory.require(AreaCode.of("330102011002001", Level.GRID));
    assertThat(first.attribute("households")).contains("128");
    assertThat(first.attribute("patches")).contains("2");
    assertThat(territory.children(first.code())).hasSize(3);
    Area micro = territory.require(AreaCode.of("330102011002001002", Level.MICRO_GRID));
    assertThat(micro.attributes()).doesNotContainKey("patches");
    assertThat(territory.ancestorAt(micro.code(), Level.STREET)).map(Area::name).contains("凯旋街道");
    assertThat(territory.at(Level.GRID))
        .allSatisfy(
            g ->
                assertThat(Integer.parseInt(g.attribute("households").orElseThrow()))
                    .isBetween(100, 150))
        .allSatisfy(
            g ->
                assertThat(Integer.parseInt(g.attribute("patches").orElseThrow())).isBetween(1, 3));
  }

  @Test
  void load_shippedNames_matchTheTestCopies() throws Exception {
    assertThat(Divisions.load("beijing-dongcheng").areas())
        .isEqualTo(load("beijing-dongcheng.csv").areas());
    assertThat(Divisions.shangcheng().areas()).isEqualTo(load("hangzhou-shangcheng.csv").areas());
  }

  @Test
  void addCsv_path_readsTheFileAndNamesItInViolations(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("grids.csv");
    java.nio.file.Files.writeString(
        file,
        "code,name,level,parent_code\n110101,东城区,DISTRICT,\n" + "110101001,东华门街道,STREET,110199\n");

    assertThatThrownBy(() -> Territory.builder().addCsv(file).build())
        .hasMessageContaining("grids.csv:3");
  }

  @Test
  void restrictedTo_kaixuanStreet_keepsItsAncestorsAndDescendantsOnly() {
    Territory kaixuan = Divisions.shangcheng().restrictedTo(AreaCode.parse("330102011"));

    assertThat(kaixuan.at(Level.DISTRICT))
        .extracting(a -> a.code().value())
        .containsExactly("330102");
    assertThat(kaixuan.at(Level.STREET))
        .extracting(a -> a.code().value())
        .containsExactly("330102011");
    assertThat(kaixuan.at(Level.COMMUNITY)).hasSize(15);
    assertThat(kaixuan.size()).isEqualTo(17);
  }
}
