package org.gridgov.governance;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.internal.Ids;

/** Gives each new incident its id. */
@FunctionalInterface
public interface IncidentIdGenerator {
  IncidentId next();

  /**
   * Ids {@code node-<millis in base 36>-<sequence>}: unique across nodes with distinct node ids
   * and across restarts while the clock moves forward; the same clock and node give the same ids.
   */
  static IncidentIdGenerator sequential(String node, Clock clock) {
    Ids.token("node id", node);
    AtomicLong sequence = new AtomicLong();
    return () -> IncidentId.of(node + "-" + Long.toString(clock.millis(), 36) + "-"
        + sequence.incrementAndGet());
  }
}
