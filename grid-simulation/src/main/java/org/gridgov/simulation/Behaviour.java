package org.gridgov.simulation;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.RuleId;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.line.LineId;
import org.gridgov.core.policy.WorkingTime;

/**
 * How people act, as distributions: every figure is a default a researcher may change.
 *
 * @param registrationDelay mean time the centre takes to register a report (exponential)
 * @param rejectShare share of reports refused as invalid or duplicate
 * @param claimShare share of cases a grid worker claims within the window, when one may
 * @param claimDelay mean time to a self-claim (exponential); late claims are refused
 * @param gridWork median effort of a case for a grid worker (log-normal)
 * @param departmentWork median effort of a case for a department worker (log-normal)
 * @param workSigma shape of both effort distributions
 * @param escalateShare share of grid-level cases the handler asks to pass up (an hour after taking
 *     the case, or on their return when away then)
 * @param returnShare share of cases a department returns as not its own (an hour after taking the
 *     case, or on the worker's return when away then)
 * @param verificationDelay mean time to verification (exponential)
 * @param verificationPass share of verifications that pass
 * @param rework median effort of rework after a failed verification
 * @param closeDelay mean time from verification to closing
 * @param ratingShare share of closed cases a resident rates
 * @param unsolvableShare share of cases nobody can solve: they stay open under supervision
 *     (Yangling: 4 of 10,984 events were still open). Drawn once per case, so a case passed up,
 *     returned or re-assigned stays unsolvable
 * @param absencePerDay chance a worker starts an absence on a given day (one they are present,
 *     other than the day back from an absence); a share absenceDays·p / (1 + absenceDays·p) of the
 *     workers is then away on any day of the run, its first included
 * @param absenceDays mean length of an absence in days (whole days: one plus a geometric number)
 * @param archiveAfter time from closing (or refusing) a case to archiving it (归档), the resident's
 *     rating window; a case rated later is archived right after its rating. Archived cases are
 *     final: a store may then drop their histories (see the memory store's option)
 * @param reopenShare share of the dissatisfied callbacks (a rating of 2 or less) after which the
 *     centre reopens the case (重办), about {@code closeDelay} after the rating; a case is reopened
 *     once at most, and archived after it closes again. 0 by default
 * @param suspendAfterSupervisions the supervision (督办) of a case still unanswered at which the
 *     centre parks it in the 挂账 register, about {@code closeDelay} later (if it is still unanswered
 *     then): the unsolvable cases end there, counted apart from the overdue ones. Counted as the
 *     supervisions of missed deadlines (one per overdue mark): a supervision for a late
 *     registration or verification does not count. 0 (the default): never
 * @param extendShare share of the handlers who, taking up a case they will not finish by its
 *     deadline (their queue and the effort drawn say when they will), ask the centre within the
 *     hour to extend it (延期) to an hour after they expect to finish; the centre grants what the
 *     policy's {@code extension} limits allow, and a refused case runs late. 0 by default
 * @param resumeAfter mean time the centre takes to give a parked case back to its handler
 *     (exponential, from its parking): its review of the 挂账 register, whatever the policy's {@code
 *     suspension.longest} does by the timer. 0 (the default): never, so a parked case stays parked
 *     unless the policy ends its suspension
 * @param centreHours when the centre works, in the run's zone: its steps (registering or refusing a
 *     report, closing, arbitrating a returned case, reopening after a callback, parking and
 *     resuming) take their drawn delay in these hours (granting a handler's extension and archiving
 *     wait for them too), so a report made at night, or on a day off, is registered when the centre
 *     next works. {@link Schedule#ALWAYS} (the default): around the clock every day, as a 12345
 *     centre
 * @param workerHours when grid workers work, and department staff unless {@code departmentHours}
 *     says otherwise, in the run's zone: their effort on a case, a rework, the hour before they
 *     return a case or ask to pass it up, a self-claim's delay and a verification's delay count in
 *     these hours, so a case taken up in the evening is worked on the next working morning; a
 *     problem their patrol would find outside them is reported when they next start. {@link
 *     Schedule#ALWAYS} (the default): around the clock
 * @param departmentHours when department staff work, if not as the grid workers: street and
 *     district departments often keep office hours on weekdays while grid workers patrol at
 *     weekends too. Empty (the default): {@code workerHours}
 * @param workerRestDays how many of the {@code workerHours} workdays of each week a grid worker
 *     rests, by rota (轮休): the workers of a grid rest on staggered days, so the grid is covered on
 *     every workday by fewer of them. A resting worker neither claims, verifies nor reports from
 *     patrol, and their cases wait for their next working day. 0 (the default): every grid worker
 *     works every workday of {@code workerHours}
 * @param lineHours when the department staff of the lines named work, if not as the others: a line
 *     on shifts around the clock (the utilities' repair crews) while the other departments keep
 *     office hours. Each a line department staff work for (at a street or the district). Empty (the
 *     default): every department on {@code departmentHours}
 * @param redispatchShare share of the returned cases the centre sends to another department instead
 *     of arbitrating, as long as the policy's {@code returns.bounceLimit} lets that one return the
 *     case too: a line drawn among the other department lines with staff for the case, and of its
 *     staff the one whose desk is free first. Otherwise the centre arbitrates, giving the case to
 *     its category's default line for good. 0 (the default): the centre arbitrates every returned
 *     case, so that any bounce limit of 1 or more runs alike
 * @param jointMeetingAfter mean time (exponential, from the referral, in the centre's hours) after
 *     which the centre convenes a joint meeting (联席会议) for a case dispatch referred to it because
 *     nobody up to the district acts for its line: the meeting gives the case to a lead line drawn
 *     among the other department lines with staff for it, beside its own, and dispatch then assigns
 *     it within the lead line. A case someone acts for by then, or with no such line, stays as it
 *     is. 0 (the default): never, so referred cases stay open, the lines that lack staff
 */
