package org.gridgov.benchmarks;

import org.gridgov.core.people.Worker;

/** Where a rule engine puts the candidate it picked; empty when none was. */
public final class Choice {
  private CandidateFact chosen;

  public void set(CandidateFact candidate) {
    if (chosen != null) {
      throw new IllegalStateException("two candidates chosen: " + chosen + " and " + candidate);
    }
    chosen = candidate;
  }

  /** The chosen worker, or null. */
  public Worker worker() {
    return chosen == null ? null : chosen.getWorker();
  }
}
