package org.gridgov.scoring;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.CaseArbitrated;
import org.gridgov.core.incident.CaseReopened;
import org.gridgov.core.incident.CaseResumed;
import org.gridgov.core.incident.CaseReturned;
import org.gridgov.core.incident.CaseSuspended;
import org.gridgov.core.incident.DeadlineExtended;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentArchived;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentClaimed;
import org.gridgov.core.incident.IncidentClosed;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentRated;
import org.gridgov.core.incident.IncidentRegistered;
import org.gridgov.core.incident.IncidentRejected;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.incident.MarkedOverdue;
import org.gridgov.core.incident.Rating;
import org.gridgov.core.incident.RejectionKind;
import org.gridgov.core.incident.Source;
import org.gridgov.core.incident.VerificationFailed;
import org.gridgov.core.incident.VerificationPassed;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;

/**
 * Builds one incident's history event by event, hours after {@link Town#T0}; {@link #build()}
 * replays it through {@link Incident#replay} so that every test history is a legal one.
 */
public final class History {
  private static final CategoryCode VENDING = CategoryCode.parse("E0402");
  private static final Actor CENTRE = Actor.centre("seat-1");
  private final IncidentId id;
  private final List<IncidentEvent> events = new ArrayList<>();

  private History(String id, AreaCode grid, Source source, Actor reporter, Instant at) {
    this.id = IncidentId.of(id);
    events.add(
        new IncidentReported(
            this.id,
            reporter,
            at,
            "",
            source,
            VENDING,
            grid,
            Optional.empty(),
            Optional.empty(),
            false,
            "seen",
            Optional.empty()));
  }

  /** This history reported as an emergency. */
  public History urgent() {
    IncidentReported r = (IncidentReported) events.get(0);
    events.set(
        0,
        new IncidentReported(
            r.incident(),
            r.actor(),
            r.at(),
            r.reason(),
            r.source(),
            r.category(),
            r.grid(),
            r.microGrid(),
            r.external(),
            true,
            r.description(),
            r.topic()));
    return this;
  }

  /** This history's report recording a registration limit at {@code hour}, as a policy sets. */
  public History registerBy(double hour) {
    IncidentReported r = (IncidentReported) events.get(0);
    events.set(
        0,
        new IncidentReported(
            r.incident(),
            r.actor(),
            r.at(),
            r.reason(),
            r.source(),
            r.category(),
            r.grid(),
            r.microGrid(),
            r.external(),
            r.emergency(),
            r.description(),
            r.topic(),
            Optional.of(Town.at(hour))));
    return this;
  }

  /** A feedback recording the verification limit {@code verifyBy}, as a policy sets. */
  public History feedback(WorkerId handler, double hour, double verifyBy) {
    return add(
        new FeedbackGiven(
            id,
            Actor.worker(handler),
            Town.at(hour),
            "",
            handler,
            "done",
            Optional.of(Town.at(verifyBy))));
  }

  /** This history reported in {@code category} rather than vending. */
  public History reportedAs(CategoryCode category) {
    IncidentReported r = (IncidentReported) events.get(0);
    events.set(
        0,
        new IncidentReported(
            r.incident(),
            r.actor(),
            r.at(),
            r.reason(),
            r.source(),
            category,
            r.grid(),
            r.microGrid(),
            r.external(),
            r.emergency(),
            r.description(),
            r.topic()));
    return this;
  }

  /** Registered under {@code category} rather than the vending category it was reported in. */
  public History registeredAs(CategoryCode category, double hour, LineId line) {
    Instant at = Town.at(hour);
    return add(
        new IncidentRegistered(id, CENTRE, at, "", category, line, at.plus(Duration.ofHours(24))));
  }

  public static History reported(
      String id, AreaCode grid, Source source, Actor reporter, double hour) {
    return new History(id, grid, source, reporter, Town.at(hour));
  }

  public static History byWorker(String id, AreaCode grid, WorkerId reporter, double hour) {
    return reported(id, grid, Source.PATROL, Actor.worker(reporter), hour);
  }

