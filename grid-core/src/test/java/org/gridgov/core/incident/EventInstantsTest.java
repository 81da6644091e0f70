package org.gridgov.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.core.Refusals.refusal;
import static org.gridgov.core.incident.Events.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.InputRules;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;

/** Every instant an event holds lies where every store keeps it and finds it due. */
class EventInstantsTest {
  private static final Instant FIRST = IncidentEvent.MIN_INSTANT;
  private static final Instant LAST = IncidentEvent.MAX_INSTANT;
  private static final String RANGE =
      "must be between 1900-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z";

  private static IncidentReported reportedAt(Instant at) {
    return new IncidentReported(
        ID,
        Actor.worker(WANG),
        at,
        "",
        Source.PATROL,
        LAMP,
        GRID,
        Optional.empty(),
        Optional.empty(),
        false,
        "street lamp out",
        Optional.empty());
  }

  @Test
  void instantProblem_insideTheRangeBothEndsIncluded_none() {
    assertThat(IncidentEvent.instantProblem(FIRST)).isNull();
    assertThat(IncidentEvent.instantProblem(LAST)).isNull();
    assertThat(IncidentEvent.instantProblem(T0.plusNanos(1)))
        .as("finer than a microsecond")
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

    assertThat(
            refusal(
                () -> reportedAt(before),
                "reported event of incident INC-1",
                "at",
                InputRules.RANGE))
        .hasToString("at: " + RANGE + ", was 1899-12-31T23:59:59.999999Z" + " [input.range]");
    assertThat(
            refusal(
                    () -> new IncidentClosed(ID, CENTRE, after, ""),
                    "closed event of incident INC-1",
                    "at",
                    InputRules.RANGE)
                .value())
        .isEqualTo("+10000-01-01T00:00:00Z");
    refusal(
        () -> new IncidentRegistered(ID, CENTRE, T0, "", LAMP, URBAN, after),
        "registered event of incident INC-1",
        "claimUntil",
        InputRules.RANGE);
    refusal(
        () -> new IncidentAssigned(ID, SYSTEM, T0, "", WANG, URBAN, LAST.plusNanos(1)),
        "assigned event of incident INC-1",
        "replyBy",
        InputRules.RANGE);
    refusal(
        () -> new DeadlineExtended(ID, CENTRE, T0, "", after),
        "extended event of incident INC-1",
        "replyBy",
        InputRules.RANGE);
    refusal(
        () -> new MarkedOverdue(ID, SYSTEM, FIRST, "", before, Optional.empty()),
        "overdue event of incident INC-1",
        "deadline",
        InputRules.RANGE);
    assertThat(
            refusal(
                    () -> new MarkedOverdue(ID, SYSTEM, T0, "", T0, Optional.of(after)),
                    "overdue event of incident INC-1",
                    "superviseAt",
                    InputRules.RANGE)
                .message())
        .isEqualTo(RANGE);
  }

  @Test
  void events_instantBeforeOrAtTheirOwn_refusedNamingTheField() {
    assertThat(
            refusal(
                () -> new IncidentAssigned(ID, SYSTEM, at(5), "", WANG, URBAN, at(4)),
                "assigned event of incident INC-1",
                "replyBy",
                InputRules.RANGE))
        .hasToString(
            "replyBy: must not be before the event's instant 2024-03-04T06:00:00Z,"
                + " was 2024-03-04T05:00:00Z [input.range]");
    assertThat(
            refusal(
                    () -> new CaseSuspended(ID, CENTRE, at(5), "", Optional.of(at(5))),
                    "suspended event of incident INC-1",
                    "until",
                    InputRules.RANGE)
                .message())
        .isEqualTo("must be after the event's instant 2024-03-04T06:00:00Z");
    refusal(
        () ->
            new FeedbackGiven(ID, Actor.worker(WANG), at(5), "", WANG, "done", Optional.of(at(4))),
        "feedback event of incident INC-1",
        "verifyBy",
        InputRules.RANGE);
    refusal(
        () ->
            new IncidentReported(
                ID,
                Actor.worker(WANG),
                at(5),
                "",
                Source.PATROL,
                LAMP,
                GRID,
                Optional.empty(),
                Optional.empty(),
                false,
                "street lamp out",
                Optional.empty(),
                Optional.of(at(5))),
        "reported event of incident INC-1",
        "registerBy",
        InputRules.RANGE);
    assertThat(
            refusal(
                () -> new MarkedOverdue(ID, SYSTEM, at(4), "", at(5), Optional.empty()),
                "overdue event of incident INC-1",
                "at",
                InputRules.RANGE))
        .hasToString(
            "at: must not be before the deadline 2024-03-04T06:00:00Z, was 2024-03-04T05:00:00Z"
                + " [input.range]");
  }

