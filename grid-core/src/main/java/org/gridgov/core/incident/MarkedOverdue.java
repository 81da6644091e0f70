package org.gridgov.core.incident;

import java.time.Instant;
import java.util.Optional;
import org.gridgov.core.InputRules;

/**
 * The handler missed the reply deadline {@code deadline}. When the policy supervises overdue cases,
 * {@code superviseAt} says when supervision is due.
 */
public record MarkedOverdue(
    IncidentId incident,
    Actor actor,
    Instant at,
    String reason,
    Instant deadline,
    Optional<Instant> superviseAt)
    implements IncidentEvent {
  public MarkedOverdue {
    EventFields.check("overdue", incident, actor, at, reason);
    EventFields.instant("overdue", incident, "deadline", deadline);
    EventFields.required("overdue", "superviseAt", superviseAt);
    if (at.isBefore(deadline)) {
      throw EventFields.refused(
          "overdue",
          incident,
          "at",
          InputRules.RANGE,
          "must not be before the deadline " + deadline,
          at);
    }
    if (superviseAt.isPresent()) {
      EventFields.notBefore("overdue", incident, "superviseAt", superviseAt.get(), at);
    }
  }

  @Override
  public Step step() {
    return Step.MARK_OVERDUE;
  }
}