  public History registered(double hour, LineId line) {
    Instant at = Town.at(hour);
    return add(
        new IncidentRegistered(id, CENTRE, at, "", VENDING, line, at.plus(Duration.ofHours(24))));
  }

  public History rejected(double hour) {
    return add(
        new IncidentRejected(
            id, CENTRE, Town.at(hour), "not a case", RejectionKind.INVALID, Optional.empty()));
  }

  public History rejectedAsDuplicateOf(String original, double hour) {
    return add(
        new IncidentRejected(
            id,
            CENTRE,
            Town.at(hour),
            "already reported",
            RejectionKind.DUPLICATE,
            Optional.of(IncidentId.of(original))));
  }

  public History claimed(WorkerId worker, double hour, double replyBy) {
    return add(
        new IncidentClaimed(id, Actor.worker(worker), Town.at(hour), "", worker, Town.at(replyBy)));
  }

  public History assigned(WorkerId worker, LineId line, double hour, double replyBy) {
    return add(new IncidentAssigned(id, CENTRE, Town.at(hour), "", worker, line, Town.at(replyBy)));
  }

  public History feedback(WorkerId handler, double hour) {
    return add(new FeedbackGiven(id, Actor.worker(handler), Town.at(hour), "", handler, "done"));
  }

  public History overdue(double hour, double deadline) {
    return add(
        new MarkedOverdue(id, CENTRE, Town.at(hour), "", Town.at(deadline), Optional.empty()));
  }

  public History returned(LineId from, double hour) {
    return add(
        new CaseReturned(id, Actor.worker(WorkerId.of("w-line")), Town.at(hour), "not ours", from));
  }

  /** The centre decides {@code line} must handle it; it may be claimed at once. */
  public History arbitrated(LineId line, double hour) {
    Instant at = Town.at(hour);
    return add(new CaseArbitrated(id, CENTRE, at, "", line, at));
  }

  /** Passed up from {@code from} to {@code to} at the handler's request; claimable at once. */
  public History escalated(Level from, Level to, double hour) {
    Instant at = Town.at(hour);
    return add(
        new IncidentEscalated(
            id,
            CENTRE,
            at,
            "cannot handle it here",
            from,
            to,
            EscalationKind.REQUESTED,
            false,
            at));
  }

  public History supervised(double hour) {
    return add(new IncidentSupervised(id, CENTRE, Town.at(hour), "still overdue"));
  }

  public History verified(WorkerId verifier, double hour) {
    return add(new VerificationPassed(id, Actor.worker(verifier), Town.at(hour), "", verifier));
  }

  public History failed(WorkerId verifier, double hour, double replyBy) {
    return add(
        new VerificationFailed(
            id, Actor.worker(verifier), Town.at(hour), "not fixed", verifier, Town.at(replyBy)));
  }

  public History closed(double hour) {
    return add(new IncidentClosed(id, CENTRE, Town.at(hour), ""));
  }

  public History rated(int attitude, int timeliness, int satisfaction, double hour) {
    return add(
        new IncidentRated(
            id,
            Actor.resident("r-1"),
            Town.at(hour),
            "",
            new Rating(attitude, timeliness, satisfaction)));
  }

  public History suspended(double hour) {
    return add(new CaseSuspended(id, CENTRE, Town.at(hour), "cannot be solved in time"));
  }

  public History extended(double hour, double replyBy) {
    return add(
        new DeadlineExtended(id, CENTRE, Town.at(hour), "awaiting a permit", Town.at(replyBy)));
  }

  public History resumed(double hour, double replyBy) {
    return add(new CaseResumed(id, CENTRE, Town.at(hour), "", Town.at(replyBy)));
  }

  public History reopened(double hour, double replyBy) {
    return add(
        new CaseReopened(id, CENTRE, Town.at(hour), "caller not satisfied", Town.at(replyBy)));
  }

  public History archived(double hour) {
    return add(new IncidentArchived(id, CENTRE, Town.at(hour), ""));
  }

  public ImmutableList<IncidentEvent> build() {
    Incident.replay(events);
    return ImmutableList.copyOf(events);
  }

  private History add(IncidentEvent event) {
    events.add(event);
    return this;
  }
}
