package org.gridgov.rules.dispatch;

import java.time.Instant;
import java.util.Optional;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Incident;
import org.gridgov.rules.Refusal;

/**
 * Self-claims (自主认领) are taken while the claim window is open, up to but not at its end (the
 * instant automatic assignment may fire); once it has ended the case is the dispatcher's, even if
 * automatic assignment has not run yet. An emergency has no window and may be claimed until someone
 * is assigned (told by the caller, not guessed from the instants: a case escalated at its
 * registration instant has a window that ended then).
 */
public final class ClaimWindowRule {
  public static final RuleId ID = RuleId.of("dispatch.claim-window");
  public static final String CLAIM_WINDOW_CLOSED = "CLAIM_WINDOW_CLOSED";

  private ClaimWindowRule() {}

  /**
   * A refusal when {@code incident} may no longer be claimed at {@code now}. An {@code emergency}
   * (the report's flag or its category's, which the caller knows from the catalogue) has no window:
   * it may be claimed until someone is assigned, at whatever level it is. Any other case only
   * before its claimUntil.
   */
  public static Optional<Refusal> checkClaim(Incident incident, boolean emergency, Instant now) {
    Instant until = incident.claimUntil().orElse(null);
    if (emergency || until == null || now.isBefore(until)) { // [registered, claimUntil)
      return Optional.empty();
    }
    return Optional.of(
        new Refusal(
            ID,
            CLAIM_WINDOW_CLOSED,
            "the claim window of incident "
                + incident.id()
                + " ended at "
                + until
                + "; it is assigned automatically"));
  }
}
