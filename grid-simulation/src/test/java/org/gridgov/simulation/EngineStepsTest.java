package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.gridgov.core.Directory;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.CaseResumed;
import org.gridgov.core.incident.CaseSuspended;
import org.gridgov.core.incident.ExternalRef;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentClosed;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.Source;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.incident.VerificationFailed;
import org.gridgov.core.incident.VerificationPassed;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Absence;
import org.gridgov.core.people.AbsenceKind;
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
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/**
 * Steps of the engine that a run over a synthetic district never reaches, or not so that a test can
 * count them by hand: the refusals it counts by kind (a reply nobody but its handler could verify,
 * a step the case moved on from) and a case taken up again at its handler's own effort. On a
 * district built by hand: grid 1 of 景芳 (Kaixuan street, Hangzhou) with only the workers each test
 * names, the cases the test reports at the run's first instant (Monday 4 March 2024, 00:00 Hangzhou
 * time) and, unless a test sets its own demand (patrol finds, hotline calls), arrivals too rare for
 * any other, under Kaixuan's policy (a 24-hour claim window from the report, then assignment;
 * supervision a day after a missed deadline). Nobody claims, so each case is assigned as its window
 * ends, at day 1 (a timer round at 00:00 Tuesday); everybody works around the clock, the
 * behaviour's delays are a minute on average and efforts fixed (no spread).
 */
