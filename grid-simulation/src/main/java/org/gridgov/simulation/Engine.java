package org.gridgov.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.gridgov.core.category.Category;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.CaseReferred;
import org.gridgov.core.incident.CaseReopened;
import org.gridgov.core.incident.CaseResumed;
import org.gridgov.core.incident.CaseReturned;
import org.gridgov.core.incident.CaseSuspended;
import org.gridgov.core.incident.ExternalRef;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.IllegalTransitionException;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentClaimed;
import org.gridgov.core.incident.IncidentClosed;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentRegistered;
import org.gridgov.core.incident.IncidentRejected;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.incident.RejectionKind;
import org.gridgov.core.incident.Source;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.incident.VerificationFailed;
import org.gridgov.core.incident.VerificationPassed;
import org.gridgov.core.internal.Instants;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Absence;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.VerificationPolicy.Verifiers;
import org.gridgov.core.policy.WorkingTime;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.governance.CommandRefusedException;
import org.gridgov.governance.GridGovernance;
import org.gridgov.governance.GridListener;
import org.gridgov.governance.Report;
import org.gridgov.rules.dispatch.Candidates;
import org.gridgov.rules.handling.ExtensionRule;

/**
 * The discrete-event loop of one run: a queue of timed actions (arrivals, people's steps, timer
 * ticks) on the virtual clock. People's steps are scheduled from the facade's listener, so every
 * step follows from what was actually stored; refusals are counted and, where a person would,
 * answered (a refused escalation is handled at the level after all).
 */
final class Engine implements GridListener {
  private static final Actor CENTRE = Actor.centre("sim-centre");
  // the kinds of step that draw ({@link #drawKind}), at most 15
  private static final int REPORTED = 0;
  private static final int REGISTERED = 1;
  private static final int TAKEN = 2;
  private static final int FEEDBACK = 3;
  private static final int FAILED = 4;
  private static final int PASSED = 5;
  private static final int CLOSED = 6;
  private static final int REJECTED = 7;
  private static final int RETURNED = 8;
  private static final int SUPERVISED = 9;
  private static final int TAKEN_AGAIN = 10;
  private static final int PARKED = 11;
  private static final int REFERRED = 12;

  /** How long after taking a case its worker returns it or asks to pass it up, when present. */
  private static final Duration DECIDE = Duration.ofHours(1);

  private final SimulationConfig config;
  private final SyntheticDistrict district;
  private final Roster roster;
  private final GridGovernance governance;
  private final VirtualClock clock;
  private final Metrics metrics;
  private final ArrivalProcess arrivals;

  /**
   * Behaviour draws come from a stream per case and step ({@link Randomness#forStep}); whether
   * anybody can solve a case, from the case alone ({@link Randomness#ofCase}).
   */
  private final long caseSeed;

  private final ActionQueue queue = new ActionQueue();

  /** The end of the run, set when it starts: no step is scheduled at or after it. */
  private Instant end = Instant.MAX;

  /** Each worker who has had work, with when their queue of work ends ({@link #busy}). */
  private final Map<WorkerId, Desk> desks = new HashMap<>();

  /** Each grid's candidate verifiers in order of preference ({@link #verifiersOf}). */
  private final Map<AreaCode, List<Worker>> verifiers = new HashMap<>();

  private long tickets;

  /** Problems found on patrol so far: each patrol's number keys who found it. */
  private long patrols;

  /** The seed of who finds a problem on patrol ({@link #patroller}). */
  private final long patrolSeed;

  /**
   * The centre's schedule as a working time ({@link Behaviour#centreHours}), null when it works
   * around the clock; only its arithmetic is used (which limits it applies to is moot).
   */
  private final WorkingTime centreTime;

  /** The grid workers' schedule as the centre's is ({@link Behaviour#workerHours}). */
  private final WorkingTime gridTime;

  /** The department staff's ({@link Behaviour#departmentSchedule()}). */
  private final WorkingTime departmentTime;

  /** The schedules of lines whose staff keep hours of their own ({@link Behaviour#lineHours}). */
  private final Map<LineId, WorkingTime> lineTimes = new HashMap<>();

  /** With a rota, each grid worker's own schedule ({@link Rota}); empty without one. */
  private final Map<WorkerId, WorkingTime> rota;

  /** The first exception a reaction threw, failing the run after the step that caused it. */
  private RuntimeException failure;

  /** Cases reported so far, for the progress bar (the metrics may count on another thread). */
  private long reported;

