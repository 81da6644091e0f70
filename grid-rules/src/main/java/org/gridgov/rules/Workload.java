package org.gridgov.rules;

import java.util.Map;
import org.gridgov.core.people.WorkerId;

/** How many open cases each worker holds: the figure automatic assignment balances. */
@FunctionalInterface
public interface Workload {
  int openCases(WorkerId worker);

  /** A workload read from a map; workers not in it hold none. */
  static Workload of(Map<WorkerId, Integer> counts) {
    return worker -> counts.getOrDefault(worker, 0);
  }
}
