package org.gridgov.rules.escalation;

import java.time.Instant;
import java.util.Optional;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.policy.EscalationPolicy;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.Refusal;

/**
 * A level may only close the categories within its authority (the policy's {@code
 * escalation.authority}); anything else must go up first — before anyone works on it, since a case
 * handled and verified where it cannot be closed could move no further. Dispatch passes such a case
 * up ({@link #passUp}, not counted against the quota), claims and assignments at that level are
 * refused ({@link #checkHandle}), and closing is checked once more ({@link #checkClose}).
 *
 * <p>Authority is decided when the level takes the case on: {@link #checkHandle} and {@link
 * #passUp} use the policy in force now, {@link #checkClose} the policy in force at {@link
 * Incident#takenOnAt()}, the claim or assignment that made the current assignee. So a case taken on
 * lawfully is handled, verified (reworked too: the same taking-on) and closed at its level under
 * that version, even when a later version that narrows the level's authority takes effect
 * meanwhile, instead of being stuck verified where it may no longer be closed; a case taken on
 * after that version takes effect (a re-assignment too, or a claim after a return, arbitration or
 * escalation) follows the new authority.
 */
public record AuthorityRule(EscalationPolicy policy) {
  public static final RuleId ID = RuleId.of("escalation.authority");
  public static final String OUTSIDE_AUTHORITY = "OUTSIDE_AUTHORITY";
  private static final Actor ACTOR = Actor.system(ID);

  /** Whether the case's level may close its category, so may work on it. */
  public boolean mayHandle(Incident incident) {
    return policy.mayClose(incident.level(), incident.category());
  }

  /** A refusal when someone at the case's level would work on a case it may not close. */
  public Optional<Refusal> checkHandle(Incident incident) {
    if (mayHandle(incident)) {
      return Optional.empty();
    }
    return Optional.of(
        new Refusal(
            ID,
            OUTSIDE_AUTHORITY,
            "category "
                + incident.category()
                + " is outside the authority of "
                + incident.level()
                + "; incident "
                + incident.id()
                + " goes up before anyone handles it"));
  }

  /**
   * The escalation that takes a case outside its level's authority up one level, at {@code now}
   * with no claim window there; empty when the level may close it, or at the district (the top,
   * where the centre decides).
   */
  public Optional<IncidentEscalated> passUp(Incident incident, Instant now) {
    Level level = incident.level();
    if (mayHandle(incident) || level == Level.DISTRICT || level.up().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new IncidentEscalated(
            incident.id(),
            ACTOR,
            now,
            OUTSIDE_AUTHORITY
                + ": category "
                + incident.category()
                + " is outside the authority of "
                + level,
            level,
            level.up().orElseThrow(),
            EscalationKind.OUTSIDE_AUTHORITY,
            false,
            now));
  }

  /**
   * A refusal when {@code incident} may not be closed at the level now handling it; this rule's
   * policy is the version in force when the case was taken on there ({@link Incident#takenOnAt()}),
   * not necessarily the one in force now.
   */
  public Optional<Refusal> checkClose(Incident incident) {
    if (policy.mayClose(incident.level(), incident.category())) {
      return Optional.empty();
    }
    return Optional.of(
        new Refusal(
            ID,
            OUTSIDE_AUTHORITY,
            "category "
                + incident.category()
                + " is outside the authority of "
                + incident.level()
                + incident
                    .takenOnAt()
                    .map(
                        at ->
                            " under the policy in force when incident "
                                + incident.id()
                                + " was taken on there (takenOnAt "
                                + at
                                + ")")
                    .orElse("")
                + "; incident "
                + incident.id()
                + " must go up before it is closed"));
  }
}
