package org.gridgov.scoring.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.scoring.Town.A;
import static org.gridgov.scoring.Town.C;
import static org.gridgov.scoring.Town.G1;
import static org.gridgov.scoring.Town.G2;
import static org.gridgov.scoring.Town.PERIOD;
import static org.gridgov.scoring.Town.S;
import static org.gridgov.scoring.Town.SETTINGS;
import static org.gridgov.scoring.Town.URBAN;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.Directory;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.policy.TimeLimit.Grade;
import org.gridgov.core.policy.WorkingTime;
import org.gridgov.core.territory.AreaKind;
import org.gridgov.scoring.History;
import org.gridgov.scoring.Town;
import org.gridgov.scoring.policy.IndicatorSettings;
import org.junit.jupiter.api.Test;

/**
 * 按时立案率, 核查率 and 按时核查率 on {@link Town#march()} (every report registered 1 h after it; G1's three
 * feedbacks verified 2 h, 1 h and 1 h after them) and one more case in G2 fed back and never
 * verified.
 */
class TimedRegistrationAndVerificationTest {
  private static final Duration HOUR = Duration.ofHours(1);

  /** A minute past the hour: the fixture's steps an hour after the last are in time against it. */
  private static final Duration HOUR_AND_A_MINUTE = Duration.ofMinutes(61);

  private static List<List<IncidentEvent>> histories() {
    List<List<IncidentEvent>> all = new ArrayList<>(Town.march());
    all.add(
        History.byWorker("i6", G2, C, 5)
            .registered(5.25, URBAN)
            .claimed(C, 6, 30)
            .feedback(C, 8)
            .build());
    return all;
  }

  private static IndicatorSettings timed(
      ImmutableMap<Grade, Duration> register, ImmutableMap<AreaKind, Duration> verify) {
    return SETTINGS.withTiming(register, verify);
  }

  private static IndicatorReport report(
      IndicatorSettings settings, Directory directory, List<List<IncidentEvent>> histories) {
    IndicatorEngine engine = new IndicatorEngine(PERIOD, settings);
    if (directory != null) {
      engine.seed(directory);
    }
    return engine.acceptAll(histories).finish();
  }

  /** Town's directory with G1 marked {@code area_kind: RURAL}. */
  private static Directory ruralG1() {
    Directory town = Town.directory();
    return town.withTerritory(town.territory().withAttribute(G1, AreaKind.ATTRIBUTE, "RURAL"));
  }

  @Test
  void registration_onTimeBeforeTheLimitOfTheGrade_lateAtIt() {
    IndicatorReport halfHour =
        report(
            timed(ImmutableMap.of(Grade.NORMAL, Duration.ofMinutes(30)), ImmutableMap.of()),
            Town.directory(),
            histories());
    IndicatorReport hour =
        report(
            timed(ImmutableMap.of(Grade.NORMAL, HOUR), ImmutableMap.of()),
            Town.directory(),
            histories());
    IndicatorReport hourAndAMinute =
        report(
            timed(ImmutableMap.of(Grade.NORMAL, HOUR_AND_A_MINUTE), ImmutableMap.of()),
            Town.directory(),
            histories());

    assertThat(halfHour.area(G1).rate(Indicator.REGISTERED_ON_TIME_RATE)).isEqualTo(Rate.of(0, 2));
    assertThat(halfHour.area(G2).rate(Indicator.REGISTERED_ON_TIME_RATE))
        .as("i4 after 1 h, i6 after 15 min")
        .isEqualTo(Rate.of(1, 2));
    assertThat(hour.area(G1).rate(Indicator.REGISTERED_ON_TIME_RATE))
        .as("registered exactly 1 h after: at the limit, when the timer supervises them")
        .isEqualTo(Rate.of(0, 2));
    assertThat(hourAndAMinute.area(G1).rate(Indicator.REGISTERED_ON_TIME_RATE))
        .isEqualTo(Rate.of(2, 2));
    assertThat(hourAndAMinute.line(URBAN).rate(Indicator.REGISTERED_ON_TIME_RATE))
        .isEqualTo(Rate.of(4, 4));
  }

