package org.gridgov.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** The simulated time: moved only by the simulation, never by the machine. */
final class VirtualClock extends Clock {
  private final ZoneId zone;
  private Instant now;

  VirtualClock(Instant start, ZoneId zone) {
    this.now = start;
    this.zone = zone;
  }

  void set(Instant instant) {
    if (instant.isBefore(now)) {
      throw new IllegalStateException("simulated time runs forward: " + instant + " < " + now);
    }
    now = instant;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new VirtualClock(now, other);
  }
}
