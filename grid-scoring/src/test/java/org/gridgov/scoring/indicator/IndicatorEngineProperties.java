package org.gridgov.scoring.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.scoring.Town.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.gridgov.core.incident.IncidentEvent;

class IndicatorEngineProperties {

  @Property(tries = 200)
  void accept_anyInterleavingKeepingEachHistoryInOrder_sameReport(@ForAll long seed) {
    List<List<IncidentEvent>> histories = march();
    IndicatorReport expected = new IndicatorEngine(PERIOD, SETTINGS).acceptAll(histories).finish();
    Random random = new Random(seed);
    int[] next = new int[histories.size()];
    IndicatorEngine engine = new IndicatorEngine(PERIOD, SETTINGS);
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < histories.size(); i++) {
      open.add(i);
    }
    while (!open.isEmpty()) {
      int pick = open.get(random.nextInt(open.size()));
      engine.accept(histories.get(pick).get(next[pick]++));
      if (next[pick] == histories.get(pick).size()) {
        open.remove(Integer.valueOf(pick));
      }
    }

    assertThat(engine.finish()).isEqualTo(expected);
  }

  @Property(tries = 1000)
  void seconds_anyTwoInstants_asDurationBetween(
      @ForAll @LongRange(min = -4_000_000_000L, max = 4_000_000_000L) long startSecond,
      @ForAll @IntRange(min = 0, max = 999_999_999) int startNano,
      @ForAll @LongRange(min = -4_000_000_000L, max = 4_000_000_000L) long endSecond,
      @ForAll @IntRange(min = 0, max = 999_999_999) int endNano) {
    Instant start = Instant.ofEpochSecond(startSecond, startNano);
    Instant end = Instant.ofEpochSecond(endSecond, endNano);

    assertThat(IndicatorEngine.seconds(startSecond, startNano, end))
        .isEqualTo(Duration.between(start, end).toSeconds());
  }
}
