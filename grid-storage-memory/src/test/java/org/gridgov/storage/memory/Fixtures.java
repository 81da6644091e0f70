package org.gridgov.storage.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.ExternalRef;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentClosed;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentRegistered;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.Source;
import org.gridgov.core.incident.VerificationPassed;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;

/** Events for store tests, at instants relative to T0. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2024-03-04T01:00:00Z");
  static final AreaCode GRID_A = AreaCode.of("330102011002001", Level.GRID);
  static final AreaCode GRID_B = AreaCode.of("330102011002002", Level.GRID);
  static final CategoryCode LAMP = CategoryCode.parse("P0110");
  static final LineId URBAN = LineId.of("urban-management");
  static final WorkerId WANG = WorkerId.of("w-wang");
  static final WorkerId LI = WorkerId.of("w-li");
  static final Actor CENTRE = Actor.centre("seat-1");

  private Fixtures() {}

  static Instant at(int hours) {
    return T0.plus(Duration.ofHours(hours));
  }

  static IncidentReported reported(String id, AreaCode grid) {
    return reported(id, grid, Optional.empty());
  }

  static IncidentReported reported(String id, AreaCode grid, Optional<ExternalRef> external) {
    return new IncidentReported(IncidentId.of(id), Actor.external("hotline"), T0, "",
        Source.HOTLINE_12345, LAMP, grid, Optional.empty(), external, false, "lamp out",
        Optional.empty());
  }

  static IncidentRegistered registered(String id, int claimHours) {
    return new IncidentRegistered(IncidentId.of(id), CENTRE, T0, "", LAMP, URBAN,
        at(claimHours));
  }

  static IncidentAssigned assigned(String id, int h, WorkerId who) {
    return new IncidentAssigned(IncidentId.of(id), CENTRE, at(h), "", who, URBAN, at(h + 72));
  }

  static FeedbackGiven feedback(String id, int h, WorkerId who) {
    return new FeedbackGiven(IncidentId.of(id), Actor.worker(who), at(h), "", who, "fixed");
  }

  static VerificationPassed verified(String id, int h, WorkerId who) {
    return new VerificationPassed(IncidentId.of(id), Actor.worker(who), at(h), "", who);
  }

  static IncidentClosed closed(String id, int h) {
    return new IncidentClosed(IncidentId.of(id), CENTRE, at(h), "");
  }

  static IncidentSupervised supervised(String id, int h, String reason) {
    return new IncidentSupervised(IncidentId.of(id), CENTRE, at(h), reason);
  }
}
