package org.gridgov.core.incident;

import java.time.Instant;
import java.util.Optional;
import org.gridgov.core.InputRules;

/** Registration refused the report: not a valid case, or a duplicate of {@code duplicateOf}. */
public record IncidentRejected(
    IncidentId incident,
    Actor actor,
    Instant at,
    String reason,
    RejectionKind kind,
    Optional<IncidentId> duplicateOf)
    implements IncidentEvent {
  public IncidentRejected {
    EventFields.check("rejected", incident, actor, at, reason);
    EventFields.required("rejected", "kind", kind);
    EventFields.required("rejected", "duplicateOf", duplicateOf);
    if (kind == RejectionKind.DUPLICATE && duplicateOf.isEmpty()) {
      throw EventFields.refused(
          "rejected",
          incident,
          "duplicateOf",
          InputRules.REQUIRED,
          "is required for a DUPLICATE",
          null);
    }
    if (kind == RejectionKind.INVALID && duplicateOf.isPresent()) {
      throw EventFields.refused(
          "rejected",
          incident,
          "duplicateOf",
          InputRules.RANGE,
          "is only for a DUPLICATE",
          duplicateOf.get());
    }
    if (duplicateOf.isPresent() && duplicateOf.get().equals(incident)) {
      throw EventFields.refused(
          "rejected",
          incident,
          "duplicateOf",
          InputRules.RANGE,
          "must name another incident",
          duplicateOf.get());
    }
  }

  @Override
  public Step step() {
    return Step.REJECT;
  }
}
