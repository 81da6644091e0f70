package org.gridgov.core.spi;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;

/** One incident's part of {@link IncidentStore#appendAll}: its events and the version seen. */
public record Append(IncidentId id, long expectedVersion, ImmutableList<IncidentEvent> events) {
  /**
   * @throws NullPointerException naming a null {@code id}
   * @throws IllegalArgumentException naming {@code expectedVersion} when it is negative ({@link
   *     IncidentStore#checkExpectedVersion}), or when {@code events} is empty
   */
  public Append {
    Objects.requireNonNull(id, "id");
    IncidentStore.checkExpectedVersion(expectedVersion);
    events = ImmutableList.copyOf(events);
    if (events.isEmpty()) {
      throw new IllegalArgumentException("an append needs at least one event for incident " + id);
    }
  }

  public static Append of(IncidentId id, long expectedVersion, List<? extends IncidentEvent> events) {
    return new Append(id, expectedVersion, ImmutableList.copyOf(events));
  }
}
