package org.gridgov.storage.jdbc;

/**
 * SQL on the incident projection row. {@code {incident}} is the table; each constant's comment
 * names its parameters in order.
 */
final class IncidentSql {
  private IncidentSql() {}

  /** id */
  static final String VERSION =
      """
      SELECT version FROM {incident} WHERE id = ?""";

  /**
   * id, version, stage, grid, assignee, is_open, next_timer_at, external_system, external_id,
   * reported_at, alive_until, alive_version, rejected
   */
  static final String INSERT =
      """
      INSERT INTO {incident} (id, version, stage, grid, assignee, is_open, next_timer_at,
                              external_system, external_id, reported_at, alive_until,
                              alive_version, rejected)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

  /**
   * version, stage, assignee, is_open, next_timer_at, alive_until, alive_version, rejected, id,
   * expected version. Ends any lease.
   */
  static final String UPDATE =
      """
      UPDATE {incident}
         SET version = ?, stage = ?, assignee = ?, is_open = ?, next_timer_at = ?,
             alive_until = ?, alive_version = ?, rejected = ?, lease_owner = NULL,
             lease_until = NULL
       WHERE id = ? AND version = ?""";

  /** external_system, external_id */
  static final String BY_EXTERNAL =
      """
      SELECT id FROM {incident} WHERE external_system = ? AND external_id = ?""";

  /** the external ids, one ? each in place of %s */
  static final String BY_EXTERNAL_IDS =
      """
      SELECT id, version, external_system, external_id FROM {incident}
       WHERE external_id IN (%s)""";

  /** grid */
  static final String OPEN_IN_GRID =
      """
      SELECT id, version FROM {incident} WHERE grid = ? AND is_open = TRUE ORDER BY id""";

  /** assignee */
  static final String OPEN_ASSIGNED_TO =
      """
      SELECT id, version FROM {incident} WHERE assignee = ? AND is_open = TRUE ORDER BY id""";

  /** stage */
  static final String IN_STAGE =
      """
      SELECT id, version FROM {incident} WHERE stage = ? ORDER BY id""";

  /**
   * The cases that may wait for the centre: every returned one, and the registered ones with a
   * referral in their history (a registered case has no claim window only after a referral; one
   * referred before and back in a claim window since is left to the caller's check). The stage
   * index finds the registered rows; each counts its referrals on the event table's primary key. A
   * count, not {@code EXISTS}: under the {@code OR}, PostgreSQL turns an {@code EXISTS} into one
   * hashed list of the event table's referrals, read by a scan of the whole table.
   */
  static final String MAY_AWAIT_CENTRE =
      """
      SELECT i.id, i.version FROM {incident} i
       WHERE i.stage = 'RETURNED'
          OR (i.stage = 'REGISTERED'
              AND (SELECT COUNT(*) FROM {event} e
                    WHERE e.incident_id = i.id AND e.event_type = 'incident.referred') > 0)
       ORDER BY i.id""";

  /** the assignees, one ? each in place of %s */
  static final String OPEN_COUNTS =
      """
      SELECT assignee, COUNT(*) AS open_count FROM {incident}
       WHERE is_open = TRUE AND assignee IN (%s) GROUP BY assignee""";

  /**
   * earliest, now, limit. The lower bound ({@link ClaimQueue#EARLIEST}) lets a database whose index
   * keeps NULLs first (H2) start the range scan after the incidents without a timer.
   */
  static final String DUE =
      """
      SELECT id, version FROM {incident}
       WHERE next_timer_at >= ? AND next_timer_at <= ? ORDER BY next_timer_at, id LIMIT ?""";

  /**
   * earliest, now, now, limit; {@code FOR UPDATE SKIP LOCKED} is appended where supported, and
   * {@code {claim_scan}} makes the database read the timer index in order (see {@link
   * org.gridgov.storage.jdbc.dialect.SqlDialect#claimScanHint}).
   */
  static final String CLAIMABLE =
      """
      SELECT id, version FROM {incident}{claim_scan}
       WHERE next_timer_at >= ? AND next_timer_at <= ?
         AND (lease_until IS NULL OR lease_until <= ?)
       ORDER BY next_timer_at, id LIMIT ?""";

  /** owner, lease_until, id, version, now */
  static final String LEASE =
      """
      UPDATE {incident} SET lease_owner = ?, lease_until = ?
       WHERE id = ? AND version = ? AND (lease_until IS NULL OR lease_until <= ?)""";

  /** id, owner */
  static final String RELEASE =
      """
      UPDATE {incident} SET lease_owner = NULL, lease_until = NULL
       WHERE id = ? AND lease_owner = ?""";

  /**
   * The reports of a period ({@code %1$s}: its condition on {@code i.reported_at}) in the unit's
   * grids ({@code %2$s}: the rows {@code i} of those grids), but for those rejected at
   * registration, as the sum of two counts, so that the first, of the rows whose registration is
   * settled ({@code rejected} FALSE), is answered from the index on (grid, reported_at, rejected)
   * (schema version 8). The second counts the rows whose {@code rejected} is NULL (a report this
   * release wrote while it waited for registration, or a row a node of an earlier release wrote or
   * appended to) by their stage, which every release writes: REPORTED counts, REJECTED does not,
   * and any other stage asks the events whether the history holds a rejection (event type {@code
   * incident.rejected} of {@code json.EventTypes}), whatever its stage now (archived too). A row
   * whose {@code rejected} is TRUE is left out.
   *
   * <p>The rows are reached grid by grid, each with an equality on grid and the period's range on
   * reported_at, so each grid costs one seek and the entries of its period. A condition on the
   * unit's code range ({@code grid LIKE 'unit%'}, as before) put a range on the index's first
   * column: the database then read every entry of every grid of the unit, over all time, and
   * filtered reported_at, a cost that grew with the unit's whole history rather than the period.
   */
  private static final String COUNT_NOT_REJECTED =
      """
      SELECT (SELECT COUNT(*) FROM %2$s
               WHERE %1$s AND i.rejected = FALSE)
           + (SELECT COUNT(*) FROM %2$s
               WHERE %1$s AND i.rejected IS NULL
                 AND (i.stage = 'REPORTED'
                      OR (i.stage <> 'REJECTED'
                          AND NOT EXISTS (SELECT 1 FROM {event} e
                                           WHERE e.incident_id = i.id
                                             AND e.event_type = 'incident.rejected'))))""";

  /**
   * The distinct grids whose codes lie in [{@code ?}, {@code ?}) (a unit's code, and the code with
   * its last digit incremented: exactly the codes starting with the unit's, as grid codes are
   * digits and compare as plain strings), as {@code unit_grid}, found with one index seek each (a
   * "loose index scan"): the least grid in the range, then repeatedly the least grid after the
   * previous one, ending with a NULL row; then a third {@code ?}, the range's end again. For a
   * dialect that {@link org.gridgov.storage.jdbc.dialect.SqlDialect#seeksRangesPerRow seeks ranges
   * per row}. {@code ORDER BY … LIMIT 1} rather than {@code MIN}, which H2 answers from the index
   * only without a condition; and the next grid is sought from the previous code followed by {@code
   * 0}, the least code above it (codes are digits), rather than with {@code >}, from which H2
   * starts at the previous grid's first entry and steps over all its entries.
   */
  private static final String UNIT_GRIDS =
      """
      WITH RECURSIVE unit_grid (grid) AS (
        SELECT (SELECT grid FROM {incident} WHERE grid >= ? AND grid < ?
                 ORDER BY grid LIMIT 1)
        UNION ALL
        SELECT (SELECT n.grid FROM {incident} n WHERE n.grid >= u.grid || '0'
                   AND n.grid < ?
                 ORDER BY n.grid LIMIT 1)
          FROM unit_grid u WHERE u.grid IS NOT NULL)
      """;

  private static final String IN_UNIT_GRIDS = "unit_grid u JOIN {incident} i ON i.grid = u.grid";

  private static final String PERIOD = "i.reported_at >= ? AND i.reported_at < ?";

  private static final String PERIOD_SINCE = "i.reported_at >= ?";

  /**
   * The unit's code, the code with its last digit incremented, that again ({@link #UNIT_GRIDS}),
   * then from, to, from, to
   */
  static final String COUNT_REPORTED =
      UNIT_GRIDS + COUNT_NOT_REJECTED.formatted(PERIOD, IN_UNIT_GRIDS);

  /**
   * The unit's code, the code with its last digit incremented, that again, then from, from: a
   * {@link #COUNT_REPORTED} period ending after every instant
   */
  static final String COUNT_REPORTED_SINCE =
      UNIT_GRIDS + COUNT_NOT_REJECTED.formatted(PERIOD_SINCE, IN_UNIT_GRIDS);

  /**
   * The unit's code and the code with its last digit incremented: the distinct grids in that range,
   * for a dialect that does not {@link
   * org.gridgov.storage.jdbc.dialect.SqlDialect#seeksRangesPerRow seek ranges per row}, which
   * answers {@code DISTINCT} on the index's first column with a seek per value (MariaDB's "index
   * for group-by").
   */
  static final String GRIDS_OF_UNIT =
      """
      SELECT DISTINCT grid FROM {incident} WHERE grid >= ? AND grid < ?""";

  /**
   * The grids ({@link #GRIDS_OF_UNIT}), one ? each in place of {@code %1$s}, from, to, then the
   * same again: {@link #COUNT_REPORTED} for the grids listed, as ranges the database seeks one by
   * one
   */
  static final String COUNT_REPORTED_IN_GRIDS =
      COUNT_NOT_REJECTED.formatted("i.grid IN (%1$s) AND " + PERIOD, "{incident} i");

  /**
   * The grids, one ? each in place of {@code %1$s}, from, then the same again: a {@link
   * #COUNT_REPORTED_IN_GRIDS} period ending after every instant
   */
  static final String COUNT_REPORTED_IN_GRIDS_SINCE =
      COUNT_NOT_REJECTED.formatted("i.grid IN (%1$s) AND " + PERIOD_SINCE, "{incident} i");

  /**
   * from, to, after (the empty string for none: below every id), limit. The database walks the
   * primary key from {@code after}, so a whole paging reads each row once. A row counts as alive
   * when its alive_until is not known (NULL: written by a release before schema version 4) or was
   * not computed for its version (alive_version NULL or behind: a node of a release before version
   * 6 wrote it or appended since), so a rolling upgrade never leaves a case out of a period.
   */
  static final String ALIVE_BETWEEN =
      """
      SELECT id, version FROM {incident}
       WHERE (alive_until >= ? OR alive_until IS NULL OR alive_version IS NULL
              OR alive_version <> version)
         AND reported_at < ? AND id > ?
       ORDER BY id LIMIT ?""";

  /** from, after, limit: an {@link #ALIVE_BETWEEN} period that ends after every instant */
  static final String ALIVE_SINCE =
      """
      SELECT id, version FROM {incident}
       WHERE (alive_until >= ? OR alive_until IS NULL OR alive_version IS NULL
              OR alive_version <> version)
         AND id > ?
       ORDER BY id LIMIT ?""";

  /** none */
  static final String COUNT =
      """
      SELECT COUNT(*) FROM {incident}""";
}
