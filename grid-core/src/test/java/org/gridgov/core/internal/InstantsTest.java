package org.gridgov.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class InstantsTest {

  /** The sign of {@code Instant.compareTo}, on instants that share a second or are close. */
  @Property(tries = 500)
  void compare_signOfInstantCompareTo(
      @ForAll @LongRange(min = -3, max = 3) long secondA,
      @ForAll @IntRange(max = 999_999_999) int nanoA,
      @ForAll @LongRange(min = -3, max = 3) long secondB,
      @ForAll @IntRange(max = 999_999_999) int nanoB) {
    Instant a = Instant.ofEpochSecond(1_700_000_000L + secondA, nanoA);
    Instant b = Instant.ofEpochSecond(1_700_000_000L + secondB, nanoB);

    assertThat(Integer.signum(Instants.compare(a.getEpochSecond(), a.getNano(), b)))
        .isEqualTo(Integer.signum(a.compareTo(b)));
  }

  @Test
  void compare_nanosDecideWithinASecond_secondsBeforeNanos() {
    Instant t = Instant.ofEpochSecond(100, 500);
    assertThat(Instants.compare(100, 500, t)).isZero();
    assertThat(Instants.compare(100, 499, t)).isNegative();
    assertThat(Instants.compare(100, 501, t)).isPositive();
    assertThat(Instants.compare(99, 999_999_999, t))
        .as("an earlier second, more nanos")
        .isNegative();
    assertThat(Instants.compare(101, 0, t)).isPositive();
    assertThat(Instants.compare(Instant.MIN.getEpochSecond(), 0, Instant.MAX)).isNegative();
  }
}
