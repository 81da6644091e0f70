package org.gridgov.governance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.gridgov.core.Directory;
import org.gridgov.core.RuleId;
import org.gridgov.core.category.Category;
import org.gridgov.core.category.CategoryCatalogue;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.ActorKind;
import org.gridgov.core.incident.CaseArbitrated;
import org.gridgov.core.incident.CaseReopened;
import org.gridgov.core.incident.CaseResumed;
import org.gridgov.core.incident.CaseReturned;
import org.gridgov.core.incident.CaseSuspended;
import org.gridgov.core.incident.DeadlineExtended;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentArchived;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentClaimed;
import org.gridgov.core.incident.IncidentClosed;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentRated;
import org.gridgov.core.incident.IncidentRejected;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.incident.JointMeetingConvened;
import org.gridgov.core.incident.Rating;
import org.gridgov.core.incident.RejectionKind;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.incident.Step;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.DispatchPolicy;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.PolicyTimeline;
import org.gridgov.core.policy.TimeLimit;
import org.gridgov.core.policy.VerificationPolicy;
import org.gridgov.core.policy.VerificationPolicy.Verifiers;
import org.gridgov.core.policy.WorkingTime;
import org.gridgov.core.spi.DuplicateException;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.spi.IntakeResult;
import org.gridgov.core.spi.NotFoundException;
import org.gridgov.core.spi.Revision;
import org.gridgov.core.spi.StaleVersionException;
import org.gridgov.core.territory.AreaKind;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.Refusal;
import org.gridgov.rules.auth.AuthorizationRule;
import org.gridgov.rules.callback.ReopenRule;
import org.gridgov.rules.dispatch.Candidates;
import org.gridgov.rules.dispatch.ClaimWindowRule;
import org.gridgov.rules.dispatch.RegistrationRule;
import org.gridgov.rules.escalation.AuthorityRule;
import org.gridgov.rules.escalation.SettlementReport;
import org.gridgov.rules.handling.ExtensionRule;
import org.gridgov.rules.handling.SuspensionRule;
import org.gridgov.rules.returns.BounceLimitRule;
import org.gridgov.rules.timer.OverdueRule;
import org.gridgov.rules.timer.TimerDecision;
import org.gridgov.rules.verification.VerificationRule;

/**
 * The one object an application embeds: commands in, events out. Every command names its actor, is
 * checked (input, stage, authorization, the policy's rules) and either appends its events or
 * throws, storing nothing: {@link org.gridgov.core.InvalidInputException} for bad input, {@link
 * NotFoundException} for an unknown incident, {@link
 * org.gridgov.core.incident.IllegalTransitionException} for a step the stage forbids, {@link
 * CommandRefusedException} when a rule says no. {@link #advance} fires due timers.
 *
 * <p>Thread-safe. Several instances (application nodes) may share one store: appends are
 * version-checked and due timers are leased, so a timer fires once.
 */
public final class GridGovernance {
  private static final System.Logger LOG = System.getLogger(GridGovernance.class.getName());

  /** How often a command (or a save racing another node's) is tried before its conflict stands. */
  static final int ATTEMPTS = 3;

  /** A command at an instant no version of the policy is in force at is refused by this rule. */
  public static final RuleId POLICY_IN_FORCE = RuleId.of("policy.in-force");

  /**
   * Histories per page read by {@link #histories}: a month of a busy district is then a few hundred
   * reads of the store, while a page of long histories stays small in memory.
   */
  static final int HISTORY_PAGE = 500;

  private final IncidentStore incidents;
  private final GridStorage storage;

  /** The policy's versions; replaced (under this object's lock) when another node saves one. */
  private volatile PolicyTimeline policies;

  private final Clock clock;
  private final IncidentIdGenerator ids;

  /** An array: the loop over it runs on every append, and a list would allocate an iterator. */
  private final GridListener[] listeners;

  private final Timers timers;
  private final Escalations escalations;
  private volatile Directory directory;

  /** The stored revision {@link #directory} stands for; both change under this object's lock. */
  private volatile long directoryRevision;

  GridGovernance(GridGovernanceBuilder b) {
    this.storage = b.storage;
    this.incidents = b.storage.incidents();
    this.directory = b.directory;
    this.directoryRevision = b.directoryRevision;
    this.policies = b.policies;
    this.clock = b.clock;
    this.ids = b.ids;
    this.listeners = b.listeners.toArray(GridListener[]::new);
    this.timers = new Timers(this, b.node, b.lease, b.batchSize);
    this.escalations = new Escalations(this);
  }

  public static GridGovernanceBuilder builder() {
    return new GridGovernanceBuilder();
  }

  // ------------------------------------------------------------------ intake

