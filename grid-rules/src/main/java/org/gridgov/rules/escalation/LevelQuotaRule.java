package org.gridgov.rules.escalation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.policy.EscalationPolicy;
import org.gridgov.core.policy.QuotaBasis;
import org.gridgov.core.policy.QuotaMode;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.Refusal;

/**
 * Kaixuan's "one in ten" (十一制): what a unit passes up in a calendar month may not exceed its
 * level's quota times what it found that month so far, or in the month before ({@link
 * EscalationPolicy#quotaBasis()}). Under a HARD quota the escalation that would exceed it is
 * refused with {@code QUOTA_EXHAUSTED}; under SOFT it passes and is flagged. An emergency always
 * passes and is never counted, and so does a case its level may not close (outside the level's
 * authority, say after a new policy version narrowed it): it must go up, so it is not passed up by
 * choice. Cases go up one level at a time, to the district at most.
 */
public record LevelQuotaRule(EscalationPolicy policy) {
  public static final RuleId ID = RuleId.of("escalation.level-quota");
  public static final String QUOTA_EXHAUSTED = "QUOTA_EXHAUSTED";
  public static final String TOP_LEVEL = "TOP_LEVEL";

  /**
   * The most escalations a unit at {@code level} may make in a month in which it found {@code
   * found} problems: {@code floor(quota × found)}, or unlimited without a quota.
   */
  public long limit(Level level, long found) {
    Optional<BigDecimal> quota = policy.quotaFor(level);
    if (quota.isEmpty()) {
      return Long.MAX_VALUE;
    }
    return quota
        .get()
        .multiply(BigDecimal.valueOf(found))
        .setScale(0, RoundingMode.FLOOR)
        .longValueExact();
  }

  /**
   * Decides whether {@code incident} may go up from its level, given the unit's figures for the
   * month before this escalation.
   *
   * @throws InvalidInputException ({@link #ID}) when the level has a quota and {@code usage} is not
   *     of the incident's unit ({@link ReportingUnit#of}) and level: another unit's figures would
   *     pass or refuse the case against the wrong limit
   */
  public EscalationDecision decide(
      Incident incident,
      boolean emergency,
      QuotaUsage usage,
      Actor actor,
      Instant now,
      String reason) {
    Level from = incident.level();
    if (from == Level.DISTRICT || from.up().isEmpty()) {
      return new EscalationDecision.Refuse(
          ID,
          new Refusal(
              ID,
              TOP_LEVEL,
              "incident " + incident.id() + " is handled at " + from + ", the top of the ladder"));
    }
    Level to = from.up().orElseThrow();
    if (emergency) {
      return new EscalationDecision.Allow(
          ID,
          new IncidentEscalated(
              incident.id(), actor, now, reason, from, to, EscalationKind.EMERGENCY, false, now));
    }
    if (!policy.mayClose(from, incident.category())) { // must go up: not by choice, not counted
      return new EscalationDecision.Allow(
          ID,
          new IncidentEscalated(
              incident.id(),
              actor,
              now,
              reason,
              from,
              to,
              EscalationKind.OUTSIDE_AUTHORITY,
              false,
              now));
    }
    if (policy.quotaFor(from).isPresent()) {
      requireUnitOf(incident, usage);
    }
    long limit = limit(from, usage.found());
    boolean over = usage.escalated() + 1 > limit;
    if (over && policy.mode() == QuotaMode.HARD) {
      return new EscalationDecision.Refuse(
          ID,
          new Refusal(
              ID,
              QUOTA_EXHAUSTED,
              describe(usage, limit) + "; incident " + incident.id() + " stays at " + from));
    }
    // The note goes with the reason only when both make a text an event holds (the event's own
    // check: at most IncidentEvent.MAX_TEXT characters); the event's overQuota flag records the
    // excess either way (a reason the facade accepted must not fail here).
    String note = over ? " [over quota: " + describe(usage, limit) + "]" : "";
    String flagged =
        note.isEmpty() || IncidentEvent.textProblem(reason + note) != null ? reason : reason + note;
    return new EscalationDecision.Allow(
        ID,
        new IncidentEscalated(
            incident.id(), actor, now, flagged, from, to, EscalationKind.REQUESTED, over, now));
  }

  private static void requireUnitOf(Incident incident, QuotaUsage usage) {
    Level level = incident.level();
    AreaCode unit = ReportingUnit.of(incident.grid(), level);
    if (usage.unit().equals(unit) && usage.level() == level) {
      return;
    }
    List<Violation> violations = new ArrayList<>();
    if (!usage.unit().equals(unit)) {
      violations.add(
          Violation.of(
              "usage.unit",
              ID,
              "must be the unit of incident " + incident.id() + " at " + level + ", " + unit,
              usage.unit()));
    }
    if (usage.level() != level) {
      violations.add(
          Violation.of(
              "usage.level",
              ID,
              "must be the level of incident " + incident.id() + ", " + level,
              usage.level()));
    }
    throw new InvalidInputException("escalation quota usage", violations);
  }

  private String describe(QuotaUsage usage, long limit) {
    return usage.level()
        + " "
        + usage.unit()
        + " found "
        + usage.found()
        + (policy.quotaBasis() == QuotaBasis.PREVIOUS_MONTH
            ? " in " + usage.month().minusMonths(1)
            : "")
        + " and escalated "
        + usage.escalated()
        + " in "
        + usage.month()
        + "; quota "
        + policy.quotaFor(usage.level()).map(BigDecimal::toPlainString).orElse("none")
        + " allows "
        + limit
        + " ("
        + policy.mode()
        + ")";
  }
}
