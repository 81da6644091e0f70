package org.gridgov.scoring.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.scoring.Town.*;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.util.List;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.Source;
import org.gridgov.core.territory.AreaKind;
import org.gridgov.scoring.History;
import org.gridgov.scoring.policy.IndicatorSettings;
import org.junit.jupiter.api.Test;

/**
 * The instants where an indicator changes its verdict. Every window is half-open, as the dispatch
 * timers count it: closing, responding, registering or verifying at exactly the limit is late, a
 * second before it in time; a feedback at the reply deadline is late.
 */
class IndicatorBoundariesTest {

  private static UnitIndicators grid1(List<IncidentEvent> history) {
    return grid1(SETTINGS, history);
  }

  private static UnitIndicators grid1(IndicatorSettings settings, List<IncidentEvent> history) {
    return new IndicatorEngine(PERIOD, settings)
        .seed(directory())
        .acceptAll(List.of(history))
        .finish()
        .area(G1);
  }

  private static List<IncidentEvent> closedAt(double hour) {
    return History.byWorker("c", G1, A, 0)
        .registered(1, URBAN)
        .claimed(A, 2, 74)
        .feedback(A, 10)
        .verified(S, 12)
        .closed(hour)
        .build();
  }

  @Test
  void closedOnTime_closedExactlyCloseWithinAfterRegistration_late() {
    UnitIndicators atLimit = grid1(closedAt(1 + 96));

    assertThat(atLimit.rate(Indicator.CLOSED_ON_TIME_RATE)).isEqualTo(Rate.of(0, 1));
    assertThat(atLimit.rate(Indicator.CLOSED_LATE)).isEqualTo(Rate.of(1, 1));
  }

  @Test
  void closedOnTime_closedASecondBeforeCloseWithin_onTime() {
    UnitIndicators justBefore = grid1(closedAt(1 + 96 - 1.0 / 3600));

    assertThat(justBefore.rate(Indicator.CLOSED_ON_TIME_RATE)).isEqualTo(Rate.of(1, 1));
    assertThat(justBefore.rate(Indicator.CLOSED_LATE)).isEqualTo(Rate.of(0, 1));
  }

  @Test
  void responseRate_firstDispatchAtRespondWithin_notInTime_aSecondBefore_inTime() {
    UnitIndicators atLimit = grid1(hotline(1 + 24));
    UnitIndicators justBefore = grid1(hotline(1 + 24 - 1.0 / 3600));

    assertLateAtTheLimit(Indicator.RESPONSE_RATE, atLimit, justBefore);
  }

  private static List<IncidentEvent> hotline(double assignedAt) {
    return History.reported("h", G1, Source.HOTLINE_12345, Actor.external("hotline"), 0)
        .registered(1, URBAN)
        .assigned(B, URBAN, assignedAt, assignedAt + 72)
        .build();
  }

  @Test
  void registeredOnTime_atTheRecordedLimit_late_aSecondBefore_onTime() {
    // [report, registerBy): at the limit the registration timer supervises the report
    assertLateAtTheLimit(
        Indicator.REGISTERED_ON_TIME_RATE,
        grid1(registeredAt(2)),
        grid1(registeredAt(2 - 1.0 / 3600)));
  }

  private static List<IncidentEvent> registeredAt(double hour) {
    return History.byWorker("r", G1, A, 0).registerBy(2).registered(hour, URBAN).build();
  }

  @Test
  void verifiedOnTime_atTheSettingsLimit_late_aSecondBefore_onTime() {
    IndicatorSettings hour =
        SETTINGS.withTiming(
            ImmutableMap.of(), ImmutableMap.of(AreaKind.URBAN, Duration.ofHours(1)));
    UnitIndicators atLimit = grid1(hour, verifiedAt(11));
    UnitIndicators justBefore = grid1(hour, verifiedAt(11 - 1.0 / 3600));

    assertLateAtTheLimit(Indicator.VERIFIED_ON_TIME_RATE, atLimit, justBefore);
  }

  private static List<IncidentEvent> verifiedAt(double hour) {
    return History.byWorker("v", G1, A, 0)
        .registered(1, URBAN)
        .claimed(A, 2, 74)
        .feedback(A, 10)
        .verified(S, hour)
        .build();
  }

  @Test
  void handledOnTime_feedbackAtTheDeadline_late_aSecondBefore_onTime() {
    UnitIndicators atDeadline =
        grid1(
            History.byWorker("d", G1, A, 0)
                .registered(1, URBAN)
                .claimed(A, 2, 74)
                .feedback(A, 74)
                .build());
    UnitIndicators justBefore =
        grid1(
            History.byWorker("d", G1, A, 0)
                .registered(1, URBAN)
                .claimed(A, 2, 74)
                .feedback(A, 74 - 1.0 / 3600)
                .build());

    // [start, deadline): at the deadline the overdue timer fires
    assertLateAtTheLimit(Indicator.HANDLED_ON_TIME_RATE, atDeadline, justBefore);
  }

