package org.gridgov.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.gridgov.scoring.Town.COMMUNITY;
import static org.gridgov.scoring.Town.G1;
import static org.gridgov.scoring.Town.STREET;

import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;

/** What a unit and the areas of a grid refuse: blank ids, codes and levels outside the units. */
class UnitRefAndAreasTest {

  @Test
  void unitRef_blankId_refusedAsRequired() {
    assertThatThrownBy(() -> new UnitRef(UnitKind.LINE, " "))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("unit LINE");
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo("id");
                        assertThat(v.rule()).isEqualTo("input.required");
                      });
            });
    assertThatThrownBy(() -> new UnitRef(UnitKind.WORKER, null))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("id"));
  }

  @Test
  void kindOf_aLevelThatIsNoUnit_refusedNamingIt() {
    assertThat(UnitRef.kindOf(Level.COMMUNITY)).isEqualTo(UnitKind.COMMUNITY);
    assertThatThrownBy(() -> UnitRef.kindOf(Level.DISTRICT))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.path()).isEqualTo("level");
                          assertThat(v.rule()).isEqualTo("input.range");
                          assertThat(v.value()).isEqualTo("DISTRICT");
                        }));
  }

  @Test
  void areas_ofACodeThatIsNoGridOrAtALevelThatIsNoUnit_eachNamedAtOnce() {
    assertThat(Areas.of(G1, Level.STREET)).isEqualTo(STREET);
    assertThatThrownBy(() -> Areas.of(G1, Level.MICRO_GRID))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("area at MICRO_GRID of " + G1);
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo("level");
                        assertThat(v.rule()).isEqualTo("input.range");
                      });
            });
    assertThatThrownBy(() -> Areas.of(COMMUNITY, Level.COMMUNITY))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.path()).isEqualTo("grid");
                          assertThat(v.rule()).isEqualTo("input.range");
                          assertThat(v.message()).isEqualTo("must be a GRID code, was a COMMUNITY");
                        }));
    assertThatThrownBy(() -> Areas.of(COMMUNITY, Level.DISTRICT))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactly(tuple("grid", "input.range"), tuple("level", "input.range")));
  }
}
