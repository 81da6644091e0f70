package org.gridgov.core.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.gridgov.core.RuleId;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;

/** Test fixtures: events of one incident in a Kaixuan grid, at instants relative to T0. */
final class Events {
  static final IncidentId ID = IncidentId.of("INC-1");
  static final Instant T0 = Instant.parse("2024-03-04T01:00:00Z"); // 09:00 in Hangzhou
  static final AreaCode GRID = AreaCode.of("330102011002001", Level.GRID);
  static final CategoryCode LAMP = CategoryCode.parse("P0110");
  static final LineId URBAN = LineId.of("urban-management");
  static final LineId GREENING = LineId.of("greening");
  static final WorkerId WANG = WorkerId.of("w-wang");
  static final WorkerId LI = WorkerId.of("w-li");
  static final WorkerId ZHAO = WorkerId.of("w-zhao");
  static final Actor CENTRE = Actor.centre("seat-1");
  static final Actor SYSTEM = Actor.system(RuleId.of("dispatch.claim-window"));

  private Events() {}

  static Instant at(int hours) {
    return T0.plus(Duration.ofHours(hours));
  }

  static IncidentReported reported() {
    return new IncidentReported(
        ID,
        Actor.worker(WANG),
        T0,
        "",
        Source.PATROL,
        LAMP,
        GRID,
        Optional.empty(),
        Optional.empty(),
        false,
        "street lamp out",
        Optional.empty());
  }

  static IncidentRegistered registered(int h) {
    return new IncidentRegistered(ID, CENTRE, at(h), "", LAMP, URBAN, at(h + 24));
  }

  static IncidentClaimed claimed(int h, WorkerId who) {
    return new IncidentClaimed(ID, Actor.worker(who), at(h), "", who, at(h + 72));
  }

  static IncidentAssigned assigned(int h, WorkerId who, LineId line) {
    return new IncidentAssigned(ID, SYSTEM, at(h), "claim window passed", who, line, at(h + 72));
  }

  static FeedbackGiven feedback(int h, WorkerId who) {
    return new FeedbackGiven(ID, Actor.worker(who), at(h), "", who, "lamp replaced");
  }

  static VerificationPassed verified(int h, WorkerId who) {
    return new VerificationPassed(ID, Actor.worker(who), at(h), "", who);
  }

  static VerificationFailed failed(int h, WorkerId who) {
    return new VerificationFailed(ID, Actor.worker(who), at(h), "still dark", who, at(h + 24));
  }

  static IncidentClosed closed(int h) {
    return new IncidentClosed(ID, CENTRE, at(h), "");
  }

  static IncidentRated rated(int h, int score) {
    return new IncidentRated(
        ID, Actor.resident("acct-9"), at(h), "", new Rating(score, score, score));
  }

  static IncidentArchived archived(int h) {
    return new IncidentArchived(ID, CENTRE, at(h), "");
  }

  static CaseReturned returned(int h, LineId line) {
    return new CaseReturned(ID, Actor.department(line), at(h), "not our responsibility", line);
  }

  static CaseArbitrated arbitrated(int h, LineId line) {
    return new CaseArbitrated(ID, CENTRE, at(h), "bounce limit reached", line, at(h));
  }

  static IncidentEscalated escalated(int h, Level from, Level to) {
    return new IncidentEscalated(
        ID,
        CENTRE,
        at(h),
        "beyond grid authority",
        from,
        to,
        EscalationKind.REQUESTED,
        false,
        at(h + 24));
  }

  static MarkedOverdue overdue(Instant deadline, int h) {
    return new MarkedOverdue(ID, SYSTEM, at(h), "", deadline, Optional.of(at(h + 24)));
  }
}
