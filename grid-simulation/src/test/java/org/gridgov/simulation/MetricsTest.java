package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.gridgov.core.Directory;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentClaimed;
import org.gridgov.core.incident.IncidentClosed;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentRegistered;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.RejectionKind;
import org.gridgov.core.incident.Source;
import org.gridgov.core.incident.VerificationPassed;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;
import org.gridgov.governance.GridGovernance;
import org.gridgov.governance.Report;
import org.gridgov.rules.escalation.SettlementReport;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/**
 * What the metrics count, on a handful of cases in one grid of Kaixuan's 景芳 community over four
 * days, Monday 4 to Thursday 7 March 2024 in Hangzhou, each count worked out by hand.
 */
class MetricsTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);
  private static final AreaCode GRID = AreaCode.of("330102011002001", Level.GRID);
  private static final AreaCode COMMUNITY = AreaCode.parse("330102011002");
  private static final LineId LIGHTING = LineId.of("street-lighting");
  private static final LineId GREENING = LineId.of("greening");
  private static final CategoryCode LAMP = CategoryCode.parse("P0113"); // street-lighting, 24 h
  private static final CategoryCode TREE = CategoryCode.parse("P0403"); // greening: nobody
  private static final Actor CENTRE = Actor.centre("seat-1");
  private static final Actor RESIDENT = Actor.resident("resident");
  private static final WorkerId WANG = WorkerId.of("w-wang");
  private static final WorkerId LI = WorkerId.of("w-li");

  private final VirtualClock clock = new VirtualClock(at(0, 0, 0), ZONE);
  private final Metrics metrics = new Metrics(ZONE, MONDAY, 4);

  /** The metrics as a run has them: a failure to count fails the run instead of being logged. */
  private final CountingListeners counting =
      CountingListeners.of("metrics", List.of(metrics), false);

  private final GridGovernance governance;

  MetricsTest() {
    Worker wang =
        Worker.of(WANG, "王", Set.of(Role.GRID_MANAGER), COMMUNITY, Set.of(GRID))
            .withLines(Set.of(LIGHTING));
    Worker li = Worker.of(LI, "李", Set.of(Role.SUPERVISOR), COMMUNITY, Set.of(GRID));
    AtomicLong ids = new AtomicLong();
    governance =
        GridGovernance.builder()
            .storage(InMemoryGridStorage.create())
            .directory(Directory.of(Divisions.jingfangExample(), Roster.of(List.of(wang, li))))
            .policy(Presets.kaixuan())
            .clock(clock)
            .ids(() -> IncidentId.of("I" + ids.incrementAndGet()))
            .listener(counting)
            .build();
  }

  /** Day {@code day} of the run (0: Monday) at {@code hour}:{@code minute}, local time. */
  private static Instant at(int day, int hour, int minute) {
    return MONDAY.plusDays(day).atTime(hour, minute).atZone(ZONE).toInstant();
  }

  private IncidentId report(Instant when, CategoryCode category) {
    clock.set(when);
    return governance
        .report(
            Report.by(RESIDENT)
                .source(Source.APP)
                .category(category)
                .grid(GRID)
                .description("seen")
                .build())
        .incident()
        .id();
  }

  private void register(Instant when, IncidentId id) {
    clock.set(when);
    governance.register(CENTRE, id, Optional.empty(), Optional.empty(), "");
  }

  private void feedback(Instant when, IncidentId id) {
    clock.set(when);
    governance.feedback(WANG, id, "done");
  }

  private void verify(Instant when, IncidentId id, boolean passed) {
    clock.set(when);
    governance.verify(LI, id, passed, passed ? "fixed" : "not fixed");
  }

  private void close(Instant when, IncidentId id) {
    clock.set(when);
    governance.close(CENTRE, id, "");
  }

  private void advance(Instant when) {
    clock.set(when);
    governance.advance(when);
  }

  /**
   * A: reported Monday 09:00, claimed, failed once, closed at 13:00 (240 min), rated 2 on Tuesday,
   * reopened and closed again at 12:00 (1,620 min). B: reported at Monday's first instant, refused
   * at Wednesday's. E: a tree nobody up to the district tends, referred to the centre. C: reported
   * Tuesday 10:00, claimed, closed 13:00 (180 min, after A's longer one). D: reported Wednesday
   * 09:00, assigned by the centre, overdue on Thursday and closed then late (1,650 min),
   * supervised. F: reported Wednesday 10:00, assigned automatically at Thursday 10:00, its deadline
   * extended, then parked and given back. G: reported Wednesday 11:00, assigned by the centre and
   * returned. Last, a report at the run's very end, which no day or hour counts. B is archived on
   * Thursday.
   */
  private void fourDays() {
    IncidentId b = report(at(0, 0, 0), LAMP);
    IncidentId a = report(at(0, 9, 0), LAMP);
    register(at(0, 9, 20), a);
    clock.set(at(0, 10, 0));
    governance.claim(WANG, a);
    feedback(at(0, 11, 0), a);
    verify(at(0, 11, 30), a, false);
    feedback(at(0, 12, 0), a);
    IncidentId e = report(at(0, 12, 0), TREE);
    register(at(0, 12, 5), e);
    verify(at(0, 12, 30), a, true);
    close(at(0, 13, 0), a);

    clock.set(at(1, 9, 0));
    governance.rate(RESIDENT, a, 2, 2, 2);
    clock.set(at(1, 10, 0));
    governance.reopen(CENTRE, a, "still dark");
    IncidentId c = report(at(1, 10, 0), LAMP);
    register(at(1, 10, 5), c);
    clock.set(at(1, 10, 10));
    governance.claim(WANG, c);
    feedback(at(1, 11, 0), a);
    verify(at(1, 11, 30), a, true);
    close(at(1, 12, 0), a);
    advance(at(1, 12, 10)); // E's claim window ended at 12:00: nobody for its line
    feedback(at(1, 12, 10), c);
    verify(at(1, 12, 40), c, true);
    close(at(1, 13, 0), c);

    clock.set(at(2, 0, 0)); // Wednesday's first instant, B's day looked up again
    governance.reject(CENTRE, b, RejectionKind.INVALID, Optional.empty(), "not a case");
    IncidentId d = report(at(2, 9, 0), LAMP);
    register(at(2, 9, 5), d);
    clock.set(at(2, 9, 30));
    governance.assign(CENTRE, d, WANG, LIGHTING, "urgent lamp");
    IncidentId f = report(at(2, 10, 0), LAMP);
    register(at(2, 10, 5), f);
    IncidentId g = report(at(2, 11, 0), LAMP);
    register(at(2, 11, 5), g);
    clock.set(at(2, 11, 30));
    governance.assign(CENTRE, g, WANG, LIGHTING, "a lamp");
    clock.set(at(2, 12, 0));
    governance.returnCase(Actor.worker(WANG), g, "the power company's cable");

    advance(at(3, 10, 0)); // D's deadline passed at 09:30, F's claim window ends
    clock.set(at(3, 10, 30));
    governance.supervise(CENTRE, d, "late");
    feedback(at(3, 11, 0), d);
    verify(at(3, 11, 30), d, true);
    clock.set(at(3, 11, 40));
    governance.extend(CENTRE, f, at(4, 12, 0), "parts on order");
    clock.set(at(3, 11, 45));
    governance.suspend(CENTRE, f, "waiting for the works");
    clock.set(at(3, 11, 50));
    governance.resume(CENTRE, f, "works done");
    clock.set(at(3, 11, 55));
    governance.archive(CENTRE, b, "");
    close(at(3, 12, 30), d);

    report(at(4, 0, 0), LAMP); // the run's end: outside every day
    counting.finish();
  }

  @Test
  void counts_eachStepOnce_reopeningTakesBackTheClosing() {
    fourDays();

    assertThat(metrics.reported).isEqualTo(8);
    assertThat(metrics.registered).isEqualTo(6);
    assertThat(metrics.rejected).isEqualTo(1);
    assertThat(metrics.selfClaimed).as("A and C").isEqualTo(2);
    assertThat(metrics.autoAssigned).as("F").isEqualTo(1);
    assertThat(metrics.manualAssigned).as("D and G").isEqualTo(2);
    assertThat(metrics.reworks).isEqualTo(1);
    assertThat(metrics.overdue).as("D").isEqualTo(1);
    assertThat(metrics.referred).as("E").isEqualTo(1);
    assertThat(metrics.extended).as("F").isEqualTo(1);
    assertThat(metrics.reopened).isEqualTo(1);
    assertThat(metrics.closed).as("A, C and D, A once").isEqualTo(3);
    assertThat(metrics.closedOnTime).as("A and C").isEqualTo(2);
    assertThat(metrics.rated).isEqualTo(1);
    assertThat(metrics.satisfactionSum).isEqualTo(2);
    assertThat(metrics.returned).as("G").isEqualTo(1);
    assertThat(metrics.supervised).as("D").isEqualTo(1);
    assertThat(metrics.suspended).as("F").isEqualTo(1);
    assertThat(metrics.resumed).as("F").isEqualTo(1);
    assertThat(metrics.archived).as("B").isEqualTo(1);
    assertThat(metrics.settled)
        .containsExactly(java.util.Map.entry(SettlementReport.settledAt(Level.GRID), 3L));
  }

  @Test
  void counts_perLineGridAndWorker_receivedClosedOnTime() {
    fourDays();

    assertThat(metrics.lines.get(LIGHTING)).containsExactly(5, 3, 0);
    assertThat(metrics.lines.get(GREENING))
        .as("received, closed, referred")
        .containsExactly(1, 0, 1);
    assertThat(metrics.grids).containsOnlyKeys(GRID);
    assertThat(metrics.grids.get(GRID)).containsExactly(6, 3, 2);
    assertThat(metrics.workers).containsOnlyKeys(WANG);
    assertThat(metrics.workers.get(WANG))
        .as("claimed A, C; given D, F, G")
        .containsExactly(5, 3, 2);
  }

  /**
   * Per day: reported, closings that day, closed of that day's reports, refused of that day's
   * reports, refusals that day, reopenings that day; the run's end and the days outside it count
   * nothing.
   */
  @Test
  void dayCounts_byLocalDay_evenOnTheFirstAndLastInstant() {
    fourDays();

    assertThat(metrics.dayCounts(MONDAY)).containsExactly(3, 1, 1, 1, 0, 0);
    assertThat(metrics.dayCounts(MONDAY.plusDays(1))).containsExactly(1, 2, 1, 0, 0, 1);
    assertThat(metrics.dayCounts(MONDAY.plusDays(2))).containsExactly(3, 0, 1, 0, 1, 0);
    assertThat(metrics.dayCounts(MONDAY.plusDays(3))).containsExactly(0, 1, 0, 0, 0, 0);
    assertThat(metrics.dayCounts(MONDAY.plusDays(4))).containsOnly(0);
    assertThat(metrics.dayCounts(MONDAY.minusDays(1))).containsOnly(0);
  }

  /** Per local hour: reports, registrations, replies and closings; none at the run's end. */
  @Test
  void hourCounts_byLocalHour() {
    fourDays();

    long[][] hours = new long[24][];
    for (int hour = 0; hour < 24; hour++) {
      hours[hour] = metrics.hourCounts(hour);
    }
    assertThat(hours[0]).as("B at midnight").containsExactly(1, 0, 0, 0);
    assertThat(hours[9]).as("A, D reported; A, D registered").containsExactly(2, 2, 0, 0);
    assertThat(hours[10]).as("C, F reported and registered").containsExactly(2, 2, 0, 0);
    assertThat(hours[11])
        .as("G reported, registered; A twice, D replied")
        .containsExactly(1, 1, 3, 0);
    assertThat(hours[12]).as("E; A, C replied; A, D closed").containsExactly(1, 1, 2, 2);
    assertThat(hours[13]).as("A, C closed").containsExactly(0, 0, 0, 2);
    long total = 0;
    for (long[] hour : hours) {
      total += hour[0] + hour[1] + hour[2] + hour[3];
    }
    assertThat(total).as("7 reports, 6 registrations, 5 replies, 4 closings").isEqualTo(22);
  }

  /** Every closing's time from the report, a reopened case's two included, sorted. */
  @Test
  void closureMinutesSorted_everyClosing() {
    fourDays();

    assertThat(metrics.closureMinutesSorted()).containsExactly(180, 240, 1620, 1650);
  }

  /**
   * 3,000 closings, nearly three times the 1,024 the closure times start with room for: case k (1
   * to 3,000) reported at the run's first instant and closed k minutes later, in that order. Every
   * closing is kept, so by nearest rank P50 is the 1,500th shortest, 1,500 minutes, and P90 the
   * 2,700th, 2,700 minutes; the first 1,024 alone would give 512 and 922, the last 1,024 2,488 and
   * 2,898.
   */
  @Test
  void closureMinutesSorted_moreClosingsThanItsFirstRoom_everyOneKept() {
    Metrics many = new Metrics(ZONE, MONDAY, 4);
    Instant start = at(0, 0, 0);
    for (int k = 1; k <= 3_000; k++) {
      IncidentId id = IncidentId.of("I" + k);
      appendOneByOne(
          many,
          List.of(
              new IncidentReported(
                  id,
                  RESIDENT,
                  start,
                  "seen",
                  Source.APP,
                  LAMP,
                  GRID,
                  Optional.empty(),
                  Optional.empty(),
                  false,
                  "seen",
                  Optional.empty()),
              new IncidentRegistered(id, CENTRE, start, "registered", LAMP, LIGHTING, start),
              new IncidentClaimed(
                  id, Actor.worker(WANG), start, "claimed", WANG, start.plus(Duration.ofDays(3))),
              new FeedbackGiven(
                  id, Actor.worker(WANG), start, "done", WANG, "done", Optional.empty()),
              new VerificationPassed(id, Actor.worker(LI), start, "fixed", LI),
              new IncidentClosed(id, CENTRE, start.plus(Duration.ofMinutes(k)), "closed")));
    }

    int[] sorted = many.closureMinutesSorted();
    assertThat(many.closed).isEqualTo(3_000);
    assertThat(sorted).containsExactly(IntStream.rangeClosed(1, 3_000).toArray());
    assertThat(sorted[SimulationResult.nearestRank(50, sorted.length)]).as("P50").isEqualTo(1_500);
    assertThat(sorted[SimulationResult.nearestRank(90, sorted.length)]).as("P90").isEqualTo(2_700);
  }

  /**
   * A run from Tuesday, and a case it finds reported and registered on Monday evening, before the
   * run's first instant, then answered at 09:00 and closed at 10:00 on Tuesday (660 minutes): the
   * totals count it, but Monday is outside the run, so no day counts its report or the closing of a
   * case reported that day, and no hour its report or registration.
   */
  @Test
  void counts_stepsBeforeTheRunsFirstDay_inTheTotalsButInNoDayOrHour() {
    Metrics tuesdayOn = new Metrics(ZONE, MONDAY.plusDays(1), 3);
    IncidentId id = IncidentId.of("I1");
    Instant evening = at(0, 23, 0);
    appendOneByOne(
        tuesdayOn,
        List.of(
            new IncidentReported(
                id,
                RESIDENT,
                evening,
                "seen",
                Source.APP,
                LAMP,
                GRID,
                Optional.empty(),
                Optional.empty(),
                false,
                "seen",
                Optional.empty()),
            new IncidentRegistered(
                id, CENTRE, at(0, 23, 30), "registered", LAMP, LIGHTING, at(1, 23, 30)),
            new IncidentClaimed(
                id, Actor.worker(WANG), at(0, 23, 40), "claimed", WANG, at(1, 23, 30)),
            new FeedbackGiven(
                id, Actor.worker(WANG), at(1, 9, 0), "done", WANG, "done", Optional.empty()),
            new VerificationPassed(id, Actor.worker(LI), at(1, 9, 30), "fixed", LI),
            new IncidentClosed(id, CENTRE, at(1, 10, 0), "closed")));

    assertThat(tuesdayOn.reported).isEqualTo(1);
    assertThat(tuesdayOn.registered).isEqualTo(1);
    assertThat(tuesdayOn.closed).isEqualTo(1);
    assertThat(tuesdayOn.dayCounts(MONDAY)).as("outside the run").containsOnly(0);
    assertThat(tuesdayOn.dayCounts(MONDAY.plusDays(1)))
        .as("the closing only")
        .containsExactly(0, 1, 0, 0, 0, 0);
    assertThat(tuesdayOn.hourCounts(23)).containsOnly(0);
    assertThat(tuesdayOn.hourCounts(9)).as("the reply").containsExactly(0, 0, 1, 0);
    assertThat(tuesdayOn.hourCounts(10)).as("the closing").containsExactly(0, 0, 0, 1);
    assertThat(tuesdayOn.closureMinutesSorted()).containsExactly(660);
  }

  /**
   * Gives {@code metrics} each event of {@code history}, a case's, in an append of its own with the
   * case as it stands after it, as the facade gives them.
   */
  private static void appendOneByOne(Metrics metrics, List<IncidentEvent> history) {
    Incident incident = Incident.start((IncidentReported) history.get(0));
    metrics.onAppended(incident, history.subList(0, 1));
    for (int i = 1; i < history.size(); i++) {
      incident = incident.apply(history.get(i));
      metrics.onAppended(incident, history.subList(i, i + 1));
    }
  }
}
