package org.gridgov.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.core.Refusals.refusal;
import static org.gridgov.core.incident.Events.*;

import java.util.Optional;
import org.gridgov.core.InputRules;
import org.gridgov.core.Violation;
import org.junit.jupiter.api.Test;

/** Every free text an event holds can be stored as is by every adapter. */
class EventTextsTest {
  private static IncidentReported reportedWithTopic(String topic) {
    return new IncidentReported(ID, Actor.worker(WANG), T0, "", Source.PATROL, LAMP, GRID,
        Optional.empty(), Optional.empty(), false, "street lamp out", Optional.of(topic));
  }

  @Test
  void reported_topicThatNoStoreKeeps_refusedNamingTheField() {
    String subject = "reported event of incident INC-1";
    assertThat(refusal(() -> reportedWithTopic("lamps\u0000"), subject, "topic",
        InputRules.FORMAT))
        .hasToString("topic: must not hold a NUL character (at 5) [input.format]");
    assertThat(refusal(() -> reportedWithTopic("x".repeat(IncidentEvent.MAX_TEXT + 1)), subject,
        "topic", InputRules.FORMAT).message())
        .isEqualTo("must be at most 4000 characters, was 4001");
    assertThat(refusal(() -> reportedWithTopic("cut \uD83D"), subject, "topic", InputRules.FORMAT)
        .message()).isEqualTo("must not hold half of a surrogate pair (at 4)");
  }

  @Test
  void anyEvent_reasonOrSummaryThatNoStoreKeeps_refusedNamingTheFieldNotTheText() {
    Violation reason = refusal(() -> new IncidentClosed(ID, CENTRE, T0, "secret\u0000"),
        "closed event of incident INC-1", "reason", InputRules.FORMAT);
    assertThat(reason.value()).isNull();
    assertThat(reason.toString()).doesNotContain("secret");
    refusal(() -> new FeedbackGiven(ID, Actor.worker(WANG), T0, "", WANG, "done\u0000"),
        "feedback event of incident INC-1", "summary", InputRules.FORMAT);
    refusal(() -> new IncidentReported(ID, Actor.worker(WANG), T0, "", Source.PATROL, LAMP, GRID,
        Optional.empty(), Optional.empty(), false, "lamp\u0000", Optional.empty()),
        "reported event of incident INC-1", "description", InputRules.FORMAT);
  }

  @Test
  void reported_topicWithinTheLimits_kept() {
    assertThat(reportedWithTopic("每月一题 \uD83D\uDCA1").topic()).contains("每月一题 \uD83D\uDCA1");
  }
}