  /**
   * Reports a problem. Idempotent by external reference: reporting the same hotline ticket again
   * returns the first incident with {@code created == false} and stores nothing, whatever the
   * directory has become since (the grid, category and reporter are looked up only for a ticket not
   * yet taken, as a retry must get its first answer); when the store no longer holds that incident
   * (a memory store that drops archived cases) it throws {@link DuplicateException} naming the
   * reference.
   */
  public IntakeResult report(Report report) {
    required("report", "report", report);
    Directory d = directory;
    Inputs in =
        new Inputs("report")
            .require("actor", report.actor())
            .require("source", report.source())
            .require("category", report.category())
            .require("grid", report.grid())
            .require("description", report.description());
    if (in.isEmpty()) { // a ticket already taken is answered before the directory is consulted
      Optional<IntakeResult> taken = alreadyTaken(report);
      if (taken.isPresent()) {
        return taken.get();
      }
    }
    if (report.category() != null) {
      in.check(
          d.catalogue().find(report.category()).isPresent(),
          "category",
          Inputs.UNKNOWN,
          "is not in the category catalogue",
          report.category());
    }
    if (report.grid() != null) {
      in.check(
          d.territory().find(report.grid()).filter(a -> a.level() == Level.GRID).isPresent(),
          "grid",
          Inputs.UNKNOWN,
          "is not a grid of the territory",
          report.grid());
    }
    text(in, "description", report.description());
    report.topic().ifPresent(topic -> text(in, "topic", topic));
    report
        .microGrid()
        .ifPresent(
            m ->
                in.check(
                    d.territory()
                        .find(m)
                        .flatMap(a -> a.parent())
                        .filter(p -> p.equals(report.grid()))
                        .isPresent(),
                    "microGrid",
                    Inputs.UNKNOWN,
                    "is not a micro-grid of the reported grid",
                    m));
    if (report.actor() != null) {
      knownActor(in, report.actor(), d);
    }
    in.throwIfAny();
    refuseIfAny(
        null, Step.REPORT, AuthorizationRule.check(Step.REPORT, report.actor(), null, d.roster()));
    Instant now = clock.instant();
    Optional<Instant> registerBy;
    try {
      registerBy = registerBy(report, d, now);
    } catch (NotInForce early) {
      throw new CommandRefusedException(null, Step.REPORT, early.refusal());
    }
    IntakeResult result;
    IncidentReported event;
    for (int attempt = 1; ; attempt++) {
      event =
          new IncidentReported(
              ids.next(),
              report.actor(),
              now,
              "",
              report.source(),
              report.category(),
              report.grid(),
              report.microGrid(),
              report.external(),
              report.emergency(),
              report.description(),
              report.topic(),
              registerBy);
      try {
        result = incidents.intake(List.of(event));
        break;
      } catch (DuplicateException taken) {
        // Another node gave the same id (two nodes left at the default node id): take the next
        // id. A duplicate external reference names the first incident's id, not this one.
        if (attempt == ATTEMPTS || !taken.id().equals(event.incident().value())) {
          throw taken;
        }
        LOG.log(
            System.Logger.Level.WARNING,
            "incident id {0} is taken (are two nodes using the"
                + " same node id?); trying the next one",
            event.incident());
      }
    }
    if (result.created()) {
      notifyListeners(result.incident(), List.of(event));
    }
    return result;
  }

  /**
   * The centre registers a report (立案), optionally correcting its category or naming a line. A
   * report whose category a later revision of the directory dropped from the catalogue needs the
   * correction: without it the command is an {@link org.gridgov.core.InvalidInputException} naming
   * {@code category} ({@code input.required}).
   */
  public Incident register(
      Actor actor,
      IncidentId id,
      Optional<CategoryCode> category,
      Optional<LineId> line,
      String reason) {
    Directory d = directory;
    Inputs in = new Inputs("register").require("category", category).require("line", line);
    in.throwIfAny();
    category.ifPresent(
        c ->
            in.check(
                d.catalogue().find(c).isPresent(),
                "category",
                Inputs.UNKNOWN,
                "is not in the category catalogue",
                c));
    line.ifPresent(
        l ->
            in.check(
                d.lines().find(l).isPresent(), "line", Inputs.UNKNOWN, "is not a known line", l));
    in.throwIfAny();
    return execute(
        id,
        Step.REGISTER,
        actor,
        (incident, now) -> {
          // a revision of the directory may have dropped the reported category since: the centre
          // then names one, as nothing can be registered under a category the catalogue lacks
          // (one named in the command was checked above)
          Category c = d.catalogue().find(category.orElse(incident.category())).orElse(null);
          if (c == null) {
            new Inputs("register")
                .check(
                    false,
                    "category",
                    Inputs.REQUIRED,
                    "is required, as the"
                        + " reported category is no longer in the category catalogue",
                    incident.category())
                .throwIfAny();
          }
          RegistrationRule.Result result =
              RegistrationRule.decide(
                  incident,
                  c,
                  line,
                  d.lines(),
                  policyIn(now),
                  actor,
                  now,
                  reason("register", reason));
          refuseIfAny(id, Step.REGISTER, result.refused());
          return List.of(result.event());
        });
  }

  /** The centre refuses a report as invalid, or as a duplicate of another incident. */
  public Incident reject(
      Actor actor,
      IncidentId id,
      RejectionKind kind,
      Optional<IncidentId> duplicateOf,
      String reason) {
    Inputs in = new Inputs("reject").require("kind", kind).require("duplicateOf", duplicateOf);
    in.throwIfAny();
    duplicateOf.ifPresent(
        other ->
            in.check(
                incidents.find(other).isPresent(),
                "duplicateOf",
                Inputs.UNKNOWN,
                "is not a known incident",
                other));
    in.check(
        kind != RejectionKind.DUPLICATE || duplicateOf.isPresent(),
        "duplicateOf",
        Inputs.REQUIRED,
        "is required for a DUPLICATE",
        null);
    in.check(
        kind != RejectionKind.INVALID || duplicateOf.isEmpty(),
        "duplicateOf",
        Inputs.RANGE,
        "is only for a DUPLICATE",
        duplicateOf.orElse(null));
    in.check(
        duplicateOf.filter(other -> other.equals(id)).isEmpty(),
        "duplicateOf",
        Inputs.RANGE,
        "must name another incident",
        id);
    in.throwIfAny();
    return execute(
        id,
        Step.REJECT,
        actor,
        (incident, now) ->
            List.of(
                new IncidentRejected(id, actor, now, reason("reject", reason), kind, duplicateOf)));
  }

  // ---------------------------------------------------------------- dispatch

  /** A worker claims a registered case themselves within the claim window (自主认领). */
  public Incident claim(WorkerId worker, IncidentId id) {
    Actor actor = workerActor("claim", worker);
    return execute(
        id,
        Step.CLAIM,
        actor,
        (incident, now) -> {
          refuseIfAny(
              id,
              Step.CLAIM, // the deeper reason first: nobody here may handle it at all
              new AuthorityRule(policyIn(now).escalation()).checkHandle(incident));
          refuseIfAny(
              id, Step.CLAIM, ClaimWindowRule.checkClaim(incident, isEmergency(incident), now));
          return List.of(
              new IncidentClaimed(
                  id, actor, now, "", worker, now.plus(replyWithin(incident, now))));
        });
  }

