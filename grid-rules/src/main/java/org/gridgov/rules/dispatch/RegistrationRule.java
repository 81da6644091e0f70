package org.gridgov.rules.dispatch;

import java.time.Instant;
import java.util.Optional;
import org.gridgov.core.RuleId;
import org.gridgov.core.category.Category;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentRegistered;
import org.gridgov.core.line.Line;
import org.gridgov.core.line.LineId;
import org.gridgov.core.line.Lines;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.WorkingTime;
import org.gridgov.rules.Refusal;

/**
 * Registers a report (立案) under its category and the line responsible for it, and opens the
 * self-claim window of the policy, which runs from the report's upload (Kaixuan, seed 000: claimed
 * within 24 hours of the upload, else assigned): the time registration took is taken from it, and a
 * report registered after it ends is dispatched at once. An emergency (by its category or as
 * reported) gets no window: it is dispatched at once; nor does a case whose category its level may
 * not close (the policy's authority), which dispatch passes up at once. A dispatcher may name
 * another line.
 */
public final class RegistrationRule {
  public static final RuleId ID = RuleId.of("dispatch.registration");

  private RegistrationRule() {}

  /**
   * The registration event, or a refusal when no line is responsible for the category.
   *
   * @param category the category after any correction by the registering seat
   */
  public static Result decide(
      Incident incident,
      Category category,
      Optional<LineId> line,
      Lines lines,
      PolicySet policy,
      Actor actor,
      Instant now,
      String reason) {
    Optional<LineId> responsible =
        line.isPresent() ? line : lines.responsibleFor(category).map(Line::id);
    if (responsible.isEmpty()) {
      return new Result(
          null,
          new Refusal(
              ID, "NO_RESPONSIBLE_LINE", "no line is responsible for category " + category.code()));
    }
    boolean emergency = category.emergencyFor(incident.emergency());
    boolean handledHere = policy.escalation().mayClose(incident.level(), category.code());
    // the window runs from the upload (Kaixuan: "问题上传24小时内…主动认领"), so a report registered
    // late leaves less of it, and one registered after it is assigned at the next timer round
    Instant claimUntil =
        emergency || !handledHere
            ? now
            : latest(
                now,
                policy
                    .dispatch()
                    .end(
                        WorkingTime.Limit.CLAIM_WINDOW,
                        incident.reportedAt(),
                        policy.dispatch().claimWindow(),
                        policy.zone()));
    return new Result(
        new IncidentRegistered(
            incident.id(), actor, now, reason, category.code(), responsible.get(), claimUntil),
        null);
  }

  /** Either the event or the refusal. */
  public record Result(IncidentRegistered event, Refusal refusal) {
    public Optional<IncidentRegistered> registered() {
      return Optional.ofNullable(event);
    }

    public Optional<Refusal> refused() {
      return Optional.ofNullable(refusal);
    }
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
