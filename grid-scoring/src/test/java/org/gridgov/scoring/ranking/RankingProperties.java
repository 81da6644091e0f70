package org.gridgov.scoring.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.gridgov.scoring.UnitKind;
import org.gridgov.scoring.UnitRef;

class RankingProperties {

  @Property
  void of_anyScores_stableTotalOrderAndCompetitionRanks(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 5) Integer> values, @ForAll long seed) {
    Map<UnitRef, BigDecimal> scores = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      scores.put(new UnitRef(UnitKind.GRID, "g" + i), BigDecimal.valueOf(values.get(i)));
    }
    List<Map.Entry<UnitRef, BigDecimal>> shuffled = new ArrayList<>(scores.entrySet());
    Collections.shuffle(shuffled, new Random(seed));
    Map<UnitRef, BigDecimal> reordered = new LinkedHashMap<>();
    shuffled.forEach(e -> reordered.put(e.getKey(), e.getValue()));

    Ranking ranking = Ranking.of("p", UnitKind.GRID, scores);

    assertThat(Ranking.of("p", UnitKind.GRID, reordered)).isEqualTo(ranking);
    List<RankedEntry> entries = ranking.entries();
    assertThat(entries).hasSize(scores.size());
    for (int i = 0; i < entries.size(); i++) {
      RankedEntry e = entries.get(i);
      long higher = scores.values().stream().filter(s -> s.compareTo(e.score()) > 0).count();
      assertThat(e.rank()).isEqualTo(higher + 1);
      if (i > 0) {
        RankedEntry prev = entries.get(i - 1);
        int byScore = prev.score().compareTo(e.score());
        assertThat(byScore > 0 || (byScore == 0 && prev.unit().compareTo(e.unit()) < 0)).isTrue();
      }
    }
  }
}
