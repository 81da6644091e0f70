package org.gridgov.simulation;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.incident.VerificationFailed;
import org.gridgov.core.incident.VerificationPassed;
import org.gridgov.storage.memory.InMemoryGridStorage;

/** The events a run left in its store, for tests that check who did what and when. */
final class StoredEvents {
  private StoredEvents() {}

  /** Every stored event, case by case (by stage, then the store's order), each history in order. */
  static List<IncidentEvent> all(InMemoryGridStorage storage) {
    List<IncidentEvent> events = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      storage
          .incidents()
          .inStage(stage)
          .forEach(incident -> events.addAll(storage.incidents().history(incident.id())));
    }
    return events;
  }

  /** The stored events of {@code type}. */
  static <T extends IncidentEvent> List<T> of(InMemoryGridStorage storage, Class<T> type) {
    return all(storage).stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The stored verifications, passed or failed. */
  static List<IncidentEvent> verifications(InMemoryGridStorage storage) {
    return all(storage).stream()
        .filter(e -> e instanceof VerificationPassed || e instanceof VerificationFailed)
        .toList();
  }
}
