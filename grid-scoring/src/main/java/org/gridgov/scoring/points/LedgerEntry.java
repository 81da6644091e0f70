package org.gridgov.scoring.points;

import java.util.Objects;
import org.gridgov.core.internal.Ids;
import org.gridgov.core.people.WorkerId;

/**
 * One line of a points ledger: points credited (earned in a period) or redeemed (exchanged for
 * goods such as rice or cooking oil), identified by an id chosen by the caller (a period and worker
 * for a credit, the redemption's receipt number for a redemption).
 */
public record LedgerEntry(String id, Kind kind, WorkerId worker, long points, String note) {
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
    if (points <= 0) {
      throw new IllegalArgumentException("ledger entry " + id + ": points must be positive, was " + points);
    }
  }

  long signed() {
    return kind == Kind.CREDIT ? points : -points;
  }
}
