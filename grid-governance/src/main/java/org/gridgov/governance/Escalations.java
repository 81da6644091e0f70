package org.gridgov.governance;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.OptionalLong;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Step;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.QuotaBasis;
import org.gridgov.core.policy.QuotaMode;
import org.gridgov.core.spi.CounterStore;
import org.gridgov.core.spi.OutcomeUnknownException;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.escalation.EscalationDecision;
import org.gridgov.rules.escalation.LevelQuotaRule;
import org.gridgov.rules.escalation.QuotaUsage;
import org.gridgov.rules.escalation.ReportingUnit;

/**
 * Requested escalations, with quotas counted per reporting unit and calendar month in the policy's
 * zone: "found" is what the store holds as reported inside the unit that month (so far), or in the
 * whole month before under {@link QuotaBasis#PREVIOUS_MONTH}, and not rejected at registration
 * ({@link org.gridgov.core.spi.IncidentStore#countReported}); "escalated" is the unit's counter in
 * the store for the month of the escalation. The counter is taken before the append (atomically
 * capped under HARD, so several nodes never exceed the quota together) and given back when the
 * append does not happen. When the store cannot tell whether it happened ({@link
 * OutcomeUnknownException}: a commit lost with the connection), the slot is kept: the escalation
 * may be stored, and a count one too high (a slot lost for the month) is the safe side of a cap,
 * where one too low could let the quota be exceeded. Emergencies pass and are not counted.
 */
final class Escalations {
  private final GridGovernance governance;

  Escalations(GridGovernance governance) {
    this.governance = governance;
  }

  Incident escalate(Actor actor, IncidentId id, String reason) {
    CounterStore counters = governance.storage().counters();
    Reservation reservation = new Reservation(counters);
    try {
      return governance.execute(
          id,
          Step.ESCALATE,
          actor,
          (incident, now) -> {
            reservation.giveBack();
            return decide(incident, actor, now, reason, reservation).events();
          });
    } catch (OutcomeUnknownException mayBeStored) {
      throw mayBeStored; // the slot is kept: the escalation may have been stored
    } catch (RuntimeException notAppended) {
      reservation.giveBack();
      throw notAppended;
    }
  }

  private EscalationDecision decide(
      Incident incident, Actor actor, Instant now, String reason, Reservation reservation) {
    PolicySet policy = governance.policyIn(now);
    LevelQuotaRule rule = new LevelQuotaRule(policy.escalation());
    boolean emergency = governance.isEmergency(incident);
    Level level = incident.level();
    boolean outsideAuthority = !policy.escalation().mayClose(level, incident.category());
    if (emergency || outsideAuthority || level == Level.DISTRICT) {
      return refuseOrAllow(
          rule.decide(incident, emergency, usage(incident, policy, now), actor, now, reason),
          incident);
    }
    QuotaUsage before = usage(incident, policy, now);
    long limit = rule.limit(level, before.found());
    if (policy.escalation().mode() == QuotaMode.HARD) {
      OptionalLong taken = reservation.takeBelow(before.counterKey(), limit);
      if (taken.isEmpty()) {
        // No slot was taken, so this attempt is refused whatever the counter reads now: another
        // node may have given a slot back since, and reading it here would let an escalation
        // through uncounted. The counter is read for the refusal's figures, never below full.
        QuotaUsage full =
            withEscalated(before, Math.max(limit, reservation.counters.get(before.counterKey())));
        return refuseOrAllow(rule.decide(incident, false, full, actor, now, reason), incident);
      }
      return refuseOrAllow(
          rule.decide(
              incident, false, withEscalated(before, taken.getAsLong() - 1), actor, now, reason),
          incident);
    }
    long after = reservation.take(before.counterKey());
    return refuseOrAllow(
        rule.decide(incident, false, withEscalated(before, after - 1), actor, now, reason),
        incident);
  }

  private static EscalationDecision refuseOrAllow(EscalationDecision decision, Incident incident) {
    if (decision instanceof EscalationDecision.Refuse refuse) {
      throw new CommandRefusedException(incident.id(), Step.ESCALATE, refuse.refusal());
    }
    return decision;
  }

  /**
   * What the incident's unit found this month, or last month under {@link
   * QuotaBasis#PREVIOUS_MONTH}; the escalated figure is filled in by the caller.
   */
  private QuotaUsage usage(Incident incident, PolicySet policy, Instant now) {
    Level level = incident.level();
    AreaCode unit = ReportingUnit.of(incident.grid(), level);
    ZoneId zone = policy.zone();
    YearMonth month = YearMonth.from(now.atZone(zone));
    YearMonth foundIn =
        policy.escalation().quotaBasis() == QuotaBasis.PREVIOUS_MONTH
            ? month.minusMonths(1)
            : month;
    Instant from = foundIn.atDay(1).atStartOfDay(zone).toInstant();
    Instant to = foundIn.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    long found = governance.storage().incidents().countReported(unit, from, to);
    return new QuotaUsage(unit, level, month, found, 0);
  }

  private static QuotaUsage withEscalated(QuotaUsage usage, long escalated) {
    return new QuotaUsage(usage.unit(), usage.level(), usage.month(), usage.found(), escalated);
  }

  /** A counter slot taken for one attempt, given back unless the escalation is stored or may be. */
  private static final class Reservation {
    private final CounterStore counters;
    private String key;

    Reservation(CounterStore counters) {
      this.counters = counters;
    }

    OptionalLong takeBelow(String counterKey, long limit) {
      OptionalLong value = counters.incrementIfBelow(counterKey, limit);
      if (value.isPresent()) {
        key = counterKey;
      }
      return value;
    }

    long take(String counterKey) {
      long value = counters.increment(counterKey);
      key = counterKey;
      return value;
    }

    void giveBack() {
      if (key != null) {
        counters.decrement(key);
        key = null;
      }
    }
  }
}
