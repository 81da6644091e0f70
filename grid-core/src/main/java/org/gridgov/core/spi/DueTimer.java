package org.gridgov.core.spi;

import java.util.Objects;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.Timer;

/** An incident whose next timer is due, as taken from the store, with the version it was at. */
public record DueTimer(Incident incident, Timer timer) {
  public DueTimer {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(timer, "timer");
  }
}
