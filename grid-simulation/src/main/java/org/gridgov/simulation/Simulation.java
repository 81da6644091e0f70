package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.primitives.ImmutableIntArray;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.gridgov.core.Directory;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Money;
import org.gridgov.core.Violation;
import org.gridgov.core.category.CategoryCatalogue;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.line.LineId;
import org.gridgov.core.line.Lines;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.PolicyReferences;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.territory.Area;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.core.territory.Territory;
import org.gridgov.governance.GridGovernance;
import org.gridgov.rules.escalation.SettlementReport;
import org.gridgov.scoring.Period;
import org.gridgov.scoring.ScoreCard;
import org.gridgov.scoring.Scoring;
import org.gridgov.scoring.ScoringRun;
import org.gridgov.scoring.UnitKind;
import org.gridgov.scoring.UnitRef;
import org.gridgov.scoring.indicator.IndicatorReport;
import org.gridgov.scoring.pay.PayStatement;
import org.gridgov.scoring.policy.PayScheme;
import org.gridgov.scoring.policy.ScoringPolicy;
import org.gridgov.scoring.ranking.Ranking;

/**
 * Runs a policy over a synthetic district on a simulated clock, through {@link GridGovernance} on
 * any storage adapter. The same territory, config (seed included) and policy give the same result,
 * whatever the storage. On a machine with more than one core the run's counting (its metrics and
 * the scoring indicators) replays the stored events on a second thread, in order, so the result is
 * the same as on one.
 *
 * <p>A run can be cancelled: interrupt the thread running it ({@code Future.cancel(true)}, a pool
 * shut down now) and it stops before its next step with a {@link
 * java.util.concurrent.CancellationException}, the thread's interrupt flag left set and its
 * counting thread ended.
 *
 * <pre>{@code
 * SimulationResult a = Simulation.run(Divisions.dongcheng(), config, Presets.kaixuan(),
 *     InMemoryGridStorage.create());
 * }</pre>
 */
public final class Simulation {
  /** The rule id of a run that cannot start (territory, start against the policy). */
  static final org.gridgov.core.RuleId RUN = org.gridgov.core.RuleId.of("simulation.run");

  private Simulation() {}

  public static SimulationResult run(
      Territory divisions, SimulationConfig config, PolicySet policy, GridStorage storage) {
    return run(divisions, config, policy, storage, Progress.NONE);
  }

  public static SimulationResult run(
      Territory divisions,
      SimulationConfig config,
      PolicySet policy,
      GridStorage storage,
      Progress progress) {
    return run(
        divisions,
        config,
        policy,
        storage,
        progress,
        Runtime.getRuntime().availableProcessors() > 1);
  }

  /**
   * With {@code countingThread}, the metrics and the indicators count on a thread of their own
   * ({@link ListenerThread}): the same result, sooner when a core would otherwise idle.
   */
  static SimulationResult run(
      Territory divisions,
      SimulationConfig config,
      PolicySet policy,
      GridStorage storage,
      Progress progress,
      boolean countingThread) {
    checkRunnable(divisions, config, policy, storage, progress);
    Randomness random = new Randomness(config.seed());
    SyntheticDistrict district = SyntheticDistrict.build(divisions, config, random.split());
    Instant start = config.start().atStartOfDay(config.zone()).toInstant();
    Instant end = config.start().plusDays(config.days()).atStartOfDay(config.zone()).toInstant();
    VirtualClock clock = new VirtualClock(start, config.zone());
    Metrics metrics = new Metrics(config.zone(), config.start(), config.days());
    ArrivalProcess arrivals =
        new ArrivalProcess(
            config, district.grids().size(), district.directory().catalogue(), random.split());
    Randomness behaviour = random.split();
    Visits visits = Visits.of(config, district.directory().roster());
    List<Period> months = MonthlyIndicators.months(config.start(), config.days(), config.zone());
    Scoring scoring = Scoring.of(config.scoring());
    // each month scored as soon as its indicators are final, on the counting thread when there is
    // one (the thread's finish hands them over to this one)
    Scores[] scores = new Scores[months.size()];
    MonthlyIndicators indicators =
        new MonthlyIndicators(
            months,
            config.scoring().indicators(),
            district.directory(),
            visits::of,
            (report, month) ->
                scores[month] =
                    scores(
                        config, scoring.period(months.get(month)), report, district.directory()));
    Engine[] engine = new Engine[1];
    AtomicLong ids = new AtomicLong();
    CountingListeners counting =
        CountingListeners.of(
            "gridgov-counting",
            List.of(
                metrics,
                (incident, events) -> {
                  for (int i = 0; i < events.size(); i++) { // indexed: no iterator per append
                    indicators.accept(events.get(i));
                  }
                }),
            countingThread);
    GridGovernance governance =
        GridGovernance.builder()
            .storage(storage)
            .directory(district.directory())
            .policy(policy)
            .clock(clock)
            .node("simulation")
            .ids(() -> IncidentId.of("I" + ids.incrementAndGet()))
            .listener(counting)
            .listener((incident, events) -> engine[0].onAppended(incident, events))
            .build();
    engine[0] = new Engine(config, district, governance, clock, metrics, arrivals, behaviour);
    try {
      engine[0].run(start, end, progress);
    } catch (RuntimeException | Error e) {
      counting.finishAfter(e);
      throw e;
    }
    counting.finish();
    indicators.finish(); // scores the months the run did not finish
    return result(
        policy, config, district, governance, metrics, start, end, ImmutableList.copyOf(scores));
  }

