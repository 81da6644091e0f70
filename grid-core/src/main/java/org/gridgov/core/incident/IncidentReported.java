package org.gridgov.core.incident;

import java.time.Instant;
import java.util.Optional;
import org.gridgov.core.InputRules;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.core.territory.TerritoryRules;

/**
 * A problem was found in a grid (or one of its micro-grids). Always the first event of a history.
 *
 * @param grid the grid where it was found; the reporting unit for escalation quotas
 * @param microGrid the building or stairwell unit inside {@code grid}, when known
 * @param external the id in the system it came from, for idempotent intake
 * @param emergency fire or danger to life: never held back by a quota
 * @param description what was seen; stored, never put into error messages
 * @param topic an optional tag such as Beijing's monthly topic (每月一题)
 * @param registerBy when the report must be registered (立案) by, under a policy that limits it (the
 *     timer round supervises a report still waiting then)
 */
public record IncidentReported(
    IncidentId incident,
    Actor actor,
    Instant at,
    String reason,
    Source source,
    CategoryCode category,
    AreaCode grid,
    Optional<AreaCode> microGrid,
    Optional<ExternalRef> external,
    boolean emergency,
    String description,
    Optional<String> topic,
    Optional<Instant> registerBy)
    implements IncidentEvent {
  public IncidentReported {
    EventFields.check("reported", incident, actor, at, reason);
    EventFields.required("reported", "source", source);
    EventFields.required("reported", "category", category);
    EventFields.required("reported", "grid", grid);
    EventFields.required("reported", "microGrid", microGrid);
    EventFields.required("reported", "external", external);
    EventFields.text("reported", incident, "description", description);
    EventFields.required("reported", "topic", topic);
    if (topic.isPresent()) {
      EventFields.text("reported", incident, "topic", topic.get());
    }
    EventFields.required("reported", "registerBy", registerBy);
    if (registerBy.isPresent()) {
      EventFields.after("reported", incident, "registerBy", registerBy.get(), at);
    }
    if (grid.level() != Level.GRID) {
      throw EventFields.refused(
          "reported",
          incident,
          "grid",
          InputRules.RANGE,
          "must be a GRID code",
          grid + " (" + grid.level() + ")");
    }
    if (microGrid.isPresent()) {
      AreaCode micro = microGrid.get();
      if (micro.level() != Level.MICRO_GRID) {
        throw EventFields.refused(
            "reported",
            incident,
            "microGrid",
            InputRules.RANGE,
            "must be a MICRO_GRID code",
            micro + " (" + micro.level() + ")");
      }
      if (!grid.isPrefixOf(micro)) {
        throw EventFields.refused(
            "reported",
            incident,
            "microGrid",
            TerritoryRules.PARENT_PREFIX,
            "must lie inside the grid " + grid,
            micro);
      }
    }
  }

  /** A report with no limit on its registration. */
  public IncidentReported(
      IncidentId incident,
      Actor actor,
      Instant at,
      String reason,
      Source source,
      CategoryCode category,
      AreaCode grid,
      Optional<AreaCode> microGrid,
      Optional<ExternalRef> external,
      boolean emergency,
      String description,
      Optional<String> topic) {
    this(
        incident,
        actor,
        at,
        reason,
        source,
        category,
        grid,
        microGrid,
        external,
        emergency,
        description,
        topic,
        Optional.empty());
  }

  @Override
  public Step step() {
    return Step.REPORT;
  }
}
