package org.gridgov.scoring.indicator;

import static org.gridgov.scoring.UnitKind.COMMUNITY;
import static org.gridgov.scoring.UnitKind.GRID;
import static org.gridgov.scoring.UnitKind.LINE;
import static org.gridgov.scoring.UnitKind.STREET;
import static org.gridgov.scoring.UnitKind.WORKER;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiFunction;
import org.gridgov.scoring.UnitKind;

/**
 * The indicators, each with its formula over {@link Counter}s (P = the period; see the module
 * README's table for sources). Rates are empty when nothing was due; durations are nearest-rank
 * {@link Percentiles}. Attribution: areas by the incident's grid (and its community and street by
 * code prefix), lines by the line responsible when the counted event happened (cohort counts: at
 * the cut-off), workers as each constant says.
 */
public enum Indicator {
  /** 上报数 / Kaixuan 问题上报数: REPORTED. Worker: the reporter. */
  REPORTED(
      Kind.COUNT, Better.HIGHER, units(WORKER, GRID, COMMUNITY, STREET), count(Counter.REPORTED)),
  /** 有效上报率: EFFECTIVE_REPORTED ÷ REPORTED. Worker: the reporter. */
  EFFECTIVE_REPORT_RATE(
      Kind.RATE,
      Better.HIGHER,
      units(WORKER, GRID, COMMUNITY, STREET),
      ratio(Counter.EFFECTIVE_REPORTED, Counter.REPORTED)),
  /**
   * 重复案件率, read as the share of duplicate reports: DUPLICATES ÷ REPORTED, reports rejected in P as
   * duplicates per report in P (a report near the period's end may be rejected in the next). Areas
   * only: a region's measure (standards.md §5).
   */
  DUPLICATE_RATE(
      Kind.RATE,
      Better.LOWER,
      units(GRID, COMMUNITY, STREET),
      ratio(Counter.DUPLICATES, Counter.REPORTED)),
  /**
   * 高发案件占比, read as HIGH_INCIDENCE ÷ REPORTED: an area's reports in P of the period's
   * high-incidence categories (the {@code highIncidenceTop} categories with the most reports in P
   * across every area counted) per report in P, each under the category it was registered in (the
   * centre may correct the reporter's) or, unregistered by the cut-off, reported in; a high share
   * is a few recurring problems. Areas only: a region's measure (standards.md §5).
   */
  HIGH_INCIDENCE_SHARE(
      Kind.RATE,
      Better.LOWER,
      units(GRID, COMMUNITY, STREET),
      ratio(Counter.HIGH_INCIDENCE, Counter.REPORTED)),
  /**
   * 退回率: RETURNS ÷ LINE_DISPATCHES, returns in P per case sent to a line in P; 准确派遣率 (dispatches
   * not returned ÷ dispatches) is its complement when both fall in one period. The dispatcher's
   * post is the centre's seat, not a worker: areas and lines.
   */
  RETURN_RATE(
      Kind.RATE,
      Better.LOWER,
      units(GRID, COMMUNITY, STREET, LINE),
      ratio(Counter.RETURNS, Counter.LINE_DISPATCHES)),
  /** 立案数 (= 应结案数): DUE_FOR_CLOSING, cases registered in P. Worker: as {@link #CLOSURE_RATE}. */
  REGISTERED(Kind.COUNT, Better.HIGHER, all(), count(Counter.DUE_FOR_CLOSING)),
  /** 结案数: CLOSED, closings in P. Worker: the handler. */
  CLOSED(Kind.COUNT, Better.HIGHER, all(), count(Counter.CLOSED)),
  /**
   * 结案率: CLOSED_OF_DUE ÷ DUE_FOR_CLOSING (cohort). Worker: who holds the case at the cut-off, the
   * handler since its last dispatch, else its assignee (an open case re-assigned goes with its new
   * assignee, as it goes with the new line).
   */
  CLOSURE_RATE(
      Kind.RATE, Better.HIGHER, all(), ratio(Counter.CLOSED_OF_DUE, Counter.DUE_FOR_CLOSING)),
  /** 按期结案率: CLOSED_ON_TIME ÷ DUE_FOR_CLOSING (cohort). Worker: as {@link #CLOSURE_RATE}. */
  CLOSED_ON_TIME_RATE(
      Kind.RATE, Better.HIGHER, all(), ratio(Counter.CLOSED_ON_TIME, Counter.DUE_FOR_CLOSING)),
  /** 按期处置率: HANDLED_ON_TIME ÷ HANDLED. Worker: the handler. */
  HANDLED_ON_TIME_RATE(
      Kind.RATE, Better.HIGHER, all(), ratio(Counter.HANDLED_ON_TIME, Counter.HANDLED)),
  /** 返工率: REWORKED ÷ HANDLED (feedbacks in P that failed verification). Worker: the handler. */
  REWORK_RATE(Kind.RATE, Better.LOWER, all(), ratio(Counter.REWORKED, Counter.HANDLED)),
  /**
   * 重办率: REOPENED ÷ CLOSED, reopenings in P (the callback found the caller not satisfied) per
   * closing in P. Worker: the handler of the closing reopened.
   */
  REOPEN_RATE(Kind.RATE, Better.LOWER, all(), ratio(Counter.REOPENED, Counter.CLOSED)),
  /** 挂账数: SUSPENDED, cases the centre parked in P. Worker: the assignee. */
  SUSPENDED(Kind.COUNT, Better.LOWER, all(), count(Counter.SUSPENDED)),
  /**
   * 督办数: SUPERVISED, supervisions in P. Worker and line: the assignee's and the line's when the
   * case is being handled; a late registration or verification counts for the areas alone.
   */
  SUPERVISED(Kind.COUNT, Better.LOWER, all(), count(Counter.SUPERVISED)),
  /** 延期数: EXTENDED, reply deadlines extended in P. Worker: the assignee. */
  EXTENDED(Kind.COUNT, Better.LOWER, all(), count(Counter.EXTENDED)),
  /**
   * 超期数: OVERDUE, overdue marks in P, one per missed reply deadline (a case overdue in two rounds,
   * say before and after a re-assignment, counts twice). Worker: the assignee.
   */
  OVERDUE(Kind.COUNT, Better.LOWER, all(), count(Counter.OVERDUE)),
  /**
   * 超期未处置数: OVERDUE_UNHANDLED, cases whose reply deadline fell in P and passed with no feedback by
   * the cut-off, the deadline still in force (a case overdue since an earlier period counts there).
   * Worker: the assignee the deadline was set for.
   */
  OVERDUE_UNHANDLED(Kind.COUNT, Better.LOWER, all(), count(Counter.OVERDUE_UNHANDLED)),
  /**
   * 超期结案数: CLOSED_OF_DUE − CLOSED_ON_TIME, the cohort registered in P closed by the cut-off but
   * later than {@code closeWithin} after registration. Worker: as {@link #CLOSURE_RATE}.
   */
  CLOSED_LATE(
      Kind.COUNT,
      Better.LOWER,
      all(),
      (c, credit) -> Rate.of(c.get(Counter.CLOSED_OF_DUE) - c.get(Counter.CLOSED_ON_TIME), 1)),
  /**
   * 受理时长: report → first registration, for first registrations in P. The registering seat is the
   * centre's, not a worker: areas and the line registered.
   */
  REGISTRATION_TIME(Kind.DURATION, Better.LOWER, units(GRID, COMMUNITY, STREET, LINE), null),
  /** 响应时长: registration → first claim or assignment, for first dispatches in P. */
  RESPONSE_TIME(Kind.DURATION, Better.LOWER, all(), null),
  /** 处置时长: registration → closing, for closings in P. Worker: the handler. */
  HANDLING_TIME(Kind.DURATION, Better.LOWER, all(), null),
  /** Kaixuan 走访次数: VISITS, visit records dated in P. Worker: the visitor. */
  VISITS(Kind.COUNT, Better.HIGHER, units(WORKER, GRID, COMMUNITY, STREET), count(Counter.VISITS)),
  /** Kaixuan 主动认领率: SELF_CLAIMED ÷ DISPATCHED. Worker: the claimant or assignee. */
  PROACTIVE_CLAIM_RATE(
      Kind.RATE, Better.HIGHER, all(), ratio(Counter.SELF_CLAIMED, Counter.DISPATCHED)),
  /** Kaixuan 处理实效率: HANDLED_EFFECTIVELY ÷ HANDLED. Worker: the handler. */
  EFFECTIVE_HANDLING_RATE(
      Kind.RATE, Better.HIGHER, all(), ratio(Counter.HANDLED_EFFECTIVELY, Counter.HANDLED)),
  /**
   * Kaixuan 答复反馈指数: (REPLIES_ON_TIME + lateReplyCredit × REPLIES_LATE) ÷ REPLIES_DUE. Worker: the
   * assignee the deadline was set for.
   */
  REPLY_INDEX(
      Kind.RATE,
      Better.HIGHER,
      all(),
      (c, credit) ->
          new Rate(
              BigDecimal.valueOf(c.get(Counter.REPLIES_ON_TIME))
                  .add(credit.multiply(BigDecimal.valueOf(c.get(Counter.REPLIES_LATE)))),
              c.get(Counter.REPLIES_DUE))),
  /** 12345 响应率: SCOPED_RESPONDED ÷ SCOPED_REGISTERED (cohort, policy sources). */
  RESPONSE_RATE(
      Kind.RATE,
      Better.HIGHER,
      units(GRID, COMMUNITY, STREET, LINE),
      ratio(Counter.SCOPED_RESPONDED, Counter.SCOPED_REGISTERED)),
  /** 12345 解决率: SCOPED_RESOLVED ÷ SCOPED_REGISTERED (cohort, policy sources). */
  RESOLUTION_RATE(
      Kind.RATE,
      Better.HIGHER,
      units(GRID, COMMUNITY, STREET, LINE),
      ratio(Counter.SCOPED_RESOLVED, Counter.SCOPED_REGISTERED)),
  /** 12345 满意率: SCOPED_SATISFIED ÷ SCOPED_RATED. */
  SATISFACTION_RATE(
      Kind.RATE,
      Better.HIGHER,
      units(GRID, COMMUNITY, STREET, LINE),
      ratio(Counter.SCOPED_SATISFIED, Counter.SCOPED_RATED)),
  /**
   * Kaixuan 群众评议: RATING_POINTS ÷ (12 × RATED), the three 1–5 marks mapped onto 0–1 ((a + t + s −
   * 3) ÷ 12). Worker: the handler.
   */
  RATING_INDEX(
      Kind.RATE,
      Better.HIGHER,
      all(),
      (c, credit) ->
          new Rate(BigDecimal.valueOf(c.get(Counter.RATING_POINTS)), 12 * c.get(Counter.RATED))),
  /**
   * 按时立案率: REGISTERED_ON_TIME ÷ REGISTERED_TIMED, registrations in P within the scoring policy's
   * {@code registerWithin} of the report for the case's grade, or, when it times no grade, by the
   * limit the report recorded (the dispatch policy's {@code registerWithin}, in working time where
   * it counts so). Empty when neither times registration. Lines: the line registered.
   */
  REGISTERED_ON_TIME_RATE(
      Kind.RATE,
      Better.HIGHER,
      units(GRID, COMMUNITY, STREET, LINE),
      ratio(Counter.REGISTERED_ON_TIME, Counter.REGISTERED_TIMED)),
  /**
   * 核查数: VERIFIED, feedbacks in P verified (passed or failed) by the cut-off. Worker: the verifier
   * (the supervisor's post).
   */
  VERIFICATIONS(Kind.COUNT, Better.HIGHER, all(), count(Counter.VERIFIED)),
  /** 核查率: VERIFIED ÷ HANDLED, feedbacks in P verified by the cut-off. */
  VERIFICATION_RATE(
      Kind.RATE,
      Better.HIGHER,
      units(GRID, COMMUNITY, STREET, LINE),
      ratio(Counter.VERIFIED, Counter.HANDLED)),
  /**
   * 按时核查率: VERIFIED_ON_TIME ÷ VERIFIED_TIMED, feedbacks in P verified within the scoring policy's
   * {@code verifyWithin} for the area kind of the case's grid, or, when it times no area kind, by
   * the limit the feedback recorded (the dispatch policy's {@code verification.within}). Empty when
   * neither times verification.
   */
  VERIFIED_ON_TIME_RATE(
      Kind.RATE,
      Better.HIGHER,
      units(GRID, COMMUNITY, STREET, LINE),
      ratio(Counter.VERIFIED_ON_TIME, Counter.VERIFIED_TIMED));

