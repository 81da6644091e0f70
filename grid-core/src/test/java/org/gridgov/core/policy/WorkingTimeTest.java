package org.gridgov.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Refusals;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.Violation;
import org.junit.jupiter.api.Test;

class WorkingTimeTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ImmutableSet<DayOfWeek> WEEKDAYS =
      ImmutableSet.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

  /** 08:30–12:00 and 13:30–17:30 on weekdays; National Day 2024 off, two make-up days worked. */
  static final WorkingTime OFFICE =
      new WorkingTime(
          ImmutableList.of(period("08:30-12:00"), period("13:30-17:30")),
          WEEKDAYS,
          ImmutableSortedSet.of(
              LocalDate.parse("2024-10-01"),
              LocalDate.parse("2024-10-02"),
              LocalDate.parse("2024-10-03"),
              LocalDate.parse("2024-10-04"),
              LocalDate.parse("2024-10-07")),
          ImmutableSortedSet.of(LocalDate.parse("2024-09-29"), LocalDate.parse("2024-10-12")),
          ImmutableSet.of(WorkingTime.Limit.REPLY));

  private static WorkingTime.Period period(String text) {
    return WorkingTime.Period.parse(text).orElseThrow();
  }

  private static Instant at(String local) {
    return OffsetDateTime.parse(local + "+08:00").toInstant();
  }

  private static Instant plus(String local, Duration amount) {
    return OFFICE.plus(at(local), amount, SHANGHAI);
  }

  @Test
  void friday_afternoon_plusEightHours_isMondayAfternoon() {
    // Friday 16:00-17:30 is 1.5 h, Monday morning 3.5 h, then 3 h from 13:30
    assertThat(plus("2024-03-08T16:00:00", Duration.ofHours(8)))
        .isEqualTo(at("2024-03-11T16:30:00"));
  }

  @Test
  void plus_amountNotPositive_isRefusedNamingIt() {
    assertThat(
            Refusals.refusal(
                () -> plus("2024-03-08T16:00:00", Duration.ZERO),
                "working time",
                "amount",
                InputRules.RANGE))
        .hasToString("amount: must be positive, was PT0S [input.range]");
    Refusals.refusal(
        () -> plus("2024-03-08T16:00:00", Duration.ofHours(-1)),
        "working time",
        "amount",
        InputRules.RANGE);
  }

  @Test
  void startOutsideHours_countsFromTheNextPeriod() {
    assertThat(plus("2024-03-11T07:00:00", Duration.ofHours(1)))
        .isEqualTo(at("2024-03-11T09:30:00"));
    assertThat(plus("2024-03-11T12:30:00", Duration.ofHours(1)))
        .isEqualTo(at("2024-03-11T14:30:00"));
    assertThat(plus("2024-03-09T10:00:00", Duration.ofMinutes(30)))
        .as("Saturday")
        .isEqualTo(at("2024-03-11T09:00:00"));
  }

  @Test
  void next_itselfInHours_elseTheNextPeriodsStart() {
    assertThat(OFFICE.next(at("2024-03-11T09:15:00"), SHANGHAI))
        .isEqualTo(at("2024-03-11T09:15:00"));
    assertThat(OFFICE.next(at("2024-03-11T08:30:00"), SHANGHAI))
        .isEqualTo(at("2024-03-11T08:30:00"));
    assertThat(OFFICE.next(at("2024-03-11T12:00:00"), SHANGHAI))
        .as("a period's end is not in it")
        .isEqualTo(at("2024-03-11T13:30:00"));
    assertThat(OFFICE.next(at("2024-03-08T18:00:00"), SHANGHAI))
        .as("Friday evening")
        .isEqualTo(at("2024-03-11T08:30:00"));
    assertThat(OFFICE.next(at("2024-10-01T10:00:00"), SHANGHAI))
        .as("National Day")
        .isEqualTo(at("2024-10-08T08:30:00"));
  }

  @Property(tries = 300)
  void next_isWhereAnAmountStartsCounting(
      @ForAll @IntRange(min = 0, max = 400 * 24 * 60) int startMinute,
      @ForAll @IntRange(min = 1, max = 30 * 60) int minutes) {
    Instant start = at("2024-01-01T00:00:00").plus(Duration.ofMinutes(startMinute));
    Instant next = OFFICE.next(start, SHANGHAI);

    assertThat(next).isAfterOrEqualTo(start);
    assertThat(OFFICE.plus(next, Duration.ofMinutes(minutes), SHANGHAI))
        .isEqualTo(OFFICE.plus(start, Duration.ofMinutes(minutes), SHANGHAI));
  }

  @Test
  void aLimitEndingWithAPeriod_endsThere_notAtTheNextStart() {
    assertThat(plus("2024-03-11T08:30:00", Duration.ofMinutes(210)))
        .isEqualTo(at("2024-03-11T12:00:00"));
    assertThat(plus("2024-03-11T08:30:00", Duration.ofMinutes(211)))
        .isEqualTo(at("2024-03-11T13:31:00"));
  }

  @Test
  void holidaysSkipped_makeUpWorkdaysCounted() {
    // Monday 30 September 17:00: half an hour, then the holidays; Saturday 5 and Sunday 6
    // October are weekend days, 7 October a holiday, Tuesday 8 October works again
    assertThat(plus("2024-09-30T17:00:00", Duration.ofHours(1)))
        .isEqualTo(at("2024-10-08T09:00:00"));
    // Sunday 29 September is a make-up workday
    assertThat(plus("2024-09-28T10:00:00", Duration.ofHours(1)))
        .isEqualTo(at("2024-09-29T09:30:00"));
    assertThat(OFFICE.isWorkday(LocalDate.parse("2024-10-12"))).isTrue();
    assertThat(OFFICE.isWorkday(LocalDate.parse("2024-10-03"))).isFalse();
    assertThat(OFFICE.isWorkday(LocalDate.parse("2024-10-13"))).isFalse();
  }

  @Property(tries = 300)
  void additive_andIncreasing(
      @ForAll @IntRange(min = 0, max = 400 * 24 * 60) int startMinute,
      @ForAll @IntRange(min = 1, max = 30 * 60) int aMinutes,
      @ForAll @IntRange(min = 1, max = 30 * 60) int bMinutes) {
    Instant start = at("2024-01-01T00:00:00").plus(Duration.ofMinutes(startMinute));
    Duration a = Duration.ofMinutes(aMinutes);
    Duration b = Duration.ofMinutes(bMinutes);

    Instant afterA = OFFICE.plus(start, a, SHANGHAI);
    assertThat(afterA).isAfterOrEqualTo(start.plus(a));
    assertThat(OFFICE.plus(afterA, b, SHANGHAI)).isEqualTo(OFFICE.plus(start, a.plus(b), SHANGHAI));
    assertThat(OFFICE.plus(start, a.plus(b), SHANGHAI)).isAfter(afterA);
  }

  @Property(tries = 100)
  void roundTheClockEveryDay_isCalendarTime(
      @ForAll @IntRange(min = 0, max = 400 * 24 * 60) int startMinute,
      @ForAll @IntRange(min = 1, max = 30 * 24 * 60) int minutes) {
    WorkingTime always =
        new WorkingTime(
            ImmutableList.of(period("00:00-24:00")),
            ImmutableSet.copyOf(DayOfWeek.values()),
            ImmutableSortedSet.of(),
            ImmutableSortedSet.of(),
            ImmutableSet.of(WorkingTime.Limit.REPLY));
    Instant start = at("2024-01-01T00:00:00").plus(Duration.ofMinutes(startMinute));

    assertThat(always.plus(start, Duration.ofMinutes(minutes), SHANGHAI))
        .isEqualTo(start.plus(Duration.ofMinutes(minutes)));
  }

  @Test
  void refusesOverlappingHours_noWorkdays_aDayBothOffAndWorked_noLimit_aNonPositiveAmount() {
    assertThatThrownBy(
            () ->
                new WorkingTime(
                    ImmutableList.of(period("08:30-12:00"), period("11:00-17:00")),
                    WEEKDAYS,
                    ImmutableSortedSet.of(),
                    ImmutableSortedSet.of(),
                    ImmutableSet.of(WorkingTime.Limit.REPLY)))
        .isInstanceOfSatisfying(
            RuleConfigurationException.class,
            e -> assertThat(e.ruleId()).isEqualTo(PolicyRules.WORKING_HOURS));
    assertThatThrownBy(
            () ->
                new WorkingTime(
                    ImmutableList.of(period("08:30-12:00")),
                    ImmutableSet.of(),
                    ImmutableSortedSet.of(),
                    ImmutableSortedSet.of(),
                    ImmutableSet.of(WorkingTime.Limit.REPLY)))
        .isInstanceOfSatisfying(
            RuleConfigurationException.class,
            e -> assertThat(e.ruleId()).isEqualTo(PolicyRules.WORKING_DAYS))
        .as("built in code, the part is named under no file's section")
        .hasMessage("[policy.working-days] workingTime.workdays must name at least one weekday");
    LocalDate day = LocalDate.parse("2024-10-01");
    assertThatThrownBy(
            () ->
                new WorkingTime(
                    ImmutableList.of(period("08:30-12:00")),
                    WEEKDAYS,
                    ImmutableSortedSet.of(day),
                    ImmutableSortedSet.of(day),
                    ImmutableSet.of(WorkingTime.Limit.REPLY)))
        .isInstanceOfSatisfying(
            RuleConfigurationException.class,
            e -> assertThat(e.ruleId()).isEqualTo(PolicyRules.WORKING_DAYS));
    assertThatThrownBy(
            () ->
                new WorkingTime(
                    ImmutableList.of(period("08:30-12:00")),
                    WEEKDAYS,
                    ImmutableSortedSet.of(),
                    ImmutableSortedSet.of(),
                    ImmutableSet.of()))
        .isInstanceOfSatisfying(
            RuleConfigurationException.class,
            e -> assertThat(e.ruleId()).isEqualTo(PolicyRules.WORKING_HOURS));
    assertThat(WorkingTime.Period.parse("12:00-08:30")).isEmpty();
    assertThat(WorkingTime.Period.parse("8h-12h")).isEmpty();
    assertThatThrownBy(() -> OFFICE.plus(at("2024-03-11T09:00:00"), Duration.ZERO, SHANGHAI))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }

  private static final String POLICY =
      String.join(
          "\n",
          "id: office-hours",
          "version: 1",
          "effectiveFrom: 2024-01-01",
          "zone: Asia/Shanghai",
          "source: test",
          "dispatch:",
          "  claimWindow: 2h",
          "  replyWithin: 8h",
          "  supervisionAfter: 4h",
          "  workingTime:",
          "    hours: [\"08:30-12:00\", \"13:30-17:30\"]",
          "    workdays: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]",
          "    holidays: [2024-10-01, 2024-10-02, 2024-10-03, 2024-10-04, 2024-10-07]",
          "    extraWorkdays: [2024-09-29, 2024-10-12]",
          "    appliesTo: [replyWithin]",
          "returns: { bounceLimit: 2 }",
          "verification: { maxReworks: 3 }",
          "escalation: { mode: HARD, quota: { GRID: 0.1 } }",
          "");

  @Test
  void policyFile_workingTimeRead_appliedToTheNamedLimitsOnly() {
    PolicySet policy = PolicyLoader.fromYaml(new StringReader(POLICY), "office.yaml");
    DispatchPolicy dispatch = policy.dispatch();

    assertThat(dispatch.workingTime()).contains(OFFICE);
    assertThat(
            new DispatchPolicy(
                    Duration.ofHours(2),
                    Duration.ofHours(8),
                    Duration.ofHours(4),
                    com.google.common.collect.ImmutableMap.of())
                .withWorkingTime(OFFICE))
        .as("built in code")
        .isEqualTo(dispatch);
    Instant friday = at("2024-03-08T16:00:00");
    assertThat(dispatch.end(WorkingTime.Limit.REPLY, friday, dispatch.replyWithin(), policy.zone()))
        .isEqualTo(at("2024-03-11T16:30:00"));
    assertThat(
            dispatch.span(WorkingTime.Limit.REPLY, friday, dispatch.replyWithin(), policy.zone()))
        .isEqualTo(Duration.ofHours(72).plusMinutes(30));
    assertThat(
            dispatch.end(
                WorkingTime.Limit.CLAIM_WINDOW, friday, dispatch.claimWindow(), policy.zone()))
        .as("not listed: calendar time")
        .isEqualTo(friday.plus(Duration.ofHours(2)));
    String plain = POLICY.replaceAll("(?s)  workingTime:.*?appliesTo: \\[replyWithin\\]\n", "");
    assertThat(plain).doesNotContain("workingTime");
    assertThat(
            PolicyLoader.fromYaml(new StringReader(plain), "plain.yaml").dispatch().workingTime())
        .as("absent: every limit in calendar time")
        .isEmpty();
  }

  @Test
  void policyFile_everyBadPartListed_withPathAndRule() {
    String bad =
        POLICY
            .replace("\"13:30-17:30\"", "\"1:30pm-5:30pm\"")
            .replace("THURSDAY, FRIDAY", "THURSDAY, Friday")
            .replace("2024-10-07]", "2024-10-32]")
            .replace("[replyWithin]", "[replyWithin, deadline]");

    assertThatThrownBy(() -> PolicyLoader.fromYaml(new StringReader(bad), "bad.yaml"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path, Violation::rule, Violation::value)
                    .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                            "dispatch.workingTime.hours[1]",
                            "policy.working-hours",
                            "1:30pm-5:30pm"),
                        org.assertj.core.groups.Tuple.tuple(
                            "dispatch.workingTime.workdays[4]", "policy.working-days", "Friday"),
                        org.assertj.core.groups.Tuple.tuple(
                            "dispatch.workingTime.holidays[4]",
                            "policy.working-days",
                            "2024-10-32"),
                        org.assertj.core.groups.Tuple.tuple(
                            "dispatch.workingTime.appliesTo[1]",
                            "policy.working-hours",
                            "deadline")));
    String overlapping = POLICY.replace("\"13:30-17:30\"", "\"11:30-17:30\"");
    assertThatThrownBy(() -> PolicyLoader.fromYaml(new StringReader(overlapping), "o.yaml"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "dispatch.workingTime.hours[1]", "policy.working-hours")));
    // every problem of the section as a whole (before the fix: the first one only)
    String wrongWhole =
        POLICY
            .replace("\"13:30-17:30\"", "\"11:00-13:00\"")
            .replace("[MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]", "[]")
            .replace("extraWorkdays: [2024-09-29, 2024-10-12]", "extraWorkdays: [2024-10-01]")
            .replace("appliesTo: [replyWithin]", "appliesTo: []");
    assertThatThrownBy(() -> PolicyLoader.fromYaml(new StringReader(wrongWhole), "w.yaml"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "dispatch.workingTime.hours[1]", "policy.working-hours"),
                        org.assertj.core.groups.Tuple.tuple(
                            "dispatch.workingTime.workdays", "policy.working-days"),
                        org.assertj.core.groups.Tuple.tuple(
                            "dispatch.workingTime.extraWorkdays", "policy.working-days"),
                        org.assertj.core.groups.Tuple.tuple(
                            "dispatch.workingTime.appliesTo", "policy.working-hours")));
    // a day or a limit named twice (before the fix read as once, silently)
    String twice =
        POLICY
            .replace("THURSDAY, FRIDAY]", "THURSDAY, FRIDAY, MONDAY]")
            .replace("2024-10-07]", "2024-10-07, 2024-10-01]")
            .replace("2024-10-12]", "2024-10-12, 2024-09-29]")
            .replace("[replyWithin]", "[replyWithin, replyWithin]");
    assertThatThrownBy(() -> PolicyLoader.fromYaml(new StringReader(twice), "t.yaml"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path, Violation::rule, Violation::message)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "dispatch.workingTime.workdays[5]",
                            "policy.working-days",
                            "names MONDAY twice"),
                        org.assertj.core.groups.Tuple.tuple(
                            "dispatch.workingTime.holidays[5]",
                            "policy.working-days",
                            "names 2024-10-01 twice"),
                        org.assertj.core.groups.Tuple.tuple(
                            "dispatch.workingTime.extraWorkdays[2]",
                            "policy.working-days",
                            "names 2024-09-29 twice"),
                        org.assertj.core.groups.Tuple.tuple(
                            "dispatch.workingTime.appliesTo[1]",
                            "policy.working-hours",
                            "names REPLY twice")));
    String missing = POLICY.replace("    hours: [\"08:30-12:00\", \"13:30-17:30\"]\n", "");
    assertThatThrownBy(() -> PolicyLoader.fromYaml(new StringReader(missing), "m.yaml"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::toString)
                    .containsExactly("dispatch.workingTime.hours: is required [policy.required]"));
  }

  @Test
  void leastWorkingIn_wholeWeeksLessTheHolidays() {
    // 7.5 h a day, 5 days a week; two weeks less 5 holidays
    assertThat(OFFICE.leastWorkingIn(Duration.ofDays(14))).isEqualTo(Duration.ofMinutes(2250));
    assertThat(OFFICE.leastWorkingIn(Duration.ofDays(6))).isEqualTo(Duration.ZERO);
  }

  @Test
  void policyFile_aWorkingLimitThatCouldOutlastTenYears_refused() {
    String sparse =
        POLICY
            .replace("[\"08:30-12:00\", \"13:30-17:30\"]", "[\"08:00-09:00\"]")
            .replace("[MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]", "[MONDAY]")
            .replace("replyWithin: 8h", "replyWithin: 1000d");

    assertThatThrownBy(() -> PolicyLoader.fromYaml(new StringReader(sparse), "sparse.yaml"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.path()).isEqualTo("dispatch.replyWithin");
                          assertThat(v.rule()).isEqualTo("policy.working-hours");
                          assertThat(v.message()).contains("more than 3650 days");
                        }));
    assertThat(
            PolicyLoader.fromYaml(
                    new StringReader(sparse.replace("replyWithin: 1000d", "replyWithin: 500h")),
                    "fits.yaml")
                .dispatch()
                .replyWithin())
        .isEqualTo(Duration.ofHours(500));
  }

  @Test
  void policyFile_registrationAndVerificationLimitsInWorkingTime_checkedForRoomByPath() {
    String sparse =
        POLICY
            .replace("[\"08:30-12:00\", \"13:30-17:30\"]", "[\"08:00-09:00\"]")
            .replace("[MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]", "[MONDAY]")
            .replace(
                "  supervisionAfter: 4h\n",
                "  supervisionAfter: 4h\n  registerWithin: { URGENT: 10m, NORMAL: 1000d }\n")
            .replace(
                "verification: { maxReworks: 3 }",
                "verification: { maxReworks: 3, within: { RURAL: 1000d } }");
    String counted =
        sparse.replace(
            "appliesTo: [replyWithin]",
            "appliesTo: [replyWithin, registerWithin, verification.within]");

    assertThat(
            PolicyLoader.fromYaml(new StringReader(sparse), "calendar.yaml")
                .dispatch()
                .registerWithin())
        .as("in calendar time, 1000 days are 1000 days")
        .hasSize(2);
    assertThatThrownBy(() -> PolicyLoader.fromYaml(new StringReader(counted), "sparse.yaml"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                            "dispatch.registerWithin.NORMAL", "policy.working-hours"),
                        org.assertj.core.groups.Tuple.tuple(
                            "verification.within.RURAL", "policy.working-hours")));
  }

  @Test
  void aMinuteAWeek_forTenYears_endsOnTheLastWeeksMinute() {
    // one minute on Mondays: 520 minutes are 520 Mondays, the first one 1 January 2024
    WorkingTime sparse =
        new WorkingTime(
            ImmutableList.of(period("09:00-09:01")),
            ImmutableSet.of(DayOfWeek.MONDAY),
            ImmutableSortedSet.of(),
            ImmutableSortedSet.of(),
            ImmutableSet.of(WorkingTime.Limit.REPLY));

    assertThat(sparse.plus(at("2024-01-01T08:00:00"), Duration.ofMinutes(520), SHANGHAI))
        .isEqualTo(at("2024-01-01T09:01:00").plus(Duration.ofDays(7 * 519)));
    assertThat(sparse.plus(at("2024-01-01T08:00:00"), Duration.ofSeconds(520 * 60 + 1), SHANGHAI))
        .as("a second more starts the next Monday")
        .isEqualTo(at("2024-01-01T09:00:01").plus(Duration.ofDays(7 * 520)));
  }

  @Property(tries = 400)
  void plus_isTheDayByDayCount_acrossHolidaysAndOffsetChanges(
      @ForAll @IntRange(min = 0, max = 2 * 365 * 24 * 60) int startMinute,
      @ForAll @IntRange(min = 1, max = 3000 * 60) int minutes,
      @ForAll @IntRange(min = 0, max = 5) int hoursChoice,
      @ForAll @IntRange(min = 1, max = 127) int dayBits,
      @ForAll @IntRange(min = 0, max = 2) int zoneChoice,
      @ForAll("dates") List<LocalDate> listed) {
    List<String> choices =
        List.of(
            "08:30-12:00,13:30-17:30",
            "00:00-24:00",
            "01:30-03:30",
            "22:00-24:00",
            "09:00-09:01",
            "00:00-02:00,02:30-03:00,23:00-24:00");
    ImmutableList<WorkingTime.Period> hours =
        java.util.Arrays.stream(choices.get(hoursChoice).split(","))
            .map(WorkingTimeTest::period)
            .collect(ImmutableList.toImmutableList());
    ImmutableSet<DayOfWeek> days =
        java.util.Arrays.stream(DayOfWeek.values())
            .filter(d -> (dayBits & (1 << d.ordinal())) != 0)
            .collect(ImmutableSet.toImmutableSet());
    ImmutableSortedSet.Builder<LocalDate> holidays = ImmutableSortedSet.naturalOrder();
    ImmutableSortedSet.Builder<LocalDate> extras = ImmutableSortedSet.naturalOrder();
    for (int i = 0; i < listed.size(); i++) {
      (i % 2 == 0 ? holidays : extras).add(listed.get(i));
    }
    WorkingTime time;
    try {
      time =
          new WorkingTime(
              hours,
              days,
              holidays.build(),
              extras.build(),
              ImmutableSet.of(WorkingTime.Limit.REPLY));
    } catch (RuleConfigurationException sameDateTwice) {
      return;
    }
    ZoneId zone =
        ZoneId.of(List.of("Asia/Shanghai", "Europe/Berlin", "America/New_York").get(zoneChoice));
    Instant start =
        LocalDate.parse("2024-01-01")
            .atStartOfDay(zone)
            .toInstant()
            .plus(Duration.ofMinutes(startMinute));
    Duration amount = Duration.ofMinutes(minutes);

    assertThat(time.plus(start, amount, zone)).isEqualTo(dayByDay(time, start, amount, zone));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<List<LocalDate>> dates() {
    return net.jqwik.api.Arbitraries.integers()
        .between(0, 4 * 365)
        .map(d -> LocalDate.parse("2024-01-01").plusDays(d))
        .list()
        .uniqueElements()
        .ofMaxSize(40);
  }

  /** The count a day at a time, period by period: what {@code plus} must answer. */
  private static Instant dayByDay(WorkingTime time, Instant start, Duration amount, ZoneId zone) {
    Duration left = amount;
    for (LocalDate date = start.atZone(zone).toLocalDate(); ; date = date.plusDays(1)) {
      if (!time.isWorkday(date)) {
        continue;
      }
      for (WorkingTime.Period period : time.hours()) {
        Instant from = onTheClock(date.atTime(period.start()), zone);
        Instant to =
            period.end().equals(java.time.LocalTime.MIDNIGHT)
                ? date.plusDays(1).atStartOfDay(zone).toInstant()
                : onTheClock(date.atTime(period.end()), zone);
        Instant begin = from.isBefore(start) ? start : from;
        if (!begin.isBefore(to)) {
          continue;
        }
        Duration available = Duration.between(begin, to);
        if (left.compareTo(available) <= 0) {
          return begin.plus(left);
        }
        left = left.minus(available);
      }
    }
  }

  /** {@code local} as the clock shows it: a time a daylight-saving gap skips is the jump. */
  private static Instant onTheClock(java.time.LocalDateTime local, ZoneId zone) {
    java.time.zone.ZoneOffsetTransition t = zone.getRules().getTransition(local);
    return t != null && t.isGap() ? t.getInstant() : local.atZone(zone).toInstant();
  }

  @Test
  void plus_aPeriodEndingInTheNightTheClockSkips_endsWhereTheClockJumps() {
    // New York, 10 March 2024: 02:00 becomes 03:00. From 00:30 to 02:30 the clock shows only
    // 00:30-02:00, 1.5 h; before the fix 02:30 read as 03:30 and 03:00-03:30 counted as work
    ZoneId newYork = ZoneId.of("America/New_York");
    WorkingTime night =
        new WorkingTime(
            ImmutableList.of(period("00:30-02:30")),
            ImmutableSet.copyOf(DayOfWeek.values()),
            ImmutableSortedSet.of(),
            ImmutableSortedSet.of(),
            ImmutableSet.of(WorkingTime.Limit.REPLY));
    Instant start = java.time.LocalDateTime.parse("2024-03-10T00:30").atZone(newYork).toInstant();

    assertThat(night.plus(start, Duration.ofHours(2), newYork))
        .isEqualTo(java.time.LocalDateTime.parse("2024-03-11T01:00").atZone(newYork).toInstant());
    assertThat(night.plus(start, Duration.ofMinutes(90), newYork))
        .as("the whole short night")
        .isEqualTo(java.time.LocalDateTime.parse("2024-03-10T03:00").atZone(newYork).toInstant());
  }

  @Test
  void periodsBackToBack_accepted_countedAsOneSpan() {
    WorkingTime split =
        new WorkingTime(
            ImmutableList.of(period("08:00-12:00"), period("12:00-13:00")),
            WEEKDAYS,
            ImmutableSortedSet.of(),
            ImmutableSortedSet.of(),
            ImmutableSet.of(WorkingTime.Limit.REPLY));

    assertThat(split.plus(at("2024-03-11T11:30:00"), Duration.ofHours(1), SHANGHAI))
        .isEqualTo(at("2024-03-11T12:30:00"));
  }

  @Test
  void period_endingAsItStarts_refused() {
    assertThat(WorkingTime.Period.parse("08:00-08:00")).isEmpty();
    assertThat(WorkingTime.Period.parse("00:00-24:00")).isPresent();
    assertThatThrownBy(
            () ->
                new WorkingTime.Period(java.time.LocalTime.of(8, 0), java.time.LocalTime.of(8, 0)))
        .isInstanceOfSatisfying(
            RuleConfigurationException.class,
            e -> assertThat(e.ruleId()).isEqualTo(PolicyRules.WORKING_HOURS))
        .hasMessageContaining("a period must end after it starts, was 08:00-08:00");
  }

  @Test
  void problems_namePeriodsAsAFileWritesThem_theEndOfTheDayAs2400() {
    assertThat(
            WorkingTime.problems(
                "dispatch.workingTime",
                ImmutableList.of(period("22:00-24:00"), period("23:00-24:00")),
                WEEKDAYS,
                ImmutableSortedSet.of(),
                ImmutableSortedSet.of(),
                ImmutableSet.of(WorkingTime.Limit.REPLY)))
        .extracting(Violation::toString)
        .containsExactly(
            "dispatch.workingTime.hours[1]: must"
                + " start after 22:00-24:00 ends (in order, not overlapping), was 23:00-24:00"
                + " [policy.working-hours]");
    assertThat(period("08:30-12:00")).hasToString("08:30-12:00");
  }

  @Test
  void limit_ofField_theFieldAPolicyFileNames() {
    for (WorkingTime.Limit limit : WorkingTime.Limit.values()) {
      assertThat(WorkingTime.Limit.ofField(limit.field())).contains(limit);
    }
    assertThat(WorkingTime.Limit.ofField("replyWithin")).contains(WorkingTime.Limit.REPLY);
    assertThat(WorkingTime.Limit.ofField("verification.within"))
        .contains(WorkingTime.Limit.VERIFICATION);
    assertThat(WorkingTime.Limit.ofField("deadline")).isEmpty();
  }

  @Test
  void limitsBeyond_aLimitOfExactlyTheSureRoom_fits() {
    Duration room = OFFICE.leastWorkingIn(PositiveDuration.MAX);
    // 521 whole weeks of 37.5 h, less 5 holidays of 7.5 h
    assertThat(room).isEqualTo(Duration.ofHours(19_500));

    assertThat(
            OFFICE.limitsBeyond(
                java.util.Map.of("dispatch.replyWithin", room), PositiveDuration.MAX))
        .isEmpty();
    assertThat(
            OFFICE.limitsBeyond(
                java.util.Map.of("dispatch.replyWithin", room.plusSeconds(1)),
                PositiveDuration.MAX))
        .extracting(Violation::path)
        .containsExactly("dispatch.replyWithin");
  }

  @Test
  void policyFile_claimWindowSupervisionAndCategoryDeadlinesInWorkingTime_checkedForRoom() {
    String sparse =
        POLICY
            .replace("[\"08:30-12:00\", \"13:30-17:30\"]", "[\"08:00-09:00\"]")
            .replace("[MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]", "[MONDAY]")
            .replace("  claimWindow: 2h\n", "  claimWindow: 1000h\n")
            .replace(
                "  supervisionAfter: 4h\n",
                "  supervisionAfter: 1000h\n  categoryDeadlines: { E0501: 1000h }\n");
    String calendar =
        sparse.replace("appliesTo: [replyWithin]", "appliesTo: [verification.within]");

    assertThat(
            PolicyLoader.fromYaml(new StringReader(calendar), "calendar.yaml")
                .dispatch()
                .claimWindow())
        .as("in calendar time, 1000 h fit")
        .isEqualTo(Duration.ofHours(1000));
    String counted =
        sparse.replace(
            "appliesTo: [replyWithin]", "appliesTo: [claimWindow, replyWithin, supervisionAfter]");
    assertThatThrownBy(() -> PolicyLoader.fromYaml(new StringReader(counted), "sparse.yaml"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactlyInAnyOrder(
                        "dispatch.claimWindow",
                        "dispatch.categoryDeadlines.E0501",
                        "dispatch.supervisionAfter"));
  }
}
