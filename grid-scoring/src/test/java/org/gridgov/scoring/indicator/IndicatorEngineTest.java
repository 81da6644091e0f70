package org.gridgov.scoring.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.scoring.Town.*;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.Source;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.Level;
import org.gridgov.scoring.History;
import org.gridgov.scoring.UnitKind;
import org.gridgov.scoring.UnitRef;
import org.gridgov.scoring.policy.IndicatorSettings;
import org.junit.jupiter.api.Test;

/** Every formula computed by hand on {@link org.gridgov.scoring.Town#march()}. */
class IndicatorEngineTest {

  private static IndicatorReport march() {
    return new IndicatorEngine(PERIOD, SETTINGS)
        .seed(directory())
        .acceptAll(marchHistories())
        .acceptVisits(
            List.of(
                new VisitRecord(A, G1, "b3-101", LocalDate.of(2024, 3, 5)),
                new VisitRecord(A, G1, "b3-102", LocalDate.of(2024, 3, 5)),
                new VisitRecord(B, G1, "b4-201", LocalDate.of(2024, 3, 31)),
                new VisitRecord(B, G1, "b4-202", LocalDate.of(2024, 4, 1))))
        .finish();
  }

  private static List<List<IncidentEvent>> marchHistories() {
    return org.gridgov.scoring.Town.march();
  }

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  @Test
  void engine_builtInCodeWithoutAPeriodOrWithBadSettings_refusedNamingTheFields() {
    IndicatorSettings bad =
        new IndicatorSettings(
            SETTINGS.respondWithin(),
            SETTINGS.closeWithin(),
            Duration.ofHours(-1),
            SETTINGS.satisfiedAtLeast(),
            SETTINGS.lateReplyCredit(),
            ImmutableList.of(0, 90),
            SETTINGS.threeRateSources());

    assertThatThrownBy(() -> new IndicatorEngine(null, SETTINGS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("period: is required [scoring.required]");
    assertThatThrownBy(() -> new IndicatorEngine(PERIOD, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("indicators: is required [scoring.required]");
    assertThatThrownBy(() -> new IndicatorEngine(PERIOD, bad))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("indicators.settleAfter: must not be negative")
        .hasMessageContaining("indicators.percentiles[0]: must be 1 to 100");
  }

  @Test
  void grid_marchHistory_everyRateAsComputedByHand() {
    UnitIndicators g1 = march().area(G1);

    assertThat(g1.rate(Indicator.REPORTED)).isEqualTo(Rate.of(3, 1));
    assertThat(g1.rate(Indicator.EFFECTIVE_REPORT_RATE)).isEqualTo(Rate.of(2, 3));
    assertThat(g1.value(Indicator.EFFECTIVE_REPORT_RATE)).contains(dec("0.6667"));
    assertThat(g1.rate(Indicator.REGISTERED)).isEqualTo(Rate.of(2, 1));
    assertThat(g1.rate(Indicator.CLOSED)).isEqualTo(Rate.of(2, 1));
    assertThat(g1.rate(Indicator.CLOSURE_RATE)).isEqualTo(Rate.of(2, 2));
    assertThat(g1.rate(Indicator.CLOSED_ON_TIME_RATE))
        .as("i2 took 121 h > 96 h")
        .isEqualTo(Rate.of(1, 2));
    assertThat(g1.rate(Indicator.HANDLED_ON_TIME_RATE)).isEqualTo(Rate.of(2, 3));
    assertThat(g1.rate(Indicator.REWORK_RATE)).isEqualTo(Rate.of(1, 3));
    assertThat(g1.rate(Indicator.OVERDUE)).isEqualTo(Rate.of(1, 1));
    assertThat(g1.rate(Indicator.VISITS)).as("the April visit is outside").isEqualTo(Rate.of(3, 1));
    assertThat(g1.rate(Indicator.PROACTIVE_CLAIM_RATE)).isEqualTo(Rate.of(1, 2));
    assertThat(g1.rate(Indicator.EFFECTIVE_HANDLING_RATE)).isEqualTo(Rate.of(2, 3));
    assertThat(g1.rate(Indicator.REPLY_INDEX))
        .as("(2 on time + 0.5 × 1 late) ÷ 3 due")
        .isEqualTo(new Rate(dec("2.5"), 3));
    assertThat(g1.value(Indicator.REPLY_INDEX)).contains(dec("0.8333"));
    assertThat(g1.rate(Indicator.RATING_INDEX))
        .as("(12 + 5) ÷ (12 × 2)")
        .isEqualTo(Rate.of(17, 24));
  }

  @Test
  void grid_hotlineOnly_threeRates() {
    UnitIndicators g1 = march().area(G1);

    assertThat(g1.rate(Indicator.RESPONSE_RATE))
        .as("i2 assigned exactly 24 h after registration: at the limit, so not in time")
        .isEqualTo(Rate.of(0, 1));
    assertThat(g1.rate(Indicator.RESOLUTION_RATE)).isEqualTo(Rate.of(1, 1));
    assertThat(g1.rate(Indicator.SATISFACTION_RATE))
        .as("satisfaction 3 < 4")
        .isEqualTo(Rate.of(0, 1));
  }

  @Test
  void registrationTime_reportToFirstRegistration_medianAndMeanForAreasAndLine() {
    List<List<IncidentEvent>> histories = new ArrayList<>(marchHistories());
    histories.add(History.byWorker("slow", G1, A, 100).registered(103, URBAN).build());
    IndicatorReport march =
        new IndicatorEngine(PERIOD, SETTINGS).seed(directory()).acceptAll(histories).finish();
    UnitIndicators g1 = march.area(G1);

    // i1 and i2 registered 1 h after their reports, "slow" 3 h after; i5's registration falls
    // after the period, i3 was rejected, i4 (G2) registered 1 h after
    assertThat(g1.registrationTime().count()).isEqualTo(3);
    assertThat(g1.registrationTime().p(50)).contains(Duration.ofHours(1));
    assertThat(g1.registrationTime().mean()).contains(Duration.ofMinutes(100));
    assertThat(g1.value(Indicator.REGISTRATION_TIME)).contains(BigDecimal.valueOf(3600));
    assertThat(march.area(G2).registrationTime().mean()).contains(Duration.ofHours(1));
    assertThat(march.line(URBAN).registrationTime().mean()).contains(Duration.ofMinutes(90));
    assertThat(march.worker(A).registrationTime())
        .as("the centre registers, not a worker")
        .isEqualTo(Percentiles.NONE);
    assertThat(g1.handlingTime().mean()).as("12 h and 121 h").contains(Duration.ofMinutes(3990));
  }

  @Test
  void overdueUnhandled_aDeadlineOfThePeriodPassedWithNoFeedbackByTheCutOff() {
    IndicatorReport march = march();

    // i4 (G2) was assigned to C due at 99 h and never fed back; i2 (G1) was late but fed back
    assertThat(march.area(G2).rate(Indicator.OVERDUE_UNHANDLED)).isEqualTo(Rate.of(1, 1));
    assertThat(march.worker(C).rate(Indicator.OVERDUE_UNHANDLED)).isEqualTo(Rate.of(1, 1));
    assertThat(march.line(URBAN).rate(Indicator.OVERDUE_UNHANDLED)).isEqualTo(Rate.of(1, 1));
    assertThat(march.area(G1).rate(Indicator.OVERDUE_UNHANDLED)).isEqualTo(Rate.of(0, 1));
    assertThat(march.worker(B).rate(Indicator.OVERDUE_UNHANDLED)).isEqualTo(Rate.of(0, 1));
  }

  @Test
  void overdueUnhandled_notForADeadlineOfTheNextPeriod() {
    // the period ends 663 h after T0
    var dueInApril =
        History.byWorker("april", G1, A, 600).registered(601, URBAN).claimed(A, 602, 700).build();
    var due =
        History.byWorker("due", G1, A, 600).registered(601, URBAN).claimed(A, 602, 650).build();

    UnitIndicators g1 =
        new IndicatorEngine(PERIOD, SETTINGS)
            .seed(directory())
            .acceptAll(List.of(dueInApril, due))
            .finish()
            .area(G1);

    assertThat(g1.rate(Indicator.OVERDUE_UNHANDLED)).as("only 'due'").isEqualTo(Rate.of(1, 1));
  }

  @Test
  void highIncidenceShare_reportsOfThePeriodsTopCategoriesPerReport() {
    CategoryCode litter = CategoryCode.parse("E0101");
    CategoryCode other = CategoryCode.parse("E0301");
    // vending (History's default) 3 reports in March, litter 2, other 1; one more litter in April
    List<List<IncidentEvent>> histories =
        List.of(
            History.byWorker("g1-1", G1, A, 10).build(),
            History.byWorker("g1-2", G1, A, 11).build(),
            History.byWorker("g1-3", G1, A, 12).reportedAs(litter).build(),
            History.byWorker("g2-1", G2, C, 10).build(),
            History.byWorker("g2-2", G2, C, 11).reportedAs(litter).build(),
            History.byWorker("g2-3", G2, C, 12).reportedAs(other).build(),
            History.byWorker("april", G2, C, 700).reportedAs(litter).build());

    IndicatorReport top1 =
        new IndicatorEngine(PERIOD, SETTINGS.withHighIncidenceTop(1))
            .seed(directory())
            .acceptAll(histories)
            .finish();
    IndicatorReport top2 =
        new IndicatorEngine(PERIOD, SETTINGS.withHighIncidenceTop(2))
            .seed(directory())
            .acceptAll(histories)
            .finish();

    assertThat(top1.area(G1).rate(Indicator.HIGH_INCIDENCE_SHARE)).isEqualTo(Rate.of(2, 3));
    assertThat(top1.area(G2).rate(Indicator.HIGH_INCIDENCE_SHARE)).isEqualTo(Rate.of(1, 3));
    assertThat(top1.area(COMMUNITY).rate(Indicator.HIGH_INCIDENCE_SHARE)).isEqualTo(Rate.of(3, 6));
    assertThat(top2.area(G1).rate(Indicator.HIGH_INCIDENCE_SHARE)).isEqualTo(Rate.of(3, 3));
    assertThat(top2.area(G2).rate(Indicator.HIGH_INCIDENCE_SHARE)).isEqualTo(Rate.of(2, 3));
    assertThat(Indicator.HIGH_INCIDENCE_SHARE.unitKinds()).doesNotContain(UnitKind.WORKER);
  }

  @Test
  void highIncidenceShare_aReportCountsUnderTheCategoryItWasRegisteredIn() {
    CategoryCode litter = CategoryCode.parse("E0101");
    // three vending reports, two of them registered as litter by the centre; one litter report
    List<List<IncidentEvent>> histories =
        List.of(
            History.byWorker("v1", G1, A, 10).build(),
            History.byWorker("v2", G1, A, 10).registeredAs(litter, 11, URBAN).build(),
            History.byWorker("v3", G2, C, 10).registeredAs(litter, 11, URBAN).build(),
            History.byWorker("l1", G2, C, 10)
                .reportedAs(litter)
                .registeredAs(litter, 11, URBAN)
                .build());

    IndicatorReport top1 =
        new IndicatorEngine(PERIOD, SETTINGS.withHighIncidenceTop(1))
            .seed(directory())
            .acceptAll(histories)
            .finish();

    assertThat(top1.area(G2).rate(Indicator.HIGH_INCIDENCE_SHARE))
        .as("litter, three of four once corrected, is the period's top category")
        .isEqualTo(Rate.of(2, 2));
    assertThat(top1.area(G1).rate(Indicator.HIGH_INCIDENCE_SHARE)).isEqualTo(Rate.of(1, 2));
  }

  @Test
  void highIncidenceShare_tiesGoToTheLowerCode() {
    CategoryCode litter = CategoryCode.parse("E0101");
    List<List<IncidentEvent>> histories =
        List.of(
            History.byWorker("vending", G1, A, 10).build(),
            History.byWorker("litter", G2, C, 10).reportedAs(litter).build());

    IndicatorReport top1 =
        new IndicatorEngine(PERIOD, SETTINGS.withHighIncidenceTop(1))
            .seed(directory())
            .acceptAll(histories)
            .finish();

    assertThat(top1.area(G2).rate(Indicator.HIGH_INCIDENCE_SHARE)).isEqualTo(Rate.of(1, 1));
    assertThat(top1.area(G1).rate(Indicator.HIGH_INCIDENCE_SHARE)).isEqualTo(Rate.of(0, 1));
  }

  @Test
  void closedLate_theCohortClosedAfterCloseWithin() {
    IndicatorReport march = march();

    // G1's cohort: i1 closed 12 h after registration, i2 121 h after (> 96 h), i5 still open
    assertThat(march.area(G1).rate(Indicator.CLOSED_LATE)).isEqualTo(Rate.of(1, 1));
    assertThat(march.worker(B).rate(Indicator.CLOSED_LATE)).isEqualTo(Rate.of(1, 1));
    assertThat(march.worker(A).rate(Indicator.CLOSED_LATE)).isEqualTo(Rate.of(0, 1));
    assertThat(march.area(G2).rate(Indicator.CLOSED_LATE)).isEqualTo(Rate.of(0, 1));
  }

  @Test
  void grid_durations_nearestRankPercentiles() {
    UnitIndicators g1 = march().area(G1);

    assertThat(g1.responseTime().p(50)).contains(Duration.ofHours(1));
    assertThat(g1.responseTime().p(90)).contains(Duration.ofHours(24));
    assertThat(g1.handlingTime().p(50)).contains(Duration.ofHours(12));
    assertThat(g1.handlingTime().p(90)).contains(Duration.ofHours(121));
    assertThat(g1.value(Indicator.HANDLING_TIME)).contains(BigDecimal.valueOf(12 * 3600));
  }

  @Test
  void durations_policyWithoutTheFiftiethPercentile_stillHaveTheirMedianAsValue() {
    IndicatorSettings ninetieth =
        new IndicatorSettings(
            SETTINGS.respondWithin(),
            SETTINGS.closeWithin(),
            SETTINGS.settleAfter(),
            SETTINGS.satisfiedAtLeast(),
            SETTINGS.lateReplyCredit(),
            com.google.common.collect.ImmutableList.of(90),
            SETTINGS.threeRateSources());

    UnitIndicators g1 =
        new IndicatorEngine(PERIOD, ninetieth)
            .seed(directory())
            .acceptAll(marchHistories())
            .finish()
            .area(G1);

    assertThat(g1.value(Indicator.HANDLING_TIME)).contains(BigDecimal.valueOf(12 * 3600));
    assertThat(g1.handlingTime().p(90)).contains(Duration.ofHours(121));
  }

  @Test
  void overdue_oneMarkPerMissedDeadline_aCaseOverdueInTwoRoundsCountsTwice() {
    // A misses 10 h and is marked; the centre gives the case to B at 12 h, who misses 20 h too
    var twice =
        org.gridgov.scoring.History.byWorker("twice", G1, A, 0)
            .registered(1, URBAN)
            .claimed(A, 2, 10)
            .overdue(10, 10)
            .assigned(B, URBAN, 12, 20)
            .overdue(20, 20)
            .feedback(B, 21)
            .build();

    IndicatorReport report =
        new IndicatorEngine(PERIOD, SETTINGS).seed(directory()).acceptAll(List.of(twice)).finish();

    assertThat(report.area(G1).count(Counter.OVERDUE)).isEqualTo(2);
    assertThat(report.line(URBAN).count(Counter.OVERDUE)).isEqualTo(2);
    assertThat(report.worker(A).count(Counter.OVERDUE)).isEqualTo(1);
    assertThat(report.worker(B).count(Counter.OVERDUE)).isEqualTo(1);
  }

  @Test
  void replyAtTheDeadlineInstant_late_asTheOverdueTimerFiresThen() {
    var atDeadline =
        org.gridgov.scoring.History.byWorker("edge", G1, A, 0)
            .registered(1, URBAN)
            .claimed(A, 2, 74)
            .feedback(A, 74)
            .build();
    var justBefore =
        org.gridgov.scoring.History.byWorker("inside", G1, A, 0)
            .registered(1, URBAN)
            .claimed(A, 2, 74)
            .feedback(A, 73.99)
            .build();

    UnitIndicators a =
        new IndicatorEngine(PERIOD, SETTINGS)
            .seed(directory())
            .acceptAll(List.of(atDeadline, justBefore))
            .finish()
            .worker(A);

    assertThat(a.count(Counter.REPLIES_DUE)).isEqualTo(2);
    assertThat(a.count(Counter.REPLIES_ON_TIME)).isEqualTo(1);
    assertThat(a.count(Counter.REPLIES_LATE)).isEqualTo(1);
  }

  @Test
  void workers_attributedByReporterHandlerAndAssignee() {
    IndicatorReport report = march();
    UnitIndicators a = report.worker(A);
    UnitIndicators b = report.worker(B);
    UnitIndicators c = report.worker(C);

    assertThat(a.rate(Indicator.REPORTED)).isEqualTo(Rate.of(2, 1));
    assertThat(a.rate(Indicator.EFFECTIVE_REPORT_RATE))
        .as("i5 registered after the cut-off")
        .isEqualTo(Rate.of(1, 2));
    assertThat(a.rate(Indicator.PROACTIVE_CLAIM_RATE)).isEqualTo(Rate.of(1, 1));
    assertThat(a.rate(Indicator.VISITS)).isEqualTo(Rate.of(2, 1));
    assertThat(a.rate(Indicator.CLOSED_ON_TIME_RATE)).isEqualTo(Rate.of(1, 1));
    assertThat(b.rate(Indicator.PROACTIVE_CLAIM_RATE)).isEqualTo(Rate.of(0, 1));
    assertThat(b.rate(Indicator.REWORK_RATE)).isEqualTo(Rate.of(1, 2));
    assertThat(b.rate(Indicator.EFFECTIVE_HANDLING_RATE)).isEqualTo(Rate.of(1, 2));
    assertThat(b.rate(Indicator.REPLY_INDEX)).isEqualTo(new Rate(dec("1.5"), 2));
    assertThat(b.rate(Indicator.OVERDUE)).isEqualTo(Rate.of(1, 1));
    assertThat(b.rate(Indicator.CLOSED_ON_TIME_RATE)).isEqualTo(Rate.of(0, 1));
    assertThat(c.rate(Indicator.EFFECTIVE_REPORT_RATE)).as("i3 rejected").isEqualTo(Rate.of(1, 2));
    assertThat(c.count(Counter.REJECTED)).isEqualTo(1);
    assertThat(c.rate(Indicator.REPLY_INDEX))
        .as("i4's deadline passed unanswered")
        .isEqualTo(Rate.of(0, 1));
    assertThat(c.rate(Indicator.CLOSURE_RATE)).isEqualTo(Rate.of(0, 1));
    assertThat(report.worker(CADRE).counts()).as("seeded with zeros").isEqualTo(Counts.ZERO);
  }

  @Test
  void communityStreetAndLine_sumTheirGrids() {
    IndicatorReport report = march();
    UnitIndicators community = report.area(COMMUNITY);
    UnitIndicators line = report.line(URBAN);

    assertThat(community.rate(Indicator.EFFECTIVE_REPORT_RATE)).isEqualTo(Rate.of(3, 5));
    assertThat(community.rate(Indicator.CLOSURE_RATE)).isEqualTo(Rate.of(2, 3));
    assertThat(report.area(STREET).counts()).isEqualTo(community.counts());
    assertThat(line.rate(Indicator.REPORTED))
        .as("reports have no line yet")
        .isEqualTo(Rate.of(0, 1));
    assertThat(line.rate(Indicator.CLOSURE_RATE)).isEqualTo(Rate.of(2, 3));
    assertThat(line.rate(Indicator.PROACTIVE_CLAIM_RATE)).isEqualTo(Rate.of(1, 3));
    assertThat(report.of(UnitKind.GRID))
        .extracting(u -> u.unit().id())
        .containsExactly(G1.value(), G2.value());
  }

  @Test
  void settleAfter_laterCutOff_countsAprilRegistrationAsEffective() {
    var settings =
        new org.gridgov.scoring.policy.IndicatorSettings(
            Duration.ofHours(24),
            Duration.ofHours(96),
            Duration.ofDays(5),
            4,
            dec("0.5"),
            com.google.common.collect.ImmutableList.of(50),
            SETTINGS.threeRateSources());

    IndicatorReport report =
        new IndicatorEngine(PERIOD, settings).acceptAll(marchHistories()).finish();

    assertThat(report.worker(A).rate(Indicator.EFFECTIVE_REPORT_RATE)).isEqualTo(Rate.of(2, 2));
    assertThat(report.area(G1).rate(Indicator.REGISTERED))
        .as("registered in April: not March's")
        .isEqualTo(Rate.of(2, 1));
  }

  @Test
  void accept_interleavedEventsInTimeOrder_sameAsHistoryByHistory() {
    List<IncidentEvent> log = new ArrayList<>();
    marchHistories().forEach(log::addAll);
    log.sort(Comparator.comparing(IncidentEvent::at));
    IndicatorEngine engine = new IndicatorEngine(PERIOD, SETTINGS).seed(directory());
    log.forEach(engine::accept);
    engine.acceptVisits(
        List.of(
            new VisitRecord(A, G1, "b3-101", LocalDate.of(2024, 3, 5)),
            new VisitRecord(A, G1, "b3-102", LocalDate.of(2024, 3, 5)),
            new VisitRecord(B, G1, "b4-201", LocalDate.of(2024, 3, 31))));

    assertThat(engine.finish()).isEqualTo(march());
  }

  @Test
  void archivedIncident_completedEarly_sameCounts() {
    List<IncidentEvent> archived = new ArrayList<>(marchHistories().get(0));
    IndicatorEngine plain = new IndicatorEngine(PERIOD, SETTINGS);
    archived.forEach(plain::accept);
    IndicatorEngine early = new IndicatorEngine(PERIOD, SETTINGS);
    History.byWorker("i1", G1, A, 0)
        .registered(1, URBAN)
        .claimed(A, 2, 74)
        .feedback(A, 10)
        .verified(S, 12)
        .closed(13)
        .rated(5, 5, 5, 20)
        .archived(30)
        .build()
        .forEach(early::accept);

    assertThat(early.finish().area(G1).counts()).isEqualTo(plain.finish().area(G1).counts());
  }

  @Test
  void reassignmentToAnotherLine_keepsTheMissedDeadlineWithTheLineThatSetIt() {
    // B (urban) must reply by 10 h and does not; at 20 h C (greening) takes it and replies in time
    LineId greening = LineId.of("greening");
    IndicatorReport report =
        new IndicatorEngine(PERIOD, SETTINGS)
            .acceptAll(
                List.of(
                    History.byWorker("i1", G1, A, 0)
                        .registered(1, URBAN)
                        .assigned(B, URBAN, 2, 10)
                        .assigned(C, greening, 20, 40)
                        .feedback(C, 30)
                        .verified(S, 31)
                        .closed(32)
                        .build()))
            .finish();

    assertThat(report.worker(B).count(Counter.REPLIES_DUE)).isEqualTo(1);
    assertThat(report.line(URBAN).count(Counter.REPLIES_DUE))
        .as("urban set and missed it")
        .isEqualTo(1);
    assertThat(report.line(URBAN).rate(Indicator.REPLY_INDEX)).isEqualTo(Rate.of(0, 1));
    assertThat(report.line(greening).count(Counter.REPLIES_DUE)).isEqualTo(1);
    assertThat(report.line(greening).rate(Indicator.REPLY_INDEX)).isEqualTo(Rate.of(1, 1));
  }

  @Test
  void reassignment_movesLaterCountsToTheNewAssignee() {
    // C is assigned at 2 h (reply by 50 h), B takes over at 60 h (reply by 100 h) and handles it.
    IndicatorEngine engine = new IndicatorEngine(PERIOD, SETTINGS);
    History.byWorker("i6", G2, C, 0)
        .registered(1, URBAN)
        .assigned(C, URBAN, 2, 50)
        .assigned(B, URBAN, 60, 100)
        .feedback(B, 70)
        .verified(S, 71)
        .closed(72)
        .build()
        .forEach(engine::accept);

    IndicatorReport report = engine.finish();

    UnitIndicators c = report.worker(C);
    UnitIndicators b = report.worker(B);
    assertThat(c.counts())
        .as("C's 50 h deadline lapsed unanswered when B took over")
        .hasToString(
            "{REPORTED=1, EFFECTIVE_REPORTED=1, REPORTS_REGISTERED=1, DISPATCHED=1, REPLIES_DUE=1}");
    assertThat(c.responseTime().p(50))
        .as("the first dispatch, 1 h after registration")
        .contains(Duration.ofHours(1));
    assertThat(c.handlingTime()).isEqualTo(Percentiles.NONE);
    assertThat(b.counts())
        .hasToString(
            "{DUE_FOR_CLOSING=1, CLOSED_OF_DUE=1, CLOSED_ON_TIME=1,"
                + " CLOSED=1, DISPATCHED=1, HANDLED=1, HANDLED_ON_TIME=1, HANDLED_EFFECTIVELY=1,"
                + " REPLIES_DUE=1, REPLIES_ON_TIME=1}");
    assertThat(b.responseTime()).isEqualTo(Percentiles.NONE);
    assertThat(b.handlingTime().p(50))
        .as("registered 1 h, closed 72 h")
        .contains(Duration.ofHours(71));
    assertThat(c.rate(Indicator.REPLY_INDEX)).isEqualTo(Rate.of(0, 1));
    assertThat(b.rate(Indicator.REPLY_INDEX)).isEqualTo(Rate.of(1, 1));
  }

  @Test
  void reassignedAfterFailedVerification_openCaseGoesWithTheNewAssigneeAsWithTheNewLine() {
    // A (urban) feeds back at 10 h, verification fails at 11 h, C (greening) takes it over at
    // 20 h and has not handled it by the cut-off: the open case is C's, not A's
    LineId greening = LineId.of("greening");
    IndicatorReport report =
        new IndicatorEngine(PERIOD, SETTINGS)
            .acceptAll(
                List.of(
                    History.byWorker("i1", G1, A, 0)
                        .registered(1, URBAN)
                        .assigned(A, URBAN, 2, 50)
                        .feedback(A, 10)
                        .failed(S, 11, 40)
                        .assigned(C, greening, 20, 60)
                        .build()))
            .finish();

    assertThat(report.line(greening).rate(Indicator.CLOSURE_RATE)).isEqualTo(Rate.of(0, 1));
    assertThat(report.worker(C).rate(Indicator.CLOSURE_RATE)).isEqualTo(Rate.of(0, 1));
    assertThat(report.worker(A).rate(Indicator.CLOSURE_RATE))
        .as("A no longer holds it")
        .isEqualTo(Rate.of(0, 0));
    assertThat(report.worker(A).rate(Indicator.REWORK_RATE)).isEqualTo(Rate.of(1, 1));
  }

  @Test
  void reopened_countedAgainstTheClosing_cohortClosedOnlyIfClosedAgain() {
    // i1: A closes it at 12 h, the callback reopens it at 20 h, A closes it again at 40 h;
    // i2: closed at 12 h, reopened at 30 h and still open at the cut-off
    IndicatorReport report =
        new IndicatorEngine(PERIOD, SETTINGS)
            .acceptAll(
                List.of(
                    History.byWorker("i1", G1, A, 0)
                        .registered(1, URBAN)
                        .assigned(A, URBAN, 2, 50)
                        .feedback(A, 10)
                        .verified(S, 11)
                        .closed(12)
                        .rated(1, 1, 1, 15)
                        .reopened(20, 92)
                        .feedback(A, 30)
                        .verified(S, 31)
                        .closed(40)
                        .build(),
                    History.byWorker("i2", G1, A, 0)
                        .registered(1, URBAN)
                        .assigned(A, URBAN, 2, 50)
                        .feedback(A, 10)
                        .verified(S, 11)
                        .closed(12)
                        .reopened(30, 102)
                        .build()))
            .finish();

    UnitIndicators grid = report.area(G1);
    assertThat(grid.rate(Indicator.REOPEN_RATE))
        .as("2 reopenings of 3 closings")
        .isEqualTo(Rate.of(2, 3));
    assertThat(grid.rate(Indicator.CLOSURE_RATE))
        .as("i2 is open again at the cut-off")
        .isEqualTo(Rate.of(1, 2));
    assertThat(report.worker(A).rate(Indicator.REOPEN_RATE)).isEqualTo(Rate.of(2, 3));
    assertThat(report.line(URBAN).rate(Indicator.REOPEN_RATE)).isEqualTo(Rate.of(2, 3));
    assertThat(grid.rate(Indicator.REPLY_INDEX))
        .as("four deadlines; i2's new one (102 h) unanswered")
        .isEqualTo(new Rate(dec("3"), 4));
  }

  @Test
  void suspended_countedAgainstTheAssignee_aDeadlineAheadWithdrawn_oneMissedKept() {
    // i1: parked at 10 h with its deadline (50 h) ahead, resumed at 60 h due at 90 h, answered
    // at 70 h; i2: its deadline (5 h) missed, parked at 10 h, still parked at the cut-off
    IndicatorReport report =
        new IndicatorEngine(PERIOD, SETTINGS)
            .acceptAll(
                List.of(
                    History.byWorker("i1", G1, A, 0)
                        .registered(1, URBAN)
                        .assigned(A, URBAN, 2, 50)
                        .suspended(10)
                        .resumed(60, 90)
                        .feedback(A, 70)
                        .build(),
                    History.byWorker("i2", G1, A, 0)
                        .registered(1, URBAN)
                        .assigned(A, URBAN, 2, 5)
                        .overdue(5, 5)
                        .suspended(10)
                        .build()))
            .finish();

    UnitIndicators grid = report.area(G1);
    assertThat(grid.rate(Indicator.SUSPENDED)).isEqualTo(Rate.of(2, 1));
    assertThat(report.worker(A).rate(Indicator.SUSPENDED)).isEqualTo(Rate.of(2, 1));
    assertThat(report.line(URBAN).rate(Indicator.SUSPENDED)).isEqualTo(Rate.of(2, 1));
    assertThat(grid.rate(Indicator.REPLY_INDEX))
        .as("i1's 90 h deadline answered on time, i2's 5 h one missed; the withdrawn 50 h none")
        .isEqualTo(new Rate(dec("1"), 2));
  }

  @Test
  void supervised_theHandlersCasesForThem_lateCentreStepsForTheAreasAlone() {
    // i1: overdue at 50 h, supervised at 74 h; i2: supervised before registration (late);
    // i3: fed back at 10 h, supervised at 12 h awaiting verification, verified at 13 h
    IndicatorReport report =
        new IndicatorEngine(PERIOD, SETTINGS)
            .acceptAll(
                List.of(
                    History.byWorker("i1", G1, A, 0)
                        .registered(1, URBAN)
                        .assigned(A, URBAN, 2, 50)
                        .overdue(50, 50)
                        .supervised(74)
                        .build(),
                    History.byWorker("i2", G1, A, 0).supervised(1).registered(2, URBAN).build(),
                    History.byWorker("i3", G1, A, 0)
                        .registered(1, URBAN)
                        .assigned(A, URBAN, 2, 50)
                        .feedback(A, 10)
                        .supervised(12)
                        .verified(B, 13)
                        .build()))
            .finish();

    assertThat(report.area(G1).rate(Indicator.SUPERVISED)).isEqualTo(Rate.of(3, 1));
    assertThat(report.worker(A).rate(Indicator.SUPERVISED)).isEqualTo(Rate.of(1, 1));
    assertThat(report.line(URBAN).rate(Indicator.SUPERVISED)).isEqualTo(Rate.of(1, 1));
  }

  @Test
  void returnRate_returnsPerCaseSentToALine_forTheLineThatReturned() {
    // i1: registered for urban management, returned, arbitrated to housing; i2 and i3 registered
    // for urban management and kept
    LineId housing = LineId.of("housing");
    IndicatorReport report =
        new IndicatorEngine(PERIOD, SETTINGS)
            .acceptAll(
                List.of(
                    History.byWorker("i1", G1, A, 0)
                        .registered(1, URBAN)
                        .returned(URBAN, 2)
                        .arbitrated(housing, 3)
                        .build(),
                    History.byWorker("i2", G1, A, 0).registered(1, URBAN).build(),
                    History.byWorker("i3", G1, A, 0).registered(1, URBAN).build()))
            .finish();

    assertThat(report.area(G1).rate(Indicator.RETURN_RATE)).isEqualTo(Rate.of(1, 4));
    assertThat(report.line(URBAN).rate(Indicator.RETURN_RATE)).isEqualTo(Rate.of(1, 3));
    assertThat(report.line(housing).rate(Indicator.RETURN_RATE)).isEqualTo(Rate.of(0, 1));
    assertThat(Indicator.RETURN_RATE.unitKinds()).doesNotContain(UnitKind.WORKER);
  }

  @Test
  void duplicateRate_duplicatesRejectedPerReport_areasOnly() {
    // four reports in G1: i1 registered, i2 rejected as a duplicate of i1, i3 rejected as
    // invalid, i4 a duplicate rejected after the cut-off; one report in G2, a duplicate
    IndicatorReport report =
        new IndicatorEngine(PERIOD, SETTINGS)
            .acceptAll(
                List.of(
                    History.byWorker("i1", G1, A, 0).registered(1, URBAN).build(),
                    History.byWorker("i2", G1, A, 2).rejectedAsDuplicateOf("i1", 3).build(),
                    History.byWorker("i3", G1, A, 4).rejected(5).build(),
                    History.byWorker("i4", G1, B, 6).rejectedAsDuplicateOf("i1", 24 * 40).build(),
                    History.byWorker("i5", G2, C, 6).rejectedAsDuplicateOf("i1", 7).build()))
            .finish();

    assertThat(report.area(G1).rate(Indicator.DUPLICATE_RATE)).isEqualTo(Rate.of(1, 4));
    assertThat(report.area(G2).rate(Indicator.DUPLICATE_RATE)).isEqualTo(Rate.of(1, 1));
    assertThat(Indicator.DUPLICATE_RATE.unitKinds()).doesNotContain(UnitKind.WORKER, UnitKind.LINE);
  }

  @Test
  void extended_countedAgainstTheAssignee_answeredByTheNewDeadlineIsOnTime() {
    // i1: due at 50 h, extended at 40 h to 100 h, answered at 80 h; i2: due at 50 h, extended
    // twice (at 30 h to 60 h, at 55 h to 90 h), answered at 95 h; i3: due at 50 h, answered at 45 h
    IndicatorReport report =
        new IndicatorEngine(PERIOD, SETTINGS)
            .acceptAll(
                List.of(
                    History.byWorker("i1", G1, A, 0)
                        .registered(1, URBAN)
                        .assigned(A, URBAN, 2, 50)
                        .extended(40, 100)
                        .feedback(A, 80)
                        .build(),
                    History.byWorker("i2", G1, A, 0)
                        .registered(1, URBAN)
                        .assigned(A, URBAN, 2, 50)
                        .extended(30, 60)
                        .extended(55, 90)
                        .feedback(A, 95)
                        .build(),
                    History.byWorker("i3", G1, B, 0)
                        .registered(1, URBAN)
                        .assigned(B, URBAN, 2, 50)
                        .feedback(B, 45)
                        .build()))
            .finish();

    assertThat(report.area(G1).rate(Indicator.EXTENDED)).isEqualTo(Rate.of(3, 1));
    assertThat(report.line(URBAN).rate(Indicator.EXTENDED)).isEqualTo(Rate.of(3, 1));
    assertThat(report.worker(A).rate(Indicator.EXTENDED)).isEqualTo(Rate.of(3, 1));
    assertThat(report.worker(B).rate(Indicator.EXTENDED)).isEqualTo(Rate.of(0, 1));
    assertThat(report.area(G1).rate(Indicator.HANDLED_ON_TIME_RATE))
        .as("i1 and i3 answered by their deadlines, i2 after its second one")
        .isEqualTo(Rate.of(2, 3));
  }

  @Test
  void returnAndArbitration_moveLaterCountsToTheNewLine() {
    // A 12345 case: assigned to C for urban management at 2 h, returned at 3 h, arbitrated to
    // housing at 4 h, assigned to C for housing at 5 h (reply by 60 h), handled at 10 h, verified
    // at 11 h, closed at 12 h, rated 5/5/5 at 20 h.
    LineId housing = LineId.of("housing");
    IndicatorEngine engine = new IndicatorEngine(PERIOD, SETTINGS);
    History.reported("i7", G2, Source.HOTLINE_12345, Actor.external("hotline"), 0)
        .registered(1, URBAN)
        .assigned(C, URBAN, 2, 50)
        .returned(URBAN, 3)
        .arbitrated(housing, 4)
        .assigned(C, housing, 5, 60)
        .feedback(C, 10)
        .verified(S, 11)
        .closed(12)
        .rated(5, 5, 5, 20)
        .build()
        .forEach(engine::accept);

    IndicatorReport report = engine.finish();

    UnitIndicators urban = report.line(URBAN);
    UnitIndicators line = report.line(housing);
    assertThat(urban.counts())
        .as("the registration to it, its return, the first dispatch")
        .hasToString("{LINE_DISPATCHES=1, RETURNS=1, DISPATCHED=1}");
    assertThat(urban.responseTime().p(50)).contains(Duration.ofHours(1));
    assertThat(line.counts())
        .hasToString(
            "{LINE_DISPATCHES=1, DUE_FOR_CLOSING=1, CLOSED_OF_DUE=1,"
                + " CLOSED_ON_TIME=1, CLOSED=1, DISPATCHED=1, HANDLED=1, HANDLED_ON_TIME=1,"
                + " HANDLED_EFFECTIVELY=1, REPLIES_DUE=1, REPLIES_ON_TIME=1, RATED=1, SATISFIED=1,"
                + " RATING_POINTS=12, SCOPED_REGISTERED=1, SCOPED_RESPONDED=1, SCOPED_RESOLVED=1,"
                + " SCOPED_RATED=1, SCOPED_SATISFIED=1, VERIFIED=1}");
    assertThat(line.responseTime()).isEqualTo(Percentiles.NONE);
    assertThat(line.handlingTime().p(50)).contains(Duration.ofHours(11));
    assertThat(report.worker(C).count(Counter.DISPATCHED)).isEqualTo(2);
    assertThat(report.worker(C).count(Counter.SCOPED_RATED))
        .as("the three rates skip workers")
        .isZero();
    assertThat(report.area(G2).count(Counter.EFFECTIVE_REPORTED)).isEqualTo(1);
  }

  @Test
  void unitsCountedOnlyAfterThePeriod_notListed() {
    // Reported by C on 29 March; registered on a new line on 2 April and claimed on 2 April by a
    // worker who is in no roster, both before the cut-off of 5 days but outside March.
    var settings =
        new org.gridgov.scoring.policy.IndicatorSettings(
            Duration.ofHours(24),
            Duration.ofHours(96),
            Duration.ofDays(5),
            4,
            dec("0.5"),
            com.google.common.collect.ImmutableList.of(50),
            SETTINGS.threeRateSources());
    WorkerId stranger = WorkerId.of("w-d");
    IndicatorEngine engine = new IndicatorEngine(PERIOD, settings);
    History.byWorker("i8", G2, C, 600)
        .registered(700, LineId.of("housing"))
        .claimed(stranger, 701, 750)
        .build()
        .forEach(engine::accept);

    IndicatorReport report = engine.finish();

    assertThat(report.units().keySet())
        .containsExactly(
            UnitRef.worker(C), UnitRef.area(G2), UnitRef.area(COMMUNITY), UnitRef.area(STREET));
    assertThat(report.worker(C).counts()).hasToString("{REPORTED=1, EFFECTIVE_REPORTED=1}");
  }

  @Test
  void seconds_roundsDownLikeDurationBetween() {
    // from 100.5 s
    assertThat(IndicatorEngine.seconds(100, 500_000_000, Instant.ofEpochSecond(101, 200_000_000)))
        .as("0.7 s")
        .isZero();
    assertThat(IndicatorEngine.seconds(100, 500_000_000, Instant.ofEpochSecond(102, 500_000_000)))
        .isEqualTo(2);
    assertThat(IndicatorEngine.seconds(100, 500_000_000, Instant.ofEpochSecond(99, 800_000_000)))
        .as("-0.7 s")
        .isEqualTo(-1);
  }

  @Test
  void accept_eventBeforeReport_refused() {
    IndicatorEngine engine = new IndicatorEngine(PERIOD, SETTINGS);
    List<IncidentEvent> i1 = marchHistories().get(0);

    assertThatThrownBy(() -> engine.accept(i1.get(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("i1");
  }

  @Test
  void finish_twice_refused() {
    IndicatorEngine engine = new IndicatorEngine(PERIOD, SETTINGS);
    engine.finish();

    assertThatThrownBy(engine::finish).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void acceptAll_nullHistoryOrEvent_refusedNamingItsPlace_engineUnusableAfter() {
    List<List<IncidentEvent>> histories = new ArrayList<>(marchHistories());
    List<IncidentEvent> i1 = new ArrayList<>(histories.get(0));
    i1.set(1, null);
    histories.set(0, i1);
    IndicatorEngine engine = new IndicatorEngine(PERIOD, SETTINGS);
    IndicatorEngine other = new IndicatorEngine(PERIOD, SETTINGS);

    // before the fix: bare NullPointerExceptions, and the engine went on counting
    assertThatThrownBy(() -> engine.acceptAll(histories))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("histories[0][1]: must not be null [indicators.history]");
    assertThatThrownBy(() -> other.acceptAll(java.util.Arrays.asList(histories.get(1), null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("histories[1]: must not be null [indicators.history]");
    assertThatThrownBy(() -> other.acceptVisits(java.util.Arrays.asList((VisitRecord) null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refused");
    assertThatThrownBy(engine::finish)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refused");
    assertThatThrownBy(
            () ->
                new IndicatorEngine(PERIOD, SETTINGS)
                    .acceptVisits(java.util.Arrays.asList(null, null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("visits[0]: must not be null [indicators.visit]");
  }

  @Test
  void acceptAll_aHistoryThatIsNoCasesHistory_refusedNamingTheEvent_notCounted() {
    List<IncidentEvent> history = marchHistories().get(0);
    List<IncidentEvent> repeated = new ArrayList<>(history);
    repeated.add(2, history.get(1)); // its registration twice
    List<IncidentEvent> reversed = new ArrayList<>(history);
    java.util.Collections.reverse(reversed);
    List<IncidentEvent> mixed = new ArrayList<>(history.subList(0, 1));
    mixed.add(marchHistories().get(1).get(1)); // another incident's registration

    // before: the repeated registration counted twice as a line dispatch, silently
    assertThatThrownBy(() -> new IndicatorEngine(PERIOD, SETTINGS).acceptAll(List.of(repeated)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "histories[0][2]: must follow from the events before it in its" + " history")
        .hasMessageContaining("[indicators.history]");
    assertThatThrownBy(() -> new IndicatorEngine(PERIOD, SETTINGS).acceptAll(List.of(reversed)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("histories[0][0]: must follow from the events before it")
        .hasMessageContaining("a history starts with report");
    assertThatThrownBy(() -> new IndicatorEngine(PERIOD, SETTINGS).acceptAll(List.of(mixed)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("histories[0][1]: must follow")
        .hasMessageContaining("belongs to");
    IndicatorEngine twice = new IndicatorEngine(PERIOD, SETTINGS);
    assertThatThrownBy(() -> twice.acceptAll(List.of(history, history)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("histories[1][0]: must follow")
        .hasMessageContaining("is reported twice");
    assertThatThrownBy(twice::finish)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refused");
  }

  @Test
  void accept_afterFinishOrARefusal_refusesAVisitAndAnEvent_countsNothingMore() {
    VisitRecord visit = new VisitRecord(A, G1, "b3-101", LocalDate.of(2024, 3, 5));
    IncidentEvent report = History.byWorker("late", G1, A, 10).build().get(0);
    IndicatorEngine finished = new IndicatorEngine(PERIOD, SETTINGS);
    finished.finish();
    IndicatorEngine refused = new IndicatorEngine(PERIOD, SETTINGS);
    assertThatThrownBy(() -> refused.acceptAll(java.util.Arrays.asList((List<IncidentEvent>) null)))
        .isInstanceOf(InvalidInputException.class);

    assertThatThrownBy(() -> finished.accept(visit))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this engine has finished; start a new one");
    assertThatThrownBy(() -> finished.accept(report))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this engine has finished; start a new one");
    assertThatThrownBy(() -> refused.accept(visit))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refused its input (histories[0] must not be null)");
    assertThatThrownBy(() -> refused.accept(report))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refused its input (histories[0] must not be null)");
  }

  @Test
  void accept_anEventOutOfItsHistory_refusedAtEventAsAHistoryRule() {
    List<IncidentEvent> history = History.byWorker("i1", G1, A, 10).registered(11, URBAN).build();
    IndicatorEngine engine = new IndicatorEngine(PERIOD, SETTINGS);

    assertThatThrownBy(() -> engine.accept(history.get(1)))
        .as("a registration whose report was never fed")
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("indicators " + PERIOD.label());
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo("event");
                        assertThat(v.rule()).isEqualTo("indicators.history");
                        assertThat(v.message())
                            .isEqualTo(
                                "the history of incident i1 must start with its"
                                    + " report (or it was archived already)");
                      });
            });
    engine.accept(history.get(0));
    assertThatThrownBy(() -> engine.accept(history.get(0)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.path()).isEqualTo("event");
                          assertThat(v.rule()).isEqualTo("indicators.history");
                          assertThat(v.message()).isEqualTo("incident i1 is reported twice");
                        }));
  }

  @Test
  void acceptVisits_aNullAfterValidOnes_refusedByItsOwnIndex() {
    VisitRecord visit = new VisitRecord(A, G1, "b3-101", LocalDate.of(2024, 3, 5));

    assertThatThrownBy(
            () ->
                new IndicatorEngine(PERIOD, SETTINGS)
                    .acceptVisits(java.util.Arrays.asList(visit, visit, null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("visits[2]: must not be null [indicators.visit]")
        .hasMessageNotContaining("visits[0]");
  }

  @Test
  void seed_nothingFed_everyRosterWorkerAndTheAreasOfTheirGridsListedWithZeros() {
    IndicatorReport report = new IndicatorEngine(PERIOD, SETTINGS).seed(directory()).finish();

    assertThat(report.units().keySet())
        .containsExactlyInAnyOrder(
            UnitRef.worker(A),
            UnitRef.worker(B),
            UnitRef.worker(C),
            UnitRef.worker(S),
            UnitRef.worker(CADRE),
            UnitRef.area(G1),
            UnitRef.area(G2),
            UnitRef.area(COMMUNITY),
            UnitRef.area(STREET));
    assertThat(report.area(G2).counts()).hasToString("{}");
    assertThat(report.area(G2).rate(Indicator.REPORTED)).isEqualTo(Rate.of(0, 1));
  }

  @Test
  void verificationPassed_theFeedbackCountsForItsHandler_evenIfTheReopenedCaseGoesToAnother() {
    // A answers by 50 h at 10 h, passes at 11 h; the case is closed, reopened at 20 h and
    // given to B at 21 h, who has not answered by the cut-off
    IndicatorReport report =
        new IndicatorEngine(PERIOD, SETTINGS)
            .seed(directory())
            .acceptAll(
                List.of(
                    History.byWorker("i1", G1, A, 0)
                        .registered(1, URBAN)
                        .assigned(A, URBAN, 2, 50)
                        .feedback(A, 10)
                        .verified(S, 11)
                        .closed(12)
                        .reopened(20, 60)
                        .assigned(B, URBAN, 21, 60)
                        .build()))
            .finish();

    assertThat(report.worker(A).rate(Indicator.EFFECTIVE_HANDLING_RATE))
        .as("settled for A when verified, not when B holds the case")
        .isEqualTo(Rate.of(1, 1));
    assertThat(report.worker(B).rate(Indicator.EFFECTIVE_HANDLING_RATE)).isEqualTo(Rate.of(0, 0));
    assertThat(report.area(G1).rate(Indicator.EFFECTIVE_HANDLING_RATE)).isEqualTo(Rate.of(1, 1));
  }

  @Test
  void feedbackNeverVerified_onTime_countsAsEffectiveAtTheCutOff() {
    // fed back on time at 10 h and at 60 h after its 50 h deadline; neither verified by the cut-off
    IndicatorReport report =
        new IndicatorEngine(PERIOD, SETTINGS)
            .seed(directory())
            .acceptAll(
                List.of(
                    History.byWorker("i1", G1, A, 0)
                        .registered(1, URBAN)
                        .assigned(A, URBAN, 2, 50)
                        .feedback(A, 10)
                        .build(),
                    History.byWorker("i2", G1, A, 0)
                        .registered(1, URBAN)
                        .assigned(A, URBAN, 2, 50)
                        .overdue(50, 50)
                        .feedback(A, 60)
                        .build()))
            .finish();

    assertThat(report.worker(A).rate(Indicator.EFFECTIVE_HANDLING_RATE))
        .as("not failed at verification: i1 counts")
        .isEqualTo(Rate.of(1, 2));
    assertThat(report.area(G1).rate(Indicator.EFFECTIVE_HANDLING_RATE)).isEqualTo(Rate.of(1, 2));
    assertThat(report.line(URBAN).rate(Indicator.EFFECTIVE_HANDLING_RATE)).isEqualTo(Rate.of(1, 2));
  }

  @Test
  void extendedAfterTheDeadlinePassed_theMissedDeadlineStaysMissed() {
    // i1: due 20 h, overdue, extended at 25 h to 50 h, answered at 30 h; i2: extended in time
    IndicatorReport report =
        new IndicatorEngine(PERIOD, SETTINGS)
            .seed(directory())
            .acceptAll(
                List.of(
                    History.byWorker("i1", G1, A, 0)
                        .registered(1, URBAN)
                        .assigned(A, URBAN, 2, 20)
                        .overdue(20, 20)
                        .extended(25, 50)
                        .feedback(A, 30)
                        .build(),
                    History.byWorker("i2", G2, C, 0)
                        .registered(1, URBAN)
                        .assigned(C, URBAN, 2, 20)
                        .extended(15, 50)
                        .feedback(C, 30)
                        .build()))
            .finish();

    UnitIndicators a = report.worker(A);
    assertThat(a.count(Counter.REPLIES_DUE)).as("20 h missed, 50 h answered").isEqualTo(2);
    assertThat(a.count(Counter.REPLIES_ON_TIME)).isEqualTo(1);
    assertThat(a.rate(Indicator.REPLY_INDEX)).isEqualTo(Rate.of(1, 2));
    assertThat(report.area(G1).rate(Indicator.REPLY_INDEX)).isEqualTo(Rate.of(1, 2));
    assertThat(report.line(URBAN).count(Counter.REPLIES_DUE)).isEqualTo(3);
    assertThat(report.worker(C).rate(Indicator.REPLY_INDEX))
        .as("withdrawn 20 h: none")
        .isEqualTo(Rate.of(1, 1));
  }

  @Test
  void returned_aDeadlineAheadWithdrawn_oneMissedKeptWithTheAssignee() {
    // i1: A due 50 h, returned by urban at 10 h; i2: A due 5 h, overdue, returned at 10 h
    IndicatorReport report =
        new IndicatorEngine(PERIOD, SETTINGS)
            .seed(directory())
            .acceptAll(
                List.of(
                    History.byWorker("i1", G1, A, 0)
                        .registered(1, URBAN)
                        .assigned(A, URBAN, 2, 50)
                        .returned(URBAN, 10)
                        .build(),
                    History.byWorker("i2", G2, C, 0)
                        .registered(1, URBAN)
                        .assigned(C, URBAN, 2, 5)
                        .overdue(5, 5)
                        .returned(URBAN, 10)
                        .build()))
            .finish();

    assertThat(report.area(G1).count(Counter.REPLIES_DUE)).as("withdrawn").isZero();
    assertThat(report.area(G1).count(Counter.OVERDUE_UNHANDLED)).isZero();
    assertThat(report.worker(A).count(Counter.REPLIES_DUE)).isZero();
    assertThat(report.worker(C).rate(Indicator.REPLY_INDEX))
        .as("C missed 5 h")
        .isEqualTo(Rate.of(0, 1));
    assertThat(report.area(G2).rate(Indicator.REPLY_INDEX)).isEqualTo(Rate.of(0, 1));
  }

  @Test
  void escalated_theReplyDeadlineAheadWithdrawn_notOverdueForTheGridWorker() {
    // A claims at 2 h, due 50 h; passed up to the community at 10 h and not taken on again
    IndicatorReport report =
        new IndicatorEngine(PERIOD, SETTINGS)
            .seed(directory())
            .acceptAll(
                List.of(
                    History.byWorker("i1", G1, A, 0)
                        .registered(1, URBAN)
                        .claimed(A, 2, 50)
                        .escalated(Level.GRID, Level.COMMUNITY, 10)
                        .build()))
            .finish();

    assertThat(report.worker(A).count(Counter.REPLIES_DUE)).isZero();
    assertThat(report.worker(A).count(Counter.OVERDUE_UNHANDLED)).isZero();
    assertThat(report.area(G1).rate(Indicator.REPLY_INDEX)).isEqualTo(Rate.of(0, 0));
    assertThat(report.worker(A).rate(Indicator.CLOSURE_RATE))
        .as("A no longer holds it")
        .isEqualTo(Rate.of(0, 0));
  }

  @Test
  void arbitratedWhileDispatched_theReplyDeadlineAheadWithdrawn() {
    // returned by urban at 3 h, given to B for greening at 4 h (due 30 h), arbitrated to housing
    // at 10 h before B answered
    LineId greening = LineId.of("greening");
    IndicatorReport report =
        new IndicatorEngine(PERIOD, SETTINGS)
            .seed(directory())
            .acceptAll(
                List.of(
                    History.byWorker("i1", G1, A, 0)
                        .registered(1, URBAN)
                        .assigned(A, URBAN, 2, 50)
                        .returned(URBAN, 3)
                        .assigned(B, greening, 4, 30)
                        .arbitrated(LineId.of("housing"), 10)
                        .build()))
            .finish();

    assertThat(report.worker(B).count(Counter.REPLIES_DUE)).isZero();
    assertThat(report.line(greening).count(Counter.REPLIES_DUE)).isZero();
    assertThat(report.area(G1).count(Counter.OVERDUE_UNHANDLED)).isZero();
    assertThat(report.worker(B).rate(Indicator.CLOSURE_RATE))
        .as("B no longer holds it")
        .isEqualTo(Rate.of(0, 0));
  }
}