  Engine(
      SimulationConfig config,
      SyntheticDistrict district,
      GridGovernance governance,
      VirtualClock clock,
      Metrics metrics,
      ArrivalProcess arrivals,
      Randomness random) {
    this.config = config;
    this.district = district;
    this.roster = district.directory().roster();
    this.governance = governance;
    this.clock = clock;
    this.metrics = metrics;
    this.arrivals = arrivals;
    this.caseSeed = random.nextSeed();
    this.patrolSeed = random.nextSeed();
    this.centreTime = config.behaviour().centreHours().workingTime();
    this.gridTime = config.behaviour().workerHours().workingTime();
    this.departmentTime = config.behaviour().departmentSchedule().workingTime();
    // null (around the clock) is kept too: a line on shifts while the others keep office hours
    config
        .behaviour()
        .lineHours()
        .forEach((line, hours) -> lineTimes.put(line, hours.workingTime()));
    this.rota = Rota.schedules(config.behaviour(), roster, district.grids());
  }

  void run(Instant start, Instant end, Progress progress) {
    this.end = end;
    schedule(arrivals.next(start), this::arrive);
    schedule(start, this::tick);
    Instant nextReport = start;
    Thread self = Thread.currentThread();
    while (queue.hasStepBefore(end)) {
      if (self.isInterrupted()) {
        // cancelled (Future.cancel(true), a pool shut down now): stop between two steps, with the
        // flag left set for whoever interrupted; what is stored stays as the last step left it
        throw new CancellationException(
            "the simulation was interrupted; it stopped at "
                + clock.instant()
                + ", between two steps");
      }
      Runnable step = queue.poll();
      Instant at = queue.polledAt();
      clock.set(at);
      try {
        step.run();
      } catch (RuntimeException e) {
        // a step's bad argument is the run's failure, not a bad option of whoever started it
        throw new IllegalStateException("the simulation's step at " + at + " failed", e);
      }
      if (failure != null) {
        throw new IllegalStateException(
            "the simulation's reaction to a stored event failed at " + at, failure);
      }
      if (!at.isBefore(nextReport)) {
        progress.update(at, start, end, reported);
        nextReport = at.plus(Duration.ofHours(6));
      }
    }
    clock.set(end);
    governance.advance(end);
    progress.update(end, start, end, reported);
  }

  /**
   * Schedules {@code step} at {@code at}; a step at or after the run's end would never run, so it
   * is not queued (the queue's clock ends in 2262, and a long draw late in a run may land beyond).
   */
  private void schedule(Instant at, Runnable step) {
    if (at.isBefore(end)) {
      queue.add(at, step);
    }
  }

  private void after(Instant from, Duration delay, Runnable step) {
    schedule(from.plus(delay), step);
  }

  /**
   * When the person at {@code desk}, who took a case at {@code at}, returns it or asks to pass it
   * up: an hour of their time later, or on their return when away then, within their hours.
   */
  private Instant decided(Desk desk, Instant at) {
    return workStart(desk.time, backAt(desk.person, workEnd(desk.time, at, DECIDE)));
  }

  /**
   * Whether {@code worker} is there at {@code at} to claim, verify or find a problem: not away,
   * nor, with a rota, on a rest day or outside their hours.
   */
  private boolean present(Worker worker, Instant at) {
    if (worker.isAbsentAt(at)) {
      return false;
    }
    if (rota.isEmpty()) {
      return true; // the group's hours are those the step was scheduled in
    }
    WorkingTime time = desk(worker.id()).time;
    return time == null || time.next(at, config.zone()).equals(at);
  }

  /** The first instant of {@code time} at or after {@code at} ({@code at} when null: always). */
  private Instant workStart(WorkingTime time, Instant at) {
    return time == null ? at : time.next(at, config.zone());
  }

  /**
   * {@code delay} of {@code time} after {@code from}: in calendar time when null (people who work
   * around the clock), else counted in its hours of its working days (a case taken up at night
   * waits).
   */
  private Instant workEnd(WorkingTime time, Instant from, Duration delay) {
    return time == null ? from.plus(delay) : time.plus(from, delay, config.zone());
  }

  /**
   * Schedules a step of the centre's {@code delay} after {@code from}, in its hours (a report at
   * night waits for the morning).
   */
  private void centre(Instant from, Duration delay, Runnable step) {
    schedule(workEnd(centreTime, from, delay), step);
  }

  // ------------------------------------------------------------- arrivals