  /**
   * Whether {@code result} was run on {@code divisions}: each of its grids lies in a community of
   * them (a run draws its grids in the territory's communities).
   */
  static boolean ranOn(SimulationResult result, Territory divisions) {
    return result.gridScores().stream()
        .allMatch(
            grid ->
                grid.id().length() > 12 && divisions.find(grid.id().substring(0, 12)).isPresent());
  }

  /**
   * What a run needs before anything is built or stored: a community to place grids in, a policy
   * naming only what the district has and counting in the config's zone, in force from the first
   * instant, and an empty store: a run saves its synthetic directory and numbers its incidents from
   * the first, so on a store holding another's it would replace their directory and fail.
   */
  private static void checkRunnable(
      Territory divisions,
      SimulationConfig config,
      PolicySet policy,
      GridStorage storage,
      Progress progress) {
    Checks.notNull(RUN, "territory", divisions);
    Checks.notNull(RUN, "config", config);
    Checks.notNull(RUN, "policy", policy);
    Checks.notNull(RUN, "storage", storage);
    Checks.notNull(RUN, "progress", progress);
    long incidents = storage.incidents().count();
    long revision = storage.directory().revision();
    Checks.check(
        RUN,
        "storage",
        incidents == 0 && revision == 0,
        "must be empty, holds " + incidents + " incidents and directory revision " + revision);
    config
        .overload()
        .ifPresent(
            o ->
                Checks.check(
                    RUN,
                    "overload",
                    Lines.standard()
                        .find(o.line())
                        .map(config.staffing()::departmentLevel)
                        .map(level -> level == Level.STREET || level == Level.DISTRICT)
                        .orElseThrow(),
                    "line "
                        + o.line()
                        + " works at no street or district, so its "
                        + o.workers()
                        + " department workers would never be placed and its cases never solved"));
    Checks.check(
        RUN,
        "territory",
        divisions.areas().stream().anyMatch(area -> area.level() == Level.COMMUNITY),
        "has no COMMUNITY to place synthetic grids in");
    divisions.areas().stream()
        .filter(area -> area.level().compareTo(Level.GRID) >= 0)
        .findFirst()
        .ifPresent(
            grid ->
                Checks.check(
                    RUN,
                    "territory",
                    false,
                    "holds grids, such as "
                        + grid.code()
                        + " ("
                        + grid.level()
                        + "): a run draws its own 2 to 5 grids in each"
                        + " community, so give the divisions down to the communities only"));
    checkReferences(policy, config);
    Instant first = config.start().atStartOfDay(config.zone()).toInstant();
    Checks.check(
        RUN,
        "start",
        !policy.effectiveFrom().isAfter(first),
        "is "
            + first
            + " ("
            + config.start()
            + " in "
            + config.zone()
            + "), before policy "
            + policy.id()
            + " v"
            + policy.version()
            + " takes effect at "
            + policy.effectiveFrom());
  }

