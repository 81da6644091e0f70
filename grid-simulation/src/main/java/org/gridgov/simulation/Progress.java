package org.gridgov.simulation;

import java.time.Instant;

/** Told now and then how far a run has got, for a progress bar. */
@FunctionalInterface
public interface Progress {
  Progress NONE = (now, start, end, reported) -> {};

  void update(Instant now, Instant start, Instant end, long reported);
}
