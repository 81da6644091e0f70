package org.gridgov.scoring.points;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridgov.core.people.WorkerId;

/**
 * An immutable, append-only points ledger: credits and redemptions by id. A balance never goes
 * negative (a redemption above it is refused), and every operation is idempotent by entry id:
 * repeating an entry changes nothing, reusing an id for a different entry is refused. Each
 * operation returns a {@link LedgerResult} with the new ledger; the old one is unchanged.
 */
public final class PointsLedger {
  private static final PointsLedger EMPTY = new PointsLedger(ImmutableMap.of(), ImmutableMap.of());

  private final ImmutableMap<String, LedgerEntry> entries;
  private final ImmutableMap<WorkerId, Long> balances;

  private PointsLedger(
      ImmutableMap<String, LedgerEntry> entries, ImmutableMap<WorkerId, Long> balances) {
    this.entries = entries;
    this.balances = balances;
  }

  public static PointsLedger empty() {
    return EMPTY;
  }

  /** Credits {@code points} earned, for example {@code credit("2024-03.w-a", a, 57, "March")}. */
  public LedgerResult credit(String id, WorkerId worker, long points, String note) {
    return append(new LedgerEntry(id, LedgerEntry.Kind.CREDIT, worker, points, note));
  }

  /** Redeems {@code points} for {@code item}; refused when the balance is lower. */
  public LedgerResult redeem(String id, WorkerId worker, long points, String item) {
    return append(new LedgerEntry(id, LedgerEntry.Kind.REDEMPTION, worker, points, item));
  }

  public LedgerResult append(LedgerEntry entry) {
    LedgerEntry existing = entries.get(entry.id());
    if (existing != null) {
      return existing.equals(entry)
          ? new LedgerResult(
              LedgerResult.Outcome.DUPLICATE, this, "entry " + entry.id() + " already recorded")
          : new LedgerResult(
              LedgerResult.Outcome.CONFLICT,
              this,
              "entry id " + entry.id() + " is already used by a different entry");
    }
    // cannot overflow: every entry holds at most LedgerEntry.MAX_POINTS, a ledger fewer than 2^31
    long balance = balance(entry.worker()) + entry.signed();
    if (balance < 0) {
      return new LedgerResult(
          LedgerResult.Outcome.INSUFFICIENT,
          this,
          "worker "
              + entry.worker()
              + " has "
              + balance(entry.worker())
              + " points, redemption "
              + entry.id()
              + " needs "
              + entry.points());
    }
    Map<WorkerId, Long> newBalances = new LinkedHashMap<>(balances);
    newBalances.put(entry.worker(), balance);
    ImmutableMap<String, LedgerEntry> newEntries =
        ImmutableMap.<String, LedgerEntry>builder().putAll(entries).put(entry.id(), entry).build();
    return new LedgerResult(
        LedgerResult.Outcome.APPLIED,
        new PointsLedger(newEntries, ImmutableMap.copyOf(newBalances)),
        "recorded " + entry.id());
  }

  public long balance(WorkerId worker) {
    return balances.getOrDefault(worker, 0L);
  }

  /** Every entry in the order recorded. */
  public ImmutableList<LedgerEntry> entries() {
    return entries.values().asList();
  }

  public ImmutableList<LedgerEntry> entries(WorkerId worker) {
    return entries.values().stream()
        .filter(e -> e.worker().equals(worker))
        .collect(ImmutableList.toImmutableList());
  }
}
