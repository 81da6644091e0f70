package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.primitives.ImmutableIntArray;
import java.time.Duration;
import java.time.Instant;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.escalation.SettlementReport;

/**
 * What a run produced, as plain values with accessors for assertions and reports. Rates are in [0,
 * 1]; counts are over the whole run.
 *
 * @param setup the name of the setup the run's settings came from ({@link
 *     SimulationConfig#setup()}), empty for settings made in code
 * @param referred cases dispatch handed to the centre because nobody up to the district acts for
 *     their line ({@link org.gridgov.core.incident.CaseReferred}): a line without staff shows here.
 *     They stay open unless the centre convenes joint meetings for them ({@link
 *     Behaviour#jointMeetingAfter})
 * @param convened joint meetings (联席会议) the centre convened, each giving a case to a lead line
 *     ({@link org.gridgov.core.incident.JointMeetingConvened})
 * @param reopened closed cases the centre reopened after a dissatisfied callback (重办; {@link
 *     Behaviour#reopenShare}); {@code closed} counts a case closed at the end, once however often
 *     it was closed
 * @param suspended cases the centre parked in the 挂账 register after their supervisions ({@link
 *     Behaviour#suspendAfterSupervisions}); they stay open, without deadlines, until the policy's
 *     {@code suspension.longest} ends their suspension, or to the end of the run without one
 * @param resumed parked cases given back to their handlers, at the end of their suspension or by
 *     the centre's review of its register ({@link Behaviour#resumeAfter}); their handlers then
 *     solve them
 * @param extended deadlines extended (延期) at the request of handlers who foresaw finishing late
 *     ({@link Behaviour#extendShare}); a case finished by its extended deadline counts as on time,
 *     and a request the policy's {@code extension} limits refuse counts among the refusals
 * @param archived closed or refused cases archived (归档) after the rating window
 * @param openAtEnd cases still open when the run ended
 * @param closureMinutes sorted closure times (report to close) in minutes, unboxed: a year of a
 *     district closes over a million cases
 * @param hours the 24 local hours of the day, midnight first, each with its reports, registrations,
 *     replies and closings over the run ({@link HourCount})
 * @param refusals commands the rules refused, by refusal code (for example QUOTA_EXHAUSTED)
 * @param scores the scoring policy's rankings and pay per calendar month of the run, in order:
 *     scoring, rankings and pay are monthly, so a run of three months has three, and one that
 *     starts or ends inside a month scores that part of it as a period of its own
 * @param config the configuration the run simulated (seed, period, district, people): what a report
 *     says of the run, and what runs it again with the same policy
 */
