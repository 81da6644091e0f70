package org.gridgov.core.spi;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;

/** One incident's part of {@link IncidentStore#appendAll}: its events and the version seen. */
public record Append(IncidentId id, long expectedVersion, ImmutableList<IncidentEvent> events) {
  /**
   * @throws NullPointerException naming a null {@code id}
   * @throws InvalidInputException about the {@code append to incident <id>} ({@code input.range})
   *     at {@code expectedVersion} when it is negative ({@link
   *     IncidentStore#checkExpectedVersion(IncidentId, long)}), at {@code events} when it is empty
   */
  public Append {
    Objects.requireNonNull(id, "id");
    IncidentStore.checkExpectedVersion(id, expectedVersion);
    events = ImmutableList.copyOf(events);
    IncidentStore.checkEvents(id, events);
  }

  public static Append of(
      IncidentId id, long expectedVersion, List<? extends IncidentEvent> events) {
    return new Append(id, expectedVersion, ImmutableList.copyOf(events));
  }
}