  /**
   * The centre assigns (or re-assigns) a case to a worker acting for {@code line} who can take it
   * where it is handled: serving its grid, or above the grid belonging to its unit (refused {@code
   * NOT_ELIGIBLE} otherwise, as automatic assignment never picks anyone else).
   */
  public Incident assign(Actor actor, IncidentId id, WorkerId worker, LineId line, String reason) {
    Directory d = directory;
    Inputs in = new Inputs("assign").require("worker", worker).require("line", line);
    Optional<Worker> known = worker == null ? Optional.empty() : d.roster().find(worker);
    in.check(
        worker == null || known.isPresent(),
        "worker",
        Inputs.UNKNOWN,
        "is not in the directory",
        worker);
    in.check(
        line == null || d.lines().find(line).isPresent(),
        "line",
        Inputs.UNKNOWN,
        "is not a known line",
        line);
    in.check(
        known.isEmpty() || line == null || known.get().actsFor(line),
        "worker",
        Inputs.RANGE,
        "does not act for line " + line,
        worker);
    in.throwIfAny();
    return execute(
        id,
        Step.ASSIGN,
        actor,
        (incident, now) -> {
          refuseIfAny(
              id, Step.ASSIGN, new AuthorityRule(policyIn(now).escalation()).checkHandle(incident));
          refuseIfAny(id, Step.ASSIGN, Candidates.checkAssignee(known.get(), incident, line));
          return List.of(
              new IncidentAssigned(
                  id,
                  actor,
                  now,
                  reason("assign", reason),
                  worker,
                  line,
                  now.plus(replyWithin(incident, line, now))));
        });
  }

  /** The assignee reports the case handled (处理反馈); it then waits for verification. */
  public Incident feedback(WorkerId worker, IncidentId id, String summary) {
    Actor actor = workerActor("feedback", worker);
    Inputs in = new Inputs("feedback");
    text(in, "summary", summary);
    in.throwIfAny();
    return execute(
        id,
        Step.FEEDBACK,
        actor,
        (incident, now) ->
            List.of(
                new FeedbackGiven(
                    id,
                    actor,
                    now,
                    "",
                    worker,
                    summary == null ? "" : summary,
                    verifyBy(incident, now))));
  }

  /**
   * When a report made at {@code now} must be registered by: after the policy's registration limit
   * for its grade (urgent when reported as an emergency or of an emergency category), if it sets
   * one; in working time when the policy counts that limit so.
   */
  private Optional<Instant> registerBy(Report report, Directory d, Instant now) {
    PolicySet policy = policyIn(now);
    DispatchPolicy dispatch = policy.dispatch();
    if (dispatch.registerWithin().isEmpty()) {
      return Optional.empty();
    }
    boolean urgent = d.catalogue().isEmergency(report.emergency(), report.category());
    return dispatch
        .registerWithinFor(TimeLimit.Grade.of(urgent))
        .map(limit -> dispatch.end(WorkingTime.Limit.REGISTRATION, now, limit, policy.zone()));
  }

  /**
   * When a case fed back at {@code now} must be verified by: after the policy's verification limit
   * for the kind of its grid's area, if it sets one; in working time when the policy counts that
   * limit so.
   */
  private Optional<Instant> verifyBy(Incident incident, Instant now) {
    PolicySet policy = policyIn(now);
    VerificationPolicy verification = policy.verification();
    if (verification.within().isEmpty()) {
      return Optional.empty();
    }
    return verification
        .withinFor(areaKind(incident))
        .map(
            limit ->
                policy.dispatch().end(WorkingTime.Limit.VERIFICATION, now, limit, policy.zone()));
  }

  /** The responsible line sends the case back as not its own, with a reason (退回). */
  public Incident returnCase(Actor actor, IncidentId id, String reason) {
    requireReason("return", reason, "must say why the case is not the line's");
    return execute(
        id,
        Step.RETURN,
        actor,
        (incident, now) -> {
          refuseIfAny(
              id,
              Step.RETURN,
              new BounceLimitRule(policyIn(now).returns().bounceLimit()).checkReturn(incident));
          return List.of(
              new CaseReturned(
                  id, actor, now, reason("return", reason), incident.line().orElseThrow()));
        });
  }

  /**
   * The centre decides which line handles a bounced case; that line may not return it again, and a
   * joint meeting's lines no longer apply. A case never returned is refused with an {@link
   * org.gridgov.core.incident.IllegalTransitionException}, whatever its stage.
   */
  public Incident arbitrate(Actor actor, IncidentId id, LineId line, String reason) {
    new Inputs("arbitrate").require("line", line).throwIfAny();
    knownLines("arbitrate", Set.of(line));
    return execute(
        id,
        Step.ARBITRATE,
        actor,
        (incident, now) ->
            List.of(new CaseArbitrated(id, actor, now, reason("arbitrate", reason), line, now)));
  }

  /** The centre convenes a joint meeting (联席会议) of several lines, with {@code lead} handling. */
  public Incident convene(
      Actor actor, IncidentId id, LineId lead, Set<LineId> lines, String reason) {
    new Inputs("convene").require("lead", lead).require("lines", lines).throwIfAny();
    knownLines("convene", lines);
    new Inputs("convene")
        .check(
            lines.contains(lead) && lines.size() >= 2,
            "lines",
            Inputs.RANGE,
            "must hold at least two lines including the lead " + lead,
            lines)
        .throwIfAny();
    return execute(
        "convene",
        id,
        Step.CONVENE_JOINT_MEETING,
        actor,
        (incident, now) ->
            List.of(
                new JointMeetingConvened(
                    id, actor, now, reason("convene", reason), lead, lines, now)));
  }

  // -------------------------------------------------------------- escalation

  /**
   * Passes the case up one level, subject to the level's quota: refused with {@code
   * QUOTA_EXHAUSTED} under a HARD quota, flagged under SOFT; an emergency always passes.
   */
  public Incident escalate(Actor actor, IncidentId id, String reason) {
    return escalations.escalate(actor, id, reason("escalate", reason));
  }

  /** Puts a case under supervision (督办). */
  public Incident supervise(Actor actor, IncidentId id, String reason) {
    return execute(
        id,
        Step.SUPERVISE,
        actor,
        (incident, now) ->
            List.of(new IncidentSupervised(id, actor, now, reason("supervise", reason))));
  }