  /**
   * A problem arises: reported now, or, found on patrol while the grid's workers are off (their
   * {@link Behaviour#workerHours}, with a rota their rest days, their leave), reported when the
   * first of them is back at work, on their first round. The arrivals' stream draws alike either
   * way, so two policies on one setup see the same reports.
   */
  private void arrive() {
    Instant now = clock.instant();
    AreaCode grid = arrivals.grid(district.grids());
    Category category = arrivals.category();
    Source source = arrivals.source();
    Instant found = source == Source.PATROL ? patrolAt(grid, now) : now;
    if (found.equals(now)) {
      report(grid, category, source);
    } else {
      schedule(found, () -> report(grid, category, source));
    }
    schedule(arrivals.next(now), this::arrive);
  }

  /**
   * The first instant at or after {@code now} when one of {@code grid}'s workers is there to
   * patrol: back from leave, in their hours, and with a rota not resting.
   */
  private Instant patrolAt(AreaCode grid, Instant now) {
    Instant first = null;
    for (Worker worker : roster.inGrid(grid)) {
      Instant next = workStart(rota.getOrDefault(worker.id(), gridTime), backAt(worker, now));
      if (first == null || next.isBefore(first)) {
        first = next;
        if (first.equals(now)) {
          break;
        }
      }
    }
    return first == null ? workStart(gridTime, now) : first;
  }

  private void report(AreaCode grid, Category category, Source source) {
    Report.Builder report =
        Report.by(reporter(source, grid))
            .source(source)
            .category(category.code())
            .grid(grid)
            .emergency(category.emergency())
            .description(category.name());
    if (source == Source.HOTLINE_12345) {
      report.external(ExternalRef.of("12345", "T" + (++tickets)));
    }
    governance.report(report.build());
  }

  private Actor reporter(Source source, AreaCode grid) {
    return switch (source) {
      case PATROL -> Actor.worker(patroller(grid, ++patrols).id());
      case HOTLINE_12345 -> Actor.external("12345");
      case CAMERA -> Actor.external("camera");
      case LEADER_INSTRUCTION -> Actor.centre("leader");
      case RESIDENT, APP -> Actor.resident("resident");
    };
  }

  /**
   * Who found a problem on patrol: one of the grid's workers present now, each alike, drawn from
   * the patrol's number rather than from the arrivals' stream (which two policies share, and which
   * stays as it was). Each worker so reports a share of the grid's problems, as the policy's
   * "problems reported" indicator expects of each. A finding waits for one of them to be back
   * ({@link #patrolAt}); should that one be away again by then (a leave starting as their hours
   * do), the grid's first reports it.
   */
  private Worker patroller(AreaCode grid, long patrol) {
    List<Worker> workers = roster.inGrid(grid);
    Instant now = clock.instant();
    int present = 0;
    for (Worker worker : workers) {
      present += present(worker, now) ? 1 : 0;
    }
    if (present == 0) {
      return workers.get(0);
    }
    int pick = (int) (Randomness.ofKey(patrolSeed, patrol) * present);
    for (Worker worker : workers) {
      if (present(worker, now) && pick-- == 0) {
        return worker;
      }
    }
    throw new IllegalStateException("no present worker left in grid " + grid);
  }

  private void tick() {
    governance.advance(clock.instant());
    after(clock.instant(), config.tick(), this::tick);
  }

  // ------------------------------------------------ reactions to stored events

  @Override
  public void onAppended(Incident incident, List<IncidentEvent> events) {
    try {
      for (int i = 0; i < events.size(); i++) { // indexed: no iterator per append
        IncidentEvent event = events.get(i);
        int kind = drawKind(event);
        if (kind < 0) {
          continue; // nobody reacts to it: no stream
        }
        int earlier = 0; // the same kind earlier in this append (two in one are rare)
        for (int j = 0; j < i; j++) {
          earlier += drawKind(events.get(j)) == kind ? 1 : 0;
        }
        react(
            incident,
            event,
            Randomness.forStep(caseSeed, incident.id().value(), stepKey(kind, incident, earlier)));
      }
    } catch (RuntimeException e) {
      // the facade logs and swallows a listener's exception (a listener must not undo a stored
      // command); a run that lost a reaction is wrong, so it fails after the current step
      if (failure == null) {
        failure = e;
      }
    }
  }

