package org.gridgov.scoring.pay;

import java.util.Objects;
import org.gridgov.core.Money;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.people.WorkerId;

/**
 * A reward decided for reporting a major event (Yangling: 300–500 yuan); the amount must lie in the
 * policy's range. Who decides that an event is major is not a formula: it comes in as data.
 */
public record MajorEventAward(WorkerId worker, IncidentId incident, Money amount) {
  public MajorEventAward {
    Objects.requireNonNull(worker, "worker");
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(amount, "amount");
  }
}