  /**
   * Extends the reply deadline (延期) to {@code replyBy}, which must be an instant every store keeps
   * ({@link IncidentEvent#instantProblem}), within the policy's {@code extension} limits ({@link
   * ExtensionRule}: how often, whether only before the deadline, how far, the last counted as
   * {@code replyWithin} is). A deadline that has passed without a timer round marking it is marked
   * overdue first, in the same append, as the round would have: an extension clears the overdue
   * flag, not the missed deadline.
   */
  public Incident extend(Actor actor, IncidentId id, Instant replyBy, String reason) {
    new Inputs("extend").require("replyBy", replyBy).throwIfAny();
    String outside = IncidentEvent.instantProblem(replyBy);
    new Inputs("extend")
        .check(outside == null, "replyBy", Inputs.RANGE, outside, replyBy)
        .throwIfAny();
    return execute(
        "extend",
        id,
        Step.EXTEND_DEADLINE,
        actor,
        (incident, now) -> {
          Instant floor = ExtensionRule.floor(incident, now);
          new Inputs("extend")
              .check(
                  replyBy.isAfter(floor),
                  "replyBy",
                  Inputs.RANGE,
                  "must be after "
                      + (floor.equals(now) ? "now, " : "the current deadline ")
                      + floor,
                  replyBy)
              .throwIfAny();
          PolicySet policy = policyIn(now);
          Optional<Instant> furthest =
              policy
                  .extension()
                  .longest()
                  .map(
                      longest ->
                          floor.plus(
                              policy
                                  .dispatch()
                                  .span(WorkingTime.Limit.REPLY, floor, longest, policy.zone())));
          refuseIfAny(
              id,
              Step.EXTEND_DEADLINE,
              new ExtensionRule(policy.extension()).checkExtend(incident, replyBy, furthest, now));
          return List.of(new DeadlineExtended(id, actor, now, reason("extend", reason), replyBy));
        });
  }

  // ------------------------------------------------------------------ closing

  /**
   * Someone other than the handler checks the result: passed, or failed and back for rework
   * (supervised once it has failed the policy's {@code maxReworks} times). Under the policy's
   * {@code verification.verifiers: SUPERVISOR} only a supervisor over the case's grid may.
   */
  public Incident verify(WorkerId verifier, IncidentId id, boolean passed, String reason) {
    Actor actor = workerActor("verify", verifier);
    Step step = passed ? Step.VERIFY : Step.FAIL_VERIFICATION;
    return execute(
        id,
        step,
        actor,
        (incident, now) -> {
          VerificationRule rule = new VerificationRule(policyIn(now).verification().maxReworks());
          refuseIfAny(id, step, rule.check(incident, verifier));
          return rule.events(
              incident,
              verifier,
              passed,
              replyWithin(incident, now),
              now,
              reason(step.commandName(), reason));
        });
  }

  /**
   * Closes a verified case (结案), if its level has the authority for its category under the policy
   * in force when the case was taken on there ({@link Incident#takenOnAt()}): a later version that
   * narrows the level's authority binds the cases taken on after it takes effect. When the version
   * the store has in force then does not let the level close the case, the taking-on was decided
   * under an earlier one (claims and assignments outside a level's authority are refused): a node
   * that had not yet taken up the narrowing version, or one saved later with a date in the past.
   * The case is then closed under the latest earlier version in force by then that lets its level
   * close it, as it was handled, rather than left verified where nothing could move it.
   */
  public Incident close(Actor actor, IncidentId id, String reason) {
    return execute(
        id,
        Step.CLOSE,
        actor,
        (incident, now) -> {
          refuseIfAny(
              id,
              Step.CLOSE,
              new AuthorityRule(closingPolicy(incident, now).escalation()).checkClose(incident));
          return List.of(new IncidentClosed(id, actor, now, reason("close", reason)));
        });
  }

  /** A resident rates a closed case: attitude, timeliness and satisfaction, each 1 to 5. */
  public Incident rate(Actor actor, IncidentId id, int attitude, int timeliness, int satisfaction) {
    Inputs in = new Inputs("rate");
    in.check(inRange(attitude), "attitude", Inputs.RANGE, "must be between 1 and 5", attitude);
    in.check(
        inRange(timeliness), "timeliness", Inputs.RANGE, "must be between 1 and 5", timeliness);
    in.check(
        inRange(satisfaction),
        "satisfaction",
        Inputs.RANGE,
        "must be between 1 and 5",
        satisfaction);
    in.throwIfAny();
    Rating rating = new Rating(attitude, timeliness, satisfaction);
    return execute(
        id,
        Step.RATE,
        actor,
        (incident, now) -> List.of(new IncidentRated(id, actor, now, "", rating)));
  }

  /**
   * The centre reopens a closed case (重办) when the callback (回访) finds the caller not satisfied:
   * back to the worker who last held it, due again after the reply limit of its category under the
   * policy in force (in working time where the policy says so), to be handled, verified and closed
   * once more, and rated again. Only before it is archived, and within the policy's {@code
   * callback} limits ({@link ReopenRule}: how often, how long after closing).
   *
   * @throws org.gridgov.core.InvalidInputException when {@code reason} is missing or blank (it says
   *     what the caller found unsolved)
   */
  public Incident reopen(Actor actor, IncidentId id, String reason) {
    requireReason("reopen", reason, "must say what the callback found unsolved");
    return execute(
        id,
        Step.REOPEN,
        actor,
        (incident, now) -> {
          refuseIfAny(
              id, Step.REOPEN, new ReopenRule(policyIn(now).callback()).checkReopen(incident, now));
          return List.of(
              new CaseReopened(
                  id, actor, now, reason("reopen", reason), now.plus(replyWithin(incident, now))));
        });
  }

  /**
   * The centre parks a case its handler cannot solve in time (挂账), once it has checked the
   * handler's account: no deadline runs, nothing goes overdue or is supervised, and the case stays
   * its handler's until {@link #resume}, or until the policy's {@code suspension.longest} has
   * passed, when the timer round gives it back to its handler. Only a case being handled
   * (DISPATCHED), and within the policy's {@code suspension} limits ({@link SuspensionRule}).
   *
   * @throws org.gridgov.core.InvalidInputException when {@code reason} is missing or blank (it says
   *     why the case cannot be solved in time)
   */
  public Incident suspend(Actor actor, IncidentId id, String reason) {
    return suspend("suspend", actor, id, Optional.empty(), reason);
  }