public record Behaviour(
    Duration registrationDelay,
    double rejectShare,
    double claimShare,
    Duration claimDelay,
    Duration gridWork,
    Duration departmentWork,
    double workSigma,
    double escalateShare,
    double returnShare,
    Duration verificationDelay,
    double verificationPass,
    Duration rework,
    Duration closeDelay,
    double ratingShare,
    double unsolvableShare,
    double absencePerDay,
    double absenceDays,
    Duration archiveAfter,
    double reopenShare,
    int suspendAfterSupervisions,
    double extendShare,
    Duration resumeAfter,
    Schedule centreHours,
    Schedule workerHours,
    Optional<Schedule> departmentHours,
    int workerRestDays,
    ImmutableMap<LineId, Schedule> lineHours,
    double redispatchShare,
    Duration jointMeetingAfter) {
  static final RuleId ID = RuleId.of("simulation.behaviour");

  /** The longest duration a behaviour gives or a draw from it takes: 36,500 days, a century. */
  public static final Duration LONGEST = Duration.ofDays(36_500);

  /** The hours of a day worked around the clock ({@link Schedule#ALWAYS}). */
  public static final WorkingTime.Period ALL_DAY =
      new WorkingTime.Period(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

  public Behaviour {
    duration("registrationDelay", registrationDelay);
    duration("claimDelay", claimDelay);
    duration("gridWork", gridWork);
    duration("departmentWork", departmentWork);
    duration("verificationDelay", verificationDelay);
    duration("rework", rework);
    duration("closeDelay", closeDelay);
    duration("archiveAfter", archiveAfter);
    share("rejectShare", rejectShare);
    share("claimShare", claimShare);
    share("escalateShare", escalateShare);
    share("returnShare", returnShare);
    share("verificationPass", verificationPass);
    share("ratingShare", ratingShare);
    share("unsolvableShare", unsolvableShare);
    share("absencePerDay", absencePerDay);
    share("reopenShare", reopenShare);
    share("extendShare", extendShare);
    share("redispatchShare", redispatchShare);
    Checks.check(
        ID,
        "suspendAfterSupervisions",
        suspendAfterSupervisions >= 0 && suspendAfterSupervisions <= 1000,
        "must be between 0 (never) and 1000, was " + suspendAfterSupervisions);
    zeroOrDuration("resumeAfter", resumeAfter);
    zeroOrDuration("jointMeetingAfter", jointMeetingAfter);
    Checks.check(ID, "centreHours", centreHours != null, "is required (00:00-24:00: all day)");
    Checks.check(ID, "workerHours", workerHours != null, "is required (00:00-24:00: all day)");
    Checks.check(
        ID, "departmentHours", departmentHours != null, "is required (empty: as workerHours)");
    Checks.check(
        ID,
        "workerRestDays",
        workerRestDays >= 0 && workerRestDays < workerHours.workdays().size(),
        "must be 0 or more and leave each grid"
            + " worker a workday of the "
            + workerHours.workdays().size()
            + " workerHours has a week,"
            + " was "
            + workerRestDays);
    Checks.noNullEntries(ID, "lineHours", lineHours);
    lineHours
        .keySet()
        .forEach(
            line ->
                Checks.check(
                    ID,
                    "lineHours." + line,
                    Staffing.departmentLines().contains(line),
                    "is not a line department staff work for,"
                        + " expected one of "
                        + Staffing.departmentLines()));
    Checks.check(
        ID,
        "workSigma",
        workSigma >= 0 && workSigma <= 3,
        "must be between 0 and 3, was " + workSigma);
    Checks.check(
        ID,
        "absenceDays",
        absenceDays >= 1 && absenceDays <= 365,
        "must be between 1 and 365 days, was " + absenceDays);
  }

  /**
   * Defaults: registration within 20 minutes on average, 2 % refused, half the cases claimed within
   * 4 hours, 2 h of grid effort and 3 h of department effort (median), 3 % passed up by choice, 3 %
   * returned by departments, verification after 3 h with 92 % passing, closing after 30 minutes,
   * half the closed cases rated, 4 in 10,000 cases unsolvable (Yangling), 1 % of workers starting a
   * 2-day absence each day, cases archived 7 days after closing, none reopened, suspended, resumed
   * by the centre or extended, and no joint meeting for a referred case.
   */
  public static Behaviour defaults() {
    return new Behaviour(
        Duration.ofMinutes(20), // registrationDelay
        0.02, // rejectShare
        0.5, // claimShare
        Duration.ofHours(4), // claimDelay
        Duration.ofHours(2), // gridWork
        Duration.ofHours(3), // departmentWork
        0.8, // workSigma
        0.03, // escalateShare
        0.03, // returnShare
        Duration.ofHours(3), // verificationDelay
        0.92, // verificationPass
        Duration.ofHours(2), // rework
        Duration.ofMinutes(30), // closeDelay
        0.5, // ratingShare
        0.0004, // unsolvableShare
        0.01, // absencePerDay
        2, // absenceDays
        Duration.ofDays(7), // archiveAfter
        0, // reopenShare
        0, // suspendAfterSupervisions
        0, // extendShare
        Duration.ZERO, // resumeAfter
        Schedule.ALWAYS, // centreHours
        Schedule.ALWAYS, // workerHours
        Optional.empty(), // departmentHours: as workerHours
        0, // workerRestDays
        ImmutableMap.of(), // lineHours
        0, // redispatchShare
        Duration.ZERO); // jointMeetingAfter
  }

  /** These behaviours with cases archived {@code value} after closing or refusal. */
  public Behaviour withArchiveAfter(Duration value) {
    return toBuilder().archiveAfter(value).build();
  }

  /** These behaviours with the centre reopening {@code value} of the dissatisfied callbacks. */
  public Behaviour withReopenShare(double value) {
    return toBuilder().reopenShare(value).build();
  }

  /** These behaviours with the centre parking a case (挂账) at its {@code value}-th supervision. */
  public Behaviour withSuspendAfterSupervisions(int value) {
    return toBuilder().suspendAfterSupervisions(value).build();
  }

  /**
   * These behaviours with {@code value} of the handlers who foresee missing a case's deadline
   * asking for an extension (延期).
   */
  public Behaviour withExtendShare(double value) {
    return toBuilder().extendShare(value).build();
  }

  /**
   * These behaviours with the centre giving a parked case (挂账) back to its handler {@code value}
   * after parking it, on average; 0: never.
   */
  public Behaviour withResumeAfter(Duration value) {
    return toBuilder().resumeAfter(value).build();
  }

  /**
   * These behaviours with the centre working {@code value} every day (00:00-24:00: around the
   * clock).
   */
  public Behaviour withCentreHours(WorkingTime.Period value) {
    return withCentreHours(Schedule.daily(value));
  }

  /** These behaviours with the centre working {@code value}. */
  public Behaviour withCentreHours(Schedule value) {
    return toBuilder().centreHours(value).build();
  }

  /**
   * These behaviours with grid workers (and department staff, unless they keep {@link
   * #departmentHours} of their own) working {@code value} every day (00:00-24:00: around the
   * clock).
   */
  public Behaviour withWorkerHours(WorkingTime.Period value) {
    return withWorkerHours(Schedule.daily(value));
  }

  /**
   * These behaviours with grid workers (and department staff, unless they keep {@link
   * #departmentHours} of their own) working {@code value}.
   */
  public Behaviour withWorkerHours(Schedule value) {
    return toBuilder().workerHours(value).build();
  }

  /** These behaviours with department staff working {@code value}, whatever the grid workers do. */
  public Behaviour withDepartmentHours(Schedule value) {
    Checks.check(ID, "departmentHours", value != null, "is required (a schedule)");
    return toBuilder().departmentHours(value).build();
  }

  /** These behaviours with each grid worker resting {@code value} of their workdays a week. */
  public Behaviour withWorkerRestDays(int value) {
    return toBuilder().workerRestDays(value).build();
  }

  /**
   * These behaviours with the department staff of each line {@code schedules} names working its
   * schedule (replacing any), the other departments {@link #departmentSchedule()}.
   */
  public Behaviour withLineHours(Map<LineId, Schedule> schedules) {
    return toBuilder().lineHours(schedules).build();
  }

  /**
   * These behaviours with the centre re-dispatching {@code value} of the returned cases to another
   * department while the policy's bounce limit allows.
   */
  public Behaviour withRedispatchShare(double value) {
    return toBuilder().redispatchShare(value).build();
  }

  /**
   * These behaviours with the centre convening a joint meeting for each case referred to it {@code
   * value} after the referral, on average; 0: never.
   */
  public Behaviour withJointMeetingAfter(Duration value) {
    return toBuilder().jointMeetingAfter(value).build();
  }

  /** When {@code line}'s department staff work: its {@link #lineHours}, else as the others. */
  public Schedule departmentSchedule(LineId line) {
    Schedule own = lineHours.get(line);
    return own != null ? own : departmentSchedule();
  }

  /** When department staff work: {@link #departmentHours}, else {@link #workerHours}. */
  public Schedule departmentSchedule() {
    return departmentHours.orElse(workerHours);
  }

  /**
   * A builder starting from {@link #defaults()}: set what a study changes, then {@link
   * Builder#build()} checks the whole as the constructor does.
   */
  public static Builder builder() {
    return defaults().toBuilder();
  }

  /** A builder starting from these behaviours. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Behaviours one field at a time ({@code Behaviour.defaults().toBuilder().claimShare(0.3)
   * .build()}); each setter takes the component of its name. Only a null entry in {@code lineHours}
   * is refused by its setter (a map is copied there); the rest is checked by {@link #build()},
   * which refuses what the constructor refuses, naming the field. Not thread-safe.
   */
  public static final class Builder {
    private Duration registrationDelay;
    private double rejectShare;
    private double claimShare;
    private Duration claimDelay;
    private Duration gridWork;
    private Duration departmentWork;
    private double workSigma;
    private double escalateShare;
    private double returnShare;
    private Duration verificationDelay;
    private double verificationPass;
    private Duration rework;
    private Duration closeDelay;
    private double ratingShare;
    private double unsolvableShare;
    private double absencePerDay;
    private double absenceDays;
    private Duration archiveAfter;
    private double reopenShare;
    private int suspendAfterSupervisions;
    private double extendShare;
    private Duration resumeAfter;
    private Schedule centreHours;
    private Schedule workerHours;
    private Optional<Schedule> departmentHours;
    private int workerRestDays;
    private ImmutableMap<LineId, Schedule> lineHours;
    private double redispatchShare;
    private Duration jointMeetingAfter;

    private Builder(Behaviour from) {
      registrationDelay = from.registrationDelay;
      rejectShare = from.rejectShare;
      claimShare = from.claimShare;
      claimDelay = from.claimDelay;
      gridWork = from.gridWork;
      departmentWork = from.departmentWork;
      workSigma = from.workSigma;
      escalateShare = from.escalateShare;
      returnShare = from.returnShare;
      verificationDelay = from.verificationDelay;
      verificationPass = from.verificationPass;
      rework = from.rework;
      closeDelay = from.closeDelay;
      ratingShare = from.ratingShare;
      unsolvableShare = from.unsolvableShare;
      absencePerDay = from.absencePerDay;
      absenceDays = from.absenceDays;
      archiveAfter = from.archiveAfter;
      reopenShare = from.reopenShare;
      suspendAfterSupervisions = from.suspendAfterSupervisions;
      extendShare = from.extendShare;
      resumeAfter = from.resumeAfter;
      centreHours = from.centreHours;
      workerHours = from.workerHours;
      departmentHours = from.departmentHours;
      workerRestDays = from.workerRestDays;
      lineHours = from.lineHours;
      redispatchShare = from.redispatchShare;
      jointMeetingAfter = from.jointMeetingAfter;
    }

    public Builder registrationDelay(Duration value) {
      registrationDelay = value;
      return this;
    }

    public Builder rejectShare(double value) {
      rejectShare = value;
      return this;
    }

    public Builder claimShare(double value) {
      claimShare = value;
      return this;
    }

    public Builder claimDelay(Duration value) {
      claimDelay = value;
      return this;
    }

    public Builder gridWork(Duration value) {
      gridWork = value;
      return this;
    }

    public Builder departmentWork(Duration value) {
      departmentWork = value;
      return this;
    }

    public Builder workSigma(double value) {
      workSigma = value;
      return this;
    }

    public Builder escalateShare(double value) {
      escalateShare = value;
      return this;
    }

    public Builder returnShare(double value) {
      returnShare = value;
      return this;
    }

    public Builder verificationDelay(Duration value) {
      verificationDelay = value;
      return this;
    }

    public Builder verificationPass(double value) {
      verificationPass = value;
      return this;
    }

    public Builder rework(Duration value) {
      rework = value;
      return this;
    }

    public Builder closeDelay(Duration value) {
      closeDelay = value;
      return this;
    }

    public Builder ratingShare(double value) {
      ratingShare = value;
      return this;
    }

    public Builder unsolvableShare(double value) {
      unsolvableShare = value;
      return this;
    }

    public Builder absencePerDay(double value) {
      absencePerDay = value;
      return this;
    }

    public Builder absenceDays(double value) {
      absenceDays = value;
      return this;
    }

    public Builder archiveAfter(Duration value) {
      archiveAfter = value;
      return this;
    }

    public Builder reopenShare(double value) {
      reopenShare = value;
      return this;
    }

    public Builder suspendAfterSupervisions(int value) {
      suspendAfterSupervisions = value;
      return this;
    }

    public Builder extendShare(double value) {
      extendShare = value;
      return this;
    }

    public Builder resumeAfter(Duration value) {
      resumeAfter = value;
      return this;
    }

    public Builder centreHours(Schedule value) {
      centreHours = value;
      return this;
    }

    /** {@code centreHours}: {@code value} every day (00:00-24:00: around the clock). */
    public Builder centreHours(WorkingTime.Period value) {
      return centreHours(Schedule.daily(Objects.requireNonNull(value, "centreHours")));
    }

    public Builder workerHours(Schedule value) {
      workerHours = value;
      return this;
    }

    /** {@code workerHours}: {@code value} every day (00:00-24:00: around the clock). */
    public Builder workerHours(WorkingTime.Period value) {
      return workerHours(Schedule.daily(Objects.requireNonNull(value, "workerHours")));
    }

    /**
     * Department staff working {@code value}, whatever the grid workers do; null: as the grid
     * workers ({@link Behaviour#workerHours}).
     */
    public Builder departmentHours(Schedule value) {
      departmentHours = Optional.ofNullable(value);
      return this;
    }

    public Builder workerRestDays(int value) {
      workerRestDays = value;
      return this;
    }

    /** The department staff of each line {@code value} names working its schedule. */
    public Builder lineHours(Map<LineId, Schedule> value) {
      Checks.noNullEntries(ID, "lineHours", value);
      lineHours = ImmutableMap.copyOf(value);
      return this;
    }

    public Builder redispatchShare(double value) {
      redispatchShare = value;
      return this;
    }

    public Builder jointMeetingAfter(Duration value) {
      jointMeetingAfter = value;
      return this;
    }

    /** The behaviours set, checked as the record's constructor checks them. */
    public Behaviour build() {
      return new Behaviour(
          registrationDelay,
          rejectShare,
          claimShare,
          claimDelay,
          gridWork,
          departmentWork,
          workSigma,
          escalateShare,
          returnShare,
          verificationDelay,
          verificationPass,
          rework,
          closeDelay,
          ratingShare,
          unsolvableShare,
          absencePerDay,
          absenceDays,
          archiveAfter,
          reopenShare,
          suspendAfterSupervisions,
          extendShare,
          resumeAfter,
          centreHours,
          workerHours,
          departmentHours,
          workerRestDays,
          lineHours,
          redispatchShare,
          jointMeetingAfter);
    }
  }

  /** 0 (never) or positive and at most {@link #LONGEST}. */
  private static void zeroOrDuration(String field, Duration value) {
    Checks.check(
        ID,
        field,
        value != null && !value.isNegative() && value.compareTo(LONGEST) <= 0,
        "must be 0 (never) or a duration of at most " + LONGEST.toDays() + " days, was " + value);
  }

  /** Positive and at most {@link #LONGEST}. */
  private static void duration(String field, Duration value) {
    Checks.positive(ID, field, value);
    Checks.check(
        ID,
        field,
        value.compareTo(LONGEST) <= 0,
        "must be at most " + LONGEST.toDays() + " days, was " + value);
  }

  private static void share(String field, double value) {
    Checks.check(ID, field, value >= 0 && value <= 1, "must be between 0 and 1, was " + value);
  }
}
