package org.gridgov.core.incident;

import java.time.Instant;
import java.util.Optional;

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
      throw new IllegalArgumentException("rejected.duplicateOf is required for a DUPLICATE");
    }
    if (kind == RejectionKind.INVALID && duplicateOf.isPresent()) {
      throw new IllegalArgumentException("rejected.duplicateOf is only for a DUPLICATE");
    }
    if (duplicateOf.filter(incident::equals).isPresent()) {
      throw new IllegalArgumentException("rejected.duplicateOf must name another incident");
    }
  }

  @Override
  public Step step() {
    return Step.REJECT;
  }
}
