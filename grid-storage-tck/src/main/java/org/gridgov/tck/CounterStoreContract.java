package org.gridgov.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.spi.CounterStore;
import org.junit.jupiter.api.Test;

/** Named counters, alone and raced by several threads. */
public abstract class CounterStoreContract extends StorageContract {

  private CounterStore counters() {
    return storage.counters();
  }

  @Test
  void incrementIfBelow_stopsAtTheLimitAndDecrementGivesBack() {
    assertThat(counters().get("q")).isZero();
    assertThat(counters().incrementIfBelow("q", 2)).hasValue(1);
    assertThat(counters().incrementIfBelow("q", 2)).hasValue(2);
    assertThat(counters().incrementIfBelow("q", 2)).isEmpty();
    assertThat(counters().get("q")).isEqualTo(2);
    assertThat(counters().decrement("q")).isEqualTo(1);
    assertThat(counters().increment("q")).isEqualTo(2);
    assertThat(counters().increment("q")).as("no limit").isEqualTo(3);
  }

  @Test
  void decrement_neverBelowZero() {
    assertThat(counters().decrement("other")).isZero();
    assertThat(counters().get("other")).isZero();
    counters().increment("other");
    assertThat(counters().decrement("other")).isZero();
    assertThat(counters().decrement("other")).isZero();
  }

  @Test
  void incrementIfBelow_limitZero_neverIncrements() {
    assertThat(counters().incrementIfBelow("none", 0)).isEmpty();
    assertThat(counters().get("none")).isZero();
  }

  @Test
  void keys_areIndependentAndExact() {
    counters().increment("escalation:330102011002001:2024-03");
    counters().increment("escalation:330102011002001:2024-03");
    counters().increment("Escalation:330102011002001:2024-03");
    counters().increment("升级配额:景芳:2024-03");

    assertThat(counters().get("escalation:330102011002001:2024-03")).isEqualTo(2);
    assertThat(counters().get("Escalation:330102011002001:2024-03")).isEqualTo(1);
    assertThat(counters().get("升级配额:景芳:2024-03")).isEqualTo(1);
    assertThat(counters().get("escalation:330102011002001:2024-04")).isZero();
  }

  /**
   * A key every store cannot keep as is would share a counter with another key (MariaDB compares
   * {@code "q "} equal to {@code "q"}, PostgreSQL stores a lone surrogate as {@code "?"}) or fail
   * in the database (PostgreSQL refuses NUL): every store refuses it before touching a counter.
   */
  @Test
  void keys_thatAStoreCannotKeepExactly_refusedAndNoOtherCounterTouched() {
    counters().increment("q");
    counters().increment("q?");
    for (String key : List.of("q ", "q\u0000", "q\uD800", " ")) {
      for (Consumer<String> call :
          List.<Consumer<String>>of(
              counters()::get,
              counters()::increment,
              k -> counters().incrementIfBelow(k, 5),
              counters()::decrement)) {
        assertThatThrownBy(() -> call.accept(key))
            .as("key %s", key.codePoints().boxed().toList())
            .isInstanceOfSatisfying(
                InvalidInputException.class, InputRefusals.refusedAt("key", InputRules.FORMAT));
      }
    }
    assertThat(counters().get("q")).isEqualTo(1);
    assertThat(counters().get("q?")).isEqualTo(1);
  }

  @Test
  void incrementIfBelow_manyThreads_neverPassTheLimit() throws Exception {
    int limit = 150;
    AtomicInteger granted = new AtomicInteger();
    Races.run(
        8,
        40,
        (thread, i) -> {
          OptionalLong value = counters().incrementIfBelow("quota", limit);
          if (value.isPresent()) {
            assertThat(value.getAsLong()).isBetween(1L, (long) limit);
            granted.incrementAndGet();
          }
          if (i % 10 == 0) {
            counters().increment("plain");
          }
        });

    assertThat(granted.get()).isEqualTo(limit);
    assertThat(counters().get("quota")).isEqualTo(limit);
    assertThat(counters().get("plain")).isEqualTo(8 * 4);
  }

  @Test
  void incrementAndDecrement_manyThreads_balance() throws Exception {
    counters().increment("pool");
    Races.run(
        8,
        25,
        (thread, i) -> {
          OptionalLong taken = counters().incrementIfBelow("pool", 4);
          if (taken.isPresent()) {
            counters().decrement("pool");
          }
        });

    assertThat(counters().get("pool")).isEqualTo(1);
  }

  @Test
  void keys_upToTheLongestWhole_longerRefusedNotCutShort() {
    String longest = "k".repeat(CounterStore.MAX_KEY_LENGTH);
    String tooLong = longest + "k";

    assertThat(counters().increment(longest)).isEqualTo(1);
    assertThat(counters().incrementIfBelow(longest, 5)).hasValue(2);
    assertThat(counters().get(longest.substring(1))).as("no other key touched").isZero();
    for (java.util.function.Consumer<String> call :
        List.<java.util.function.Consumer<String>>of(
            counters()::get,
            counters()::increment,
            key -> counters().incrementIfBelow(key, 5),
            counters()::decrement)) {
      assertThatThrownBy(() -> call.accept(tooLong))
          .isInstanceOfSatisfying(
              InvalidInputException.class, InputRefusals.refusedAt("key", InputRules.FORMAT))
          .hasMessageContaining("key: must be 1-191 characters, was 192 characters");
    }
    assertThatThrownBy(() -> counters().increment(""))
        .isInstanceOfSatisfying(
            InvalidInputException.class, InputRefusals.refusedAt("key", InputRules.FORMAT));
  }
}
