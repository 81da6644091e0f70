package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.Sets;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.Source;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.incident.VerificationFailed;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.WorkingTime;
import org.gridgov.core.spi.CounterStore;
import org.gridgov.core.spi.DirectoryStore;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.spi.PolicyStore;
import org.gridgov.core.spi.StorageCapability;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Territory;
import org.gridgov.governance.GridGovernance;
import org.gridgov.rules.escalation.SettlementReport;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

class SimulationTest {
  /** Kaixuan street (15 communities): small enough for unit tests. */
  static final Territory KAIXUAN = Divisions.shangcheng().restrictedTo(AreaCode.parse("330102011"));

  /** A week of Kaixuan street at the 12345 demand rate (2.6 per grid per day). */
  static SimulationConfig week() {
    return SimulationConfig.defaults()
        .withPeriod(LocalDate.of(2024, 3, 4), 7)
        .withArrivals(Arrivals.defaults().withRate(2.6));
  }

  @Test
  void run_sameSeedTwice_identicalResults() {
    SimulationResult first =
        Simulation.run(KAIXUAN, week(), Presets.kaixuan(), InMemoryGridStorage.create());
    SimulationResult second =
        Simulation.run(KAIXUAN, week(), Presets.kaixuan(), InMemoryGridStorage.create());

    assertThat(second).isEqualTo(first);
    assertThat(first.reported()).isGreaterThan(200);
  }

  @Test
  void run_countingOnItsOwnThreadOrNot_identicalResults() {
    SimulationResult together =
        Simulation.run(
            KAIXUAN, week(), Presets.kaixuan(), InMemoryGridStorage.create(), Progress.NONE, false);
    SimulationResult apart =
        Simulation.run(
            KAIXUAN, week(), Presets.kaixuan(), InMemoryGridStorage.create(), Progress.NONE, true);

    assertThat(apart).isEqualTo(together);
    assertThat(together.closed()).isPositive();
  }

  @Test
  void run_monthScoredInsideTheRunAndOneAtItsEnd_sameOnEitherThread() {
    // January is final at its cut-off, inside the run; February only at the run's end
    SimulationConfig config = week().withPeriod(LocalDate.of(2024, 1, 20), 24);
    SimulationResult together =
        Simulation.run(
            KAIXUAN, config, Presets.kaixuan(), InMemoryGridStorage.create(), Progress.NONE, false);
    SimulationResult apart =
        Simulation.run(
            KAIXUAN, config, Presets.kaixuan(), InMemoryGridStorage.create(), Progress.NONE, true);

    assertThat(apart).isEqualTo(together);
    assertThat(together.scores())
        .extracting(scores -> scores.period().first())
        .containsExactly(LocalDate.of(2024, 1, 20), LocalDate.of(2024, 2, 1));
  }

  @Test
  void run_closedAndRefusedCasesArchivedAfterTheRatingWindow_settlementStreamed() {
    InMemoryGridStorage storage = InMemoryGridStorage.create();
    SimulationResult r =
        Simulation.run(
            KAIXUAN,
            week().withBehaviour(Behaviour.defaults().withArchiveAfter(Duration.ofDays(2))),
            Presets.kaixuan(),
            storage);
    var incidents = storage.incidents();
    var archived = incidents.inStage(Stage.ARCHIVED);

    assertThat(r.archived()).isPositive().isEqualTo(archived.size());
    // archived 2 days after closing or refusal (or after a later rating)
    assertThat(archived)
        .allSatisfy(
            i ->
                assertThat(i.lastChangedAt())
                    .isAfterOrEqualTo(
                        i.closedAt().orElse(i.reportedAt()).plus(Duration.ofDays(2))));
    List<Incident> settled = new ArrayList<>(incidents.inStage(Stage.CLOSED));
    settled.addAll(archived);
    assertThat(r.settlement()).isEqualTo(SettlementReport.of(settled, Presets.kaixuan().targets()));
  }

