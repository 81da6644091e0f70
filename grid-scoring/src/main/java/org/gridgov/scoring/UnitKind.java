package org.gridgov.scoring;

/**
 * The kinds of unit indicators and scores are attributed to: a worker (a post), the three areas of
 * the ladder below the district, and a line (a department, 条线).
 */
public enum UnitKind {
  /** A worker, by worker id. */
  WORKER,
  /** A grid, by its grid code. */
  GRID,
  /** A community (社区 / 村), by its 12-digit code: the first 12 digits of its grids' codes. */
  COMMUNITY,
  /** A street or town (街道 / 镇), by its 9-digit code: the first 9 digits of its grids' codes. */
  STREET,
  /** A line or department, by line id. */
  LINE
}