  @Test
  void registration_urgentByTheReportOrByTheCategory_takesTheUrgentLimit() {
    List<List<IncidentEvent>> histories =
        List.of(
            History.byWorker("u1", G1, A, 0).urgent().registered(0.25, URBAN).build(),
            History.byWorker("u2", G1, A, 0)
                .registeredAs(CategoryCode.parse("E0501"), 0.25, URBAN)
                .build(),
            History.byWorker("n1", G1, A, 0).registered(0.25, URBAN).build());
    IndicatorSettings settings =
        timed(
            ImmutableMap.of(
                Grade.URGENT, Duration.ofMinutes(10), Grade.NORMAL, Duration.ofMinutes(30)),
            ImmutableMap.of());

    assertThat(
            report(settings, Town.directory(), histories)
                .area(G1)
                .rate(Indicator.REGISTERED_ON_TIME_RATE))
        .as("only n1, in 15 of its 30 minutes")
        .isEqualTo(Rate.of(1, 3));
  }

  @Test
  void registration_untimedGrade_orNoTiming_leavesTheRateEmpty() {
    IndicatorReport urgentOnly =
        report(
            timed(ImmutableMap.of(Grade.URGENT, HOUR), ImmutableMap.of()),
            Town.directory(),
            histories());
    IndicatorReport untimed = report(SETTINGS, Town.directory(), histories());

    assertThat(urgentOnly.area(G1).rate(Indicator.REGISTERED_ON_TIME_RATE))
        .isEqualTo(Rate.of(0, 0));
    assertThat(untimed.area(G1).value(Indicator.REGISTERED_ON_TIME_RATE)).isEmpty();
    assertThat(untimed.area(G1).value(Indicator.VERIFIED_ON_TIME_RATE)).isEmpty();
  }