  @Test
  void run_otherSeed_otherStream() {
    SimulationResult a =
        Simulation.run(KAIXUAN, week(), Presets.kaixuan(), InMemoryGridStorage.create());
    SimulationResult b =
        Simulation.run(
            KAIXUAN, week().withSeed(7), Presets.kaixuan(), InMemoryGridStorage.create());

    assertThat(b.reported()).isNotEqualTo(a.reported());
  }

  @Test
  void run_week_arrivalsFollowTheRateAndTheLoopCloses() {
    SimulationResult r =
        Simulation.run(KAIXUAN, week(), Presets.kaixuan(), InMemoryGridStorage.create());
    double expected = r.grids() * week().arrivals().perGridPerDay() * 7;

    assertThat((double) r.reported()).isCloseTo(expected, within(expected * 0.08));
    assertThat(r.days()).hasSize(7);
    assertThat(r.days().stream().mapToLong(DayCount::reported).sum()).isEqualTo(r.reported());
    assertThat(r.registered() + r.rejected()).isLessThanOrEqualTo(r.reported());
    assertThat(r.closed()).isPositive();
    assertThat(r.closureRateOfReportsUntil(LocalDate.of(2024, 3, 6))).isGreaterThan(0.9);
    assertThat(r.lines().stream().mapToLong(LineLoad::received).sum()).isEqualTo(r.registered());
    assertThat(r.settlement().settled()).isEqualTo(r.closed());
    // the backlog: each day's open cases follow from its reports, closures and refusals, and the
    // last day's are the cases the store holds open at the end
    assertThat(r.days().stream().mapToLong(DayCount::rejected).sum()).isEqualTo(r.rejected());
    long open = 0;
    for (DayCount day : r.days()) {
      open += day.reported() - day.closed() - day.rejected();
      assertThat(day.open()).as(day.day().toString()).isEqualTo(open).isNotNegative();
    }
    assertThat(r.days().get(6).open()).isEqualTo(r.openAtEnd()).isPositive();
    assertThat(r.referred()).as("every line is staffed somewhere up to the district").isZero();
  }

  @Test
  void run_linesWithoutDepartmentStaff_theirCasesReferredToTheCentreAndLeftOpen() {
    SimulationConfig unstaffed = week().withStaffing(Staffing.dongcheng().withDepartments(0, 0));

    SimulationResult r =
        Simulation.run(KAIXUAN, unstaffed, Presets.kaixuan(), InMemoryGridStorage.create());

    assertThat(r.referred()).as("street and district lines have nobody").isPositive();
    assertThat(r.openAtEnd())
        .as("the simulated centre has nobody to give them to")
        .isGreaterThanOrEqualTo(r.referred());
    assertThat(r.escalated(EscalationKind.NO_ELIGIBLE_WORKER))
        .as("each referred case went up to the district first")
        .isGreaterThan(r.referred());
    assertThat(r.closed()).as("the grids' own lines still close").isPositive();
  }

  @Test
  void run_weekendsAndNights_quieterThanWeekdayDaytime() {
    SimulationResult r =
        Simulation.run(KAIXUAN, week(), Presets.kaixuan(), InMemoryGridStorage.create());
    long monday = r.days().get(0).reported();
    long sunday = r.days().get(6).reported();

    assertThat(sunday).isLessThan(monday);
  }