  /**
   * The kind of step a stored event starts, for its stream's key: the events the simulated people
   * react to, a claim and an assignment alike (the same work, whoever chose the worker); -1 for the
   * others (an overdue mark, an escalation, an extension), which draw nothing.
   */
  private static int drawKind(IncidentEvent event) {
    // a chain of instanceof rather than a table of classes: this runs for every stored event
    if (event instanceof IncidentReported) {
      return REPORTED;
    } else if (event instanceof IncidentRegistered) {
      return REGISTERED;
    } else if (event instanceof IncidentClaimed || event instanceof IncidentAssigned) {
      return TAKEN;
    } else if (event instanceof FeedbackGiven) {
      return FEEDBACK;
    } else if (event instanceof VerificationFailed) {
      return FAILED;
    } else if (event instanceof VerificationPassed) {
      return PASSED;
    } else if (event instanceof IncidentClosed) {
      return CLOSED;
    } else if (event instanceof IncidentRejected) {
      return REJECTED;
    } else if (event instanceof CaseReturned) {
      return RETURNED;
    } else if (event instanceof IncidentSupervised) {
      return SUPERVISED;
    } else if (event instanceof CaseReopened || event instanceof CaseResumed) {
      return TAKEN_AGAIN;
    } else if (event instanceof CaseSuspended) {
      return PARKED;
    } else if (event instanceof CaseReferred) {
      return REFERRED;
    }
    return -1;
  }

  /**
   * Which step of its case an event starts: its kind, and how often the case has so far been
   * returned, escalated, sent back by its verifier, reopened and parked, the turns that repeat a
   * kind of step (a second feedback follows a rework, a second assignment a return). Not the
   * event's place in the history: a policy that adds events nobody acts on (a supervision of a late
   * registration, an overdue mark) would shift every later step's draws, and a comparison would
   * then show resampling noise where the policy changed nothing but the record. A supervision's own
   * key counts the supervisions, which repeat without any turn between them. Eight bits a count: a
   * case turned 256 times repeats its draws, deterministically.
   */
  private static long stepKey(int kind, Incident incident, int earlierInAppend) {
    long turns =
        (incident.bounces() & 0xFFL)
            | (incident.escalations() & 0xFFL) << 8
            | (incident.reworks() & 0xFFL) << 16
            | (incident.reopens() & 0xFFL) << 24
            | (incident.suspensions() & 0xFFL) << 32
            | (kind == SUPERVISED ? incident.supervisions() & 0xFFL : 0) << 40
            | (earlierInAppend & 0xFFL) << 48;
    return turns << 4 | kind;
  }

  /** Reacts to one stored event, drawing from {@code random}, the stream of that step. */
  private void react(Incident incident, IncidentEvent event, Randomness random) {
    Behaviour b = config.behaviour();
    IncidentId id = incident.id();
    Instant at = event.at();
    if (event instanceof IncidentReported) {
      reported++;
      centre(at, random.exponential(b.registrationDelay()), () -> register(id, random));
    } else if (event instanceof IncidentRegistered) {
      maybeClaim(incident, at, random);
    } else if (event instanceof IncidentClaimed || event instanceof IncidentAssigned) {
      work(incident, at, random);
    } else if (event instanceof FeedbackGiven f) {
      AreaCode grid = incident.grid();
      schedule(
          workEnd(gridTime, at, random.exponential(b.verificationDelay())),
          () -> verify(id, grid, f.handler(), random));
    } else if (event instanceof VerificationFailed) {
      WorkerId handler = incident.assignee().orElseThrow();
      Instant done = busy(desk(handler), at, random.logNormal(b.rework(), b.workSigma()));
      schedule(done, () -> attempt(() -> governance.feedback(handler, id, "reworked")));
    } else if (event instanceof VerificationPassed) {
      centre(
          at,
          random.exponential(b.closeDelay()),
          () -> attempt(() -> governance.close(CENTRE, id, "")));
    } else if (event instanceof IncidentClosed) {
      Instant archiveAt = at.plus(b.archiveAfter());
      if (random.chance(b.ratingShare())) {
        int score = incident.overdueCount() == 0 ? random.between(4, 5) : random.between(2, 4);
        Instant ratedAt = at.plus(random.exponential(Duration.ofHours(24)));
        schedule(
            ratedAt,
            () ->
                attempt(
                    () -> governance.rate(Actor.resident("resident"), id, score, score, score)));
        // no draw unless reopening is on, so runs without it draw exactly as before
        if (score <= 2
            && b.reopenShare() > 0
            && incident.reopens() == 0
            && random.chance(b.reopenShare())) {
          Instant reopenAt = workEnd(centreTime, ratedAt, random.exponential(b.closeDelay()));
          Instant archiveIfRefused =
              archiveAt.isAfter(reopenAt) ? archiveAt : reopenAt.plusSeconds(60);
          schedule(reopenAt, () -> reopenElseArchive(id, archiveIfRefused));
          return; // archived once it is closed again, or as usual if the policy refuses
        }
        if (!ratedAt.isBefore(archiveAt)) {
          archiveAt = ratedAt.plusSeconds(60);
        }
      }
      archiveAt(archiveAt, id);
    } else if (event instanceof IncidentRejected) {
      archiveAt(at.plus(b.archiveAfter()), id);
    } else if (event instanceof CaseReturned) {
      Category category = district.directory().catalogue().require(incident.category());
      centre(
          at,
          random.exponential(Duration.ofHours(1)),
          () -> redispatchOrArbitrate(id, category.defaultLine(), random));
    } else if (event instanceof IncidentSupervised) {
      int suspendAt = b.suspendAfterSupervisions(); // no draw unless on: runs without it unchanged
      // the supervision of the suspendAt-th missed deadline, not one for a late registration
      if (suspendAt > 0
          && incident.stage() == Stage.DISPATCHED
          && incident.overdue()
          && incident.overdueCount() == suspendAt) {
        centre(at, random.exponential(b.closeDelay()), () -> suspendIfStillHandled(id));
      }
    } else if (event instanceof CaseReopened || event instanceof CaseResumed) {
      workAgain(incident, at, random);
    } else if (event instanceof CaseReferred && !b.jointMeetingAfter().isZero()) {
      // no draw unless on: runs without joint meetings draw as before
      centre(at, random.exponential(b.jointMeetingAfter()), () -> convene(id, random));
    } else if (event instanceof CaseSuspended && !b.resumeAfter().isZero()) {
      int parking = incident.suspensions();
      centre(at, random.exponential(b.resumeAfter()), () -> resumeIfStillParked(id, parking));
    }
  }