  /**
   * {@link #suspend(Actor, IncidentId, String)} until {@code until} (the works that block the case
   * are due to end then, say), when the timer round gives the case back to its handler unless the
   * centre resumed it before; at most the policy's {@code suspension.longest} from now.
   *
   * @throws org.gridgov.core.InvalidInputException when {@code until} is missing, not after now or
   *     not an instant every store keeps, or {@code reason} is missing or blank
   */
  public Incident suspendUntil(Actor actor, IncidentId id, Instant until, String reason) {
    new Inputs("suspendUntil").require("until", until).throwIfAny();
    String outside = IncidentEvent.instantProblem(until);
    new Inputs("suspendUntil")
        .check(outside == null, "until", Inputs.RANGE, outside, until)
        .throwIfAny();
    return suspend("suspendUntil", actor, id, Optional.of(until), reason);
  }

  private Incident suspend(
      String command, Actor actor, IncidentId id, Optional<Instant> until, String reason) {
    requireReason(command, reason, "must say why the case cannot be solved in time");
    return execute(
        command,
        id,
        Step.SUSPEND,
        actor,
        (incident, now) -> {
          until.ifPresent(
              u ->
                  new Inputs(command)
                      .check(u.isAfter(now), "until", Inputs.RANGE, "must be after now, " + now, u)
                      .throwIfAny());
          SuspensionRule rule = new SuspensionRule(policyIn(now).suspension());
          refuseIfAny(id, Step.SUSPEND, rule.checkSuspend(incident, until, now));
          return List.of(
              new CaseSuspended(id, actor, now, reason(command, reason), rule.end(until, now)));
        });
  }

  /**
   * The centre takes a suspended case out of the 挂账 register (销账): back to its handler, due again
   * after its category's reply limit under the policy in force (in working time where the policy
   * says so).
   */
  public Incident resume(Actor actor, IncidentId id, String reason) {
    return execute(
        id,
        Step.RESUME,
        actor,
        (incident, now) ->
            List.of(
                new CaseResumed(
                    id,
                    actor,
                    now,
                    reason("resume", reason),
                    now.plus(replyWithin(incident, now)))));
  }

  /** Archives a closed or rejected case (归档). */
  public Incident archive(Actor actor, IncidentId id, String reason) {
    return execute(
        id,
        Step.ARCHIVE,
        actor,
        (incident, now) ->
            List.of(new IncidentArchived(id, actor, now, reason("archive", reason))));
  }

  // ------------------------------------------------------------------- timers

  /**
   * Fires every timer due at {@code now}: assignments (or, when nobody up to the district acts for
   * a case's line, its referral to the centre), overdue marks, supervision. First takes up a
   * directory or policy version another node saved ({@link #refreshDirectory()}, {@link
   * #refreshPolicy()}), so the nodes' heartbeat carries those changes too; after a new directory
   * revision it dispatches again the referred cases that someone at their level now acts for.
   *
   * @throws org.gridgov.core.InvalidInputException when {@code now} is missing, before {@link
   *     IncidentEvent#MIN_INSTANT}, or so late that a lease taken at it, or a deadline its timers
   *     set (at most {@code PositiveDuration.MAX}, 3650 days, after it), would end after {@link
   *     IncidentEvent#MAX_INSTANT} (the latest instant every store keeps); nothing is taken
   */
  public AdvanceResult advance(Instant now) {
    required("advance", "now", now);
    if (now.isAfter(timers.latestNow())) {
      new Inputs("advance")
          .check(
              false,
              "now",
              Inputs.RANGE,
              "must be at most "
                  + timers.latestNow()
                  + ": the leases it takes and the deadlines it sets end by the"
                  + " latest instant a store keeps, "
                  + IncidentEvent.MAX_INSTANT,
              now)
          .throwIfAny();
    }
    if (now.isBefore(IncidentEvent.MIN_INSTANT)) {
      new Inputs("advance")
          .check(
              false,
              "now",
              Inputs.RANGE,
              "must be at or after "
                  + IncidentEvent.MIN_INSTANT
                  + ", the earliest instant a store keeps",
              now)
          .throwIfAny();
    }
    refreshDirectory();
    refreshPolicy();
    return timers.advance(now);
  }

  /** {@link #advance(Instant)} at the clock's instant. */
  public AdvanceResult advance() {
    return advance(clock.instant());
  }

  // ------------------------------------------------------------------ queries

  public Optional<Incident> find(IncidentId id) {
    required("find", "id", id);
    return incidents.find(id);
  }

  /**
   * Refuses a missing argument of a public entry point as {@link
   * org.gridgov.core.InvalidInputException} naming it; nothing is built when it is there (these run
   * on every command and timer tick).
   */
  private static void required(String command, String field, Object value) {
    if (value == null) {
      new Inputs(command).require(field, null).throwIfAny();
    }
  }

  /** The incident, or {@link NotFoundException}. */
  public Incident require(IncidentId id) {
    required("require", "id", id);
    return incidents.find(id).orElseThrow(() -> new NotFoundException("incident", id));
  }

  public List<IncidentEvent> history(IncidentId id) {
    required("history", "id", id);
    return incidents.history(id);
  }

  /**
   * The centre's worklist: the cases no timer will move, which wait for a decision of the centre
   * ({@link Incident#awaitsCentre}): those dispatch referred because nobody up to the district acts
   * for their line, and those their line returned. In id order; read from the store, so every node
   * sees the same list.
   */
  public List<Incident> centreWorklist() {
    return List.copyOf(incidents.awaitingCentre());
  }

  /** The cases dispatch referred to the centre: registered, with no claim window. In id order. */
  List<Incident> referred() {
    return incidents.awaitingCentre().stream().filter(i -> i.stage() == Stage.REGISTERED).toList();
  }

  /**
   * The whole histories of the incidents alive in {@code [from, to)}: reported before {@code to}
   * and alive until {@code from} or later ({@link Incident#aliveUntil()}: the last event, or a
   * later reply deadline), in id order. They are read from the store when iterated, a page at a
   * time ({@link IncidentStore#historiesAliveBetween}), afresh on each iteration; so every node
   * sees every node's cases, after restarts too, and no listener need keep their ids. Scoring a
   * period is one line:
   *
   * <pre>{@code
   * run.score(governance.histories(run.period().from(), run.period().to()), visits, directory)
   * }</pre>
   *
   * <p>The period's own bounds are enough, though the indicators count events up to the cut-off
   * after it: the later events of a case reported in the period come with its whole history, and a
   * case reported after the period counts for nothing in it, while a case answered before the
   * period whose reply deadline falls in it is alive until that deadline. Score once {@link
   * #advance} has run past the period's end, so that the overdue marks and supervisions due in the
   * period are stored. A store that drops archived incidents (the memory store's {@code
   * keepArchived(false)}) returns only those it still holds.
   *
   * @throws org.gridgov.core.InvalidInputException when {@code from} or {@code to} is missing or
   *     {@code to} is not after {@code from}; nothing is read
   */
  public Iterable<List<IncidentEvent>> histories(Instant from, Instant to) {
    checkPeriod("histories", from, to);
    return () -> new HistoryPages(incidents, from, to, HISTORY_PAGE);
  }

