package org.gridgov.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class IncidentIdMapTest {

  /** One operation on both maps: 0 put, 1 putIfAbsent, 2 remove, 3 get; on a small key space. */
  record Op(int kind, int key, int value) {}

  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<Op> op =
        Combinators.combine(
                Arbitraries.integers().between(0, 3),
                // few keys, so removals hit, and long runs, so the table grows and probes wrap
                Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, 1000))
            .as(Op::new);
    return op.list().ofMinSize(1).ofMaxSize(1200);
  }

  /**
   * Against a HashMap as the model: every answer and the final contents agree, with keys that are
   * equal but not identical half the time (a copy of the id made for each operation).
   */
  @Property(tries = 200)
  void behavesAsAMap(@ForAll("operations") List<Op> ops) {
    IncidentIdMap<Integer> map = new IncidentIdMap<>();
    Map<IncidentId, Integer> model = new HashMap<>();
    Map<Integer, IncidentId> canonical = new HashMap<>();
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      IncidentId id =
          i % 2 == 0
              ? canonical.computeIfAbsent(op.key(), k -> IncidentId.of("I" + k))
              : IncidentId.of("I" + op.key());
      switch (op.kind()) {
        case 0 -> assertThat(map.put(id, op.value())).isEqualTo(model.put(id, op.value()));
        case 1 ->
            assertThat(map.putIfAbsent(id, op.value()))
                .isEqualTo(model.putIfAbsent(id, op.value()));
        case 2 -> assertThat(map.remove(id)).isEqualTo(model.remove(id));
        default -> {
          assertThat(map.get(id)).isEqualTo(model.get(id));
          assertThat(map.containsKey(id)).isEqualTo(model.containsKey(id));
        }
      }
      assertThat(map.size()).isEqualTo(model.size());
    }
    Map<IncidentId, Integer> seen = new HashMap<>();
    map.forEach(
        (id, value) -> assertThat(seen.put(id, value)).as("visited twice: %s", id).isNull());
    assertThat(seen).isEqualTo(model);
    model.forEach((id, value) -> assertThat(map.get(IncidentId.of(id.value()))).isEqualTo(value));
  }

  /** A million ids, as a district's year has, then every other one removed: all still found. */
  @Test
  void keepsEveryIdThroughGrowthAndRemovals() {
    IncidentIdMap<Integer> map = new IncidentIdMap<>();
    int n = 1_000_000;
    for (int i = 0; i < n; i++) {
      map.put(IncidentId.of("I" + i), i);
    }
    for (int i = 0; i < n; i += 2) {
      assertThat(map.remove(IncidentId.of("I" + i))).isEqualTo(i);
    }
    assertThat(map.size()).isEqualTo(n / 2);
    for (int i = 0; i < n; i++) {
      assertThat(map.get(IncidentId.of("I" + i))).isEqualTo(i % 2 == 0 ? null : i);
    }
  }

  /** The order of a walk depends on the ids and the history only: two maps so built agree. */
  @Test
  void walksInTheSameOrderForTheSameHistory() {
    List<List<String>> orders = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      IncidentIdMap<String> map = new IncidentIdMap<>();
      for (int i = 0; i < 500; i++) {
        map.put(IncidentId.of("C-" + (i * 7919 % 1000)), "v" + i);
        if (i % 3 == 0) {
          map.remove(IncidentId.of("C-" + (i * 31 % 1000)));
        }
      }
      Map<IncidentId, String> walked = new LinkedHashMap<>();
      map.forEach(walked::put);
      orders.add(walked.keySet().stream().map(IncidentId::value).toList());
    }
    assertThat(orders.get(0)).isNotEmpty().isEqualTo(orders.get(1));
  }

  @Test
  void clearEmptiesTheMap() {
    IncidentIdMap<String> map = new IncidentIdMap<>();
    map.put(IncidentId.of("I1"), "a");
    map.put(IncidentId.of("I2"), "b");
    map.clear();
    assertThat(map.isEmpty()).isTrue();
    assertThat(map.get(IncidentId.of("I1"))).isNull();
    map.forEach(
        (id, v) -> {
          throw new AssertionError("visited " + id + " after clear");
        });
  }

  @Test
  void refusesNullKeysAndValues() {
    IncidentIdMap<String> map = new IncidentIdMap<>();
    IncidentId id = IncidentId.of("I1");
    assertThatThrownBy(() -> map.put(null, "a"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id");
    assertThatThrownBy(() -> map.put(id, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value");
    assertThatThrownBy(() -> map.get(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id");
    assertThatThrownBy(() -> map.remove(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id");
    assertThatThrownBy(() -> map.forEach(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("action");
    assertThat(map.isEmpty()).isTrue();
  }

  /**
   * At most seven of forty ids at a time, so the table keeps its first sixteen slots: clusters
   * often wrap round its end, and removals close gaps across it. Every answer agrees with a
   * HashMap's, and every id stays reachable after each step.
   */
  @Test
  void smallTable_removalsAcrossItsEnd_keepEveryIdReachable() {
    IncidentIdMap<Integer> map = new IncidentIdMap<>();
    Map<IncidentId, Integer> model = new HashMap<>();
    Random random = new Random(20240304);
    for (int i = 0; i < 20_000; i++) {
      IncidentId id = IncidentId.of("S" + random.nextInt(40));
      if (model.size() >= 7 || random.nextBoolean()) {
        assertThat(map.remove(id)).isEqualTo(model.remove(id));
      } else {
        assertThat(map.put(id, i)).isEqualTo(model.put(id, i));
      }
      assertThat(map.size()).isEqualTo(model.size());
      assertThat(map.isEmpty()).isEqualTo(model.isEmpty());
      for (int k = 0; k < 40; k++) {
        IncidentId key = IncidentId.of("S" + k);
        assertThat(map.get(key)).as("%s after step %s", key, i).isEqualTo(model.get(key));
      }
    }
  }
}
