package org.gridgov.scoring.indicator;

import java.time.Instant;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.WorkerId;

/**
 * What the engine remembers about one incident during its single pass: a few fields, not the
 * whole history. Mutable, private to {@link IndicatorEngine}.
 */
final class IncidentTrack {
  final Tally[] areas;
  final boolean scoped;
  final Instant reportedAt;
  final WorkerId reporter;
  Instant registeredAt;
  LineId line;
  WorkerId assignee;
  Instant deadline;
  Instant firstDispatchAt;
  WorkerId handler;
  Instant closedAt;
  boolean pending;
  boolean pendingOnTime;
  WorkerId pendingHandler;
  LineId pendingLine;

  IncidentTrack(Tally[] areas, boolean scoped, Instant reportedAt, WorkerId reporter) {
    this.areas = areas;
    this.scoped = scoped;
    this.reportedAt = reportedAt;
    this.reporter = reporter;
  }

  /** The worker a cohort count is attributed to: the last handler, else the assignee. */
  WorkerId responsible() {
    return handler != null ? handler : assignee;
  }
}