  /** Refuses a period without both bounds or whose end is not after its start. */
  private static void checkPeriod(String command, Instant from, Instant to) {
    new Inputs(command).require("from", from).require("to", to).throwIfAny();
    new Inputs(command)
        .check(to.isAfter(from), "to", Inputs.RANGE, "must be after from " + from, to)
        .throwIfAny();
  }

  public Directory directory() {
    return directory;
  }

  /**
   * Where the cases closed in {@code [from, to)} were settled, checked against the target split of
   * the policy in force at the period's end, just before {@code to} (Dongcheng: 80–85 % in the
   * community, 10–15 % through the street, at most 5 % at the district). Reads only the cases alive
   * in the period ({@link #histories}), not every case ever closed.
   *
   * @throws org.gridgov.core.InvalidInputException when {@code from} or {@code to} is missing or
   *     {@code to} is not after {@code from}
   */
  public SettlementReport settlement(Instant from, Instant to) {
    checkPeriod("settlement", from, to);
    Instant last = to.minusNanos(1);
    new Inputs("settlement")
        .check(
            policies.at(last).isPresent(),
            "to",
            Inputs.RANGE,
            "must end after a version of policy " + policies.id() + " is in force",
            to)
        .throwIfAny();
    List<Incident> closed = new ArrayList<>();
    for (List<IncidentEvent> history : histories(from, to)) {
      Incident incident = Incident.replay(history);
      Instant at = incident.closedAt().orElse(null);
      if (at != null && !at.isBefore(from) && at.isBefore(to)) {
        closed.add(incident);
      }
    }
    return SettlementReport.of(closed, policyAt(last).targets());
  }

  /**
   * The policy in force at {@code instant}.
   *
   * @throws org.gridgov.core.InvalidInputException when {@code instant} is missing or before the
   *     policy's first version takes effect ({@code input.range})
   */
  public PolicySet policyAt(Instant instant) {
    required("policyAt", "instant", instant);
    Optional<PolicySet> policy = policies.at(instant);
    if (policy.isEmpty()) {
      new Inputs("policyAt")
          .check(false, "instant", Inputs.RANGE, notInForce(), instant)
          .throwIfAny();
    }
    return policy.get();
  }

  /**
   * The policy in force at {@code now}, inside a command or a timer round. Only a report can come
   * before the first version takes effect (every later step is at or after its case's report), and
   * turns the {@link NotInForce} into its refusal.
   */
  PolicySet policyIn(Instant now) {
    return policies.at(now).orElseThrow(() -> new NotInForce(notInForce() + ", was " + now));
  }

  private String notInForce() {
    return "must be at or after "
        + policies.versions().get(0).effectiveFrom()
        + ", when the"
        + " first version of policy "
        + policies.id()
        + " takes effect";
  }

  /**
   * No version of the policy is in force at a command's instant (a clock before the first version's
   * {@code effectiveFrom}): a report is refused as {@code NO_POLICY_IN_FORCE}.
   */
  static final class NotInForce extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    NotInForce(String message) {
      super(message);
    }