  @Test
  void config_badValues_namedByRuleAndField() {
    assertThatThrownBy(() -> SimulationConfig.defaults().withPeriod(LocalDate.of(2024, 1, 1), 0))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.config] days must be between 1 and 3660, was 0");
    assertThatThrownBy(() -> Arrivals.defaults().withRate(-1))
        .hasMessage("[simulation.arrivals] perGridPerDay must be positive, was -1.0");
    assertThatThrownBy(() -> new Overload(org.gridgov.core.line.LineId.of("x"), 1.5, 3))
        .hasMessage("[simulation.overload] share must be between 0 and 1, was 1.5");
    GridStorage storage = InMemoryGridStorage.create();
    assertThatThrownBy(
            () ->
                Simulation.run(
                    KAIXUAN,
                    week().withStaffing(Staffing.dongcheng().withTemplate("nowhere")),
                    Presets.kaixuan(),
                    storage))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.staffing] template must be one of [kaixuan, dongcheng,"
                + " yangling], was 'nowhere'");
    assertThat(storage.incidents().count()).isZero();
    assertThat(storage.directory().revision()).isZero();
  }

  @Test
  void run_inputsThatCannotRun_refusedBeforeAnythingIsBuilt() {
    assertThatThrownBy(
            () ->
                Simulation.run(
                    KAIXUAN,
                    week()
                        .withArrivals(
                            Arrivals.defaults()
                                .withCategories(java.util.Map.of("E04", 1.0, "E99", 3.0))),
                    Presets.kaixuan(),
                    InMemoryGridStorage.create()))
        .hasMessage(
            "[simulation.arrivals] categories prefix E99 matches no category of the"
                + " catalogue");
    assertThatThrownBy(() -> week().withPeriod(LocalDate.of(2300, 1, 1), 2))
        .hasMessage(
            "[simulation.config] start must be between 1971-01-01 and 2200-12-31, was"
                + " 2300-01-01");
    Behaviour b = Behaviour.defaults();
    assertThatThrownBy(() -> b.toBuilder().absenceDays(Double.POSITIVE_INFINITY).build())
        .hasMessageContaining("absenceDays must be between 1 and 365 days");
    assertThatThrownBy(
            () ->
                Simulation.run(
                    KAIXUAN.restrictedTo(AreaCode.parse("330102011")),
                    week().withPeriod(LocalDate.of(2011, 12, 30), 2),
                    Presets.kaixuan(),
                    InMemoryGridStorage.create()))
        .hasMessageContaining("[simulation.run] start is 2011-12-29T16:00:00Z")
        .hasMessageContaining("before policy kaixuan v1 takes effect");
    InMemoryGridStorage untouched = InMemoryGridStorage.create();
    assertThatThrownBy(
            () -> Simulation.run(Divisions.jingfangExample(), week(), Presets.kaixuan(), untouched))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith(
            "[simulation.run] territory holds grids, such as 330102011002001"
                + " (GRID): a run draws its own");
    assertThat(untouched.incidents().count()).isZero();
  }

  @Test
  void run_aReactionThatFails_failsTheRunInsteadOfDroppingSteps() {
    // the facade logs and swallows a listener's exception; the engine must fail the run instead.
    // A verifier's refusal of a case nobody handles (no assignee to rework it) stands for any
    // defect in a reaction.
    SimulationConfig config = week();
    Randomness random = new Randomness(config.seed());
    SyntheticDistrict district = SyntheticDistrict.build(KAIXUAN, config, random.split());
    Instant start = config.start().atStartOfDay(config.zone()).toInstant();
    VirtualClock clock = new VirtualClock(start, config.zone());
    GridGovernance governance =
        GridGovernance.builder()
            .storage(InMemoryGridStorage.create())
            .directory(district.directory())
            .policy(Presets.kaixuan())
            .clock(clock)
            .build();
    Engine engine =
        new Engine(
            config,
            district,
            governance,
            clock,
            new Metrics(config.zone(), config.start(), config.days()),
            new ArrivalProcess(
                config, district.grids().size(), district.directory().catalogue(), random.split()),
            random.split());
    Incident reported =
        Incident.replay(
            List.of(
                new IncidentReported(
                    IncidentId.of("I1"),
                    Actor.external("12345"),
                    start,
                    "",
                    Source.HOTLINE_12345,
                    CategoryCode.parse("P0113"),
                    district.grids().get(0),
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    "lamp out",
                    Optional.empty())));

    WorkerId verifier = district.directory().roster().workers().get(0).id();
    engine.onAppended(
        reported,
        List.of(
            new VerificationFailed(
                reported.id(),
                Actor.worker(verifier),
                start,
                "not solved",
                verifier,
                start.plus(Duration.ofDays(1)))));

    assertThatThrownBy(() -> engine.run(start, start.plus(Duration.ofDays(7)), Progress.NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the simulation's reaction to a stored event failed")
        .hasCauseInstanceOf(NoSuchElementException.class);
  }

  @Test
  void run_aStepThatFails_failsTheRunNamingTheInstant() {
    // a store that breaks after 200 appends: its IllegalArgumentException is the run's failure
    // (exit 1 on the command line), not a bad option (exit 2)
    GridStorage real = InMemoryGridStorage.create();
    AtomicInteger appends = new AtomicInteger();
    IncidentStore breaking =
        (IncidentStore)
            Proxy.newProxyInstance(
                IncidentStore.class.getClassLoader(),
                new Class<?>[] {IncidentStore.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("append") && appends.incrementAndGet() > 200) {
                    throw new IllegalArgumentException("store broke");
                  }
                  try {
                    return method.invoke(real.incidents(), args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    GridStorage storage =
        new GridStorage() {
          @Override
          public IncidentStore incidents() {
            return breaking;
          }

          @Override
          public DirectoryStore directory() {
            return real.directory();
          }

          @Override
          public PolicyStore policies() {
            return real.policies();
          }

          @Override
          public CounterStore counters() {
            return real.counters();
          }

          @Override
          public Set<StorageCapability> capabilities() {
            return real.capabilities();
          }
        };

    assertThatThrownBy(() -> Simulation.run(KAIXUAN, week(), Presets.kaixuan(), storage))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the simulation's step at 2024-03-")
        .hasMessageEndingWith(" failed")
        .hasRootCauseMessage("store broke");
  }

  @Test
  void run_drawsThatLandCenturiesAhead_endWithTheRun() {
    // a year's median work with the widest spread draws steps far beyond the run's end, some
    // beyond 2262, where the step queue's clock (nanoseconds in a long) ends: never queued
    Behaviour b = Behaviour.defaults();
    SimulationConfig slow =
        week()
            .withPeriod(LocalDate.of(2024, 3, 4), 3)
            .withBehaviour(
                b.toBuilder()
                    .gridWork(Duration.ofDays(365))
                    .departmentWork(Duration.ofDays(365))
                    .workSigma(3)
                    .build());

    SimulationResult r =
        Simulation.run(KAIXUAN, slow, Presets.kaixuan(), InMemoryGridStorage.create());

    assertThat(r.reported()).isPositive();
    assertThat(r.closed()).isLessThan(r.reported());
  }

  @Test
  void behaviour_durationsBeyondACentury_refusedNamingTheField() {
    assertThatThrownBy(() -> Behaviour.defaults().withArchiveAfter(Duration.ofDays(36_501)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.behaviour] archiveAfter must be at most 36500 days, was" + " PT876024H");
  }

  @Test
  void behaviour_eachWither_changesItsFieldAndKeepsEveryOther() {
    WorkingTime.Period morning = WorkingTime.Period.parse("08:00-12:00").orElseThrow();
    WorkingTime.Period afternoon = WorkingTime.Period.parse("13:00-18:00").orElseThrow();
    Schedule weekdays =
        new Schedule(
            ImmutableList.of(morning, afternoon),
            Sets.immutableEnumSet(
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY),
            ImmutableSortedSet.of(),
            ImmutableSortedSet.of());
    Behaviour all =
        Behaviour.defaults()
            .withArchiveAfter(Duration.ofDays(3))
            .withReopenShare(0.5)
            .withSuspendAfterSupervisions(2)
            .withExtendShare(0.3)
            .withResumeAfter(Duration.ofDays(2))
            .withCentreHours(morning)
            .withWorkerHours(afternoon)
            .withDepartmentHours(weekdays)
            .withWorkerRestDays(2);

    assertThat(all)
        .extracting(
            Behaviour::archiveAfter,
            Behaviour::reopenShare,
            Behaviour::suspendAfterSupervisions,
            Behaviour::extendShare,
            Behaviour::resumeAfter,
            Behaviour::centreHours,
            Behaviour::workerHours,
            Behaviour::departmentHours,
            Behaviour::workerRestDays)
        .containsExactly(
            Duration.ofDays(3),
            0.5,
            2,
            0.3,
            Duration.ofDays(2),
            Schedule.daily(morning),
            Schedule.daily(afternoon),
            Optional.of(weekdays),
            2);
    assertThat(
            List.of(
                all.withArchiveAfter(all.archiveAfter()),
                all.withReopenShare(all.reopenShare()),
                all.withSuspendAfterSupervisions(all.suspendAfterSupervisions()),
                all.withExtendShare(all.extendShare()),
                all.withResumeAfter(all.resumeAfter()),
                all.withCentreHours(all.centreHours()),
                all.withWorkerHours(all.workerHours()),
                all.withDepartmentHours(weekdays),
                all.withWorkerRestDays(all.workerRestDays())))
        .allSatisfy(b -> assertThat(b).isEqualTo(all));
    assertThat(all.departmentSchedule()).isEqualTo(weekdays);
    assertThat(all.withWorkerHours(weekdays).departmentSchedule())
        .as("department hours of their own stay theirs")
        .isEqualTo(weekdays);
    assertThat(Behaviour.defaults().centreHours())
        .isEqualTo(Schedule.ALWAYS)
        .hasToString("00:00-24:00");
    assertThat(Behaviour.defaults().workerHours()).isEqualTo(Schedule.ALWAYS);
    assertThat(Behaviour.defaults().departmentHours()).isEmpty();
    assertThat(Behaviour.defaults().withWorkerHours(afternoon).departmentSchedule())
        .as("department staff work the workers' hours unless given their own")
        .isEqualTo(Schedule.daily(afternoon));
  }

  @Test
  void behaviour_centreHoursOfEveryDay_leaveTheWorkersAroundTheClock() {
    WorkingTime.Period office = WorkingTime.Period.parse("08:30-17:30").orElseThrow();
    Behaviour d = Behaviour.defaults();

    Behaviour centreOffice = d.withCentreHours(office);

    assertThat(centreOffice.centreHours()).isEqualTo(Schedule.daily(office));
    assertThat(centreOffice.workerHours()).isEqualTo(Schedule.ALWAYS);
    assertThat(centreOffice.departmentSchedule()).isEqualTo(Schedule.ALWAYS);
    assertThatThrownBy(() -> d.withDepartmentHours(null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("departmentHours");
  }

  @Test
  void behaviourBuilder_changesWhatItSets_keepsTheRest_checksOnBuild() {
    Behaviour d = Behaviour.defaults();
    Schedule office = Schedule.daily(WorkingTime.Period.parse("08:30-17:30").orElseThrow());
    LineId utilities = LineId.of("utilities");

    Behaviour changed =
        d.toBuilder()
            .claimShare(0.3)
            .departmentHours(office)
            .lineHours(Map.of(utilities, Schedule.ALWAYS))
            .workerRestDays(2)
            .build();

    assertThat(changed.claimShare()).isEqualTo(0.3);
    assertThat(changed.departmentSchedule()).isEqualTo(office);
    assertThat(changed.departmentSchedule(utilities)).isEqualTo(Schedule.ALWAYS);
    assertThat(changed.workerRestDays()).isEqualTo(2);
    assertThat(
            changed.toBuilder()
                .claimShare(d.claimShare())
                .departmentHours(null)
                .lineHours(Map.of())
                .workerRestDays(0)
                .build())
        .as("every other field kept")
        .isEqualTo(d);
    assertThat(Behaviour.builder().build()).isEqualTo(d);
    assertThat(d.toBuilder().build()).isNotSameAs(d).isEqualTo(d);
    // the README's example, as written there
    SimulationConfig config = week();
    SimulationConfig restDays =
        config
            .withBehaviour(
                Behaviour.defaults().toBuilder().claimShare(0.3).workerRestDays(1).build())
            .withArrivals(
                Arrivals.defaults().toBuilder()
                    .perGridPerDay(2.6)
                    .weekly(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.5))
                    .build());
    assertThat(restDays.behaviour().workerRestDays()).isEqualTo(1);
    assertThat(restDays.arrivals().weekly()).endsWith(0.5, 0.5);

    Behaviour.Builder bad = d.toBuilder().escalateShare(1.5);
    assertThatThrownBy(bad::build)
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.behaviour] escalateShare must be between 0 and 1, was 1.5");
    assertThatThrownBy(() -> d.toBuilder().gridWork(null).build())
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("gridWork");
    assertThatThrownBy(
            () -> d.toBuilder().lineHours(Map.of(LineId.of("community"), office)).build())
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("lineHours.community is not a line department staff work for");
  }

  @Test
  void behaviour_aNegativeOrTooLongResumption_refusedNamingTheField() {
    assertThatThrownBy(() -> Behaviour.defaults().withResumeAfter(Duration.ofHours(-1)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.behaviour] resumeAfter must be 0 (never) or a duration of at most"
                + " 36500 days, was PT-1H");
    assertThatThrownBy(() -> Behaviour.defaults().withResumeAfter(Duration.ofDays(36_501)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("resumeAfter")
        .hasMessageEndingWith("was PT876024H");
    assertThat(Behaviour.defaults().resumeAfter()).as("never, by default").isZero();
  }

  @Test
  void run_anErrorPartWay_endsTheCountingThreadToo() throws InterruptedException {
    // a progress bar that fails with an Error (not an exception) once the run is a day in
    Progress failing =
        (now, start, end, reported) -> {
          if (now.isAfter(start.plus(Duration.ofDays(1)))) {
            throw new AssertionError("progress bar broke");
          }
        };

    assertThatThrownBy(
            () ->
                Simulation.run(
                    KAIXUAN,
                    week(),
                    Presets.kaixuan(),
                    InMemoryGridStorage.create(),
                    failing,
                    true))
        .isInstanceOf(AssertionError.class)
        .hasMessage("progress bar broke");
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().equals("gridgov-counting")) {
        thread.join(5_000);
        assertThat(thread.isAlive()).as("a counting thread left after the run failed").isFalse();
      }
    }
  }

  @Test
  void result_gridsCountRegisteredCasesAndPercentilesAreChecked() {
    SimulationResult result =
        Simulation.run(KAIXUAN, week(), Presets.kaixuan(), InMemoryGridStorage.create());

    assertThat(result.gridScores().stream().mapToLong(UnitScore::received).sum())
        .isEqualTo(result.registered())
        .isLessThan(result.reported());
    // best first: closure rate, then on-time rate, then the most cases; ties of all three occur
    // (a unit without a rate, nothing received or nothing closed, after every unit with one)
    Comparator<UnitScore> rank =
        Comparator.comparingDouble((UnitScore s) -> s.closureRate().orElse(-1))
            .reversed()
            .thenComparing(
                Comparator.comparingDouble((UnitScore s) -> s.onTimeRate().orElse(-1)).reversed())
            .thenComparing(Comparator.comparingLong(UnitScore::received).reversed());
    assertThat(result.gridScores()).isSortedAccordingTo(rank);
    assertThat(result.workerScores()).isSortedAccordingTo(rank);
    assertThat(result.gridScores().get(0).received())
        .as("of the grids closing all on time, the one with most cases leads")
        .isEqualTo(
            result.gridScores().stream()
                .filter(
                    s ->
                        s.closureRate().equals(OptionalDouble.of(1))
                            && s.onTimeRate().equals(OptionalDouble.of(1)))
                .mapToLong(UnitScore::received)
                .max()
                .orElseThrow());
    assertThatThrownBy(() -> result.closureTime(101))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.result] p must be above 0 and at most 100, was 101.0");
    assertThatThrownBy(() -> result.closureTime(Double.NaN))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.result] p must be above 0 and at most 100, was NaN");
  }
}