  /**
   * Refuses a policy that names lines or categories the simulated district lacks (its lines and
   * catalogue are the standard ones: such a time-limit row, deadline or closing authority would
   * never apply, and a study of it would find it does nothing), or whose zone has other rules than
   * {@code config}'s: the policy counts its escalation quota's months and its working-time limits
   * (claim window, registration, reply, verification, supervision) in its own zone, while the
   * district's days, arrivals, office hours and scoring months are the config's, so a UTC policy on
   * Dongcheng would start its months and working days at 08:00 local time. A zone of the same rules
   * under another name (Asia/Chongqing for Asia/Shanghai) is accepted. {@link #run}, {@link
   * Comparison}, {@link Replications}, {@link Sweep} and the command line apply it before any run
   * starts.
   *
   * @throws org.gridgov.core.InvalidInputException listing each by its policy path, the zone as
   *     {@code zone} under {@code simulation.run}
   */
  public static void checkReferences(PolicySet policy, SimulationConfig config) {
    Checks.notNull(RUN, "policy", policy);
    Checks.notNull(RUN, "config", config);
    List<Violation> violations =
        new ArrayList<>(
            PolicyReferences.unknownIn(policy, Lines.standard(), CategoryCatalogue.standard()));
    if (!policy.zone().getRules().equals(config.zone().getRules())) {
      violations.add(
          Violation.of(
              "zone",
              RUN,
              "must be the simulation's zone "
                  + config.zone()
                  + ", whose days the district lives by (the policy counts its quota months and working"
                  + " time in its own)",
              policy.zone()));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(
          "policy "
              + policy.id()
              + " v"
              + policy.version()
              + " on a simulated district (the standard lines and category catalogue)",
          violations);
    }
  }

  /**
   * What the scoring policy makes of {@code report}, one period's indicators: the rankings and the
   * pay, with the streets' indicators themselves. Package-private so that a test can score the
   * histories read back from the store the same way.
   */
  static Scores scores(
      SimulationConfig config, ScoringRun scoring, IndicatorReport report, Directory directory) {
    ScoreCard card = scoring.score(report, directory);
    List<WorkerId> gridWorkers =
        directory.roster().workers().stream()
            .filter(w -> !w.grids().isEmpty())
            .map(Worker::id)
            .sorted()
            .toList();
    // the policy scores grid work (visits, reports, claims…): department staff, who have no grid,
    // score on what little of it applies to them and would all rank below every grid worker, so
    // the workers' ranking is of the grid workers, the whole team of each grid
    List<UnitRef> assessed = gridWorkers.stream().map(UnitRef::worker).toList();
    Map<UnitKind, Ranking> rankings = new EnumMap<>(UnitKind.class);
    for (UnitKind kind : UnitKind.values()) {
      rankings.put(
          kind, kind == UnitKind.WORKER ? card.ranking(kind, assessed) : card.ranking(kind));
    }
    // the pay is the grid system's: its own staff's, not that of the roles seconded to the grid
    List<WorkerId> paid =
        directory.roster().workers().stream()
            .filter(
                w ->
                    !w.grids().isEmpty()
                        && w.roles().stream().anyMatch(config.paidRoles()::contains))
            .map(Worker::id)
            .sorted()
            .toList();
    Optional<PayScheme> scheme = config.scoring().pay();
    Optional<PayStatement> pay = Optional.empty();
    if (scheme.flatMap(PayScheme::graded).isPresent()) {
      Map<WorkerId, Money> base = new LinkedHashMap<>();
      paid.forEach(w -> base.put(w, config.baseSalary()));
      pay = Optional.of(scoring.gradedPay(card, base));
    } else if (scheme.flatMap(PayScheme::allowance).isPresent()) {
      pay = Optional.of(scoring.allowance(card, paid));
    } else if (scheme.flatMap(PayScheme::pieceRates).isPresent()) {
      pay = Optional.of(scoring.pieceRates(report, List.of()));
    }
    return Scores.of(
        label(config.scoring()),
        scoring.period(),
        rankings,
        pay,
        report.of(UnitKind.STREET).stream()
            .map(
                street ->
                    new Scores.Street(
                        directory
                            .territory()
                            .find(street.unit().id())
                            .map(Area::name)
                            .orElse(street.unit().id()),
                        street))
            .toList());
  }

