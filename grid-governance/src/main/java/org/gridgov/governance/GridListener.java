package org.gridgov.governance;

import java.util.List;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;

/**
 * Told of every append a {@link GridGovernance} makes, after it is stored: to notify a worker, feed
 * a dashboard or a message queue. Called on the thread that made the append; an exception from a
 * listener is logged and does not undo the stored events.
 */
@FunctionalInterface
public interface GridListener {
  void onAppended(Incident incident, List<IncidentEvent> events);
}
