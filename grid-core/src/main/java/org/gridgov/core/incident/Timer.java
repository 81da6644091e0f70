package org.gridgov.core.incident;

import java.time.Instant;
import java.util.Objects;

/** An incident's next due timer: what fires and when. */
public record Timer(TimerKind kind, Instant dueAt) {
  public Timer {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dueAt, "dueAt");
  }
}