class EngineStepsTest {
  private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);
  private static final AreaCode GRID = AreaCode.of("330102011002001", Level.GRID);
  private static final AreaCode COMMUNITY = AreaCode.parse("330102011002");
  private static final AreaCode STREET = AreaCode.parse("330102011");
  private static final LineId LIGHTING = LineId.of("street-lighting");
  private static final LineId URBAN = LineId.of("urban-management");

  /** A street lamp: the grid manager's line. */
  private static final CategoryCode LAMP = CategoryCode.parse("P0113");

  /** A newspaper kiosk: urban management, which nobody in the grid or community acts for. */
  private static final CategoryCode KIOSK = CategoryCode.parse("P0110");

  private static final Worker WANG =
      Worker.of(WorkerId.of("w-wang"), "王", Set.of(Role.GRID_MANAGER), COMMUNITY, Set.of(GRID))
          .withLines(Set.of(LIGHTING));

  /** The grid's supervisor: acts for no line, so handles nothing; may verify. */
  private static final Worker LI =
      Worker.of(WorkerId.of("w-li"), "李", Set.of(Role.SUPERVISOR), COMMUNITY, Set.of(GRID));

  /** Department staff of the street's urban management. */
  private static final Worker ZHAO =
      Worker.of(
              WorkerId.of("d-zhao"),
              "赵",
              Set.of(SyntheticDistrict.DEPARTMENT_STAFF),
              STREET,
              Set.of())
          .withLines(Set.of(URBAN));

  /** Arrivals a grid a day: the first falls centuries after any run here ends. */
  private static final double RARE = 1e-9;

  /** A finished run: what its metrics counted, every case's history and the run's clock. */
  private record Run(Metrics metrics, List<List<IncidentEvent>> histories, VirtualClock clock) {}

  /**
   * Reported cases registered and steps taken within a minute or so, no claims, returns,
   * escalations, ratings or unsolvable cases, every verification passing, efforts as set.
   */
  private static Behaviour.Builder quick() {
    return Behaviour.builder()
        .registrationDelay(Duration.ofMinutes(1))
        .claimShare(0)
        .escalateShare(0)
        .returnShare(0)
        .unsolvableShare(0)
        .workSigma(0)
        .verificationDelay(Duration.ofMinutes(1))
        .verificationPass(1)
        .closeDelay(Duration.ofMinutes(1))
        .ratingShare(0)
        .absencePerDay(0);
  }

  /**
   * Runs the engine for {@code days} over grid 1 staffed by {@code workers} alone, with one case of
   * each of {@code reports} reported at the first instant, wired as {@link Simulation} wires it.
   */
  private static Run run(
      int days, Behaviour behaviour, List<Worker> workers, CategoryCode... reports) {
    Run run =
        run(days, Arrivals.defaults().withRate(RARE), behaviour, workers, Progress.NONE, reports);
    assertThat(run.histories()).as("the test's reports alone").hasSize(reports.length);
    return run;
  }

  /**
   * {@link #run(int, Behaviour, List, CategoryCode...)} with {@code demand} of its own, telling
   * {@code progress}: every case's history, the test's reports first.
   */
  private static Run run(
      int days,
      Arrivals demand,
      Behaviour behaviour,
      List<Worker> workers,
      Progress progress,
      CategoryCode... reports) {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(MONDAY, days)
            .withArrivals(demand)
            .withBehaviour(behaviour);
    SyntheticDistrict district =
        new SyntheticDistrict(
            Directory.of(Divisions.jingfangExample(), Roster.of(workers)),
            ImmutableList.of(GRID),
            ImmutableListMultimap.of());
    Instant start = MONDAY.atStartOfDay(config.zone()).toInstant();
    VirtualClock clock = new VirtualClock(start, config.zone());
    Metrics metrics = new Metrics(config.zone(), MONDAY, days);
    CountingListeners counting = CountingListeners.of("metrics", List.of(metrics), false);
    Randomness random = new Randomness(config.seed());
    ArrivalProcess arrivals =
        new ArrivalProcess(config, 1, district.directory().catalogue(), random.split());
    InMemoryGridStorage storage = InMemoryGridStorage.create();
    Engine[] engine = new Engine[1];
    AtomicLong ids = new AtomicLong();
    GridGovernance governance =
        GridGovernance.builder()
            .storage(storage)
            .directory(district.directory())
            .policy(Presets.kaixuan())
            .clock(clock)
            .ids(() -> IncidentId.of("I" + ids.incrementAndGet()))
            .listener(counting)
            .listener((incident, events) -> engine[0].onAppended(incident, events))
            .build();
    engine[0] = new Engine(config, district, governance, clock, metrics, arrivals, random.split());
    for (CategoryCode category : reports) {
      governance.report(
          Report.by(Actor.resident("resident"))
              .source(Source.APP)
              .category(category)
              .grid(GRID)
              .description("seen")
              .build());
    }
    engine[0].run(start, start.plus(Duration.ofDays(days)), progress);
    counting.finish();
    List<List<IncidentEvent>> histories = new ArrayList<>();
    for (int i = 1; i <= storage.incidents().count(); i++) {
      histories.add(storage.incidents().history(IncidentId.of("I" + i)));
    }
    return new Run(metrics, histories, clock);
  }

  private static <T extends IncidentEvent> List<T> events(
      List<IncidentEvent> history, Class<T> type) {
    return history.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /**
   * Wang alone in the grid replies to his three lamps an hour apart, at 01:00, 02:00 and 03:00 on
   * day 1; each reply's check, about a minute later, finds nobody in the grid but its handler: one
   * NO_VERIFIER each, three, and the cases wait for a check. With the supervisor Li in the grid
   * too, he checks the three, nothing is refused and the three are closed.
   */
  @Test
  void verify_nobodyInTheGridButTheHandler_eachReplyRefusedAsNoVerifier() {
    Behaviour oneHour = quick().gridWork(Duration.ofHours(1)).build();

    Run alone = run(3, oneHour, List.of(WANG), LAMP, LAMP, LAMP);

    assertThat(alone.metrics().refusals).containsExactly(entry("NO_VERIFIER", 3L));
    for (List<IncidentEvent> history : alone.histories()) {
      assertThat(events(history, FeedbackGiven.class))
          .singleElement()
          .extracting(FeedbackGiven::handler)
          .isEqualTo(WANG.id());
      assertThat(Incident.replay(history).stage()).isEqualTo(Stage.HANDLED);
    }

    Run checked = run(3, oneHour, List.of(WANG, LI), LAMP, LAMP, LAMP);

    assertThat(checked.metrics().refusals).isEmpty();
    assertThat(checked.metrics().closed).isEqualTo(3);
    assertThat(checked.histories())
        .allSatisfy(
            history ->
                assertThat(events(history, VerificationPassed.class))
                    .singleElement()
                    .extracting(VerificationPassed::verifier)
                    .isEqualTo(LI.id()));
  }

  /**
   * Wang takes both lamps at day 1 and will reply to them one after the other, six days each: at
   * days 7 and 13. A lamp's deadline (24 hours) passes at day 2, supervision follows at day 3 and
   * the centre parks each case a minute or so later, never to give it back: each reply then finds
   * its case parked, two stale steps.
   */
  @Test
  void feedback_onACaseParkedMeanwhile_countedAsAStaleStep() {
    Behaviour parked = quick().gridWork(Duration.ofDays(6)).suspendAfterSupervisions(1).build();

    Run run = run(14, parked, List.of(WANG, LI), LAMP, LAMP);

    assertThat(run.metrics().refusals).containsExactly(entry("STALE_STEP", 2L));
    for (List<IncidentEvent> history : run.histories()) {
      assertThat(events(history, CaseSuspended.class)).hasSize(1);
      assertThat(events(history, FeedbackGiven.class)).isEmpty();
      assertThat(Incident.replay(history).stage()).isEqualTo(Stage.SUSPENDED);
    }
  }

  /**
   * Wang, away for the run's first six days, is the only one who may take the lamp, so it is his at
   * day 1; he would ask to pass it up an hour into his work, so on his return at day 6. By then its
   * deadline has passed (day 2), supervision followed (day 3) and the centre parked it a minute or
   * so later: asking to pass up a parked case is a stale step, counted once.
   */
  @Test
  void escalation_ofACaseParkedWhileTheHandlerWasAway_countedAsAStaleStep() {
    Instant start = MONDAY.atStartOfDay(SimulationConfig.defaults().zone()).toInstant();
    Worker away =
        WANG.withAbsence(new Absence(start, start.plus(Duration.ofDays(6)), AbsenceKind.LEAVE));
    Behaviour passUp =
        quick().escalateShare(1).gridWork(Duration.ofHours(1)).suspendAfterSupervisions(1).build();

    Run run = run(8, passUp, List.of(away, LI), LAMP);

    assertThat(run.metrics().refusals).containsExactly(entry("STALE_STEP", 1L));
    assertThat(run.metrics().escalations).isEmpty();
    assertThat(Incident.replay(run.histories().get(0)).stage()).isEqualTo(Stage.SUSPENDED);
  }

  /**
   * A case the centre gives back from the register is worked again by its handler at their own
   * effort: grid work of 2 hours, department work of 7, both without spread. Every case is
   * unsolvable at first (parked after its first supervision, a minute later), so its handler has no
   * other work queued, and the centre gives it back an hour or so after parking it: Wang's lamp is
   * replied to exactly 2 hours after it comes back, and the kiosk, which went up to the street's
   * urban management for want of anybody in the grid or community, exactly 7 hours after, by Zhao.
   */
  @Test
  void workAgain_aResumedCase_atItsHandlersOwnEffort() {
    Behaviour resumed =
        quick()
            .unsolvableShare(1)
            .suspendAfterSupervisions(1)
            .resumeAfter(Duration.ofHours(1))
            .gridWork(Duration.ofHours(2))
            .departmentWork(Duration.ofHours(7))
            .build();

    Run run = run(10, resumed, List.of(WANG, LI, ZHAO), LAMP, KIOSK);

    assertReplied(run.histories().get(0), WANG, Duration.ofHours(2));
    assertReplied(run.histories().get(1), ZHAO, Duration.ofHours(7));
  }

  /**
   * A one-day run ends at 00:00 Tuesday, as the lamp's 24-hour claim window does: no timer round is
   * queued at the end itself, so the run's closing round, at its end, assigns the lamp to Wang
   * then, and the run leaves its clock at its end.
   */
  @Test
  void run_closingTimerRound_assignsACaseWhoseWindowEndsWithTheRun_clockLeftAtTheEnd() {
    Instant end = MONDAY.plusDays(1).atStartOfDay(SimulationConfig.defaults().zone()).toInstant();

    Run run = run(1, quick().build(), List.of(WANG, LI), LAMP);

    assertThat(events(run.histories().get(0), IncidentAssigned.class))
        .singleElement()
        .satisfies(
            assigned -> {
              assertThat(assigned.at()).isEqualTo(end);
              assertThat(assigned.assignee()).isEqualTo(WANG.id());
            });
    assertThat(run.clock().instant()).isEqualTo(end);
  }

  /**
   * The progress bar is told as a run goes, not only at its end: over two days, at instants after
   * the start and before the end, in order, then last of the end, with the three lamps reported.
   */
  @Test
  void progress_toldDuringTheRun_lastOfTheEndWithTheCasesReported() {
    Instant start = MONDAY.atStartOfDay(SimulationConfig.defaults().zone()).toInstant();
    Instant end = start.plus(Duration.ofDays(2));
    List<Instant> told = new ArrayList<>();
    List<Long> reported = new ArrayList<>();
    Progress progress =
        (now, from, until, cases) -> {
          assertThat(from).isEqualTo(start);
          assertThat(until).isEqualTo(end);
          told.add(now);
          reported.add(cases);
        };

    run(
        2,
        Arrivals.defaults().withRate(RARE),
        quick().build(),
        List.of(WANG, LI),
        progress,
        LAMP,
        LAMP,
        LAMP);

    assertThat(told)
        .isSorted()
        .anySatisfy(now -> assertThat(now).isAfter(start).isBefore(end))
        .last()
        .isEqualTo(end);
    assertThat(reported).last().isEqualTo(3L);
  }

  /**
   * The verifier's note says what they found: "checked on site" on a pass, "not fixed" on each
   * failure (with every check failing, Wang reworks the lamp again and again).
   */
  @Test
  void verify_noteSaysWhetherTheProblemWasFixed() {
    Behaviour.Builder oneHour = quick().gridWork(Duration.ofHours(1)).rework(Duration.ofHours(1));

    Run passed = run(2, oneHour.build(), List.of(WANG, LI), LAMP);
    Run failed = run(2, oneHour.verificationPass(0).build(), List.of(WANG, LI), LAMP);

    assertThat(events(passed.histories().get(0), VerificationPassed.class))
        .singleElement()
        .extracting(VerificationPassed::reason)
        .isEqualTo("checked on site");
    assertThat(events(failed.histories().get(0), VerificationFailed.class))
        .hasSizeGreaterThan(1)
        .extracting(VerificationFailed::reason)
        .containsOnly("not fixed");
  }

  /**
   * Problems found on patrol while Wang, the grid's only worker, is away (the run's first two days)
   * wait for him: he reports them on his return, none earlier, and later ones when found.
   */
  @Test
  void patrolFinds_whileTheGridsOnlyWorkerIsAway_reportedByHimOnHisReturn() {
    Instant start = MONDAY.atStartOfDay(SimulationConfig.defaults().zone()).toInstant();
    Instant back = start.plus(Duration.ofDays(2));
    Worker away = WANG.withAbsence(new Absence(start, back, AbsenceKind.LEAVE));
    Arrivals patrols =
        Arrivals.defaults().toBuilder()
            .perGridPerDay(6)
            .sources(Map.of(Source.PATROL, 1.0))
            .build();

    Run run = run(3, patrols, quick().build(), List.of(away), Progress.NONE);

    List<IncidentReported> reports =
        run.histories().stream().map(history -> (IncidentReported) history.get(0)).toList();
    assertThat(reports)
        .allSatisfy(
            report -> {
              assertThat(report.at()).isAfterOrEqualTo(back);
              assertThat(report.actor().id()).isEqualTo(WANG.id().value());
            });
    assertThat(reports).filteredOn(report -> report.at().equals(back)).isNotEmpty();
    assertThat(reports).filteredOn(report -> report.at().isAfter(back)).isNotEmpty();
  }

  /** The 12345 hotline's tickets are numbered from T1 on, in the order of the calls. */
  @Test
  void report_hotlineTicketsNumberedFromOneInTheOrderOfTheCalls() {
    Arrivals calls =
        Arrivals.defaults().toBuilder()
            .perGridPerDay(6)
            .sources(Map.of(Source.HOTLINE_12345, 1.0))
            .build();

    Run run = run(2, calls, quick().build(), List.of(WANG, LI), Progress.NONE);

    assertThat(run.histories()).hasSizeGreaterThan(1);
    for (int i = 0; i < run.histories().size(); i++) {
      IncidentReported call = (IncidentReported) run.histories().get(i).get(0);
      assertThat(call.external()).contains(ExternalRef.of("12345", "T" + (i + 1)));
    }
  }

  /** {@code history} was given back once, and {@code handler} replied {@code after} that. */
  private static void assertReplied(List<IncidentEvent> history, Worker handler, Duration after) {
    String id = history.get(0).incident().value();
    CaseResumed back =
        events(history, CaseResumed.class).stream()
            .reduce((a, b) -> b)
            .orElseThrow(() -> new AssertionError(id + " never given back"));
    assertThat(events(history, CaseResumed.class)).as(id).hasSize(1);
    assertThat(events(history, FeedbackGiven.class))
        .as(id)
        .singleElement()
        .satisfies(
            reply -> {
              assertThat(reply.handler()).isEqualTo(handler.id());
              assertThat(Duration.between(back.at(), reply.at())).isEqualTo(after);
            });
    assertThat(events(history, IncidentClosed.class)).as(id).hasSize(1);
  }
}