  /** One case, late when its step is at the limit, on time when the step is a second before. */
  private static void assertLateAtTheLimit(
      Indicator indicator, UnitIndicators atLimit, UnitIndicators justBefore) {
    assertThat(atLimit.rate(indicator)).as("at the limit").isEqualTo(Rate.of(0, 1));
    assertThat(justBefore.rate(indicator)).as("a second before").isEqualTo(Rate.of(1, 1));
  }

  @Test
  void satisfaction_exactlySatisfiedAtLeast_satisfied() {
    UnitIndicators g1 =
        grid1(
            History.reported(
                    "h",
                    G1,
                    org.gridgov.core.incident.Source.HOTLINE_12345,
                    org.gridgov.core.incident.Actor.external("hotline"),
                    0)
                .registered(1, URBAN)
                .assigned(B, URBAN, 2, 74)
                .feedback(B, 10)
                .verified(S, 12)
                .closed(13)
                .rated(4, 4, 4, 20)
                .build());

    assertThat(g1.rate(Indicator.SATISFACTION_RATE))
        .as("satisfiedAtLeast 4")
        .isEqualTo(Rate.of(1, 1));
  }

  @Test
  void replyIndex_deadlineReplacedAtItsInstant_countedAsMissed() {
    UnitIndicators atDeadline =
        grid1(
            History.byWorker("x", G1, A, 0)
                .registered(1, URBAN)
                .claimed(A, 2, 74)
                .extended(74, 146)
                .feedback(A, 100)
                .build());
    UnitIndicators before =
        grid1(
            History.byWorker("x", G1, A, 0)
                .registered(1, URBAN)
                .claimed(A, 2, 74)
                .extended(74 - 1.0 / 3600, 146)
                .feedback(A, 100)
                .build());

    assertThat(atDeadline.rate(Indicator.REPLY_INDEX))
        .as("the deadline at 74 h passed unanswered when it was replaced at 74 h")
        .isEqualTo(Rate.of(1, 2));
    assertThat(before.rate(Indicator.REPLY_INDEX))
        .as("replaced in time: one reply due")
        .isEqualTo(Rate.of(1, 1));
  }

  private static IndicatorReport report(List<IncidentEvent> history) {
    return new IndicatorEngine(PERIOD, SETTINGS)
        .seed(directory())
        .acceptAll(List.of(history))
        .finish();
  }

  @Test
  void suspension_deadlineAlreadyMissedStaysMissed_oneStillAheadIsWithdrawn() {
    IndicatorReport late =
        report(
            History.byWorker("s", G1, A, 0)
                .registered(1, URBAN)
                .claimed(A, 2, 74)
                .suspended(80)
                .build());
    IndicatorReport early =
        report(
            History.byWorker("s", G1, A, 0)
                .registered(1, URBAN)
                .claimed(A, 2, 74)
                .suspended(50)
                .build());

    assertThat(late.area(G1).rate(Indicator.REPLY_INDEX))
        .as("missed at 74 h, parked at 80 h")
        .isEqualTo(Rate.of(0, 1));
    assertThat(late.area(G1).rate(Indicator.OVERDUE_UNHANDLED))
        .as("no deadline in force once parked")
        .isEqualTo(Rate.of(0, 1));
    assertThat(early.area(G1).rate(Indicator.REPLY_INDEX).denominator())
        .as("parked before its deadline: no reply was due")
        .isZero();
    assertThat(early.area(G1).rate(Indicator.OVERDUE_UNHANDLED)).isEqualTo(Rate.of(0, 1));
  }

  @Test
  void returned_deadlineAheadWithdrawnWithTheCase() {
    IndicatorReport returned =
        report(
            History.byWorker("r", G1, A, 0)
                .registered(1, URBAN)
                .assigned(A, URBAN, 2, 74)
                .returned(URBAN, 10)
                .build());

    assertThat(returned.area(G1).rate(Indicator.REPLY_INDEX).denominator()).isZero();
    assertThat(returned.worker(A).rate(Indicator.OVERDUE_UNHANDLED)).isEqualTo(Rate.of(0, 1));
  }

  @Test
  void supervised_overdueCaseCountsForItsAssignee_lateVerificationForTheAreasOnly() {
    IndicatorReport overdue =
        report(
            History.byWorker("o", G1, A, 0)
                .registered(1, URBAN)
                .claimed(A, 2, 74)
                .overdue(74, 74)
                .supervised(98)
                .build());
    IndicatorReport unverified =
        report(
            History.byWorker("v", G1, A, 0)
                .registered(1, URBAN)
                .claimed(A, 2, 74)
                .feedback(A, 10, 11)
                .supervised(12)
                .build());

    assertThat(overdue.worker(A).rate(Indicator.SUPERVISED)).isEqualTo(Rate.of(1, 1));
    assertThat(overdue.line(URBAN).rate(Indicator.SUPERVISED)).isEqualTo(Rate.of(1, 1));
    assertThat(overdue.area(G1).rate(Indicator.SUPERVISED)).isEqualTo(Rate.of(1, 1));
    assertThat(unverified.worker(A).rate(Indicator.SUPERVISED))
        .as("the centre's verification was late, not the handler")
        .isEqualTo(Rate.of(0, 1));
    assertThat(unverified.area(G1).rate(Indicator.SUPERVISED)).isEqualTo(Rate.of(1, 1));
  }
}
