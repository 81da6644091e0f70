package org.gridgov.core.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;

class TerritoryProperties {

  /** A random valid ladder: one district, streets, communities, grids and micro-grids. */
  static List<String[]> ladder(Random random) {
    List<String[]> rows = new ArrayList<>();
    String district =
        String.format(
            "%02d%02d%02d",
            11 + random.nextInt(55), 1 + random.nextInt(20), 1 + random.nextInt(99));
    rows.add(new String[] {district, "D", "DISTRICT", ""});
    for (int street : distinct(random, 1 + random.nextInt(4), 599)) {
      String s = district + String.format("%03d", street);
      rows.add(new String[] {s, "S", "STREET", district});
      for (int community : distinct(random, random.nextInt(4), 999)) {
        String c = s + String.format("%03d", community);
        rows.add(new String[] {c, "C", "COMMUNITY", s});
        for (int grid : distinct(random, random.nextInt(4), 999)) {
          String g = c + String.format("%03d", grid);
          rows.add(new String[] {g, "G", "GRID", c});
          for (int micro : distinct(random, random.nextInt(3), 999)) {
            rows.add(new String[] {g + String.format("%03d", micro), "M", "MICRO_GRID", g});
          }
        }
      }
    }
    Collections.shuffle(rows, random);
    return rows;
  }

  private static SortedSet<Integer> distinct(Random random, int count, int max) {
    TreeSet<Integer> values = new TreeSet<>();
    while (values.size() < count) {
      values.add(1 + random.nextInt(max));
    }
    return values;
  }

  private static TerritoryBuilder builder(List<String[]> rows) {
    TerritoryBuilder builder = Territory.builder();
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      builder.add(r[0], r[1], r[2], r[3], java.util.Map.of(), "gen.csv", i + 2);
    }
    return builder;
  }

  @Property(tries = 200)
  void build_validLadder_buildsAndRoundTrips(@ForAll Random random) {
    List<String[]> rows = ladder(random);

    Territory territory = builder(rows).build();

    assertThat(territory.size()).isEqualTo(rows.size());
    assertThat(territory.roots()).hasSize(1);
    Area root = territory.roots().get(0);
    int childLinks = 0;
    for (Area area : territory.areas()) {
      List<Area> ancestors = territory.ancestors(area.code());
      Area top = ancestors.isEmpty() ? area : ancestors.get(ancestors.size() - 1);
      assertThat(top).isEqualTo(root);
      assertThat(ancestors).hasSize(area.level().ordinal() - Level.DISTRICT.ordinal());
      for (Area child : territory.children(area.code())) {
        assertThat(territory.parent(child.code())).contains(area);
        assertThat(area.code().isPrefixOf(child.code())).isTrue();
      }
      childLinks += territory.children(area.code()).size();
    }
    assertThat(childLinks).isEqualTo(territory.size() - 1);
    for (Level level : Level.values()) {
      List<Area> below =
          level == Level.DISTRICT ? List.of(root) : territory.descendants(root.code(), level);
      assertThat(below).isEqualTo(territory.at(level));
    }
  }

  @Property(tries = 200)
  void build_oneCorruptedCode_neverBuildsAndNamesTheRow(
      @ForAll Random random, @ForAll @IntRange(min = 0, max = 4) int corruption) {
    List<String[]> rows = ladder(random);
    int victim = random.nextInt(rows.size());
    String[] row = rows.get(victim);
    String code = row[0];
    row[0] =
        switch (corruption) {
          case 0 -> code + random.nextInt(10); // wrong length for its level
          case 1 -> code.substring(0, code.length() - 1); // wrong length for its level
          case 2 -> code.substring(0, code.length() - 1) + "x"; // non-digit
          case 3 -> code.substring(0, code.length() - 3) + "000"; // zero segment
          default -> outsidePrefix(code, row[2]);
        };
    if (corruption == 4 && row[3].isEmpty()) {
      row[3] = "999999"; // a root has no prefix to leave: give it an unknown parent instead
    }

    InvalidInputException error =
        catchThrowableOfType(InvalidInputException.class, () -> builder(rows).build());

    assertThat(error).isNotNull();
    assertThat(error.violations()).extracting(Violation::path).contains("gen.csv:" + (victim + 2));
  }

  /** Changes a digit of the parent's part of {@code code}, keeping the code well formed. */
  private static String outsidePrefix(String code, String level) {
    int at = level.equals("DISTRICT") ? 5 : code.length() - 4;
    char digit = code.charAt(at);
    char other = digit == '1' ? '2' : '1';
    return code.substring(0, at) + other + code.substring(at + 1);
  }
}