  /**
   * The handler takes up again a case the callback reopened (重办) or that came back from the 挂账
   * register: handled as any case of theirs, without a new return or escalation. A case that went
   * into the register as unsolvable comes back solvable: what blocked it (the works, the ruling) is
   * what the register waited for.
   */
  private void workAgain(Incident incident, Instant at, Randomness random) {
    Desk desk = desk(incident.assignee().orElseThrow());
    Behaviour b = config.behaviour();
    handle(desk, incident.id(), at, desk.department ? b.departmentWork() : b.gridWork(), random);
  }

  /**
   * The centre parks a case still unanswered after its supervisions (挂账); one answered in the
   * meantime is left alone.
   */
  private void suspendIfStillHandled(IncidentId id) {
    if (governance.require(id).stage() == Stage.DISPATCHED) {
      attempt(() -> governance.suspend(CENTRE, id, "still unanswered after supervision"));
    }
  }

  /**
   * The centre gives a parked case back to its handler (its review of the 挂账 register), unless the
   * case left the register since ({@code parking}, its count of suspensions then, tells a later
   * parking from this one): the policy's longest suspension may have ended it already.
   */
  private void resumeIfStillParked(IncidentId id, int parking) {
    Incident incident = governance.require(id);
    if (incident.stage() == Stage.SUSPENDED && incident.suspensions() == parking) {
      attempt(() -> governance.resume(CENTRE, id, "register review: no longer blocked"));
    }
  }

  /**
   * The centre reopens a case after a dissatisfied callback; when the policy's callback limits
   * refuse it (too late, too often), the case is archived at {@code archiveAt} as any other.
   */
  private void reopenElseArchive(IncidentId id, Instant archiveAt) {
    attempt(
        () -> governance.reopen(CENTRE, id, "callback: the caller is not satisfied"),
        () -> archiveAt(archiveAt, id));
  }

  /** Schedules the centre's archiving of {@code id} at {@code at}, or when its hours next start. */
  private void archiveAt(Instant at, IncidentId id) {
    schedule(workStart(centreTime, at), () -> archive(id));
  }

  /** The centre archives a closed or refused case (归档): its last step. */
  private void archive(IncidentId id) {
    attempt(() -> governance.archive(CENTRE, id, ""));
  }

  private void register(IncidentId id, Randomness random) {
    if (random.chance(config.behaviour().rejectShare())) {
      attempt(
          () ->
              governance.reject(CENTRE, id, RejectionKind.INVALID, Optional.empty(), "not a case"));
    } else {
      attempt(() -> governance.register(CENTRE, id, Optional.empty(), Optional.empty(), ""));
    }
  }

