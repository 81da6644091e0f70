package org.gridgov.governance;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.spi.IncidentStore;

/**
 * One iteration of {@link GridGovernance#histories}: reads the next page of the store when the one
 * before is used up, after the last id it held, and stops after a page shorter than asked (the
 * store's sign that nothing more matches). Only one page is held at a time.
 */
final class HistoryPages implements Iterator<List<IncidentEvent>> {
  private final IncidentStore store;
  private final Instant from;
  private final Instant to;
  private final int pageSize;
  private List<List<IncidentEvent>> page = List.of();
  private int next;
  private IncidentId after;
  private boolean lastPage;

  HistoryPages(IncidentStore store, Instant from, Instant to, int pageSize) {
    this.store = store;
    this.from = from;
    this.to = to;
    this.pageSize = pageSize;
  }

  @Override
  public boolean hasNext() {
    while (next == page.size()) {
      if (lastPage) {
        return false;
      }
      page = store.historiesAliveBetween(from, to, after, pageSize);
      next = 0;
      lastPage = page.size() < pageSize;
      if (!page.isEmpty()) {
        after = page.get(page.size() - 1).get(0).incident();
      }
    }
    return true;
  }

  @Override
  public List<IncidentEvent> next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more histories alive in [" + from + ", " + to + ")");
    }
    return page.get(next++);
  }
}
