package org.gridgov.scoring.indicator;

/**
 * The raw counts an {@link IndicatorEngine} keeps per unit, from which every {@link Indicator} is
 * computed. "Due" counts (应X数) are kept apart from "done" counts (X数). "In P" means the event's
 * instant lies in the period; "cohort" counts follow the cases registered in P up to the evaluation
 * cut-off (the period's end plus the policy's {@code windows.settleAfter}).
 */
public enum Counter {
  /** 上报数: reports (IncidentReported) in P. */
  REPORTED,
  /** 有效上报数: reports in P that were registered by the cut-off (not rejected, not pending). */
  EFFECTIVE_REPORTED,
  /**
   * Reports that became effective in P: first registrations (立案) in P, whenever reported, for the
   * reporter. Each registered report counts once, in the period of its registration, so a report
   * registered after its own period's cut-off still counts (once), where {@link
   * #EFFECTIVE_REPORTED}, a cohort of the period's reports, counts it nowhere. Piece rates pay by
   * it (Yangling, seed 003: 5 yuan for each quality report). Worker only.
   */
  REPORTS_REGISTERED,
  /**
   * 派遣数: the centre sending a case to a line in P (its registration, an arbitration after a return,
   * the lead line of a joint meeting), for that line.
   */
  LINE_DISPATCHES,
  /** 退回数: returns in P (a line sending a case back as not its own), for the returning line. */
  RETURNS,
  /** Reports rejected (invalid or duplicate) in P. */
  REJECTED,
  /** 重复上报数: reports rejected in P as duplicates of an incident already in the system. */
  DUPLICATES,
  /** 应结案数 (cohort): cases registered (立案) in P; every registered case is due for closing. */
  DUE_FOR_CLOSING,
  /** 结案数 of the cohort: cases registered in P and closed by the cut-off. */
  CLOSED_OF_DUE,
  /** 按期结案数 of the cohort: closed within {@code windows.closeWithin} of registration. */
  CLOSED_ON_TIME,
  /** Closings (IncidentClosed) in P, whenever the case was registered. */
  CLOSED,
  /** Dispatches in P: self-claims plus assignments (re-assignments included). */
  DISPATCHED,
  /** Self-claims (自主认领) in P. */
  SELF_CLAIMED,
  /** 处置数: feedbacks (FeedbackGiven) in P. */
  HANDLED,
  /**
   * 按期处置数: feedbacks in P given before the reply deadline in force (one given at the deadline
   * instant is late: the overdue timer fires then).
   */
  HANDLED_ON_TIME,
  /** Feedbacks in P given on time and not failed at verification by the cut-off. */
  HANDLED_EFFECTIVELY,
  /** 返工数: feedbacks in P that failed verification by the cut-off. */
  REWORKED,
  /** 挂账数: suspensions (CaseSuspended) in P, cases parked because they cannot be solved in time. */
  SUSPENDED,
  /**
   * 督办数: supervisions (IncidentSupervised) in P: of an overdue case or of repeated rework, for its
   * assignee and line; of a report not registered in time or of a feedback not verified in time,
   * for the areas alone (the centre's step was late, not the handler's).
   */
  SUPERVISED,
  /**
   * 延期数: extensions of a reply deadline (DeadlineExtended) in P, each counted: a late case extended
   * before its deadline is answered "on time", so the extensions are reported apart.
   */
  EXTENDED,
  /** 重办数: reopenings (CaseReopened) in P, after a callback found the caller not satisfied. */
  REOPENED,
  /** 超期数: overdue marks in P, one per missed reply deadline (a case may count more than once). */
  OVERDUE,
  /** 应答复数: reply deadlines falling in P that were still in force when they fell due. */
  REPLIES_DUE,
  /** Of those, answered by a feedback before the deadline (at the deadline instant is late). */
  REPLIES_ON_TIME,
  /** Of those, answered by a feedback at or after the deadline (before any re-dispatch). */
  REPLIES_LATE,
  /** 走访数: visit records dated in P. */
  VISITS,
  /** Resident ratings (IncidentRated) in P. */
  RATED,
  /** Ratings in P whose satisfaction is at least {@code satisfiedAtLeast}. */
  SATISFIED,
  /** The sum over ratings in P of (attitude + timeliness + satisfaction − 3): 0 to 12 each. */
  RATING_POINTS,
  /** Three rates (cohort, scoped to the policy's sources): cases registered in P. */
  SCOPED_REGISTERED,
  /** Three rates: of those, first dispatched within {@code windows.respondWithin}. */
  SCOPED_RESPONDED,
  /** Three rates: of those, closed by the cut-off. */
  SCOPED_RESOLVED,
  /** Three rates: ratings in P of scoped cases. */
  SCOPED_RATED,
  /** Three rates: of those, satisfaction at least {@code satisfiedAtLeast}. */
  SCOPED_SATISFIED,
  /**
   * Registrations (first 立案 of a case) in P whose grade has a {@code registerWithin} limit, or,
   * when the settings time no grade, whose report recorded the dispatch policy's limit.
   */
  REGISTERED_TIMED,
  /** 按时立案数: of those, registered by that limit (at it is on time). */
  REGISTERED_ON_TIME,
  /**
   * 核查数: feedbacks in P verified (passed or failed) by the cut-off; a worker's, those they
   * verified.
   */
  VERIFIED,
  /**
   * Feedbacks in P whose case's area kind has a {@code verifyWithin} limit, or, when the settings
   * do not time it, that recorded the policy's verification limit.
   */
  VERIFIED_TIMED,
  /**
   * 按时核查数: of those, verified by that limit (at it is on time); a worker's, those they verified so.
   */
  VERIFIED_ON_TIME,
  /**
   * 超期未处置数: reply deadlines falling in P that had passed, still in force and unanswered by any
   * feedback, at the cut-off: the case overdue and not handled when the period is scored.
   */
  OVERDUE_UNHANDLED,
  /**
   * Reports in P of the period's high-incidence categories (the {@code highIncidenceTop} with the
   * most reports in P among all the engine counts), by the category registered, else reported.
   */
  HIGH_INCIDENCE;

  static final Counter[] VALUES = values();
}