public record SimulationResult(
    String policy,
    String setup,
    long seed,
    Instant start,
    Instant end,
    int grids,
    int workers,
    long reported,
    long registered,
    long rejected,
    long selfClaimed,
    long autoAssigned,
    long manualAssigned,
    ImmutableMap<EscalationKind, Long> escalations,
    long returned,
    long overdue,
    long supervised,
    long referred,
    long convened,
    long reworks,
    long reopened,
    long suspended,
    long resumed,
    long extended,
    long closed,
    long closedOnTime,
    long rated,
    long satisfactionSum,
    long archived,
    long openAtEnd,
    ImmutableMap<String, Long> refusals,
    ImmutableList<DayCount> days,
    ImmutableList<HourCount> hours,
    ImmutableList<LineLoad> lines,
    ImmutableList<UnitScore> gridScores,
    ImmutableList<UnitScore> workerScores,
    SettlementReport settlement,
    ImmutableIntArray closureMinutes,
    ImmutableList<Scores> scores,
    SimulationConfig config) {
  /** The rule id of a bad argument to an accessor. */
  static final RuleId ID = RuleId.of("simulation.result");

  /** closed ÷ registered. */
  public double closureRate() {
    return ratio(closed, registered);
  }

  /** closed on time (never overdue) ÷ closed. */
  public double onTimeRate() {
    return ratio(closedOnTime, closed);
  }

  /** self-claimed ÷ dispatched (claimed or assigned). */
  public double selfClaimRate() {
    return ratio(selfClaimed, selfClaimed + autoAssigned + manualAssigned);
  }

  /**
   * The exact share of the closed cases settled at {@code level} (the grid counts toward the
   * community), 0 when none was closed; {@code settlement().share} is rounded to 4 places.
   */
  public double settledShare(Level level) {
    long settled = settlement.settled();
    return settled == 0 ? 0 : (double) settlement.counts().getOrDefault(level, 0L) / settled;
  }

  /** Mean satisfaction on the 1–5 scale, 0 when nothing was rated. */
  public double meanSatisfaction() {
    return rated == 0 ? 0 : (double) satisfactionSum / rated;
  }

  public long escalated(EscalationKind kind) {
    return escalations.getOrDefault(kind, 0L);
  }

  /** Requested escalations ÷ registered cases. */
  public double escalationRate() {
    return ratio(escalated(EscalationKind.REQUESTED), registered);
  }

  /**
   * Of the cases reported on or before {@code lastDay} and not refused at registration, the share
   * closed by the end of the run: the loop's completion once the tail has had time to settle.
   */
  public double closureRateOfReportsUntil(java.time.LocalDate lastDay) {
    Checks.notNull(ID, "lastDay", lastDay);
    long accepted = 0;
    long closedOfThem = 0;
    for (DayCount day : days) {
      if (!day.day().isAfter(lastDay)) {
        accepted += day.reported() - day.rejectedOfReported();
        closedOfThem += day.closedOfReported();
      }
    }
    return ratio(closedOfThem, accepted);
  }

  /** The closure time at percentile {@code p} (nearest rank), zero when nothing closed. */
  public Duration closureTime(double p) {
    Checks.check(ID, "p", p > 0 && p <= 100, "must be above 0 and at most 100, was " + p);
    if (closureMinutes.isEmpty()) {
      return Duration.ZERO;
    }
    return Duration.ofMinutes(closureMinutes.get(nearestRank(p, closureMinutes.length())));
  }

  /** The index of the nearest-rank {@code p}th percentile among {@code n} sorted values. */
  static int nearestRank(double p, int n) {
    return Math.max(0, (int) Math.ceil(p / 100.0 * n) - 1);
  }

  /**
   * The line with the largest share of registered cases; of lines with equal shares, the one whose
   * id sorts first.
   *
   * @throws IllegalStateException when no case was registered: no line has a share
   */
  public LineLoad busiestLine() {
    return lines.stream()
        .max(
            java.util.Comparator.comparingDouble(LineLoad::share)
                .thenComparing(l -> l.line().value(), java.util.Comparator.reverseOrder()))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "[" + ID + "] busiestLine: no case was registered, so no line has a share"));
  }

  public long refused(String code) {
    return refusals.getOrDefault(code, 0L);
  }

  /**
   * The run's policy, setup, seed, period and counts, with only the sizes of its closure times,
   * days, hours, lines, units and months: what a failed assertion should show. The whole record
   * holds every closure time and every worker's rankings and pay (a Dongcheng month's string was
   * megabytes); equality still compares all of it.
   */
  @Override
  public String toString() {
    return "SimulationResult[policy="
        + policy
        + ", setup="
        + setup
        + ", seed="
        + seed
        + ", start="
        + start
        + ", end="
        + end
        + ", grids="
        + grids
        + ", workers="
        + workers
        + ", reported="
        + reported
        + ", registered="
        + registered
        + ", rejected="
        + rejected
        + ", selfClaimed="
        + selfClaimed
        + ", autoAssigned="
        + autoAssigned
        + ", manualAssigned="
        + manualAssigned
        + ", escalations="
        + escalations
        + ", returned="
        + returned
        + ", overdue="
        + overdue
        + ", supervised="
        + supervised
        + ", referred="
        + referred
        + ", convened="
        + convened
        + ", reworks="
        + reworks
        + ", reopened="
        + reopened
        + ", suspended="
        + suspended
        + ", resumed="
        + resumed
        + ", extended="
        + extended
        + ", closed="
        + closed
        + ", closedOnTime="
        + closedOnTime
        + ", rated="
        + rated
        + ", satisfactionSum="
        + satisfactionSum
        + ", archived="
        + archived
        + ", openAtEnd="
        + openAtEnd
        + ", refusals="
        + refusals
        + ", settled="
        + settlement.counts()
        + ", closureMinutes="
        + closureMinutes.length()
        + " values, days="
        + days.size()
        + ", hours="
        + hours.size()
        + ", lines="
        + lines.size()
        + ", gridScores="
        + gridScores.size()
        + ", workerScores="
        + workerScores.size()
        + ", scores="
        + scores.size()
        + " months]";
  }

  static double ratio(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }
}
