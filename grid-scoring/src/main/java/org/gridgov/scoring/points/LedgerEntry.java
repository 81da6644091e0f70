package org.gridgov.scoring.points;

import java.util.Objects;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.internal.Ids;
import org.gridgov.core.people.WorkerId;

/**
 * One line of a points ledger: points credited (earned in a period) or redeemed (exchanged for
 * goods such as rice or cooking oil), identified by an id chosen by the caller (a period and worker
 * for a credit, the redemption's receipt number for a redemption).
 *
 * <p>Construction throws {@link org.gridgov.core.InvalidInputException} ({@link PointsRules#RANGE})
 * when {@code points} is not between 1 and {@link #MAX_POINTS}.
 */
public record LedgerEntry(String id, Kind kind, WorkerId worker, long points, String note) {
  /**
   * The most points one entry may credit or redeem: 1,000,000,000, a thousand times a month at the
   * policy's maximum per unit of work. A ledger holds fewer than 2<sup>31</sup> entries, so no
   * balance can pass 2.2 × 10<sup>18</sup>, inside a {@code long}.
   */
  public static final long MAX_POINTS = 1_000_000_000L;

  /** Whether the entry adds or takes away points. */
  public enum Kind {
    CREDIT,
    REDEMPTION
  }

  public LedgerEntry {
    Ids.token("ledger entry id", id);
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(worker, "worker");
    Objects.requireNonNull(note, "note");
    if (points <= 0 || points > MAX_POINTS) {
      throw new InvalidInputException(
          "ledger entry " + id,
          Violation.of("points", PointsRules.RANGE, "must be between 1 and " + MAX_POINTS, points));
    }
  }

  long signed() {
    return kind == Kind.CREDIT ? points : -points;
  }
}
