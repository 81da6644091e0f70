package org.gridgov.scoring.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.Map;
import org.gridgov.scoring.UnitKind;
import org.gridgov.scoring.UnitRef;
import org.junit.jupiter.api.Test;

class RankingTest {
  static UnitRef grid(String id) {
    return new UnitRef(UnitKind.GRID, id);
  }

  static Map<UnitRef, BigDecimal> scores(Object... pairs) {
    Map<UnitRef, BigDecimal> scores = new java.util.HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      scores.put(grid((String) pairs[i]), new BigDecimal((String) pairs[i + 1]));
    }
    return scores;
  }

  @Test
  void of_ties_competitionRanks1224_orderedById() {
    Ranking ranking =
        Ranking.of(
            "2024-03",
            UnitKind.GRID,
            scores("e", "80", "d", "70", "c", "90.0", "b", "80.00", "a", "90"));

    assertThat(ranking.entries())
        .extracting(RankedEntry::rank, e -> e.unit().id())
        .containsExactly(tuple(1, "a"), tuple(1, "c"), tuple(3, "b"), tuple(3, "e"), tuple(5, "d"));
  }

  @Test
  void of_otherKinds_leftOut() {
    Map<UnitRef, BigDecimal> scores = scores("a", "1");
    scores.put(new UnitRef(UnitKind.LINE, "urban"), BigDecimal.TEN);

    assertThat(Ranking.of("2024-03", UnitKind.GRID, scores).entries()).hasSize(1);
  }

  @Test
  void mostImproved_largestIncreaseFirst_newUnitsLeftOut() {
    MostImproved improved =
        MostImproved.of(
            "2024-03",
            UnitKind.GRID,
            scores("a", "80", "b", "70", "c", "90", "new", "99"),
            scores("a", "60", "b", "50", "c", "95"));

    assertThat(improved.entries())
        .extracting(Improvement::rank, e -> e.unit().id(), Improvement::delta)
        .containsExactly(
            tuple(1, "a", new BigDecimal("20")),
            tuple(1, "b", new BigDecimal("20")),
            tuple(3, "c", new BigDecimal("-5")));
    assertThat(improved.leaders()).extracting(e -> e.unit().id()).containsExactly("a", "b");
  }

  @Test
  void top_negativeCount_refusedNamingTheFieldAndRule() {
    Ranking ranking = Ranking.of("2024-03", UnitKind.GRID, scores("a", "1", "b", "2"));

    assertThat(ranking.top(0)).isEmpty();
    assertThatThrownBy(() -> ranking.top(-1))
        .isInstanceOf(org.gridgov.core.RuleConfigurationException.class)
        .hasMessageContaining("[ranking.input]")
        .hasMessageContaining("n must be at least 0");
  }

  @Test
  void of_missingScoreOrScores_refusedNamingTheUnitAndRule() {
    Map<UnitRef, BigDecimal> scores = scores("a", "1");
    scores.put(grid("b"), null);

    assertThatThrownBy(() -> Ranking.of("2024-03", UnitKind.GRID, scores))
        .isInstanceOf(org.gridgov.core.InvalidInputException.class)
        .hasMessageContaining("scores.grid:b: must not be null [ranking.input]");
    assertThatThrownBy(() -> Ranking.of("2024-03", UnitKind.GRID, null))
        .isInstanceOf(org.gridgov.core.RuleConfigurationException.class)
        .hasMessageContaining("[ranking.input] scores must not be null");
    assertThatThrownBy(() -> MostImproved.of("2024-03", UnitKind.GRID, scores("a", "1"), scores))
        .isInstanceOf(org.gridgov.core.InvalidInputException.class)
        .hasMessageContaining("previous.grid:b: must not be null [ranking.input]");
    assertThatThrownBy(() -> MostImproved.of("2024-03", UnitKind.GRID, scores("a", "1"), null))
        .isInstanceOf(org.gridgov.core.RuleConfigurationException.class)
        .hasMessageContaining("[ranking.input] previous must not be null");
  }

  @Test
  void mostImproved_missingCurrentScore_refusedNamingTheUnit() {
    Map<UnitRef, BigDecimal> current = scores("a", "1");
    current.put(grid("b"), null);
    Map<UnitRef, BigDecimal> previous = scores("a", "1");
    previous.put(grid("b"), new BigDecimal("2"));

    assertThatThrownBy(() -> MostImproved.of("2024-03", UnitKind.GRID, current, previous))
        .isInstanceOf(org.gridgov.core.InvalidInputException.class)
        .hasMessageContaining("current.grid:b: must not be null [ranking.input]");
  }

  @Test
  void of_severalScoresMissing_everyOneRefused_inPathOrder_otherKindsNotRefused() {
    Map<UnitRef, BigDecimal> scores = new java.util.LinkedHashMap<>();
    scores.put(grid("c"), null);
    scores.put(new UnitRef(UnitKind.LINE, "urban"), null);
    scores.put(grid("a"), null);
    scores.put(grid("d"), BigDecimal.ONE);
    scores.put(grid("b"), null);

    org.gridgov.core.InvalidInputException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            org.gridgov.core.InvalidInputException.class,
            () -> Ranking.of("2024-03", UnitKind.GRID, scores));

    assertThat(e).isNotNull();
    assertThat(e.violations())
        .extracting(org.gridgov.core.Violation::toString)
        .containsExactly(
            "scores.grid:a: must not be null [ranking.input]",
            "scores.grid:b: must not be null [ranking.input]",
            "scores.grid:c: must not be null [ranking.input]");
  }
}
