package org.gridgov.core.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Refusals;
import org.gridgov.core.Violation;
import org.junit.jupiter.api.Test;

class AreaKindTest {
  // a district of a street office and a town; the town's second village is on the fringe
  private static final String CSV =
      """
      code,name,level,parent_code,area_kind
      610403,杨陵区,DISTRICT,,
      610403001,杨陵街道,STREET,610403,
      610403001001,西农社区,COMMUNITY,610403001,
      610403001001001,一,GRID,610403001001,
      610403100,五泉镇,STREET,610403,RURAL
      610403100201,王上村,COMMUNITY,610403100,
      610403100201001,一,GRID,610403100201,
      610403100202,帖家村,COMMUNITY,610403100,FRINGE
      610403100202001,一,GRID,610403100202,
      """;

  private static Territory territory(String csv) {
    return Territory.builder().addCsv(new StringReader(csv), "yangling.csv").build();
  }

  @Test
  void kindOf_takesTheNearestSetting_andIsUrbanWhereNoneIsSet() {
    Territory t = territory(CSV);

    assertThat(t.kindOf(AreaCode.of("610403001001001", Level.GRID))).isEqualTo(AreaKind.URBAN);
    assertThat(t.kindOf(AreaCode.of("610403100", Level.STREET))).isEqualTo(AreaKind.RURAL);
    assertThat(t.kindOf(AreaCode.of("610403100201001", Level.GRID))).isEqualTo(AreaKind.RURAL);
    assertThat(t.kindOf(AreaCode.of("610403100202", Level.COMMUNITY))).isEqualTo(AreaKind.FRINGE);
    assertThat(t.kindOf(AreaCode.of("610403100202001", Level.GRID))).isEqualTo(AreaKind.FRINGE);
  }

  @Test
  void kindOf_aCodeOutsideTheTerritory_isUrban() {
    assertThat(territory(CSV).kindOf(AreaCode.of("610403100203001", Level.GRID)))
        .isEqualTo(AreaKind.URBAN);
  }

  @Test
  void kindOf_survivesRestrictingTheTerritory() {
    Territory town = territory(CSV).restrictedTo(AreaCode.of("610403100", Level.STREET));

    assertThat(town.kindOf(AreaCode.of("610403100201001", Level.GRID))).isEqualTo(AreaKind.RURAL);
  }

  @Test
  void build_unknownAreaKind_isRejectedNamingTheRowAndRule() {
    InvalidInputException error =
        catchThrowableOfType(
            InvalidInputException.class, () -> territory(CSV.replace("FRINGE", "rural")));

    assertThat(error).isNotNull();
    assertThat(error.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("yangling.csv:9");
              assertThat(v.rule()).isEqualTo(TerritoryRules.AREA_KIND.toString());
              assertThat(v.message()).contains("area_kind", "URBAN", "FRINGE", "RURAL");
            });
  }

  @Test
  void parse_acceptsTheNamesOnly() {
    assertThat(AreaKind.parse("RURAL")).contains(AreaKind.RURAL);
    assertThat(AreaKind.parse("Rural")).isEmpty();
    assertThat(AreaKind.parse("")).isEmpty();
  }

  @Test
  void withAttribute_marksAnAreaAndWhatIsBelowIt_andIsCheckedAgain() {
    Territory t = territory(CSV);
    AreaCode street = AreaCode.of("610403001", Level.STREET);

    Territory rural = t.withAttribute(street, AreaKind.ATTRIBUTE, "RURAL");

    assertThat(rural.kindOf(AreaCode.of("610403001001001", Level.GRID))).isEqualTo(AreaKind.RURAL);
    assertThat(t.kindOf(AreaCode.of("610403001001001", Level.GRID)))
        .as("the original unchanged")
        .isEqualTo(AreaKind.URBAN);
    assertThat(rural.require(street).attributes()).containsEntry(AreaKind.ATTRIBUTE, "RURAL");
    assertThat(
            catchThrowableOfType(
                    InvalidInputException.class,
                    () -> t.withAttribute(street, AreaKind.ATTRIBUTE, "rural"))
                .violations())
        .extracting(Violation::rule)
        .containsExactly(TerritoryRules.AREA_KIND.toString());
    assertThat(
            catchThrowableOfType(
                    InvalidInputException.class, () -> t.withAttribute(street, " ", "RURAL"))
                .violations())
        .extracting(Violation::path, Violation::value)
        .containsExactly(tuple("key", " "));
    assertThat(
            catchThrowableOfType(
                    InvalidInputException.class, () -> t.withAttribute(street, "households", " "))
                .violations())
        .extracting(Violation::path, Violation::value)
        .containsExactly(tuple("value", " "));
    assertThat(
            Refusals.refusal(
                    () -> t.withAttribute(AreaCode.of("610403009", Level.STREET), "x", "y"),
                    "area lookup",
                    "code",
                    InputRules.UNKNOWN)
                .value())
        .isEqualTo("610403009");
  }
}
