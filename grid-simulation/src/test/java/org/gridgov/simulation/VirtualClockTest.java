package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The simulated time: moved only by the simulation, read in the run's zone. */
class VirtualClockTest {
  private static final Instant START = Instant.parse("2024-03-04T00:00:00Z");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void getZone_theRunsZone_inWhichTheSimulatedInstantIsReadAsLocalTime() {
    VirtualClock clock = new VirtualClock(START, SHANGHAI);
    clock.set(START.plusSeconds(3600));

    assertThat(clock.getZone()).isEqualTo(SHANGHAI);
    assertThat(LocalDateTime.now(clock))
        .as("01:00 UTC is 09:00 in Shanghai (UTC+8)")
        .isEqualTo(LocalDateTime.of(2024, 3, 4, 9, 0));
  }

  @Test
  void withZone_theSameSimulatedInstantInTheOtherZone() {
    VirtualClock clock = new VirtualClock(START, SHANGHAI);
    clock.set(START.plusSeconds(3600));

    Clock utc = clock.withZone(ZoneOffset.UTC);

    assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(utc.instant()).isEqualTo(START.plusSeconds(3600));
    assertThat(LocalDateTime.now(utc)).isEqualTo(LocalDateTime.of(2024, 3, 4, 1, 0));
    assertThat(clock.getZone()).as("the clock itself keeps its zone").isEqualTo(SHANGHAI);
  }

  @Test
  void set_backwards_refusedAndTheTimeKept() {
    VirtualClock clock = new VirtualClock(START, SHANGHAI);
    clock.set(START.plusSeconds(60));

    assertThatThrownBy(() -> clock.set(START))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("simulated time runs forward: 2024-03-04T00:00:00Z < 2024-03-04T00:01:00Z");
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(60));
    clock.set(START.plusSeconds(60));
    assertThat(clock.instant())
        .as("the same instant again is not backwards")
        .isEqualTo(START.plusSeconds(60));
  }
}
