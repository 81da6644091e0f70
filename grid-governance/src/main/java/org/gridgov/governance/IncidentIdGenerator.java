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
   * The longest node id: its incident ids stay within the 64 characters of an id, and as the owner
   * of its timer leases it is well within {@link
   * org.gridgov.core.spi.IncidentStore#MAX_OWNER_LENGTH}.
   */
  int MAX_NODE_LENGTH = 40;

  /**
   * Ids {@code node-<millis in base 36>-<sequence>}: unique across nodes with distinct node ids and
   * across restarts while the clock moves forward; the same clock and node give the same ids.
   *
   * @throws IllegalArgumentException when {@code node} is not a token of at most {@link
   *     #MAX_NODE_LENGTH} characters
   */
  static IncidentIdGenerator sequential(String node, Clock clock) {
    Ids.token("node id", node);
    if (node.length() > MAX_NODE_LENGTH) {
      throw new IllegalArgumentException(
          "node id must be at most "
              + MAX_NODE_LENGTH
              + " characters (incident ids add about 20), was "
              + node.length());
    }
    AtomicLong sequence = new AtomicLong();
    return () ->
        IncidentId.of(
            node + "-" + Long.toString(clock.millis(), 36) + "-" + sequence.incrementAndGet());
  }
}
