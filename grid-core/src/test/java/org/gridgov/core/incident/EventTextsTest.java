package org.gridgov.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.core.Refusals.refusal;
import static org.gridgov.core.incident.Events.*;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.gridgov.core.InputRules;
import org.gridgov.core.Violation;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;

/** Every free text an event holds can be stored as is by every adapter. */
class EventTextsTest {
  private static IncidentReported reportedWithTopic(String topic) {
    return new IncidentReported(
        ID,
        Actor.worker(WANG),
        T0,
        "",
        Source.PATROL,
        LAMP,
        GRID,
        Optional.empty(),
        Optional.empty(),
        false,
        "street lamp out",
        Optional.of(topic));
  }

  @Test
  void reported_topicThatNoStoreKeeps_refusedNamingTheField() {
    String subject = "reported event of incident INC-1";
    assertThat(refusal(() -> reportedWithTopic("lamps\u0000"), subject, "topic", InputRules.FORMAT))
        .hasToString("topic: must not hold a NUL character (at 5) [input.format]");
    assertThat(
            refusal(
                    () -> reportedWithTopic("x".repeat(IncidentEvent.MAX_TEXT + 1)),
                    subject,
                    "topic",
                    InputRules.FORMAT)
                .message())
        .isEqualTo("must be at most 4000 characters, was 4001");
    assertThat(
            refusal(() -> reportedWithTopic("cut \uD83D"), subject, "topic", InputRules.FORMAT)
                .message())
        .isEqualTo("must not hold half of a surrogate pair (at 4)");
  }

  @Test
  void anyEvent_reasonOrSummaryThatNoStoreKeeps_refusedNamingTheFieldNotTheText() {
    Violation reason =
        refusal(
            () -> new IncidentClosed(ID, CENTRE, T0, "secret\u0000"),
            "closed event of incident INC-1",
            "reason",
            InputRules.FORMAT);
    assertThat(reason.value()).isNull();
    assertThat(reason.toString()).doesNotContain("secret");
    refusal(
        () -> new FeedbackGiven(ID, Actor.worker(WANG), T0, "", WANG, "done\u0000"),
        "feedback event of incident INC-1",
        "summary",
        InputRules.FORMAT);
    refusal(
        () ->
            new IncidentReported(
                ID,
                Actor.worker(WANG),
                T0,
                "",
                Source.PATROL,
                LAMP,
                GRID,
                Optional.empty(),
                Optional.empty(),
                false,
                "lamp\u0000",
                Optional.empty()),
        "reported event of incident INC-1",
        "description",
        InputRules.FORMAT);
  }

  @Test
  void reported_topicWithinTheLimits_kept() {
    assertThat(reportedWithTopic("每月一题 \uD83D\uDCA1").topic()).contains("每月一题 \uD83D\uDCA1");
  }

  @Test
  void everyEvent_aReasonNoStoreKeeps_refusedNamingTheEvent() {
    String bad = "see \u0000";
    Map<String, ThrowingCallable> events = new java.util.LinkedHashMap<>();
    events.put(
        "reported",
        () ->
            new IncidentReported(
                ID,
                CENTRE,
                T0,
                bad,
                Source.PATROL,
                LAMP,
                GRID,
                Optional.empty(),
                Optional.empty(),
                false,
                "lamp out",
                Optional.empty()));
    events.put("registered", () -> new IncidentRegistered(ID, CENTRE, T0, bad, LAMP, URBAN, T0));
    events.put(
        "rejected",
        () -> new IncidentRejected(ID, CENTRE, T0, bad, RejectionKind.INVALID, Optional.empty()));
    events.put("claimed", () -> new IncidentClaimed(ID, Actor.worker(LI), T0, bad, LI, T0));
    events.put("assigned", () -> new IncidentAssigned(ID, CENTRE, T0, bad, LI, URBAN, T0));
    events.put("feedback", () -> new FeedbackGiven(ID, Actor.worker(LI), T0, bad, LI, "done"));
    events.put("returned", () -> new CaseReturned(ID, CENTRE, T0, bad, URBAN));
    events.put("arbitrated", () -> new CaseArbitrated(ID, CENTRE, T0, bad, URBAN, T0));
    events.put(
        "joint-meeting",
        () -> new JointMeetingConvened(ID, CENTRE, T0, bad, URBAN, Set.of(URBAN, GREENING), T0));
    events.put(
        "escalated",
        () ->
            new IncidentEscalated(
                ID,
                CENTRE,
                T0,
                bad,
                Level.GRID,
                Level.COMMUNITY,
                EscalationKind.REQUESTED,
                false,
                T0));
    events.put("referred", () -> new CaseReferred(ID, SYSTEM, T0, bad, URBAN, Level.GRID));
    events.put("supervised", () -> new IncidentSupervised(ID, SYSTEM, T0, bad));
    events.put("overdue", () -> new MarkedOverdue(ID, SYSTEM, T0, bad, T0, Optional.empty()));
    events.put("extended", () -> new DeadlineExtended(ID, CENTRE, T0, bad, T0));
    events.put("verified", () -> new VerificationPassed(ID, CENTRE, T0, bad, ZHAO));
    events.put("verification-failed", () -> new VerificationFailed(ID, CENTRE, T0, bad, ZHAO, T0));
    events.put("closed", () -> new IncidentClosed(ID, CENTRE, T0, bad));
    events.put("rated", () -> new IncidentRated(ID, CENTRE, T0, bad, new Rating(3, 3, 3)));
    events.put("reopened", () -> new CaseReopened(ID, CENTRE, T0, bad, T0));
    events.put("suspended", () -> new CaseSuspended(ID, CENTRE, T0, bad));
    events.put("resumed", () -> new CaseResumed(ID, CENTRE, T0, bad, T0));
    events.put("archived", () -> new IncidentArchived(ID, CENTRE, T0, bad));

    assertThat(events).hasSize(Step.values().length);
    events.forEach(
        (event, build) ->
            assertThat(
                    refusal(build, event + " event of incident INC-1", "reason", InputRules.FORMAT)
                        .message())
                .as(event)
                .isEqualTo("must not hold a NUL character (at 4)"));
  }

  @Test
  void text_ofExactlyTheLimit_kept() {
    String longest = "x".repeat(IncidentEvent.MAX_TEXT);

    assertThat(IncidentEvent.textProblem(longest)).isNull();
    assertThat(new IncidentClosed(ID, CENTRE, T0, longest).reason()).hasSize(4000);
  }

  /**
   * The limit counts characters as a reader does, one for each code point: a character outside the
   * basic plane (an emoji, or a rare Han character of a name such as 𠮷) is two Java chars but one
   * character, so the limit holds as many of them as of any other.
   */
  @Test
  void text_charactersOutsideTheBasicPlane_countedOnceEach() {
    String rare = new String(Character.toChars(0x20BB7)); // 𠮷, two UTF-16 units
    String longest = rare.repeat(IncidentEvent.MAX_TEXT);

    assertThat(IncidentEvent.textProblem(longest)).isNull();
    assertThat(new IncidentClosed(ID, CENTRE, T0, longest).reason()).isEqualTo(longest);
    assertThat(IncidentEvent.textProblem("x" + longest))
        .isEqualTo("must be at most 4000 characters, was 4001");
    assertThat(IncidentEvent.textProblem("x".repeat(IncidentEvent.MAX_TEXT - 1) + rare + rare))
        .as("the last of two rare characters past the limit")
        .isEqualTo("must be at most 4000 characters, was 4001");
  }
}
