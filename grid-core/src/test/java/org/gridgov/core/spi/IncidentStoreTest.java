package org.gridgov.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.gridgov.core.incident.IncidentEvent;
import org.junit.jupiter.api.Test;

class IncidentStoreTest {

  @Test
  void checkOwner_upToTheBound_returnsIt() {
    String longest = "n".repeat(IncidentStore.MAX_OWNER_LENGTH);

    assertThat(IncidentStore.checkOwner(longest)).isSameAs(longest);
    assertThat(IncidentStore.checkOwner("节点-1")).isEqualTo("节点-1");
  }

  @Test
  void checkOwner_tooLongBlankOrUnstorable_refusedNamingOwnerBoundAndLength() {
    assertThatThrownBy(() -> IncidentStore.checkOwner("n".repeat(129)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("owner must be at most 128 characters, was 129");
    assertThatThrownBy(() -> IncidentStore.checkOwner(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("owner must not be blank");
    assertThatThrownBy(() -> IncidentStore.checkOwner(" \t"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("owner must not be blank");
    assertThatThrownBy(() -> IncidentStore.checkOwner("node-a "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("owner must not end with a space");
    assertThatThrownBy(() -> IncidentStore.checkOwner("node\u0000a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("owner must not hold a NUL character (at 4)");
    assertThatThrownBy(() -> IncidentStore.checkOwner("node\uD83C"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("owner must not hold half of a surrogate pair (at 4)");
    assertThatThrownBy(() -> IncidentStore.checkOwner(null))
        .isInstanceOf(NullPointerException.class).hasMessage("owner");
  }

  @Test
  void checkExpectedVersion_zeroOrMore_accepted_negative_refusedNamingIt() {
    IncidentStore.checkExpectedVersion(0);
    IncidentStore.checkExpectedVersion(Long.MAX_VALUE);

    assertThatThrownBy(() -> IncidentStore.checkExpectedVersion(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expectedVersion must not be negative, was -1");
    assertThatThrownBy(() -> IncidentStore.checkExpectedVersion(Long.MIN_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expectedVersion must not be negative");
  }

  @Test
  void append_negativeExpectedVersion_refusedWhenBuilt() {
    assertThatThrownBy(() -> Append.of(org.gridgov.core.incident.IncidentId.of("i1"), -1,
        java.util.List.of()))
        .as("the version is checked before the events")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expectedVersion must not be negative, was -1");
  }

  @Test
  void leaseEnd_positiveAndByTheLatestInstant_nowPlusLease() {
    Instant last = IncidentEvent.MAX_INSTANT;

    assertThat(IncidentStore.leaseEnd(last.minusSeconds(300), Duration.ofMinutes(5)))
        .isEqualTo(last);
    assertThatThrownBy(() -> IncidentStore.leaseEnd(last.minusSeconds(299), Duration.ofMinutes(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lease must end by 9999-12-31T23:59:59.999999Z, was PT5M from "
            + "9999-12-31T23:55:00.999999Z");
    assertThatThrownBy(() -> IncidentStore.leaseEnd(Instant.MAX, Duration.ofMinutes(5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("lease must end by");
    assertThatThrownBy(() -> IncidentStore.leaseEnd(Instant.parse("2024-03-04T09:00:00Z"),
        Duration.ofSeconds(Long.MAX_VALUE))).as("too long to subtract from the last instant")
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("lease must end by");
    assertThat(IncidentStore.leaseEnd(Instant.parse("2024-03-04T09:00:00Z"), Duration.ofMinutes(5)))
        .isEqualTo(Instant.parse("2024-03-04T09:05:00Z"));
    assertThatThrownBy(() -> IncidentStore.leaseEnd(last.minusSeconds(600), null))
        .isInstanceOf(NullPointerException.class).hasMessage("lease");
    assertThatThrownBy(() -> IncidentStore.leaseEnd(last.minusSeconds(600), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lease must be positive, was PT0S");
  }

  @Test
  void checkOpening_emptyOrNotStartingWithAReport_refused() {
    assertThatThrownBy(() -> IncidentStore.checkOpening(java.util.List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("intake starts with an IncidentReported event");
    assertThatThrownBy(() -> IncidentStore.checkOpening(null))
        .isInstanceOf(NullPointerException.class).hasMessage("opening");
  }

  @Test
  void checkPeriod_endBeforeStart_refusedNamingBoth_emptyPeriodAllowed() {
    java.time.Instant t = java.time.Instant.parse("2024-03-04T00:00:00Z");
    IncidentStore.checkPeriod(t, t);
    assertThatThrownBy(() -> IncidentStore.checkPeriod(t, t.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the period must not end (2024-03-03T23:59:59Z) before it starts "
            + "(2024-03-04T00:00:00Z)");
    assertThatThrownBy(() -> IncidentStore.checkPeriod(null, t))
        .isInstanceOf(NullPointerException.class).hasMessage("from");
  }
}