  private void maybeClaim(Incident incident, Instant at, Randomness random) {
    if (incident.claimUntil().isEmpty()
        || !incident.claimUntil().get().isAfter(at)
        || !random.chance(config.behaviour().claimShare())) {
      return;
    }
    // a self-claim is a grid worker's: the claim window is the grid's
    Instant when = workEnd(gridTime, at, random.exponential(config.behaviour().claimDelay()));
    List<Worker> candidates = new ArrayList<>();
    for (Worker worker : Candidates.eligible(incident, incident.line().orElseThrow(), roster)) {
      if (present(worker, when)) { // present when the claim is made, not only at registration
        candidates.add(worker);
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    if (when.isBefore(incident.claimUntil().get())) {
      WorkerId who = random.pick(candidates).id();
      schedule(when, () -> attempt(() -> governance.claim(who, incident.id())));
    }
  }

  /**
   * The assignee works the case: returns it or asks to pass it up (an hour after taking it, or on
   * their return when away then), or handles it in turn, unless nobody can solve it.
   */
  private void work(Incident incident, Instant at, Randomness random) {
    Behaviour b = config.behaviour();
    WorkerId worker = incident.assignee().orElseThrow();
    Desk desk = desk(worker);
    boolean department = desk.department;
    IncidentId id = incident.id();
    if (department && !incident.arbitrated() && random.chance(b.returnShare())) {
      schedule(
          decided(desk, at),
          () ->
              passOnOrHandle(
                  worker,
                  id,
                  () -> governance.returnCase(Actor.worker(worker), id, "not our responsibility"),
                  b.departmentWork(),
                  random));
      return;
    }
    if (!department && incident.level() == Level.GRID && random.chance(b.escalateShare())) {
      schedule(
          decided(desk, at),
          () ->
              passOnOrHandle(
                  worker,
                  id,
                  () -> governance.escalate(Actor.worker(worker), id, "beyond the grid"),
                  b.gridWork(),
                  random));
      return;
    }
    if (unsolvable(id)) {
      return; // nobody can solve it: it stays open, goes overdue and is supervised
    }
    handle(desk, id, at, department ? b.departmentWork() : b.gridWork(), random);
  }

  /**
   * Whether nobody can solve the case: drawn once for the case ({@link Randomness#ofCase}), not at
   * each step, so a case given to another worker stays unsolvable and the share of such cases is
   * {@link Behaviour#unsolvableShare} however often cases are passed on.
   */
  private boolean unsolvable(IncidentId id) {
    return Randomness.ofCase(caseSeed, id.value()) < config.behaviour().unsolvableShare();
  }

  /**
   * The centre takes up a returned case: sends {@link Behaviour#redispatchShare} of them to another
   * department while the policy's bounce limit lets that one return it too, and arbitrates the
   * rest, giving the case to {@code defaultLine} for good; so too one whose re-dispatch the rules
   * refuse.
   */
  private void redispatchOrArbitrate(IncidentId id, LineId defaultLine, Randomness random) {
    Runnable arbitrate =
        () ->
            attempt(() -> governance.arbitrate(CENTRE, id, defaultLine, "returned: default line"));
    double share = config.behaviour().redispatchShare(); // no draw unless on
    if (share > 0) {
      Incident incident = governance.require(id);
      int bounceLimit = governance.policyAt(clock.instant()).returns().bounceLimit();
      if (incident.stage() == Stage.RETURNED
          && incident.bounces() < bounceLimit
          && random.chance(share)) {
        LineId line = otherDepartment(incident, random);
        if (line != null) {
          WorkerId assignee = firstFree(Candidates.eligible(incident, line, roster));
          attempt(
              () -> governance.assign(CENTRE, id, assignee, line, "returned: re-dispatched"),
              arbitrate);
          return;
        }
      }
    }
    arbitrate.run();
  }

  /**
   * The centre's joint meeting (联席会议) for a case referred to it: a lead line drawn among the other
   * department lines with staff for the case takes it, beside its own line, and dispatch assigns it
   * within the lead. A case no longer waiting for the centre (someone acts for its line since), or
   * with no such line, stays as it is.
   */
  private void convene(IncidentId id, Randomness random) {
    Incident incident = governance.require(id);
    if (!incident.awaitsCentre() || incident.stage() != Stage.REGISTERED) {
      return;
    }
    LineId own = incident.line().orElseThrow();
    LineId lead = otherDepartment(incident, random);
    if (lead != null) {
      attempt(() -> governance.convene(CENTRE, id, lead, Set.of(own, lead), "referred: no staff"));
    }
  }

  /**
   * A department line other than {@code incident}'s own (the one that returned it, or that nobody
   * acts for), drawn among those with staff for it; null when there is none.
   */
  private LineId otherDepartment(Incident incident, Randomness random) {
    LineId returnedBy = incident.line().orElse(null);
    List<LineId> lines = new ArrayList<>();
    for (LineId line : Staffing.departmentLines()) {
      if (!line.equals(returnedBy) && !Candidates.eligible(incident, line, roster).isEmpty()) {
        lines.add(line);
      }
    }
    return lines.isEmpty() ? null : lines.get(random.between(0, lines.size() - 1));
  }

  /**
   * Of {@code workers} (not empty), the one whose desk is free first, those present before those
   * away, then by id.
   */
  private WorkerId firstFree(List<Worker> workers) {
    Instant now = clock.instant();
    Worker chosen = workers.get(0);
    for (Worker w : workers.subList(1, workers.size())) {
      if (freeBefore(w, chosen, now)) {
        chosen = w;
      }
    }
    return chosen.id();
  }

  /** Whether the centre would rather give a case to {@code a} than to {@code b} at {@code now}. */
  private boolean freeBefore(Worker a, Worker b, Instant now) {
    boolean aAway = a.isAbsentAt(now);
    if (aAway != b.isAbsentAt(now)) {
      return !aAway;
    }
    int byDesk = freeFrom(desk(a.id()), now).compareTo(freeFrom(desk(b.id()), now));
    return byDesk != 0 ? byDesk < 0 : a.id().compareTo(b.id()) < 0;
  }

  /** When {@code desk} is next free: {@code at} when it is not busy then. */
  private static Instant freeFrom(Desk desk, Instant at) {
    return Instants.compare(desk.busySecond, desk.busyNano, at) > 0
        ? Instant.ofEpochSecond(desk.busySecond, desk.busyNano)
        : at;
  }

  /**
   * The case's holder passes it on: a grid worker up a level, department staff back to the centre
   * as not their own. One the policy keeps with them (the quota of the grid's level; the case
   * returned as often as {@code returns.bounceLimit} allows) they handle themselves at {@code
   * work}, the refusal counted.
   */
  private void passOnOrHandle(
      WorkerId worker, IncidentId id, Runnable passOn, Duration work, Randomness random) {
    try {
      passOn.run();
    } catch (CommandRefusedException refused) {
      metrics.refused(refused.code());
      if (!unsolvable(id)) {
        handle(desk(worker), id, clock.instant(), work, random);
      }
    } catch (IllegalTransitionException moved) {
      metrics.refused("STALE_STEP");
    }
  }

  private void handle(Desk desk, IncidentId id, Instant at, Duration median, Randomness random) {
    Instant done = busy(desk, at, random.logNormal(median, config.behaviour().workSigma()));
    WorkerId worker = desk.person.id();
    schedule(done, () -> attempt(() -> governance.feedback(worker, id, "handled")));
    double extendShare = config.behaviour().extendShare(); // no draw unless on
    if (extendShare > 0) {
      Instant replyBy = governance.require(id).replyBy().orElse(null);
      if (replyBy != null && done.isAfter(replyBy) && random.chance(extendShare)) {
        Instant askFor = done.plus(DECIDE);
        // the handler asks within an hour of their working time, and the centre grants it in its
        // own hours (an hour later when both work around the clock)
        schedule(
            workStart(centreTime, workEnd(desk.time, at, DECIDE)),
            () -> askForExtension(id, askFor));
      }
    }
  }

  /**
   * The centre extends a case's deadline to {@code replyBy} at its handler's request (延期), if the
   * case is still being handled and the new deadline is still later than the current one; the
   * policy's {@code extension} limits may refuse it (counted among the refusals).
   */
  private void askForExtension(IncidentId id, Instant replyBy) {
    Incident incident = governance.require(id);
    if (incident.stage() == Stage.DISPATCHED
        && replyBy.isAfter(ExtensionRule.floor(incident, clock.instant()))) {
      attempt(() -> governance.extend(CENTRE, id, replyBy, "the handler will finish late"));
    }
  }

  /**
   * The worker takes the work after what they already have (their queue is first come first served)
   * and when they are present: work that would start during an absence starts on their return (an
   * absence that begins once the work has started does not interrupt it).
   */
  private Instant busy(Desk desk, Instant at, Duration effort) {
    Instant start = freeFrom(desk, at);
    Instant done = workEnd(desk.time, backAt(desk.person, start), effort);
    desk.busySecond = done.getEpochSecond();
    desk.busyNano = done.getNano();
    return done;
  }

  /** {@code worker}'s desk, set up on their first work: one lookup for the person and the queue. */
  private Desk desk(WorkerId worker) {
    Desk desk = desks.get(worker);
    if (desk == null) {
      Worker person = roster.require(worker);
      boolean department = person.hasRole(SyntheticDistrict.DEPARTMENT_STAFF);
      desk =
          new Desk(
              person,
              department,
              department ? departmentTime(person) : rota.getOrDefault(worker, gridTime));
      desks.put(worker, desk);
    }
    return desk;
  }

  /** A department worker's schedule: their line's when it keeps hours of its own. */
  private WorkingTime departmentTime(Worker person) {
    for (LineId line : person.lines()) {
      if (lineTimes.containsKey(line)) {
        return lineTimes.get(line);
      }
    }
    return departmentTime;
  }

  /**
   * A worker, whether they are department staff, the schedule they work (null: always) and when the
   * work they have taken on ends, as epoch second and nano (the desk may be idle for days, and an
   * {@code Instant} would be one more object to fetch): before their first work, the earliest
   * instant, which every step is after.
   */
  private static final class Desk {
    final Worker person;
    final boolean department;
    final WorkingTime time;
    long busySecond = Instant.MIN.getEpochSecond();
    int busyNano;

    Desk(Worker person, boolean department, WorkingTime time) {
      this.person = person;
      this.department = department;
      this.time = time;
    }
  }

  /**
   * The grid's verifier checks the handler's work: the first of the grid's verifiers, then of its
   * other workers, who is not the handler and is present; when all of them are away, the check
   * waits for the first to return. Under a policy whose {@code verification.verifiers} is {@code
   * SUPERVISOR} only the grid's supervisors are candidates (the others would be refused).
   */
  private void verify(IncidentId id, AreaCode grid, WorkerId handler, Randomness random) {
    Instant now = clock.instant();
    boolean supervisorsOnly =
        governance.policyAt(now).verification().verifiers() == Verifiers.SUPERVISOR;
    WorkerId verifier = null;
    Instant firstBack = null;
    for (Worker candidate : verifiersOf(grid)) {
      if (candidate.id().equals(handler)
          || (supervisorsOnly && !candidate.hasRole(Role.SUPERVISOR))) {
        continue;
      }
      if (present(candidate, now)) {
        verifier = candidate.id();
        break;
      }
      // with a rota, when they next work once back; else their return, in the group's hours
      Instant back =
          rota.isEmpty()
              ? backAt(candidate, now)
              : workStart(desk(candidate.id()).time, backAt(candidate, now));
      firstBack = firstBack == null || back.isBefore(firstBack) ? back : firstBack;
    }
    if (verifier == null) {
      if (firstBack == null) {
        metrics.refused("NO_VERIFIER");
      } else {
        schedule(workStart(gridTime, firstBack), () -> verify(id, grid, handler, random));
      }
      return;
    }
    WorkerId by = verifier;
    boolean passed = random.chance(config.behaviour().verificationPass());
    attempt(() -> governance.verify(by, id, passed, passed ? "checked on site" : "not fixed"));
  }

  /** Who may verify in {@code grid}, in order of preference: its verifiers, then its workers. */
  private List<Worker> verifiersOf(AreaCode grid) {
    return verifiers.computeIfAbsent(
        grid,
        g -> {
          List<Worker> candidates = new ArrayList<>();
          for (WorkerId candidate : district.verifiers().get(g)) {
            candidates.add(roster.require(candidate));
          }
          for (Worker worker : roster.inGrid(g)) {
            if (!candidates.contains(worker)) {
              candidates.add(worker);
            }
          }
          return List.copyOf(candidates);
        });
  }

  /** {@code at}, or when {@code worker} is back if an absence (or a run of them) covers it. */
  static Instant backAt(Worker worker, Instant at) {
    Instant back = at;
    boolean moved = true;
    while (moved) {
      moved = false;
      for (Absence absence : worker.absences()) {
        if (absence.covers(back)) {
          back = absence.until();
          moved = true;
        }
      }
    }
    return back;
  }

  private void attempt(Runnable command) {
    attempt(command, () -> {});
  }

  /** {@link #attempt(Runnable)}, running {@code ifRefused} when the rules refuse the command. */
  private void attempt(Runnable command, Runnable ifRefused) {
    try {
      command.run();
    } catch (CommandRefusedException refused) {
      metrics.refused(refused.code());
      ifRefused.run();
    } catch (IllegalTransitionException moved) {
      metrics.refused("STALE_STEP");
    }
  }
}
