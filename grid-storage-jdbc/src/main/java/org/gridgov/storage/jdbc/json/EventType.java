package org.gridgov.storage.jdbc.json;

import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;

/** How one event type is written and read: its stable name and its fields. */
record EventType<E extends IncidentEvent>(
    String name,
    Class<E> type,
    BiConsumer<E, JsonOut> writer,
    BiFunction<IncidentId, JsonIn, E> reader) {

  void write(IncidentEvent event, JsonOut out) {
    out.actor(event.actor()).instant("at", event.at()).text("reason", event.reason());
    writer.accept(type.cast(event), out);
  }
}