  /** What an indicator's value is. */
  public enum Kind {
    COUNT,
    RATE,
    DURATION
  }

  /** Whether a higher or a lower value is better (for scores and rankings). */
  public enum Better {
    HIGHER,
    LOWER
  }

  /** The duration indicators, in declaration order. */
  static final ImmutableList<Indicator> DURATIONS =
      Arrays.stream(values())
          .filter(i -> i.kind == Kind.DURATION)
          .collect(ImmutableList.toImmutableList());

  private final Kind kind;
  private final Better better;
  private final ImmutableSet<UnitKind> unitKinds;

  @SuppressWarnings("ImmutableEnumChecker") // stateless lambdas
  private final BiFunction<Counts, BigDecimal, Rate> formula;

  Indicator(
      Kind kind,
      Better better,
      ImmutableSet<UnitKind> unitKinds,
      BiFunction<Counts, BigDecimal, Rate> formula) {
    this.kind = kind;
    this.better = better;
    this.unitKinds = unitKinds;
    this.formula = formula;
  }

  /**
   * The id used in policy files and exports: lower case with hyphens, such as {@code reply-index}.
   */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public static Optional<Indicator> byId(String id) {
    return Arrays.stream(values()).filter(i -> i.id().equals(id)).findFirst();
  }

  public Kind kind() {
    return kind;
  }

  public Better better() {
    return better;
  }

  /** The unit kinds this indicator is attributed to. */
  public ImmutableSet<UnitKind> unitKinds() {
    return unitKinds;
  }

  /** The value as a rate (a count is {@code count/1}); throws for a duration indicator. */
  Rate compute(Counts counts, BigDecimal lateReplyCredit) {
    if (formula == null) {
      throw new UnsupportedOperationException(this + " is a duration: read its percentiles");
    }
    return formula.apply(counts, lateReplyCredit);
  }

  private static ImmutableSet<UnitKind> units(UnitKind... kinds) {
    return ImmutableSet.copyOf(kinds);
  }

  private static ImmutableSet<UnitKind> all() {
    return ImmutableSet.copyOf(UnitKind.values());
  }

  private static BiFunction<Counts, BigDecimal, Rate> count(Counter counter) {
    return (c, credit) -> Rate.of(c.get(counter), 1);
  }

  private static BiFunction<Counts, BigDecimal, Rate> ratio(
      Counter numerator, Counter denominator) {
    return (c, credit) -> Rate.of(c.get(numerator), c.get(denominator));
  }
}
