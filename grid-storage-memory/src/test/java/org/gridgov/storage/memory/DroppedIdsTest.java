package org.gridgov.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DroppedIdsTest {

  @Test
  void add_thenContains_aRunsNumberedIds() {
    DroppedIds ids = new DroppedIds();
    for (int i = 1; i <= 300_000; i++) {
      assertThat(ids.add("I" + i)).as("first add of I%d", i).isTrue();
    }

    assertThat(ids.size()).isEqualTo(300_000);
    for (int i = 1; i <= 300_000; i++) {
      assertThat(ids.contains("I" + i)).as("I%d", i).isTrue();
    }
    assertThat(ids.contains("I0")).isFalse();
    assertThat(ids.contains("I300001")).isFalse();
    assertThat(ids.contains("J1")).as("another prefix").isFalse();
  }

  @Test
  void add_twice_secondTimeFalse_sizeCountsOnce() {
    DroppedIds ids = new DroppedIds();

    assertThat(ids.add("I17")).isTrue();
    assertThat(ids.add("I17")).isFalse();
    assertThat(ids.add("node-a")).isTrue();
    assertThat(ids.add("node-a")).isFalse();
    assertThat(ids.size()).isEqualTo(2);
  }

  @Test
  void leadingZerosAndPrefixes_keepIdsApart() {
    DroppedIds ids = new DroppedIds();
    ids.add("C-0017");

    assertThat(ids.contains("C-0017")).isTrue();
    assertThat(ids.contains("C-017")).as("fewer digits").isFalse();
    assertThat(ids.contains("C-17")).isFalse();
    assertThat(ids.contains("C-00017")).as("more digits").isFalse();
    assertThat(ids.contains("C0017")).as("another prefix of the same length less one").isFalse();
    assertThat(ids.contains("D-0017")).as("another prefix of the same length").isFalse();
  }

  @Test
  void longNumbersDigitOnlyIdsAndWords_areKeptToo() {
    DroppedIds ids = new DroppedIds();
    ids.add("I12345678901"); // eleven digits: beyond an int, kept by fingerprint
    ids.add("4242");
    ids.add("archived");

    assertThat(ids.contains("I12345678901")).isTrue();
    assertThat(ids.contains("I2345678901")).isFalse();
    assertThat(ids.contains("I345678901")).as("its last ten digits").isFalse();
    assertThat(ids.contains("4242")).isTrue();
    assertThat(ids.contains("04242")).isFalse();
    assertThat(ids.contains("archived")).isTrue();
    assertThat(ids.contains("archive")).isFalse();
    assertThat(ids.size()).isEqualTo(3);
  }

  @Test
  void contains_empty_false() {
    assertThat(new DroppedIds().contains("I1")).isFalse();
  }

  /** Whatever the ids' shapes, in whatever order: answers as an exact set does. */
  @Property(tries = 300)
  void answersAsASetOfStrings(
      @ForAll("ids") List<String> added, @ForAll("ids") List<String> asked) {
    DroppedIds ids = new DroppedIds();
    Set<String> model = new HashSet<>();

    for (String id : added) {
      assertThat(ids.add(id)).as("add %s", id).isEqualTo(model.add(id));
    }

    assertThat(ids.size()).isEqualTo(model.size());
    for (String id : asked) {
      assertThat(ids.contains(id)).as("contains %s", id).isEqualTo(model.contains(id));
    }
    for (String id : added) {
      assertThat(ids.contains(id)).as("contains added %s", id).isTrue();
    }
  }

  @Provide
  Arbitrary<List<String>> ids() {
    Arbitrary<String> prefix = Arbitraries.of("", "I", "J", "node-1-", "node-11-", "a.b:");
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(11);
    return Combinators.combine(prefix, digits)
        .as(String::concat)
        .filter(id -> !id.isEmpty())
        .list()
        .ofMaxSize(60);
  }
}