    Refusal refusal() {
      return new Refusal(POLICY_IN_FORCE, "NO_POLICY_IN_FORCE", "now " + getMessage());
    }
  }

  /**
   * The policy in force when the current assignee took {@code incident} on ({@link
   * Incident#takenOnAt()}); the one in force {@code now} when nobody holds it, or when no version
   * was in force then.
   */
  private PolicySet policyTakenOn(Incident incident, Instant now) {
    Instant takenOn = incident.takenOnAt().orElse(null);
    Optional<PolicySet> then = takenOn == null ? Optional.empty() : policies.at(takenOn);
    return then.isPresent() ? then.get() : policyIn(now);
  }

  /**
   * The version under which {@link #close} judges the authority of {@code incident}'s level: the
   * one {@linkplain #policyTakenOn in force when it was taken on}, else, when that one does not let
   * the level close it, the latest version before it that does (the one the taking-on was decided
   * under, or one as permissive); the version in force when none does, which refuses.
   */
  private PolicySet closingPolicy(Incident incident, Instant now) {
    PolicySet then = policyTakenOn(incident, now);
    if (then.escalation().mayClose(incident.level(), incident.category())) {
      return then;
    }
    List<PolicySet> versions = policies.versions();
    for (int i = versions.indexOf(then) - 1; i >= 0; i--) {
      if (versions.get(i).escalation().mayClose(incident.level(), incident.category())) {
        return versions.get(i);
      }
    }
    return then;
  }

  public GridStorage storage() {
    return storage;
  }

  public Clock clock() {
    return clock;
  }

  /** The stored revision of the directory this node uses. */
  public long directoryRevision() {
    return directoryRevision;
  }

  /**
   * Changes the directory (new workers, absences…): {@code change} is applied to the latest stored
   * directory and the result saved as the next revision, used here at once and by the other nodes
   * from their next {@link #advance}. When another node saves first, the change is applied again to
   * theirs (up to three times), so neither change is lost.
   *
   * @return the directory saved
   * @throws org.gridgov.core.InvalidInputException when {@code change} is null or returns null;
   *     nothing is saved
   */
  public Directory updateDirectory(UnaryOperator<Directory> change) {
    new Inputs("updateDirectory").require("change", change).throwIfAny();
    synchronized (this) {
      for (int attempt = 1; ; attempt++) {
        Optional<Revision<Directory>> latest = storage.directory().load();
        long basedOn = latest.map(Revision::revision).orElse(0L);
        Directory updated = change.apply(latest.map(Revision::value).orElse(directory));
        new Inputs("updateDirectory")
            .check(
                updated != null,
                "directory",
                Inputs.REQUIRED,
                "the change returned no directory",
                null)
            .throwIfAny();
        try {
          use(updated, storage.directory().save(updated, basedOn));
          return updated;
        } catch (StaleVersionException conflict) {
          if (attempt == ATTEMPTS) {
            throw conflict;
          }
        }
      }
    }
  }

  /**
   * Saves {@code updated}, edited from revision {@code basedOn} (the {@link #directoryRevision()}
   * it was read at), as the next revision, and uses it here.
   *
   * @return the new revision
   * @throws StaleVersionException when another save came after {@code basedOn}; nothing is saved
   * @throws org.gridgov.core.InvalidInputException when {@code updated} is null or {@code basedOn}
   *     negative; nothing is saved
   */
  public long updateDirectory(Directory updated, long basedOn) {
    new Inputs("updateDirectory")
        .require("directory", updated)
        .check(basedOn >= 0, "basedOn", Inputs.RANGE, "must be 0 or more", basedOn)
        .throwIfAny();
    synchronized (this) {
      long revision = storage.directory().save(updated, basedOn);
      use(updated, revision);
      return revision;
    }
  }

  /**
   * Takes up the stored directory when another node saved a newer revision; {@link #advance} does
   * this first. One small question to the store when nothing changed.
   *
   * @return whether the directory changed
   */
  public boolean refreshDirectory() {
    if (storage.directory().revision() <= directoryRevision) {
      return false;
    }
    synchronized (this) {
      Revision<Directory> latest = storage.directory().load().orElseThrow();
      if (latest.revision() <= directoryRevision) {
        return false;
      }
      use(latest.value(), latest.revision());
      return true;
    }
  }

  /**
   * Takes up the stored versions of this node's policy when another node (or an administrator
   * through the store) saved one; {@link #advance} does this first. One small question to the store
   * when nothing changed. A version that took effect before this node took it up is logged (a
   * warning): the commands this node ran in between were decided under the one before.
   *
   * @return whether a version was added
   */
  public boolean refreshPolicy() {
    String id = policies.id();
    if (storage.policies().versionCount(id) <= policies.versions().size()) {
      return false;
    }
    synchronized (this) {
      PolicyTimeline stored = storage.policies().timeline(id).orElseThrow();
      if (stored.versions().size() <= policies.versions().size()) {
        return false;
      }
      List<PolicySet> added = new ArrayList<>(stored.versions());
      added.removeAll(policies.versions());
      policies = stored;
      PolicyWarnings.warn(LOG, added, directory, directoryRevision);
      PolicyWarnings.late(LOG, added, clock.instant());
      return true;
    }
  }

  /**
   * The versions of the policy this node uses: every version stored when it was built, and those
   * saved since as of its last refresh.
   */
  public PolicyTimeline policy() {
    return policies;
  }

  /** Under this object's lock: the directory used from now on, and its stored revision. */
  private void use(Directory value, long revision) {
    directory = value;
    directoryRevision = revision;
    PolicyWarnings.warn(LOG, policies.versions(), value, revision);
  }

  // ----------------------------------------------------------------- internal

  /** Computes the events of one command on the incident's current state. */
  @FunctionalInterface
  interface Command {
    List<IncidentEvent> events(Incident incident, Instant now);
  }

  /**
   * Loads, checks the stage and the actor, computes the events and appends them with the version it
   * loaded; on a concurrent change it starts again from the fresh state.
   */
  Incident execute(IncidentId id, Step step, Actor actor, Command command) {
    return execute(step.commandName(), id, step, actor, command);
  }

  /**
   * Who may verify under the policy in force at {@code now}, for a verification; the policy is only
   * looked up for one (other steps do not depend on it).
   */
  private Verifiers verifiers(Step step, Instant now) {
    return step == Step.VERIFY || step == Step.FAIL_VERIFICATION
        ? policyIn(now).verification().verifiers()
        : Verifiers.ANY_OTHER_WORKER;
  }

  /**
   * As {@link #execute(IncidentId, Step, Actor, Command)}, naming the command {@code name} in input
   * errors: the method's name where it differs from the step's ({@code convene} for {@code
   * convene-joint-meeting}), so that all of one command's input errors name it alike.
   */
  Incident execute(String name, IncidentId id, Step step, Actor actor, Command command) {
    if (id == null || actor == null || !isKnown(actor, directory)) {
      Inputs in = new Inputs(name).require("id", id).require("actor", actor);
      if (actor != null) {
        knownActor(in, actor, directory);
      }
      in.throwIfAny();
    }
    for (int attempt = 1; ; attempt++) {
      Incident incident = require(id);
      Instant now = now(incident);
      incident.check(step);
      refuseIfAny(
          id,
          step,
          AuthorizationRule.check(step, actor, incident, directory.roster(), verifiers(step, now)));
      List<IncidentEvent> events = markedIfMissed(incident, now, command.events(incident, now));
      try {
        return append(incident, events);
      } catch (StaleVersionException conflict) {
        if (attempt == ATTEMPTS) {
          throw conflict;
        }
      }
    }
  }

  /**
   * {@code events} after an overdue mark when the case's reply deadline passed before a timer round
   * marked it: the deadline was missed all the same, so whatever the command (a late reply, a
   * re-assignment, an escalation, an extension…) the overdue count does not depend on how often
   * {@link #advance} runs. The mark is the overdue rule's, under the version in force at the
   * deadline.
   */
  private List<IncidentEvent> markedIfMissed(
      Incident incident, Instant now, List<IncidentEvent> events) {
    if (incident.stage() != Stage.DISPATCHED || incident.overdue()) {
      return events;
    }
    Instant missed = incident.replyBy().orElseThrow(); // a dispatched case always has one
    if (missed.isAfter(now)) {
      return events;
    }
    TimerDecision overdue = new OverdueRule(supervisionAfter(missed)).decide(incident, now);
    if (!(overdue instanceof TimerDecision.MarkOverdue mark)) {
      return events;
    }
    List<IncidentEvent> marked = new ArrayList<>(events.size() + 1);
    marked.add(mark.event());
    marked.addAll(events);
    return marked;
  }

  /** Appends {@code events} to {@code incident} at its version and tells the listeners. */
  Incident append(Incident incident, List<IncidentEvent> events) {
    Incident after = incidents.append(incident.id(), incident.version(), events);
    notifyListeners(after, events);
    return after;
  }

  /** Tells the listeners of events appended elsewhere (a batch of timers). */
  void appended(Incident after, List<IncidentEvent> events) {
    notifyListeners(after, events);
  }

  /** The clock's instant, never before the incident's last event. */
  Instant now(Incident incident) {
    return notBefore(clock.instant(), incident);
  }

  /** {@code now}, or the incident's last event when that is later (clocks of nodes may differ). */
  static Instant notBefore(Instant now, Incident incident) {
    return incident.changedAfter(now) ? incident.lastChangedAt() : now;
  }

  /**
   * The handling deadline of the incident under the policy in force (by its category, its line, its
   * source, its grade and the kind of its grid's area), as the calendar time from {@code now} to
   * the deadline: longer than the limit itself when the policy counts it in working time.
   */
  Duration replyWithin(Incident incident, Instant now) {
    return replyWithin(incident, incident.line().orElse(null), now);
  }

  /** {@link #replyWithin(Incident, Instant)} for the case given to {@code line}. */
  private Duration replyWithin(Incident incident, LineId line, Instant now) {
    PolicySet policy = policyIn(now);
    DispatchPolicy dispatch = policy.dispatch();
    Category category = directory.catalogue().find(incident.category()).orElse(null);
    TimeLimit.Grade grade =
        TimeLimit.Grade.of(CategoryCatalogue.emergencyOf(incident.emergency(), category));
    AreaKind kind = dispatch.timeLimits().isEmpty() ? AreaKind.URBAN : areaKind(incident);
    Duration limit =
        category != null
            ? dispatch.deadlineFor(category, line, incident.source(), grade, kind)
            : dispatch.deadlineFor(incident.category(), line, incident.source(), grade, kind);
    return dispatch.span(WorkingTime.Limit.REPLY, now, limit, policy.zone());
  }

  /** The kind of the area the case is in: its micro-grid's when known, else its grid's. */
  private AreaKind areaKind(Incident incident) {
    return directory.territory().kindOf(incident.microGrid().orElse(incident.grid()));
  }

  /**
   * How long after the reply deadline {@code missed} a case still unanswered is supervised, under
   * the policy in force at that deadline (not when a late round runs), as calendar time: longer
   * than the policy's {@code supervisionAfter} when it counts in working time.
   */
  Duration supervisionAfter(Instant missed) {
    PolicySet policy = policyIn(missed);
    return policy
        .dispatch()
        .span(
            WorkingTime.Limit.SUPERVISION,
            missed,
            policy.dispatch().supervisionAfter(),
            policy.zone());
  }

  static void refuseIfAny(IncidentId id, Step step, Optional<Refusal> refusal) {
    if (refusal.isPresent()) {
      throw new CommandRefusedException(id, step, refusal.get());
    }
  }

  private void notifyListeners(Incident incident, List<IncidentEvent> events) {
    for (GridListener listener : listeners) {
      try {
        listener.onAppended(incident, events);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "listener failed on incident " + incident.id(), e);
      }
    }
  }

  private static boolean isKnown(Actor actor, Directory d) {
    return switch (actor.kind()) {
      case WORKER -> d.roster().find(actor.workerId().orElseThrow()).isPresent();
      case DEPARTMENT -> d.lines().find(LineId.of(actor.id())).isPresent();
      default -> true;
    };
  }

  private static void knownActor(Inputs in, Actor actor, Directory d) {
    in.check(
        isKnown(actor, d),
        "actor",
        Inputs.UNKNOWN,
        actor.kind() == ActorKind.WORKER
            ? "is not a worker in the directory"
            : "is not a known line",
        actor);
  }

  private void knownLines(String command, Set<LineId> lines) {
    Inputs in = new Inputs(command);
    for (LineId line : lines) {
      in.check(
          line != null && directory.lines().find(line).isPresent(),
          "line",
          Inputs.UNKNOWN,
          "is not a known line",
          line);
    }
    in.throwIfAny();
  }

  private static boolean inRange(int score) {
    return score >= Rating.MIN && score <= Rating.MAX;
  }

  /** Whether the case is an emergency ({@link Category#emergencyFor}). */
  boolean isEmergency(Incident incident) {
    return directory.catalogue().isEmergency(incident.emergency(), incident.category());
  }

  /** Refuses a missing or blank reason for a command that must give one, saying what it is for. */
  private static void requireReason(String command, String reason, String mustSay) {
    new Inputs(command)
        .check(reason != null && !reason.isBlank(), "reason", Inputs.REQUIRED, mustSay, null)
        .throwIfAny();
  }

  /**
   * The reason as stored: empty for none; one that cannot be stored is refused as input of {@code
   * command}, naming it (nothing is built when it can be stored: this runs on every command).
   */
  private static String reason(String command, String reason) {
    if (reason == null) {
      return "";
    }
    String problem = IncidentEvent.textProblem(reason);
    if (problem != null) {
      new Inputs(command).check(false, "reason", Inputs.FORMAT, problem, null).throwIfAny();
    }
    return reason;
  }

  /**
   * The incident a report's external reference already made, if any: a re-sent ticket is answered
   * with it whatever the directory has become since (a grid re-coded, the reporter gone), as a
   * retry must be; {@link DuplicateException} when the store no longer holds it.
   */
  private Optional<IntakeResult> alreadyTaken(Report report) {
    if (report.external().isEmpty()) {
      return Optional.empty();
    }
    return incidents
        .findByExternal(report.external().get())
        .map(
            known ->
                new IntakeResult(
                    incidents
                        .find(known)
                        .orElseThrow(
                            () ->
                                new DuplicateException(
                                    "external reference", report.external().get())),
                    false));
  }

  /** A free text every adapter can store as is ({@link IncidentEvent#textProblem}); null passes. */
  private static void text(Inputs in, String field, String value) {
    String problem = value == null ? null : IncidentEvent.textProblem(value);
    in.check(problem == null, field, Inputs.FORMAT, problem, null);
  }

  /** The actor of a worker's own command; a missing worker is refused, naming it. */
  private static Actor workerActor(String command, WorkerId worker) {
    new Inputs(command).require("worker", worker).throwIfAny();
    return Actor.worker(worker);
  }
}
