package org.gridgov.scoring.indicator;

import java.time.Instant;

/**
 * What the engine remembers about one incident during its single pass: a few fields, not the
 * whole history. The line and the workers are held as their {@link Tally}s, resolved once when
 * the event naming them arrives, so that counting an event looks nothing up. Mutable, private to
 * {@link IndicatorEngine}.
 */
final class IncidentTrack {
  /** The tallies of the grid, its community and its street. */
  final Tally[] areas;
  /** Whether the source is one the three rates follow. */
  final boolean scoped;
  /** Whether the report lies in the period. */
  final boolean reportedInPeriod;
  /** The reporting worker's tally, or null when no worker reported it. */
  final Tally reporter;
  Instant registeredAt;
  Tally line;
  Tally assignee;
  Instant deadline;
  Instant firstDispatchAt;
  /**
   * The tally of the handler who fed back since the case was last dispatched (claimed, assigned,
   * returned, escalated…), null before that feedback; while {@link #pending}, the handler of the
   * pending feedback.
   */
  Tally handler;
  Instant closedAt;
  /** A feedback of the period awaits verification (it is the last one, from {@link #handler}). */
  boolean pending;
  boolean pendingOnTime;
  Tally pendingLine;

  IncidentTrack(Tally[] areas, boolean scoped, boolean reportedInPeriod, Tally reporter) {
    this.areas = areas;
    this.scoped = scoped;
    this.reportedInPeriod = reportedInPeriod;
    this.reporter = reporter;
  }

  /**
   * The worker a cohort count is attributed to: the handler of the current dispatch (who closed
   * it, for a closed case), else the assignee holding the case, so that an open case re-assigned
   * after a failed verification goes with its new assignee and line, not the earlier handler.
   */
  Tally responsible() {
    return handler != null ? handler : assignee;
  }
}
