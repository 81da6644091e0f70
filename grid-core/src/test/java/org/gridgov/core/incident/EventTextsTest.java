package org.gridgov.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.core.incident.Events.*;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every free text an event holds can be stored as is by every adapter. */
class EventTextsTest {
  private static IncidentReported reportedWithTopic(String topic) {
    return new IncidentReported(ID, Actor.worker(WANG), T0, "", Source.PATROL, LAMP, GRID,
        Optional.empty(), Optional.empty(), false, "street lamp out", Optional.of(topic));
  }

  @Test
  void reported_topicThatNoStoreKeeps_refusedNamingTheField() {
    assertThatThrownBy(() -> reportedWithTopic("lamps\u0000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reported.topic must not hold a NUL character (at 5)");
    assertThatThrownBy(() -> reportedWithTopic("x".repeat(IncidentEvent.MAX_TEXT + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reported.topic must be at most 4000 characters, was 4001");
    assertThatThrownBy(() -> reportedWithTopic("cut \uD83D"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reported.topic must not hold half of a surrogate pair (at 4)");
  }

  @Test
  void reported_topicWithinTheLimits_kept() {
    assertThat(reportedWithTopic("每月一题 \uD83D\uDCA1").topic()).contains("每月一题 \uD83D\uDCA1");
  }
}