  @Test
  void replay_timersAtBothEndsOfTheRange_keptExactly() {
    Incident first =
        Incident.replay(
            List.of(
                reportedAt(FIRST),
                new IncidentRegistered(ID, CENTRE, FIRST, "", LAMP, URBAN, FIRST)));
    Instant hourBefore = LAST.minus(Duration.ofHours(1));
    Incident last =
        Incident.replay(
            List.of(
                reportedAt(hourBefore),
                new IncidentRegistered(ID, CENTRE, hourBefore, "", LAMP, URBAN, hourBefore),
                new IncidentAssigned(ID, SYSTEM, hourBefore, "", WANG, URBAN, LAST)));

    assertThat(first.nextTimer()).contains(new Timer(TimerKind.CLAIM_WINDOW, FIRST));
    assertThat(last.nextTimer()).contains(new Timer(TimerKind.REPLY_DEADLINE, LAST));
  }

  @Test
  void events_deadlineBeforeTheirOwnInstant_refusedNamingTheField() {
    String before = "must not be before the event's instant 2024-03-04T06:00:00Z";
    assertThat(
            refusal(
                    () -> new IncidentClaimed(ID, Actor.worker(LI), at(5), "", LI, at(4)),
                    "claimed event of incident INC-1",
                    "replyBy",
                    InputRules.RANGE)
                .message())
        .isEqualTo(before);
    assertThat(
            refusal(
                    () -> new CaseArbitrated(ID, CENTRE, at(5), "", URBAN, at(4)),
                    "arbitrated event of incident INC-1",
                    "claimUntil",
                    InputRules.RANGE)
                .message())
        .isEqualTo(before);
    refusal(
        () ->
            new JointMeetingConvened(ID, CENTRE, at(5), "", URBAN, Set.of(URBAN, GREENING), at(4)),
        "joint-meeting event of incident INC-1",
        "claimUntil",
        InputRules.RANGE);
    refusal(
        () ->
            new IncidentEscalated(
                ID,
                CENTRE,
                at(5),
                "",
                Level.GRID,
                Level.COMMUNITY,
                EscalationKind.REQUESTED,
                false,
                at(4)),
        "escalated event of incident INC-1",
        "claimUntil",
        InputRules.RANGE);
    refusal(
        () -> new VerificationFailed(ID, CENTRE, at(5), "", ZHAO, at(4)),
        "verification-failed event of incident INC-1",
        "replyBy",
        InputRules.RANGE);
    refusal(
        () -> new CaseResumed(ID, CENTRE, at(5), "", at(4)),
        "resumed event of incident INC-1",
        "replyBy",
        InputRules.RANGE);
    refusal(
        () -> new CaseReopened(ID, CENTRE, at(5), "", at(4)),
        "reopened event of incident INC-1",
        "replyBy",
        InputRules.RANGE);
    assertThat(new CaseReopened(ID, CENTRE, at(5), "", at(5)).replyBy())
        .as("at it is fine")
        .isEqualTo(at(5));
  }

  @Test
  void events_limitAfterTheirInstantButBeyondTheRange_refusedNamingTheField() {
    assertThat(
            refusal(
                    () -> new CaseSuspended(ID, CENTRE, T0, "", Optional.of(LAST.plusNanos(1))),
                    "suspended event of incident INC-1",
                    "until",
                    InputRules.RANGE)
                .message())
        .isEqualTo(RANGE);
    refusal(
        () ->
            new FeedbackGiven(
                ID, Actor.worker(WANG), T0, "", WANG, "done", Optional.of(LAST.plusNanos(1))),
        "feedback event of incident INC-1",
        "verifyBy",
        InputRules.RANGE);
    assertThat(new CaseSuspended(ID, CENTRE, T0, "", Optional.of(LAST)).until()).contains(LAST);
  }
}