  /** Monday to Friday, 08:30–17:30 in the period's zone, for the settings' own step limits. */
  private static WorkingTime officeHours(WorkingTime.Limit... limits) {
    return new WorkingTime(
        ImmutableList.of(WorkingTime.Period.parse("08:30-17:30").orElseThrow()),
        ImmutableSet.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY),
        ImmutableSortedSet.of(),
        ImmutableSortedSet.of(),
        ImmutableSet.copyOf(limits));
  }

  @Test
  void settingsLimitsInWorkingTime_anEveningReportRegisteredNextMorningIsOnTime() {
    // T0 is Monday 09:00 in Beijing: e1 reported at 19:00 and registered on Tuesday at 08:50,
    // d1 reported at 11:00 and registered at 12:00; e1 fed back at 17:00 on Tuesday and verified
    // on Wednesday at 08:55, d1 fed back at 14:00 and verified at 16:00
    List<List<IncidentEvent>> histories =
        List.of(
            History.byWorker("e1", G1, A, 10)
                .registered(23 + 50 / 60.0, URBAN)
                .claimed(A, 24, 48)
                .feedback(A, 32)
                .verified(S, 47 + 55 / 60.0)
                .build(),
            History.byWorker("d1", G1, A, 2)
                .registered(3, URBAN)
                .claimed(A, 3.5, 27)
                .feedback(A, 5)
                .verified(S, 7)
                .build());
    IndicatorSettings settings =
        timed(
            ImmutableMap.of(Grade.NORMAL, Duration.ofMinutes(30)),
            ImmutableMap.of(AreaKind.URBAN, HOUR));

    UnitIndicators calendar = report(settings, Town.directory(), histories).area(G1);
    UnitIndicators working =
        report(
                settings.withWorkingTime(
                    officeHours(WorkingTime.Limit.REGISTRATION, WorkingTime.Limit.VERIFICATION)),
                Town.directory(),
                histories)
            .area(G1);
    UnitIndicators registrationOnly =
        report(
                settings.withWorkingTime(officeHours(WorkingTime.Limit.REGISTRATION)),
                Town.directory(),
                histories)
            .area(G1);

    assertThat(calendar.rate(Indicator.REGISTERED_ON_TIME_RATE)).isEqualTo(Rate.of(0, 2));
    assertThat(calendar.rate(Indicator.VERIFIED_ON_TIME_RATE)).isEqualTo(Rate.of(0, 2));
    assertThat(working.rate(Indicator.REGISTERED_ON_TIME_RATE))
        .as("e1 in 20 working minutes; d1 an hour in office hours")
        .isEqualTo(Rate.of(1, 2));
    assertThat(working.rate(Indicator.VERIFIED_ON_TIME_RATE))
        .as("e1 in 55 working minutes (17:00-17:30, 08:30-08:55); d1 in two hours")
        .isEqualTo(Rate.of(1, 2));
    assertThat(registrationOnly.rate(Indicator.REGISTERED_ON_TIME_RATE)).isEqualTo(Rate.of(1, 2));
    assertThat(registrationOnly.rate(Indicator.VERIFIED_ON_TIME_RATE))
        .as("verification left in calendar time")
        .isEqualTo(Rate.of(0, 2));
  }

  @Test
  void verification_countsTheFeedbacksVerifiedByTheCutOff_withOrWithoutTiming() {
    IndicatorReport untimed = report(SETTINGS, Town.directory(), histories());

    assertThat(untimed.area(G1).rate(Indicator.VERIFICATION_RATE))
        .as("passed or failed")
        .isEqualTo(Rate.of(3, 3));
    assertThat(untimed.area(G2).rate(Indicator.VERIFICATION_RATE)).isEqualTo(Rate.of(0, 1));
  }

  @Test
  void verification_onTimeByTheLimitOfTheGridsAreaKind() {
    IndicatorSettings settings =
        timed(
            ImmutableMap.of(),
            ImmutableMap.of(
                AreaKind.URBAN, HOUR_AND_A_MINUTE, AreaKind.RURAL, Duration.ofMinutes(121)));

    IndicatorReport urban = report(settings, Town.directory(), histories());
    IndicatorReport rural = report(settings, ruralG1(), histories());
    IndicatorReport unseeded = report(settings, null, histories());

    assertThat(urban.area(G1).rate(Indicator.VERIFIED_ON_TIME_RATE))
        .as("i1 took 2 h")
        .isEqualTo(Rate.of(2, 3));
    assertThat(rural.area(G1).rate(Indicator.VERIFIED_ON_TIME_RATE)).isEqualTo(Rate.of(3, 3));
    assertThat(unseeded.area(G1).rate(Indicator.VERIFIED_ON_TIME_RATE))
        .as("no territory: every area urban")
        .isEqualTo(Rate.of(2, 3));
    assertThat(urban.area(G2).rate(Indicator.VERIFIED_ON_TIME_RATE))
        .as("i6 never verified")
        .isEqualTo(Rate.of(0, 1));
    assertThat(rural.line(URBAN).rate(Indicator.VERIFIED_ON_TIME_RATE)).isEqualTo(Rate.of(3, 4));
  }

  @Test
  void verification_countedForTheVerifier_asTheSupervisorsPost() {
    IndicatorReport urban =
        report(
            timed(ImmutableMap.of(), ImmutableMap.of(AreaKind.URBAN, HOUR_AND_A_MINUTE)),
            Town.directory(),
            histories());
    UnitIndicators supervisor = urban.worker(S);

    assertThat(supervisor.rate(Indicator.VERIFICATIONS))
        .as("i1 passed, i2 failed then passed")
        .isEqualTo(Rate.of(3, 1));
    assertThat(supervisor.counts().get(Counter.VERIFIED_ON_TIME)).isEqualTo(2);
    assertThat(urban.worker(C).rate(Indicator.VERIFICATIONS)).isEqualTo(Rate.of(0, 1));
    assertThat(urban.area(G1).rate(Indicator.VERIFICATIONS)).isEqualTo(Rate.of(3, 1));
  }

  @Test
  void verification_anAreaKindLeftOut_isNotTimed() {
    IndicatorReport ruralOnly =
        report(
            timed(ImmutableMap.of(), ImmutableMap.of(AreaKind.RURAL, HOUR)),
            Town.directory(),
            histories());

    assertThat(ruralOnly.area(G1).rate(Indicator.VERIFIED_ON_TIME_RATE)).isEqualTo(Rate.of(0, 0));
  }

  @Test
  void recordedLimits_timeRegistrationAndVerification_whenTheSettingsDoNot() {
    // limits the dispatch policy recorded (working time, say): registration by 2 h, then 3 h;
    // verification by 1 h after the feedback, then 4 h
    List<List<IncidentEvent>> recorded =
        List.of(
            History.byWorker("r1", G1, A, 0)
                .registerBy(2)
                .registered(1.5, URBAN)
                .claimed(A, 3, 50)
                .feedback(A, 10, 11)
                .verified(S, 11.5)
                .build(),
            History.byWorker("r2", G1, A, 0)
                .registerBy(3)
                .registered(3.5, URBAN)
                .claimed(A, 4, 50)
                .feedback(A, 10, 14)
                .verified(S, 14 - 1.0 / 60)
                .build(),
            History.byWorker("r3", G1, A, 0)
                .registered(9, URBAN)
                .claimed(A, 10, 50)
                .feedback(A, 11)
                .verified(S, 30)
                .build());

    UnitIndicators byRecord = report(SETTINGS, Town.directory(), recorded).area(G1);
    UnitIndicators bySettings =
        report(
                timed(
                    ImmutableMap.of(Grade.NORMAL, Duration.ofHours(10)),
                    ImmutableMap.of(AreaKind.URBAN, Duration.ofMinutes(30))),
                Town.directory(),
                recorded)
            .area(G1);

    assertThat(byRecord.rate(Indicator.REGISTERED_ON_TIME_RATE))
        .as("r1 in time, r2 late, r3 untimed")
        .isEqualTo(Rate.of(1, 2));
    assertThat(byRecord.rate(Indicator.VERIFIED_ON_TIME_RATE))
        .as("r1 after 1.5 h against 1 h, r2 a minute before its limit, r3 untimed")
        .isEqualTo(Rate.of(1, 2));
    assertThat(bySettings.rate(Indicator.REGISTERED_ON_TIME_RATE))
        .as("the settings win")
        .isEqualTo(Rate.of(3, 3));
    assertThat(bySettings.rate(Indicator.VERIFIED_ON_TIME_RATE)).isEqualTo(Rate.of(0, 3));
    UnitIndicators ruralOnly =
        report(
                timed(ImmutableMap.of(Grade.URGENT, HOUR), ImmutableMap.of(AreaKind.RURAL, HOUR)),
                Town.directory(),
                recorded)
            .area(G1);
    assertThat(ruralOnly.rate(Indicator.REGISTERED_ON_TIME_RATE))
        .as("settings timing some grade: a grade left out is not timed, recorded or not")
        .isEqualTo(Rate.of(0, 0));
    assertThat(ruralOnly.rate(Indicator.VERIFIED_ON_TIME_RATE)).isEqualTo(Rate.of(0, 0));
  }

  @Test
  void nextPeriod_keepsTheTimingOfCasesReportedBefore() {
    // reported at 23:30 on 31 March, registered 45 min later in April, verified 1.5 h after
    List<IncidentEvent> late =
        History.byWorker("l1", G1, A, 662.5)
            .registered(663.25, URBAN)
            .claimed(A, 663.5, 700)
            .feedback(A, 670)
            .verified(S, 671.5)
            .build();
    IndicatorSettings settings =
        timed(
            ImmutableMap.of(Grade.NORMAL, HOUR),
            ImmutableMap.of(AreaKind.RURAL, Duration.ofHours(2)));
    IndicatorEngine march = new IndicatorEngine(PERIOD, settings).seed(ruralG1());
    IndicatorEngine april = null;
    for (IncidentEvent event : late) {
      if (april == null && !event.at().isBefore(PERIOD.to())) {
        april =
            march.next(
                org.gridgov.scoring.Period.month(java.time.YearMonth.of(2024, 4), Town.ZONE));
      }
      (april == null ? march : april).accept(event);
    }

    UnitIndicators inApril = april.finish().area(G1);
    assertThat(inApril.rate(Indicator.REGISTERED_ON_TIME_RATE)).isEqualTo(Rate.of(1, 1));
    assertThat(inApril.rate(Indicator.VERIFIED_ON_TIME_RATE)).isEqualTo(Rate.of(1, 1));
  }
}
