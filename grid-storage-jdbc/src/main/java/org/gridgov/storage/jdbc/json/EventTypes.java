package org.gridgov.storage.jdbc.json;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.CaseArbitrated;
import org.gridgov.core.incident.CaseReferred;
import org.gridgov.core.incident.CaseReopened;
import org.gridgov.core.incident.CaseResumed;
import org.gridgov.core.incident.CaseReturned;
import org.gridgov.core.incident.CaseSuspended;
import org.gridgov.core.incident.DeadlineExtended;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.incident.ExternalRef;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.IncidentArchived;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentClaimed;
import org.gridgov.core.incident.IncidentClosed;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentRated;
import org.gridgov.core.incident.IncidentRegistered;
import org.gridgov.core.incident.IncidentRejected;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.incident.JointMeetingConvened;
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
 * The 22 event types in schema version 1. Names and field names are a stored format: never rename
 * one; add a schema version and keep reading the old one instead. A new type may be added to a
 * version (the referral to the centre was): older readers cannot read histories that hold it. An
 * optional field may be added to a type (the end of a suspension, the registration limit of a
 * report and the verification limit of a feedback were): rows written before lack it and read as
 * its absence. Common fields ({@code actor}, {@code at}, {@code reason}) are written by {@link
 * EventType#write}.
 */
final class EventTypes {
  private EventTypes() {}

  static final ImmutableList<EventType<?>> V1 =
      ImmutableList.of(
          new EventType<>(
              "incident.reported",
              IncidentReported.class,
              (e, o) ->
                  o.text("source", e.source())
                      .text("category", e.category())
                      .text("grid", e.grid())
                      .optional("microGrid", e.microGrid())
                      .optional("externalSystem", e.external().map(ExternalRef::system))
                      .optional("externalId", e.external().map(ExternalRef::id))
                      .flag("emergency", e.emergency())
                      .text("description", e.description())
                      .optional("topic", e.topic())
                      .optional("registerBy", e.registerBy()),
              (id, i) ->
                  new IncidentReported(
                      id,
                      i.actor(),
                      i.instant("at"),
                      i.text("reason"),
                      i.enumValue("source", Source.class),
                      i.value("category", CategoryCode::parse),
                      i.value("grid", g -> AreaCode.of(g, Level.GRID)),
                      i.optional("microGrid", m -> AreaCode.of(m, Level.MICRO_GRID)),
                      i.has("externalSystem")
                          ? Optional.of(
                              i.value(
                                  "externalId", x -> ExternalRef.of(i.text("externalSystem"), x)))
                          : Optional.empty(),
                      i.flag("emergency"),
                      i.text("description"),
                      i.optionalText("topic"),
                      i.optionalInstant("registerBy"))),
          new EventType<>(
              "incident.registered",
              IncidentRegistered.class,
              (e, o) ->
                  o.text("category", e.category())
                      .text("line", e.line())
                      .instant("claimUntil", e.claimUntil()),
              (id, i) ->
                  new IncidentRegistered(
                      id,
                      i.actor(),
                      i.instant("at"),
                      i.text("reason"),
                      i.value("category", CategoryCode::parse),
                      i.value("line", LineId::of),
                      i.instant("claimUntil"))),
          new EventType<>(
              "incident.rejected",
              IncidentRejected.class,
              (e, o) -> o.text("kind", e.kind()).optional("duplicateOf", e.duplicateOf()),
              (id, i) ->
                  new IncidentRejected(
                      id,
                      i.actor(),
                      i.instant("at"),
                      i.text("reason"),
                      i.enumValue("kind", RejectionKind.class),
                      i.optional("duplicateOf", IncidentId::of))),
          new EventType<>(
              "incident.claimed",
              IncidentClaimed.class,
              (e, o) -> o.text("claimant", e.claimant()).instant("replyBy", e.replyBy()),
              (id, i) ->
                  new IncidentClaimed(
                      id,
                      i.actor(),
                      i.instant("at"),
                      i.text("reason"),
                      i.value("claimant", WorkerId::of),
                      i.instant("replyBy"))),
          new EventType<>(
              "incident.assigned",
              IncidentAssigned.class,
              (e, o) ->
                  o.text("assignee", e.assignee())
                      .text("line", e.line())
                      .instant("replyBy", e.replyBy()),
              (id, i) ->
                  new IncidentAssigned(
                      id,
                      i.actor(),
                      i.instant("at"),
                      i.text("reason"),
                      i.value("assignee", WorkerId::of),
                      i.value("line", LineId::of),
                      i.instant("replyBy"))),
          new EventType<>(
              "incident.feedback-given",
              FeedbackGiven.class,
              (e, o) ->
                  o.text("handler", e.handler())
                      .text("summary", e.summary())
                      .optional("verifyBy", e.verifyBy()),
              (id, i) ->
                  new FeedbackGiven(
                      id,
                      i.actor(),
                      i.instant("at"),
                      i.text("reason"),
                      i.value("handler", WorkerId::of),
                      i.text("summary"),
                      i.optionalInstant("verifyBy"))),
          new EventType<>(
              "incident.returned",
              CaseReturned.class,
              (e, o) -> o.text("fromLine", e.fromLine()),
              (id, i) ->
                  new CaseReturned(
                      id,
                      i.actor(),
                      i.instant("at"),
                      i.text("reason"),
                      i.value("fromLine", LineId::of))),
          new EventType<>(
              "incident.arbitrated",
              CaseArbitrated.class,
              (e, o) -> o.text("line", e.line()).instant("claimUntil", e.claimUntil()),
              (id, i) ->
                  new CaseArbitrated(
                      id,
                      i.actor(),
                      i.instant("at"),
                      i.text("reason"),
                      i.value("line", LineId::of),
                      i.instant("claimUntil"))),
          new EventType<>(
              "incident.joint-meeting-convened",
              JointMeetingConvened.class,
              (e, o) ->
                  o.text("lead", e.lead())
                      .texts("lines", e.lines())
                      .instant("claimUntil", e.claimUntil()),
              (id, i) ->
                  new JointMeetingConvened(
                      id,
                      i.actor(),
                      i.instant("at"),
                      i.text("reason"),
                      i.value("lead", LineId::of),
                      Set.copyOf(i.list("lines", LineId::of)),
                      i.instant("claimUntil"))),
          new EventType<>(
              "incident.escalated",
              IncidentEscalated.class,
              (e, o) ->
                  o.text("from", e.from())
                      .text("to", e.to())
                      .text("kind", e.kind())
                      .flag("overQuota", e.overQuota())
                      .instant("claimUntil", e.claimUntil()),
              (id, i) ->
                  new IncidentEscalated(
                      id,
                      i.actor(),
                      i.instant("at"),
                      i.text("reason"),
                      i.enumValue("from", Level.class),
                      i.enumValue("to", Level.class),
                      i.enumValue("kind", EscalationKind.class),
                      i.flag("overQuota"),
                      i.instant("claimUntil"))),
          new EventType<>(
              "incident.referred",
              CaseReferred.class,
              (e, o) -> o.text("line", e.line()).text("level", e.level()),
              (id, i) ->
                  new CaseReferred(
                      id,
                      i.actor(),
                      i.instant("at"),
                      i.text("reason"),
                      i.value("line", LineId::of),
                      i.enumValue("level", Level.class))),
          new EventType<>(
              "incident.supervised",
              IncidentSupervised.class,
              (e, o) -> {},
              (id, i) -> new IncidentSupervised(id, i.actor(), i.instant("at"), i.text("reason"))),
          new EventType<>(
              "incident.marked-overdue",
              MarkedOverdue.class,
              (e, o) ->
                  o.instant("deadline", e.deadline()).optional("superviseAt", e.superviseAt()),
              (id, i) ->
                  new MarkedOverdue(
                      id,
                      i.actor(),
                      i.instant("at"),
                      i.text("reason"),
                      i.instant("deadline"),
                      i.optionalInstant("superviseAt"))),
          new EventType<>(
              "incident.deadline-extended",
              DeadlineExtended.class,
              (e, o) -> o.instant("replyBy", e.replyBy()),
              (id, i) ->
                  new DeadlineExtended(
                      id, i.actor(), i.instant("at"), i.text("reason"), i.instant("replyBy"))),
          new EventType<>(
              "incident.verification-passed",
              VerificationPassed.class,
              (e, o) -> o.text("verifier", e.verifier()),
              (id, i) ->
                  new VerificationPassed(
                      id,
                      i.actor(),
                      i.instant("at"),
                      i.text("reason"),
                      i.value("verifier", WorkerId::of))),
          new EventType<>(
              "incident.verification-failed",
              VerificationFailed.class,
              (e, o) -> o.text("verifier", e.verifier()).instant("replyBy", e.replyBy()),
              (id, i) ->
                  new VerificationFailed(
                      id,
                      i.actor(),
                      i.instant("at"),
                      i.text("reason"),
                      i.value("verifier", WorkerId::of),
                      i.instant("replyBy"))),
          new EventType<>(
              "incident.closed",
              IncidentClosed.class,
              (e, o) -> {},
              (id, i) -> new IncidentClosed(id, i.actor(), i.instant("at"), i.text("reason"))),
          new EventType<>(
              "incident.rated",
              IncidentRated.class,
              (e, o) ->
                  o.object("rating")
                      .number("attitude", e.rating().attitude())
                      .number("timeliness", e.rating().timeliness())
                      .number("satisfaction", e.rating().satisfaction()),
              (id, i) ->
                  new IncidentRated(
                      id,
                      i.actor(),
                      i.instant("at"),
                      i.text("reason"),
                      rating(i.object("rating")))),
          new EventType<>(
              "incident.reopened",
              CaseReopened.class,
              (e, o) -> o.instant("replyBy", e.replyBy()),
              (id, i) ->
                  new CaseReopened(
                      id, i.actor(), i.instant("at"), i.text("reason"), i.instant("replyBy"))),
          new EventType<>(
              "incident.suspended",
              CaseSuspended.class,
              (e, o) -> o.optional("until", e.until()),
              (id, i) ->
                  new CaseSuspended(
                      id,
                      i.actor(),
                      i.instant("at"),
                      i.text("reason"),
                      i.optionalInstant("until"))),
          new EventType<>(
              "incident.resumed",
              CaseResumed.class,
              (e, o) -> o.instant("replyBy", e.replyBy()),
              (id, i) ->
                  new CaseResumed(
                      id, i.actor(), i.instant("at"), i.text("reason"), i.instant("replyBy"))),
          new EventType<>(
              "incident.archived",
              IncidentArchived.class,
              (e, o) -> {},
              (id, i) -> new IncidentArchived(id, i.actor(), i.instant("at"), i.text("reason"))));

  private static Rating rating(JsonIn r) {
    try {
      return new Rating(r.integer("attitude"), r.integer("timeliness"), r.integer("satisfaction"));
    } catch (IllegalArgumentException e) {
      throw new JsonFormatException(r.document() + " is not a valid rating");
    }
  }

  /** The names, sorted, for messages. */
  static Set<String> names() {
    Set<String> names = new TreeSet<>();
    V1.forEach(t -> names.add(t.name()));
    return names;
  }
}
