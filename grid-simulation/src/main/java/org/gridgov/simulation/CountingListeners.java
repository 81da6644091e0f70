package org.gridgov.simulation;

import java.util.List;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.governance.GridListener;

/**
 * A run's listeners that only count (the metrics, the indicators), registered with the facade as
 * one: on a thread of their own ({@link ListenerThread}) or on the facade's. Either way a listener
 * that throws stops the counting and {@link #finish()} rethrows it, so a run never ends with counts
 * that silently missed events (the facade itself would log a listener's failure and go on).
 */
interface CountingListeners extends GridListener {

  /** {@code listeners}, on a thread named {@code name} when {@code ownThread}. */
  static CountingListeners of(String name, List<GridListener> listeners, boolean ownThread) {
    return ownThread ? new ListenerThread(name, listeners) : new Inline(listeners);
  }

  /** Waits until every append is counted; rethrows a listener's failure. */
  void finish();

  /** Stops the counting after the run failed with {@code cause}, adding a listener's failure. */
  default void finishAfter(Throwable cause) {
    try {
      finish();
    } catch (RuntimeException also) {
      cause.addSuppressed(also);
    }
  }

  /** The listeners on the facade's thread, in order; after a failure, none hears anything more. */
  final class Inline implements CountingListeners {
    private final GridListener[] listeners;
    private RuntimeException failure;

    Inline(List<GridListener> listeners) {
      this.listeners = listeners.toArray(GridListener[]::new);
    }

    @Override
    public void onAppended(Incident incident, List<IncidentEvent> events) {
      if (failure != null) {
        return; // counting has stopped: finish() reports why
      }
      try {
        for (GridListener listener : listeners) {
          listener.onAppended(incident, events);
        }
      } catch (RuntimeException e) {
        failure = e;
      }
    }

    @Override
    public void finish() {
      if (failure != null) {
        throw new IllegalStateException("a listener failed: " + failure, failure);
      }
    }
  }
}
