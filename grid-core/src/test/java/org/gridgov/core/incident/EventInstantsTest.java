package org.gridgov.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.core.incident.Events.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every instant an event holds lies where every store keeps it and finds it due. */
class EventInstantsTest {
  private static final Instant FIRST = IncidentEvent.MIN_INSTANT;
  private static final Instant LAST = IncidentEvent.MAX_INSTANT;
  private static final String RANGE =
      "must be between 1900-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z";

  private static IncidentReported reportedAt(Instant at) {
    return new IncidentReported(ID, Actor.worker(WANG), at, "", Source.PATROL, LAMP, GRID,
        Optional.empty(), Optional.empty(), false, "street lamp out", Optional.empty());
  }

  @Test
  void instantProblem_insideTheRangeBothEndsIncluded_none() {
    assertThat(IncidentEvent.instantProblem(FIRST)).isNull();
    assertThat(IncidentEvent.instantProblem(LAST)).isNull();
    assertThat(IncidentEvent.instantProblem(T0.plusNanos(1))).as("finer than a microsecond")
        .isNull();
    assertThat(IncidentEvent.instantProblem(FIRST.minusNanos(1))).isEqualTo(RANGE);
    assertThat(IncidentEvent.instantProblem(LAST.plusNanos(1))).isEqualTo(RANGE);
    assertThat(IncidentEvent.instantProblem(Instant.MIN)).isEqualTo(RANGE);
    assertThat(IncidentEvent.instantProblem(Instant.MAX)).isEqualTo(RANGE);
  }

  @Test
  void events_instantOutsideTheRange_refusedNamingEventFieldAndRange() {
    Instant before = Instant.parse("1899-12-31T23:59:59.999999Z");
    Instant after = Instant.parse("+10000-01-01T00:00:00Z");

    assertThatThrownBy(() -> reportedAt(before))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reported.at " + RANGE + ", was 1899-12-31T23:59:59.999999Z");
    assertThatThrownBy(() -> new IncidentClosed(ID, CENTRE, after, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("closed.at " + RANGE + ", was +10000-01-01T00:00:00Z");
    assertThatThrownBy(() -> new IncidentRegistered(ID, CENTRE, T0, "", LAMP, URBAN, after))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("registered.claimUntil " + RANGE);
    assertThatThrownBy(() -> new IncidentAssigned(ID, SYSTEM, T0, "", WANG, URBAN,
        LAST.plusNanos(1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("assigned.replyBy " + RANGE);
    assertThatThrownBy(() -> new DeadlineExtended(ID, CENTRE, T0, "", after))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("extended.replyBy " + RANGE);
    assertThatThrownBy(() -> new MarkedOverdue(ID, SYSTEM, FIRST, "", before, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("overdue.deadline " + RANGE);
    assertThatThrownBy(() -> new MarkedOverdue(ID, SYSTEM, T0, "", T0, Optional.of(after)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("overdue.superviseAt " + RANGE);
  }

  @Test
  void replay_timersAtBothEndsOfTheRange_keptExactly() {
    Incident first = Incident.replay(List.of(reportedAt(FIRST),
        new IncidentRegistered(ID, CENTRE, FIRST, "", LAMP, URBAN, FIRST)));
    Instant hourBefore = LAST.minus(Duration.ofHours(1));
    Incident last = Incident.replay(List.of(reportedAt(hourBefore),
        new IncidentRegistered(ID, CENTRE, hourBefore, "", LAMP, URBAN, hourBefore),
        new IncidentAssigned(ID, SYSTEM, hourBefore, "", WANG, URBAN, LAST)));

    assertThat(first.nextTimer()).contains(new Timer(TimerKind.CLAIM_WINDOW, FIRST));
    assertThat(last.nextTimer()).contains(new Timer(TimerKind.REPLY_DEADLINE, LAST));
  }
}