  private static SimulationResult result(
      PolicySet policy,
      SimulationConfig config,
      SyntheticDistrict district,
      GridGovernance governance,
      Metrics m,
      Instant start,
      Instant end,
      ImmutableList<Scores> scores) {
    long open = 0;
    for (Stage stage : Stage.values()) {
      if (stage.isOpen()) {
        open += governance.storage().incidents().inStage(stage).size();
      }
    }
    List<DayCount> days = new ArrayList<>();
    long backlog = 0;
    for (LocalDate day = config.start();
        day.isBefore(config.start().plusDays(config.days()));
        day = day.plusDays(1)) {
      long[] counts = m.dayCounts(day);
      backlog += counts[0] - counts[1] - counts[4] + counts[5];
      days.add(
          new DayCount(
              day, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], backlog));
    }
    List<HourCount> hours = new ArrayList<>();
    for (int hour = 0; hour < 24; hour++) {
      long[] counts = m.hourCounts(hour);
      hours.add(new HourCount(hour, counts[0], counts[1], counts[2], counts[3]));
    }
    List<LineLoad> lines = new ArrayList<>();
    for (Map.Entry<LineId, long[]> e : new TreeMap<>(m.lines).entrySet()) { // by id string
      long[] c = e.getValue();
      lines.add(
          new LineLoad(
              e.getKey(),
              c[0],
              c[1],
              c[2],
              SimulationResult.ratio(c[0], m.registered),
              SimulationResult.ratio(c[1], c[0])));
    }
    return new SimulationResult(
        label(policy),
        config.setup(),
        config.seed(),
        start,
        end,
        district.grids().size(),
        district.directory().roster().size(),
        m.reported,
        m.registered,
        m.rejected,
        m.selfClaimed,
        m.autoAssigned,
        m.manualAssigned,
        ImmutableMap.copyOf(m.escalations),
        m.returned,
        m.overdue,
        m.supervised,
        m.referred,
        m.convened,
        m.reworks,
        m.reopened,
        m.suspended,
        m.resumed,
        m.extended,
        m.closed,
        m.closedOnTime,
        m.rated,
        m.satisfactionSum,
        m.archived,
        open,
        ImmutableMap.copyOf(m.refusals),
        ImmutableList.copyOf(days),
        ImmutableList.copyOf(hours),
        ImmutableList.copyOf(lines),
        unitScores(
            m.grids,
            AreaCode::value,
            grid ->
                district.directory().territory().find(grid).map(Area::name).orElse(grid.value())),
        unitScores(
            m.workers,
            WorkerId::value,
            worker ->
                district
                    .directory()
                    .roster()
                    .find(worker)
                    .map(Worker::name)
                    .orElse(worker.value())),
        SettlementReport.ofCounts(m.settled, governance.policyAt(end.minusNanos(1)).targets()),
        ImmutableIntArray.copyOf(m.closureMinutesSorted()),
        scores,
        config);
  }

  /**
   * Units with received, closed and on-time counts, best closure rate first, then best on-time
   * rate, then the most cases (of two grids closing all they had, the one that had more); a unit
   * without a rate (nothing received, or nothing closed) after every unit with one.
   */
  private static <K> ImmutableList<UnitScore> unitScores(
      Map<K, long[]> counters, Function<K, String> id, Function<K, String> name) {
    List<UnitScore> scores = new ArrayList<>();
    counters.forEach(
        (k, c) ->
            scores.add(
                new UnitScore(
                    id.apply(k), name.apply(k), c[0], c[1], rate(c[1], c[0]), rate(c[2], c[1]))));
    scores.sort(
        Comparator.comparing(UnitScore::closureRate, BEST_FIRST)
            .thenComparing(UnitScore::onTimeRate, BEST_FIRST)
            .thenComparing(Comparator.comparingLong(UnitScore::received).reversed())
            .thenComparing(UnitScore::id));
    return ImmutableList.copyOf(scores);
  }

  /** The highest rate first, and no rate last. */
  private static final Comparator<OptionalDouble> BEST_FIRST =
      Comparator.comparing(OptionalDouble::isPresent, Comparator.reverseOrder())
          .thenComparing(rate -> rate.orElse(0), Comparator.reverseOrder());

  /** {@code part ÷ whole}, empty when {@code whole} is 0. */
  private static OptionalDouble rate(long part, long whole) {
    return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
  }

  /** How a result names its policy ({@link SimulationResult#policy()}): "kaixuan v1". */
  static String label(PolicySet policy) {
    return policy.id() + " v" + policy.version();
  }

  /** How a month's {@link Scores} name the scoring policy that scored it. */
  static String label(ScoringPolicy scoring) {
    return scoring.id() + " v" + scoring.version();
  }
}
